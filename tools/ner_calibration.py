"""Calibrate a pipeline's NER probabilities and report them: swap its `ner` for a `pii_ner`,
fit the temperature on the dev split, then print ECE, the reliability table and the suggested
threshold on the test split at temperature 1 and at the fitted one (NER only, and NER +
detectors). Optionally save the calibrated pipeline.

    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python tests/ner_calibration.py \\
        en_pii corpus/dev.jsonl corpus/test.jsonl [--beam-width 1] [--save DIR]

Not a test: it runs the whole pipeline over both splits (minutes on a laptop CPU).
"""
import argparse
from pathlib import Path

import spacy

from spacy_pii.corpus import read_jsonl
from spacy_pii.evaluation.calibration import fit_temperature
from spacy_pii.evaluation.evaluate import evaluate, reliability_table, suggest_threshold, threshold_table
from spacy_pii.pipeline.scored_ner import scored_from


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("dev", type=Path)
    parser.add_argument("test", type=Path)
    parser.add_argument("--beam-width", type=int, default=1)
    parser.add_argument("--save", type=Path, default=None)
    args = parser.parse_args()
    dev = list(read_jsonl(args.dev, labels=None))
    test = list(read_jsonl(args.test, labels=None))
    nlp = spacy.load(args.model)
    scored_from(nlp, beam_width=args.beam_width)
    best, tried = fit_temperature(nlp, dev)
    print("dev ECE by temperature:", ", ".join(f"{t:g}: {e:.3f}" for t, e in tried), f"-> {best:g}")
    for temperature in sorted({1.0, best}):
        scored_from(nlp, beam_width=args.beam_width, temperature=temperature)
        for ner_only in (True, False):
            scores = evaluate(nlp, test, ner_only=ner_only)
            bins, ece = reliability_table(scores.calibration)
            suggested = suggest_threshold(threshold_table(scores.examples))
            view = "NER only" if ner_only else "NER + detectors"
            print(f"\ntest, temperature {temperature:g}, {view}: micro F1 {scores.micro().f:.3f}, "
                  f"leak {scores.leak_rate:.4f}, ECE {ece:.3f}, suggested threshold "
                  f"{'none' if suggested is None else f'{suggested.threshold:g}'}")
            print("| score bin | spans | mean score | precision |\n|---|---:|---:|---:|")
            for b in bins:
                print(f"| {b.low:.1f}-{b.high:.1f} | {b.n} | {b.mean_score:.3f} | {b.precision:.3f} |")
    if args.save is not None:
        scored_from(nlp, beam_width=args.beam_width, temperature=best)
        nlp.to_disk(args.save)
        print(f"\nsaved the pipeline with pii_ner (temperature {best:g}) to {args.save}")


if __name__ == "__main__":
    main()

"""Print the README's accuracy tables from the metrics files `make evaluate` writes.

    python training/tables.py [training/output]
"""
import sys
from pathlib import Path

import orjson

from spacy_pii.labels import LABELS

COLUMNS = [
    ("test fp32", "metrics-fp32-test.json"),
    ("test int8", "metrics-int8-test.json"),
    ("test int8 NER only", "metrics-int8-test-ner.json"),
    ("challenge fp32", "metrics-fp32-challenge.json"),
    ("challenge int8", "metrics-int8-challenge.json"),
    ("challenge int8 NER only", "metrics-int8-challenge-ner.json"),
    ("challenge v1 int8", "metrics-int8-challenge-v1.json"),
    ("challenge v2 int8", "metrics-int8-challenge-v2.json"),
    ("challenge v3 int8", "metrics-int8-challenge-v3.json"),
]


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "training/output")
    runs = {name: orjson.loads((out / file).read_bytes()) for name, file in COLUMNS}
    rows = [
        ("micro P", lambda m: m["micro"]["p"]),
        ("micro R", lambda m: m["micro"]["r"]),
        ("micro F1", lambda m: m["micro"]["f"]),
        ("macro F1", lambda m: m["macro_f"]),
        ("leak rate", lambda m: m["leak_rate"]),
        ("over-redaction", lambda m: m["over_redaction"]),
    ]
    print("| | " + " | ".join(runs) + " |")
    print("|---|" + "---:|" * len(runs))
    for label, get in rows:
        print(f"| {label} | " + " | ".join(f"{get(m):.3f}" for m in runs.values()) + " |")
    print()
    test, challenge = runs["test int8"]["per_label"], runs["challenge int8"]["per_label"]
    print("| label | test F1 | challenge F1 (gold spans) |")
    print("|---|---:|---:|")
    for label in LABELS:
        if label not in test:
            continue
        c = challenge.get(label)
        gold = f"{c['f']:.3f} ({c['tp'] + c['fn']})" if c else "–"
        print(f"| {label} | {test[label]['f']:.3f} | {gold} |")


if __name__ == "__main__":
    main()

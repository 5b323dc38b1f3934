"""Evaluation sets of one kind of line, from the project's own generator (never from public
logs): what `spacy-pii evaluate` reads for the "right on real logs" figures.

    python training/eval_sets.py --out training/output/eval --seed 13

Writes, each a JSONL of single lines with their gold spans (a span crossing a line is dropped
with its line):
- syslog-clean.jsonl: system-log lines without PII (target: <= 1% changed);
- syslog-pii.jsonl: system-log lines with PII (target: leak <= 0.5%);
- encoded.jsonl: application-log lines holding percent-, JSON- or HTML-encoded values.
The random streams are their own ("eval-*" splits), apart from train/dev/test.
"""
import argparse
import re
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import orjson

from spacy_pii.generate import generate_split

ENCODED = re.compile(r"%[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|&#?\w+;|[A-Za-z]\+[A-Za-z]")
Line = Tuple[str, List[Dict[str, object]]]


def lines_of(text: str, spans: List[Tuple[int, int, str]]) -> Iterator[Line]:
    """Each non-empty line of a text with the spans that lie inside it (offsets re-based)."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        inside = [s for s in spans if pos <= s[0] and s[1] <= end]
        crossing = [s for s in spans if s[0] < end and s[1] > pos and s not in inside]
        if line.strip() and not crossing:
            yield line, [{"start": s - pos, "end": e - pos, "label": lb} for s, e, lb in inside]
        pos = end + 1


def write(path: Path, lines: List[Line]) -> None:
    with path.open("wb") as f:
        for text, spans in lines:
            f.write(orjson.dumps({"text": text, "spans": spans}) + b"\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--docs", type=int, default=600)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    syslog = [ln for ex in generate_split("eval-syslog", args.docs, args.seed, genres=["syslog"])
              for ln in lines_of(ex.text, list(ex.spans))]
    logs = [ln for ex in generate_split("eval-log", args.docs * 2, args.seed, genres=["log"])
            for ln in lines_of(ex.text, list(ex.spans))]
    sets = {
        "syslog-clean": [ln for ln in syslog if not ln[1]],
        "syslog-pii": [ln for ln in syslog if ln[1]],
        "encoded": [ln for ln in logs if ln[1] and ENCODED.search(ln[0])],
    }
    for name, lines in sets.items():
        write(args.out / f"{name}.jsonl", lines)
        print(f"{name}: {len(lines)} lines")


if __name__ == "__main__":
    main()

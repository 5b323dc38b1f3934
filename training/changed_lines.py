"""How many lines `spacy-pii redact` changes, run as users run it (the real CLI, any version):

    python training/changed_lines.py training/output/eval/syslog-clean.jsonl [--cli PATH] [--model M]

Reads the "text" of each JSONL record (one line each), pipes them through the CLI, and prints
the number and share of lines that came back changed, and the labels the CLI reported
(--stats). On lines without PII every change is a false alarm a user sees first.
"""
import argparse
import subprocess
import sys
from pathlib import Path

import orjson


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--cli", default=str(Path(sys.executable).parent / "spacy-pii"))
    parser.add_argument("--model", default="en_pii")
    args = parser.parse_args()
    lines = [orjson.loads(raw)["text"] for raw in args.data.read_bytes().splitlines() if raw.strip()]
    if any("\n" in line for line in lines):
        sys.exit("a record holds more than one line")
    out = subprocess.run(
        [args.cli, "redact", "--model", args.model], input="\n".join(lines) + "\n",
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    if len(out) != len(lines):
        sys.exit(f"{len(lines)} lines in, {len(out)} out")
    changed = sum(a != b for a, b in zip(lines, out))
    print(f"{args.data.name}: {changed} of {len(lines)} lines changed ({changed / len(lines):.4f})")


if __name__ == "__main__":
    main()

"""Write the challenge set's parts (the "set" field: v1, v2, v3) to separate JSONL files, so
`spacy-pii evaluate` can score old and new hand-written lines apart.

    python training/split_sets.py tests/data/challenge.jsonl training/output
"""
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List

import orjson


def main(src: Path, out: Path) -> None:
    parts: Dict[str, List[bytes]] = defaultdict(list)
    for raw in src.read_bytes().splitlines():
        if raw.strip():
            parts[str(orjson.loads(raw).get("set", "v1"))].append(raw)
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in sorted(parts.items()):
        (out / f"challenge-{name}.jsonl").write_bytes(b"\n".join(rows) + b"\n")
        print(f"challenge-{name}.jsonl: {len(rows)} lines")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

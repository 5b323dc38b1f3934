"""The hand-written challenge set: built output fresh, sets v1, v2 and v3 apart, v2/v3 as promised."""
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List

import pytest

DATA = Path(__file__).resolve().parent / "data"
BUILDER = DATA / "make_challenge.py"


@pytest.fixture(scope="module")
def records() -> List[Dict[str, Any]]:
    return [json.loads(line) for line in (DATA / "challenge.jsonl").read_text(encoding="utf8").splitlines()]


def test_jsonl_is_built_from_the_source() -> None:
    out = subprocess.run([sys.executable, str(BUILDER), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("name,min_lines", [("v1", 235), ("v2", 100), ("v3", 100)])
def test_sets(records: List[Dict[str, Any]], name: str, min_lines: int) -> None:
    assert len([r for r in records if r["set"] == name]) >= min_lines


def test_every_record_has_a_known_set(records: List[Dict[str, Any]]) -> None:
    assert {r["set"] for r in records} == {"v1", "v2", "v3"}
    # the sets are contiguous and in order
    order = [r["set"] for r in records]
    assert order == sorted(order)


@pytest.mark.parametrize("name", ["v2", "v3"])
@pytest.mark.parametrize("label", ["NRP", "AGE", "URL", "ORGANIZATION", "USERNAME", "STREET_ADDRESS", "PERSON"])
def test_new_sets_cover_the_issue_13_labels(records: List[Dict[str, Any]], name: str, label: str) -> None:
    counts = Counter(s["label"] for r in records if r["set"] == name for s in r["spans"])
    assert counts[label] >= 3, counts


@pytest.mark.parametrize("name", ["v2", "v3"])
def test_new_sets_are_prose_with_hard_negatives(records: List[Dict[str, Any]], name: str) -> None:
    lines = [r for r in records if r["set"] == name]
    assert {r["genre"] for r in lines} == {"prose"}
    assert 0.2 <= sum(not r["spans"] for r in lines) / len(lines) <= 0.4


@pytest.mark.parametrize("source,sets", [
    ("prose\tA line.\n# @set v2\nprose\tAnother line.\n", ["v1", "v2"]),
    ("# @set extra\nprose\tA line.\n", ["extra"]),
    ("prose\tA line.\n# a comment, not a directive: @set v9\nprose\tAnother line.\n", ["v1", "v1"]),
])
def test_set_directive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, sets: List[str]) -> None:
    sys.path.insert(0, str(DATA))
    try:
        import make_challenge
    finally:
        sys.path.remove(str(DATA))
    src = tmp_path / "challenge.txt"
    src.write_text(source, encoding="utf8")
    monkeypatch.setattr(make_challenge, "SRC", src)
    built, errors = make_challenge.build()
    assert errors == []
    assert [r["set"] for r in built] == sets

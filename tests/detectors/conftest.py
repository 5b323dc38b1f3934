"""Helpers for the per-detector tables: run one registered detector alone."""
from typing import Callable, List, Tuple

import pytest

from spacy_pii.detectors import build_detector

# Machine values log lines are full of, which no national-ID, wallet or URL detector may take.
LOOKALIKES: Tuple[str, ...] = (
    "request_id=550e8400-e29b-41d4-a716-446655440000 done",
    "order #912803456 shipped, order number 123456789012",
    "ts=1700000000 epoch_ms=1717171717123 at 2024-01-15T10:30:00.123456Z",
    "commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 sha256 "
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "txn 0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b in block 19000000",
    "pid 123456789 port 8080 inode 1234567890 build 20240115103000",
    "GET /api/v1/users/123456789/orders?page=2 200 512",
    "session ab123456c retry 3 of 5, 12.345678901 seconds",
)


@pytest.fixture
def found() -> Callable[[str, str], List[str]]:
    """`found(name, text)`: the values the detector `name` finds in `text`, in order."""

    def run(name: str, text: str) -> List[str]:
        detector = build_detector(name)
        return [text[m.start : m.end] for m in sorted(detector.find(text))]

    return run


@pytest.fixture
def scores() -> Callable[[str, str], List[float]]:
    """`scores(name, text)`: the scores of the detector's matches, in order."""

    def run(name: str, text: str) -> List[float]:
        return [m.score for m in sorted(build_detector(name).find(text))]

    return run


@pytest.fixture(params=LOOKALIKES)
def lookalike(request: pytest.FixtureRequest) -> str:
    """Each machine-value line in turn."""
    return str(request.param)

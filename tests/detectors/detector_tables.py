"""The three table tests every detector gets: found (value and score), rejected, lookalikes.

Each tests/detectors/test_detector_<name>.py holds only its own tables and calls
`table_tests`, so a detector's cases are data and the checks are written once.
"""
from typing import Callable, List, Sequence, Tuple

import pytest

from spacy_pii.detectors import build_detector

Found = Sequence[Tuple[str, List[Tuple[str, float]]]]

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


def detect(name: str, text: str) -> List[Tuple[str, float]]:
    """The (value, score) pairs the detector `name` finds in `text`, in order."""
    return [(text[m.start : m.end], m.score) for m in sorted(build_detector(name).find(text))]


def table_tests(
    name: str, found: Found, rejected: Sequence[str]
) -> Tuple[Callable[..., None], Callable[..., None], Callable[..., None]]:
    """The found / rejected / lookalike tests of one detector.

    name (str): the registered detector name.
    found (Found): (text, [(value, score), ...]) rows.
    rejected (Sequence[str]): texts in which it must find nothing.
    RETURNS: three test functions; bind them to names starting with `test_`.
    """

    @pytest.mark.parametrize("text,expected", found)
    def test_found(text: str, expected: List[Tuple[str, float]]) -> None:
        assert detect(name, text) == expected

    @pytest.mark.parametrize("text", rejected)
    def test_rejected(text: str) -> None:
        assert detect(name, text) == []

    @pytest.mark.parametrize("text", LOOKALIKES)
    def test_lookalikes(text: str) -> None:
        assert detect(name, text) == []

    return test_found, test_rejected, test_lookalikes

"""US_ITIN: 9XX-[5-9]X-XXXX within the IRS group ranges; bare digits need context."""
from typing import Callable, List

import pytest

NAME = "us_itin"


@pytest.mark.parametrize(
    "text,expected,score",
    [
        ("ITIN: 912-70-1234", ["912-70-1234"], 0.95),
        ("taxpayer id 912 88 1234", ["912 88 1234"], 0.95),
        ("filed with 900-50-0001 on record", ["900-50-0001"], 0.6),
        ("ITIN 912701234", ["912701234"], 0.95),
    ],
)
def test_itin_found(
    found: Callable[[str, str], List[str]],
    scores: Callable[[str, str], List[float]],
    text: str,
    expected: List[str],
    score: float,
) -> None:
    assert found(NAME, text) == expected
    assert scores(NAME, text) == [score]


@pytest.mark.parametrize(
    "text",
    [
        "912701234",  # bare digits, no context
        "ITIN: 912-69-1234",  # group 66-69 is not issued
        "ITIN: 912-93-1234",  # nor 93
        "ITIN: 812-70-1234",  # area must start with 9
        "912-70-12345",
        "ITIN 912-70 1234",  # mixed separators
    ],
)
def test_itin_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_itin_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

"""IN_PAN: 3 letters, a holder-type letter, a letter, 4 digits, a letter."""
from typing import Callable, List

import pytest

NAME = "in_pan"


@pytest.mark.parametrize(
    "text,expected,score",
    [
        ("PAN: ABCPE1234F", ["ABCPE1234F"], 0.95),
        ("income tax id AAACB1234C", ["AAACB1234C"], 0.95),
        ("holder ABCPE1234F", ["ABCPE1234F"], 0.6),
    ],
)
def test_pan_found(
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
    ["ABCDE1234F", "abcpe1234f", "ABCPE12345", "ABCPE123F", "XABCPE1234F"],  # D: no holder type
)
def test_pan_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_pan_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

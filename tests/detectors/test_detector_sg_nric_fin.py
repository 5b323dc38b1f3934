"""SG_NRIC_FIN: S/T/F/G/M, 7 digits, a check letter."""
from typing import Callable, List

import pytest

NAME = "sg_nric_fin"


@pytest.mark.parametrize(
    "text,expected,score",
    [
        ("NRIC S1234567D", ["S1234567D"], 1.0),
        ("FIN: F1234567N.", ["F1234567N"], 1.0),
        ("visitor T1234567J", ["T1234567J"], 0.85),
        ("G1234567X", ["G1234567X"], 0.85),
    ],
)
def test_nric_found(
    found: Callable[[str, str], List[str]],
    scores: Callable[[str, str], List[float]],
    text: str,
    expected: List[str],
    score: float,
) -> None:
    assert found(NAME, text) == expected
    assert scores(NAME, text) == [score]


@pytest.mark.parametrize("text", ["S1234567A", "s1234567d", "A1234567D", "S123456D", "XS1234567D"])
def test_nric_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_nric_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

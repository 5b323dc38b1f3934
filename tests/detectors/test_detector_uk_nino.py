"""UK_NINO: prefix rules, six digits, suffix A-D."""
from typing import Callable, List

import pytest

NAME = "uk_nino"


@pytest.mark.parametrize(
    "text,expected,score",
    [
        ("NI number: AB 12 34 56 C", ["AB 12 34 56 C"], 0.95),
        ("nino=JG103759A", ["JG103759A"], 0.95),
        ("employee AB123456C joined", ["AB123456C"], 0.6),
    ],
)
def test_nino_found(
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
        "QQ123456C",  # Q never a prefix letter (QQ is the specimen)
        "GB123456A", "BG123456A", "ZZ123456A",  # prohibited prefixes
        "DA123456A",  # D never first
        "AO123456A",  # O never second
        "AB123456E",  # suffix A-D only
        "ab123456c",  # lower case
        "AB 1234 56 C",  # uneven spacing
        "XAB123456C",
    ],
)
def test_nino_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_nino_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

"""ES_NIE: X/Y/Z, 7 digits, a mod-23 control letter."""
from typing import Callable, List

import pytest

NAME = "es_nie"


@pytest.mark.parametrize(
    "text,expected,score",
    [
        ("NIE X1234567L", ["X1234567L"], 1.0),
        ("extranjero Y-1234567-X", ["Y-1234567-X"], 1.0),
        ("ref X1234567L ok", ["X1234567L"], 0.9),
    ],
)
def test_nie_found(
    found: Callable[[str, str], List[str]],
    scores: Callable[[str, str], List[float]],
    text: str,
    expected: List[str],
    score: float,
) -> None:
    assert found(NAME, text) == expected
    assert scores(NAME, text) == [score]


@pytest.mark.parametrize("text", ["X1234567A", "Y1234567L", "W1234567L", "x1234567L", "X123456L"])
def test_nie_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_nie_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

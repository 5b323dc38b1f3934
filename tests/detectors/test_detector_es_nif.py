"""ES_NIF: 8 digits and a mod-23 control letter."""
from typing import Callable, List

import pytest

NAME = "es_nif"


@pytest.mark.parametrize(
    "text,expected,score",
    [
        ("DNI 12345678Z", ["12345678Z"], 1.0),
        ("nif: 87654321-X.", ["87654321-X"], 1.0),
        ("cliente 12345678Z", ["12345678Z"], 0.9),
    ],
)
def test_nif_found(
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
    ["DNI 12345678A", "12345678z", "1234567Z", "123456789Z", "X12345678Z", "87654321-Y"],
)
def test_nif_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_nif_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

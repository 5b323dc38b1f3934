"""AU_ABN: 11 digits passing mod-89; grouped 2-3-3-3, or bare after "ABN"."""
from typing import Callable, List

import pytest

NAME = "au_abn"


@pytest.mark.parametrize(
    "text,expected,score",
    [
        ("ABN 51 824 753 556", ["51 824 753 556"], 1.0),
        ("abn: 51824753556", ["51824753556"], 1.0),
        ("supplier 51 824 753 556 invoiced", ["51 824 753 556"], 0.6),
    ],
)
def test_abn_found(
    found: Callable[[str, str], List[str]],
    scores: Callable[[str, str], List[float]],
    text: str,
    expected: List[str],
    score: float,
) -> None:
    assert found(NAME, text) == expected
    assert scores(NAME, text) == [score]


@pytest.mark.parametrize("text", ["ABN 51 824 753 557", "51824753556", "ABN 51 8247 53556"])
def test_abn_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_abn_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

"""CA_SIN: 9 digits passing Luhn, only after "SIN" / "social insurance"."""
from typing import Callable, List

import pytest

NAME = "ca_sin"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("SIN: 130 200 033", ["130 200 033"]),
        ("social insurance number 130-200-033.", ["130-200-033"]),
        ("sin 130200033", ["130200033"]),
    ],
)
def test_sin_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "SIN 130 200 034",  # Luhn fails
        "130 200 033",  # no context
        "SIN 830 200 030",  # 8 is not issued
        "using 130200033",  # "sin" inside a word is no context
    ],
)
def test_sin_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_sin_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

"""UK_NHS: 10 digits with a mod-11 check digit, only after "NHS"."""
from typing import Callable, List

import pytest

NAME = "uk_nhs"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("NHS number 943 476 5919", ["943 476 5919"]),
        ("nhs: 9434765919", ["9434765919"]),
        ("National Health Service no. 943-476-5919.", ["943-476-5919"]),
    ],
)
def test_nhs_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NHS number 943 476 5918",  # check digit wrong
        "call 943 476 5919",  # valid checksum, no context: a phone layout
        "9434765919",
        "NHS number 943 4765 919",  # wrong grouping
        "NHS 943-476 5919",  # mixed separators
    ],
)
def test_nhs_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_nhs_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

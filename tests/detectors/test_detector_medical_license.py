"""MEDICAL_LICENSE: DEA numbers with their check digit, after "DEA" / "prescriber"."""
from typing import Callable, List

import pytest

NAME = "medical_license"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("DEA number AB1234563", ["AB1234563"]),
        ("prescriber: F91234563.", ["F91234563"]),
    ],
)
def test_dea_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "DEA number AB1234564",  # check digit wrong
        "AB1234563",  # no context
        "DEA IB1234563",  # I is no registrant type
        "DEA ab1234563",
    ],
)
def test_dea_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_dea_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

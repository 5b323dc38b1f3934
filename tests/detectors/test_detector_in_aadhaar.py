"""IN_AADHAAR: 12 digits with a Verhoeff check digit, only after "Aadhaar"."""
from typing import Callable, List

import pytest

NAME = "in_aadhaar"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Aadhaar: 2341 2341 2346", ["2341 2341 2346"]),
        ("UIDAI no 234123412346", ["234123412346"]),
        ("aadhar 2341-2341-2346.", ["2341-2341-2346"]),
    ],
)
def test_aadhaar_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Aadhaar: 2341 2341 2347",  # Verhoeff fails
        "2341 2341 2346",  # no context
        "Aadhaar 1341 2341 2346",  # starts with 1
        "Aadhaar 2341 23412346",  # mixed grouping
    ],
)
def test_aadhaar_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_aadhaar_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

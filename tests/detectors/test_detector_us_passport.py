"""US_PASSPORT: 9 digits or a letter and 8 digits, only after "passport"."""
from typing import Callable, List

import pytest

NAME = "us_passport"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("My passport number is 912803456 and", ["912803456"]),
        ("Passport: A12345678", ["A12345678"]),
        ("passport# 123456789.", ["123456789"]),
    ],
)
def test_passport_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "912803456",  # bare digits: never enough
        "order 912803456",
        "passport 12345678",  # 8 digits
        "passport 1234567890",  # 10 digits
        "passport number is on file; the order number 912803456 shipped later today",  # too far
        "passport a12345678",  # lower-case letter
    ],
)
def test_passport_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_passport_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

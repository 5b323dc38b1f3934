"""US_BANK_NUMBER: 8-17 digits, only after a bank-account phrase."""
from typing import Callable, List

import pytest

NAME = "us_bank_number"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("bank account 123456789012", ["123456789012"]),
        ("Checking acct no: 00123456", ["00123456"]),
        ("account number 4400123456789", ["4400123456789"]),
    ],
)
def test_bank_number_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "123456789012",
        "account_id=12345678",  # an account id is not a bank account
        "user account 12345678 locked",
        "bank account 1234567",  # 7 digits
        "bank account 123456789012345678",  # 18 digits
        "bank account balance 1234567.89",  # an amount
    ],
)
def test_bank_number_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_bank_number_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

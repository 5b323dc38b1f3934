"""IT_FISCAL_CODE: structure and check character."""
from typing import Callable, List

import pytest

NAME = "it_fiscal_code"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("codice fiscale RSSMRA85T10A562S", ["RSSMRA85T10A562S"]),
        ("CF: RSSMRA85T10A562S.", ["RSSMRA85T10A562S"]),
    ],
)
def test_fiscal_code_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "RSSMRA85T10A562T",  # check character wrong
        "RSSMRA85T32A562S",  # day 32
        "rssmra85t10a562s",  # lower case
        "RSSMRA85Z10A562S",  # Z is no month letter
        "RSSMRA85T10A562",  # 15 characters
    ],
)
def test_fiscal_code_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_fiscal_code_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

"""PL_PESEL: 11 digits, a birth date and a mod-10 check, only after "PESEL"."""
from typing import Callable, List

import pytest

NAME = "pl_pesel"


@pytest.mark.parametrize(
    "text,expected",
    [("PESEL: 44051401359", ["44051401359"]), ("nr pesel 44051401359.", ["44051401359"])],
)
def test_pesel_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PESEL 44051401358",  # check digit wrong
        "44051401359",  # no context
        "PESEL 44133401350",  # month 13
        "PESEL 440514013591",  # 12 digits
    ],
)
def test_pesel_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_pesel_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

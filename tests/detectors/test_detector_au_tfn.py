"""AU_TFN: 9 digits with the weighted mod-11 check, only after "TFN"."""
from typing import Callable, List

import pytest

NAME = "au_tfn"


@pytest.mark.parametrize(
    "text,expected",
    [("TFN: 123 456 782", ["123 456 782"]), ("tax file number 123456782.", ["123456782"])],
)
def test_tfn_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize("text", ["TFN 123 456 781", "123 456 782", "TFN 123 456 7820"])
def test_tfn_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_tfn_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

"""US_DRIVER_LICENSE: state license shapes, only after a driver-license phrase."""
from typing import Callable, List

import pytest

NAME = "us_driver_license"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("and driver license D1234567", ["D1234567"]),
        ("Driver's License No. 123456789", ["123456789"]),
        ("DL: S530-4608-1234-56", ["S530-4608-1234-56"]),
        ("driving licence AB123456", ["AB123456"]),
        ("DLN 12345678A", ["12345678A"]),
    ],
)
def test_driver_license_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "D1234567",  # no context
        "device driver version 1234567",  # "driver" alone is not a license phrase
        "license key ABCD1234",
        "driver license pending",
        "driver license D12",  # too short
    ],
)
def test_driver_license_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_driver_license_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

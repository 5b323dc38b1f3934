"""PHONE_NUMBER on system-log look-alikes: date-time-pid prefixes, aligned columns and
fractions are left alone; real numbers, with or without a phone word, are still found."""
from typing import List

import pytest

from spacy_pii.detectors import build_detector

PHONE = build_detector("phone")


def found(text: str) -> List[str]:
    return [text[m.start : m.end] for m in PHONE.find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "081230 091544 3321 INFO dfs.DataNode$PacketResponder: PacketResponder 2 terminating",
        "090101 120000 14 WARN dfs.FSNamesystem: replication queue length 12",
        "status: 200 len: 1893 time: 0.2477829",
        "elapsed 0.1234567 s",
        "03-17 16:13:38.811  1702  2395 D WindowManager: relayout",
        "03-17 16:13:38.811  1702  2395 I ActivityManager: Start proc",
        "took 12.3456789 ms",
    ],
)
def test_log_lookalikes_left_alone(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text,number",
    [
        ("Call 020 7946 0958 today", "020 7946 0958"),
        ("mobile 07700 900123", "07700 900123"),
        ("reach me at +1 415-555-0199", "+1 415-555-0199"),
        ("phone: (212) 555-0142 INFO", "(212) 555-0142"),
        ("call me at 0.2477829", "0.2477829"),
        ("sms to +44 7911 123456 failed", "+44 7911 123456"),
    ],
)
def test_real_numbers_still_found(text: str, number: str) -> None:
    assert found(text) == [number]

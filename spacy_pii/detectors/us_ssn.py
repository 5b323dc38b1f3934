"""US_SSN: US social security numbers."""
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_SHAPE, Detector, Match

_SSN = re.compile(r"(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w]|-\d)")
_SSN_BARE = re.compile(r"(?<![\w-])(\d{3})(\d{2})(\d{4})(?![\w]|-\d)")
_SSN_CONTEXT = re.compile(r"\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?)\W{0,3}", re.I)
_SSN_CONTEXT_WINDOW = 32


def ssn_valid(area: str, group: str, serial: str) -> bool:
    """Whether SSN fields can be issued: area not 000, 666 or 900-999; group, serial non-zero.

    area (str): 3 digits. group (str): 2 digits. serial (str): 4 digits.
    RETURNS (bool): True if the number could be a real SSN.
    """
    return area != "000" and area != "666" and area[0] != "9" and group != "00" and serial != "0000"


def find_us_ssns(text: str) -> Iterator[Match]:
    """Find US SSNs: `ddd-dd-dddd` or `ddd dd dddd` with valid fields.

    A bare 9-digit number counts only with "SSN" / "social security" in the 32 characters
    before it: nine digits alone are far more often an order or account number.

    text (str): the text to search.
    YIELDS (Match): US_SSN matches.
    """
    for m in _SSN.finditer(text):
        if ssn_valid(m.group(1), m.group(3), m.group(4)):
            yield Match(m.start(), m.end(), "US_SSN", SCORE_SHAPE)
    for m in _SSN_BARE.finditer(text):
        if ssn_valid(*m.groups()) and _SSN_CONTEXT.search(
            text, max(0, m.start() - _SSN_CONTEXT_WINDOW), m.start()
        ):
            yield Match(m.start(), m.end(), "US_SSN", SCORE_SHAPE)


@registry.detectors("us_ssn")
class UsSsnDetector(Detector):
    """SSNs with valid fields: `ddd-dd-dddd` scores 0.6 (0.95 after "SSN"/"social security");
    a bare 9-digit number needs that context (0.95)."""

    label = "US_SSN"
    priority = 70
    countries = frozenset({"US"})
    base_score = SCORE_SHAPE
    context_score = 0.95
    context = _SSN_CONTEXT
    context_window = _SSN_CONTEXT_WINDOW

    def search(self, text: str) -> Iterator[Match]:
        return find_us_ssns(text)

    def rescore(self, text: str, match: Match) -> float:
        return self.score(self.has_context(text, match.start, match.end))

"""PL_PESEL: Polish PESEL numbers (11 digits, birth date, mod-10), after "PESEL"."""
import re

from ..registry import registry
from .base import Detector, words
from .checksums import pesel_valid


@registry.detectors("pl_pesel")
class PlPeselDetector(Detector):
    """PESEL: 11 digits encoding a birth date, with a weighted mod-10 check. One in 10
    random numbers pass, so "PESEL" must come within 32 characters before (score 0.95)."""

    label = "PL_PESEL"
    priority = 41
    countries = frozenset({"PL"})
    pattern = re.compile(r"(?<![\w-])\d{11}(?![\w]|-\d)")
    context = words("pesel", "numer pesel", "nr pesel")
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return pesel_valid(value)

"""AU_MEDICARE: Australian Medicare card numbers (10 digits + reference), after "Medicare"."""
import re

from ..registry import registry
from .base import digits_of, words
from .checksums import au_medicare_valid
from .layout import NationalIdDetector


@registry.detectors("au_medicare")
class AuMedicareDetector(NationalIdDetector):
    """Medicare card numbers: `2123 45670 1` (4-5-1, first digit 2-6, the 9th a weighted
    check digit), optionally with the individual reference number (`2123 45670 1/2`).
    One in 10 random numbers pass and the layout is a phone's, so "Medicare" must come
    within 32 characters before (score 0.95)."""

    label = "AU_MEDICARE"
    priority = 42
    countries = frozenset({"AU"})
    pattern = re.compile(r"[2-6](?<![\w-][2-6])\d{3}(?P<sep>[ -]?)\d{5}(?P=sep)\d(?:[ /-]?[1-9])?(?![\w]|-\d)")
    context = words("medicare", "medicare card", "medicare number", "medicare no", "medicare card number")
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return au_medicare_valid(digits_of(value))

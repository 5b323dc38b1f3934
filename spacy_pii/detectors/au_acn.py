"""AU_ACN: Australian company numbers (9 digits, weights 8..1), after "ACN"."""
import re

from ..registry import registry
from .base import digits_of, words
from .checksums import acn_valid
from .layout import NationalIdDetector


@registry.detectors("au_acn")
class AuAcnDetector(NationalIdDetector):
    """ACN: `004 085 616` or 9 bare digits with the ASIC check digit. One in 10 random
    numbers pass, so "ACN" / "company number" must come within 32 characters before
    (score 0.95)."""

    label = "AU_ACN"
    priority = 42
    countries = frozenset({"AU"})
    pattern = re.compile(r"\d(?<![\w-]\d)\d{2}(?P<sep> ?)\d{3}(?P=sep)\d{3}(?![\w]|-\d)")
    context = words("acn", "a.c.n.", "australian company number", "company number", "asic company number")
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return acn_valid(digits_of(value))

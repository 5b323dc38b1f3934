"""UK_NHS: UK National Health Service numbers (10 digits, mod-11), after "NHS"."""
import re

from ..registry import registry
from .base import Detector, digits_of, words
from .checksums import nhs_valid


@registry.detectors("uk_nhs")
class UkNhsDetector(Detector):
    """NHS numbers: `943 476 5919`, `943-476-5919` or 10 bare digits passing mod-11. About
    1 in 11 random numbers pass and 3-3-4 is a US phone layout, so "NHS" or "health service"
    must come within 32 characters before (score 0.95)."""

    label = "UK_NHS"
    priority = 44
    countries = frozenset({"GB"})
    pattern = re.compile(r"(?<![\w-])\d{3}(?P<sep>[- ]?)\d{3}(?P=sep)\d{4}(?![\w]|-\d)")
    context = words("nhs", "nhs no", "nhs number", "national health service", "health service number")
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return nhs_valid(digits_of(value))

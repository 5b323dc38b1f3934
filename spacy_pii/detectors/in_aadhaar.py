"""IN_AADHAAR: Indian Aadhaar numbers (12 digits, Verhoeff), after "Aadhaar"."""
import re

from ..registry import registry
from .base import Detector, digits_of, words
from .checksums import verhoeff_valid


@registry.detectors("in_aadhaar")
class InAadhaarDetector(Detector):
    """Aadhaar: 12 digits, first 2-9, grouped 4-4-4 or bare, Verhoeff check, not a
    palindrome. One in 10 random numbers pass, so "Aadhaar" / "UIDAI" must come within 32
    characters before (score 0.95)."""

    label = "IN_AADHAAR"
    priority = 43
    countries = frozenset({"IN"})
    pattern = re.compile(r"(?<![\w-])[2-9]\d{3}(?P<sep>[ -]?)\d{4}(?P=sep)\d{4}(?![\w]|-\d)")
    context = words("aadhaar", "aadhar", "adhaar", "uidai", "uid", "aadhaar no", "aadhaar number")
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        digits = digits_of(value)
        return verhoeff_valid(digits) and digits != digits[::-1]

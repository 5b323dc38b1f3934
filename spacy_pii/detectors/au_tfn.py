"""AU_TFN: Australian tax file numbers (9 digits, weighted mod-11), after "TFN"."""
import re

from ..registry import registry
from .base import Detector, digits_of, words
from .checksums import tfn_valid


@registry.detectors("au_tfn")
class AuTfnDetector(Detector):
    """TFN: `123 456 782` or 9 bare digits passing the weighted mod-11 check. One in 11
    random numbers pass, so "TFN" / "tax file number" must come within 32 characters
    before (score 0.95)."""

    label = "AU_TFN"
    priority = 42
    countries = frozenset({"AU"})
    pattern = re.compile(r"(?<![\w-])\d{3}(?P<sep>[ -]?)\d{3}(?P=sep)\d{3}(?![\w]|-\d)")
    context = words("tfn", "tax file number", "tax file no")
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return tfn_valid(digits_of(value))

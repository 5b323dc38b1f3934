"""AU_ABN: Australian business numbers (11 digits, mod-89), after "ABN"."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, Detector, digits_of, words
from .checksums import abn_valid


@registry.detectors("au_abn")
class AuAbnDetector(Detector):
    """ABN: `51 824 753 556` or 11 bare digits passing mod-89. The 2-3-3-3 layout is also an
    international phone number without its + (`61 412 345 678`), so "ABN" / "business
    number" must come within 32 characters before (score 1.0)."""

    label = "AU_ABN"
    priority = 42
    countries = frozenset({"AU"})
    pattern = re.compile(r"(?<![\w+-])\d{2}(?P<sep> ?)\d{3}(?P=sep)\d{3}(?P=sep)\d{3}(?![\w]|-\d)")
    context = words("abn", "australian business number", "business number")
    context_required = True
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return abn_valid(digits_of(value))

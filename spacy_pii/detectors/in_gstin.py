"""IN_GSTIN: Indian GST identification numbers (state code, PAN, Luhn mod 36 check)."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, words
from .checksums import gstin_valid
from .layout import NationalIdDetector


@registry.detectors("in_gstin")
class InGstinDetector(NationalIdDetector):
    """GSTIN: `27AAPFU0939F1ZV`, a state code, the holder's PAN, an entity number, `Z` and a
    Luhn mod 36 check character, upper case. The structure and the check decide (score 1.0)."""

    label = "IN_GSTIN"
    priority = 66
    countries = frozenset({"IN"})
    pattern = re.compile(r"\d(?<![\w-]\d)\d[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z][1-9A-Z]Z[0-9A-Z](?![\w])")
    context = words("gstin", "gst", "gst no", "gst number", "gstin no", "goods and services tax")
    base_score = SCORE_VALIDATED
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return gstin_valid(value)

"""IT_PASSPORT: Italian passport numbers (2 letters and 7 digits), after "passaporto"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("it_passport")
class ItPassportDetector(NationalIdDetector):
    """Passaporto: `YA1234567`, 2 letters and 7 digits, upper case. No check digit and the
    UK shares the shape, so "passaporto" / "passport" must come within 32 characters before
    (score 0.85)."""

    label = "IT_PASSPORT"
    priority = 31
    countries = frozenset({"IT"})
    pattern = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]\d{7}(?![\w]|-\d)")
    context = words(
        "passaporto", "numero passaporto", "numero del passaporto", "n. passaporto", "passport",
        "passport no", "passport number", "italian passport",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

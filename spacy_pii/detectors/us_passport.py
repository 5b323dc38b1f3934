"""US_PASSPORT: US passport numbers (9 digits, or a letter and 8 digits), after "passport"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, Detector, words


@registry.detectors("us_passport")
class UsPassportDetector(Detector):
    """US passport numbers. Nine digits are as often an order number or an epoch timestamp,
    so the word "passport" must come within 32 characters before (score 0.85)."""

    label = "US_PASSPORT"
    priority = 35
    countries = frozenset({"US"})
    pattern = re.compile(r"(?<![A-Za-z0-9-])(?:[A-Z]\d{8}|\d{9})(?![A-Za-z0-9]|-\d)")
    context = words("passport", "passport no", "passport number", "passport num", "passport#")
    context_required = True
    context_score = SCORE_CONTEXT

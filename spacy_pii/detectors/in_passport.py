"""IN_PASSPORT: Indian passport numbers (a letter and 7 digits), after "passport"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("in_passport")
class InPassportDetector(NationalIdDetector):
    """Indian passports: `J8369854` (a series letter, not Q, X or Z, and 7 digits, the
    first and last not 0), upper case. No check digit, so "passport" / "पासपोर्ट" must come
    within 32 characters before (score 0.85)."""

    label = "IN_PASSPORT"
    priority = 32
    countries = frozenset({"IN"})
    pattern = re.compile(r"[A-PR-WY](?<![\w-][A-PR-WY])[1-9]\d ?\d{4}[1-9](?![\w]|-\d)")
    context = words(
        "passport", "passport no", "passport number", "indian passport", "पासपोर्ट", "पासपोर्ट नंबर",
        "पासपोर्ट संख्या",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

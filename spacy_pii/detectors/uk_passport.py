"""UK_PASSPORT: UK passport numbers (2 letters and 7 digits), after "passport"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("uk_passport")
class UkPassportDetector(NationalIdDetector):
    """UK passport numbers issued since 2015: two letters and seven digits, upper case. No
    check digit and a common ID shape (Italian passports share it), so "passport" or
    "HMPO" must come within 32 characters before (score 0.85)."""

    label = "UK_PASSPORT"
    priority = 33
    countries = frozenset({"GB"})
    pattern = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]\d{7}(?![\w]|-\d)")
    context = words(
        "passport", "passport no", "passport number", "uk passport", "british passport", "hmpo",
        "hm passport office", "travel document",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

"""KR_PASSPORT: Korean passport numbers (`M12345678`, `M123A4567`), after "여권"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("kr_passport")
class KrPassportDetector(NationalIdDetector):
    """여권번호: a type letter (M, S, R, O, D, G) and 8 digits, or since 2021 the letter, 3
    digits, a letter and 4 digits; upper case. No check digit, so "여권" / "passport" must
    come within 32 characters before (score 0.85)."""

    label = "KR_PASSPORT"
    priority = 32
    countries = frozenset({"KR"})
    pattern = re.compile(r"[MSRODG](?<![\w-][MSRODG])(?:\d{8}|\d{3}[A-Z]\d{4})(?![\w]|-\d)")
    context = words("여권", "여권번호", "여권 번호", "passport", "passport no", "passport number", "korean passport")
    context_required = True
    context_score = SCORE_CONTEXT

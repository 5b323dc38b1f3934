"""TH_TNIN: Thai national ID / taxpayer numbers (`1-2345-67890-12-1`, mod-11)."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, digits_of, words
from .checksums import th_tnin_valid
from .layout import LayoutDetector


@registry.detectors("th_tnin")
class ThTninDetector(LayoutDetector):
    """เลขประจำตัวประชาชน: 13 digits, first 1-8, a mod-11 check digit. The printed 1-4-5-2-1
    layout (dashes or spaces) and the check decide (score 1.0); 13 bare digits (epoch
    milliseconds look the same) need a context word within 32 characters before."""

    label = "TH_TNIN"
    priority = 62
    countries = frozenset({"TH"})
    pattern = re.compile(
        r"[1-8](?<![\w-][1-8])(?P<sep>[- ]?)\d{4}(?P=sep)\d{5}(?P=sep)\d{2}(?P=sep)\d(?![\w]|-\d)"
    )
    context = words(
        "เลขประจำตัวประชาชน", "เลขบัตรประชาชน", "บัตรประชาชน", "เลขประจำตัวผู้เสียภาษี", "เลขผู้เสียภาษี",
        "tnin", "thai id", "thai national id", "national id", "id card number", "citizen id", "tax id",
        "taxpayer id",
    )  # fmt: skip
    base_score = SCORE_VALIDATED
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return th_tnin_valid(digits_of(value))

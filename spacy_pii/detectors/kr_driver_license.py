"""KR_DRIVER_LICENSE: Korean driver's licence numbers (`11-23-123456-78`), after "운전면허"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, digits_of, words
from .layout import NationalIdDetector

# Regional codes of the licensing agency (11 Seoul ... 26 Gyeongnam, 28 Jeju).
_REGIONS = frozenset("11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 28".split())


@registry.detectors("kr_driver_license")
class KrDriverLicenseDetector(NationalIdDetector):
    """운전면허번호: region (2 digits), year of issue (2), serial (6), check (2; not published),
    12 digits with or without dashes. "운전면허" / "면허번호" / "driver's license" must come
    within 32 characters before (score 0.85)."""

    label = "KR_DRIVER_LICENSE"
    priority = 33
    countries = frozenset({"KR"})
    pattern = re.compile(r"\d(?<![\w-]\d)\d(?P<sep>[- ]?)\d{2}(?P=sep)\d{6}(?P=sep)\d{2}(?![\w]|-\d)")
    context = words(
        "운전면허", "운전면허번호", "운전면허증", "면허번호", "운전 면허", "driver's license", "driver license",
        "driving licence", "driving license", "korean driver license", "license number", "licence number",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        return digits_of(value)[:2] in _REGIONS

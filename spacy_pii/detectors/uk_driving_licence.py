"""UK_DRIVING_LICENCE: DVLA driving licence numbers (surname, birth date, initials)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_SHAPE, words
from .checksums import date_ok
from .layout import NationalIdDetector

# DVLA: surname (5, padded with 9), decade digit, month (+50 for women), day, year digit,
# initials (2, padded with 9), an arbitrary digit, two check letters; an optional
# two-digit issue number after a space.
_DL = re.compile(
    r"[A-Z](?<![\w-][A-Z])[A-Z9]{4}\d(?:[05][0-9]|[16][0-2])(?:[0-2]\d|3[01])\d"
    r"[A-Z][A-Z9][A-Z0-9][A-Z]{2}(?![\w])"
)


@registry.detectors("uk_driving_licence")
class UkDrivingLicenceDetector(NationalIdDetector):
    """DVLA licence numbers: `MORGA753116SM9IJ`, 16 characters encoding the surname, the
    birth date and initials, upper case. The check letters' algorithm is not published; the
    date and surname rules decide (score 0.6, 0.85 after "driving licence" / "DVLA")."""

    label = "UK_DRIVING_LICENCE"
    priority = 45
    countries = frozenset({"GB"})
    pattern = _DL
    context = words(
        "driving licence", "driving license", "driver's licence", "driver's license", "driver licence",
        "dvla", "licence number", "licence no", "driving licence number", "dl number",
    )  # fmt: skip
    base_score = SCORE_SHAPE
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        surname = value[:5]
        # The surname's 9s only pad it at the end.
        if "9" in surname and surname.rstrip("9") != surname[: surname.index("9")]:
            return False
        month = int(value[6:8]) % 50
        return date_ok(1904, month, int(value[8:10]))

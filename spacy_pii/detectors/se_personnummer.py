"""SE_PERSONNUMMER: Swedish personal identity numbers (`YYMMDD-NNNN`, birth date + Luhn)."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, digits_of, words
from .checksums import date_ok, luhn_valid, se_personnummer_date_ok
from .layout import LayoutDetector


@registry.detectors("se_personnummer")
class SePersonnummerDetector(LayoutDetector):
    """Personnummer and samordningsnummer (day + 60): `YYMMDD-NNNN`, `YYYYMMDD-NNNN`, `+`
    for people over 100, or bare. The date and the Luhn check decide (score 1.0), but the
    layout is also a dated build or batch stamp (`20240115-1030`: 1 in 10 pass), so
    "personnummer" / "samordningsnummer" must come within 32 characters before."""

    label = "SE_PERSONNUMMER"
    priority = 62
    countries = frozenset({"SE"})
    pattern = re.compile(r"\d(?<![\w+-]\d)(?:(?<=1)9\d{6}|(?<=2)0\d{6}|\d{5})[-+]?\d{4}(?![\w]|-\d)")
    context = words(
        "personnummer", "personnumret", "personnr", "person nummer", "samordningsnummer",
        "personal identity number", "swedish personal number", "personal number",
    )  # fmt: skip
    context_required = True
    base_score = SCORE_VALIDATED
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        digits = digits_of(value)
        if len(digits) == 12:
            day = int(digits[6:8])
            if not date_ok(int(digits[:4]), int(digits[4:6]), day - 60 if day > 60 else day):
                return False
            digits = digits[2:]
        return se_personnummer_date_ok(digits) and luhn_valid(digits)

"""DE_TAX_NUMBER: German tax numbers (Steuernummer: `181/815/08155`), after "Steuernummer"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, digits_of, words
from .layout import NationalIdDetector

# The states' layouts (FF/BBB/UUUUP, FFF/BBB/UUUUP, FFF/BBBB/UUUP) or the 13-digit federal
# form, which starts with the state's code and has a 0 after the office number.
_STNR = re.compile(r"\d(?<![\w/-]\d)(?:\d{1,2}/\d{3,4}/\d{4,5}|\d{12})(?![\w]|/\d)")
_FEDERAL_PREFIXES = (
    "28", "9", "11", "30", "24", "22", "26", "40", "23", "5", "27", "10", "32", "31", "21", "41",
)  # fmt: skip


@registry.detectors("de_tax_number")
class DeTaxNumberDetector(NationalIdDetector):
    """Steuernummer: the state layout with slashes (10 or 11 digits) or the 13-digit federal
    form. The tax offices' check digit rules differ by state; "Steuernummer" / "St.-Nr." /
    "tax number" must come within 32 characters before (score 0.85)."""

    label = "DE_TAX_NUMBER"
    priority = 40
    countries = frozenset({"DE"})
    pattern = _STNR
    context = words(
        "steuernummer", "st.-nr.", "st.-nr", "stnr", "st-nr", "steuer-nr", "steuer nr", "finanzamt",
        "tax number", "tax no",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        digits = digits_of(value)
        if "/" in value:
            return len(digits) in (10, 11)
        for prefix in _FEDERAL_PREFIXES:
            if digits.startswith(prefix):
                # the 0 between the office number (FF, or FFF in Bavaria and NRW) and the district
                return digits[len(prefix) + (3 if len(prefix) == 1 else 2)] == "0"
        return False

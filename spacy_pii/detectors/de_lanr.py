"""DE_LANR: German lifelong physician numbers (LANR, 9 digits, check digit 7th), after "LANR"."""
import re

from ..registry import registry
from .base import words
from .checksums import lanr_valid
from .layout import NationalIdDetector


@registry.detectors("de_lanr")
class DeLanrDetector(NationalIdDetector):
    """LANR: 6-digit physician number, a check digit (weights 4 and 9), a 2-digit specialty
    group. One in 10 random numbers pass, so "LANR" / "Arztnummer" must come within 32
    characters before (score 0.95)."""

    label = "DE_LANR"
    priority = 43
    countries = frozenset({"DE"})
    pattern = re.compile(r"\d(?<![\w-]\d)\d{8}(?![\w]|-\d)")
    context = words(
        "lanr", "arztnummer", "lebenslange arztnummer", "arzt-nr", "arzt nr", "arzt-nummer",
        "physician number", "doctor number", "physician id",
    )  # fmt: skip
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return lanr_valid(value)

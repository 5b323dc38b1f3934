"""NG_NIN: Nigerian national identification numbers (11 digits, Verhoeff), after "NIN"."""
import re

from ..registry import registry
from .base import words
from .checksums import verhoeff_valid
from .layout import NationalIdDetector


@registry.detectors("ng_nin")
class NgNinDetector(NationalIdDetector):
    """NIN (NIMC): 11 digits whose last is a Verhoeff check digit. One in 10 random numbers
    pass, so "NIN" / "NIMC" / "national identification number" must come within 32
    characters before (score 0.95)."""

    label = "NG_NIN"
    priority = 41
    countries = frozenset({"NG"})
    pattern = re.compile(r"\d(?<![\w-]\d)\d{10}(?![\w]|-\d)")
    context = words(
        "nin", "nin no", "nin number", "nimc", "national identification number", "national identity number",
        "national identity", "nin slip",
    )  # fmt: skip
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return verhoeff_valid(value)

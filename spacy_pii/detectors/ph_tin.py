"""PH_TIN: Philippine taxpayer identification numbers (`123-456-789-000`), after "TIN"."""
import re

from ..registry import registry
from .base import digits_of, words
from .checksums import ph_tin_valid
from .layout import NationalIdDetector


@registry.detectors("ph_tin")
class PhTinDetector(NationalIdDetector):
    """BIR TIN: 9 digits (the 9th a weighted mod-11 check) and a 3-digit branch code,
    dashed or bare. One in 11 random numbers pass, so "TIN" / "BIR" must come within 32
    characters before (score 0.95)."""

    label = "PH_TIN"
    priority = 40
    countries = frozenset({"PH"})
    pattern = re.compile(r"\d(?<![\w-]\d)\d{2}(?P<sep>[- ]?)\d{3}(?P=sep)\d{3}(?:(?P=sep)\d{3})?(?![\w]|-\d)")
    context = words(
        "tin", "tin no", "tin number", "tin #", "bir", "taxpayer identification number",
        "tax identification number", "taxpayer id", "tax id", "numero ng tin",
    )  # fmt: skip
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return ph_tin_valid(digits_of(value))

"""TR_NATIONAL_ID: Turkish identity numbers (T.C. Kimlik No, 11 digits, two check digits)."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, words
from .checksums import tr_kimlik_valid
from .layout import NationalIdDetector


@registry.detectors("tr_national_id")
class TrNationalIdDetector(NationalIdDetector):
    """T.C. Kimlik No: 11 digits, first not 0, the last two check digits. One in 100 random
    numbers pass, but 11 digits are also phone numbers and IDs, so "kimlik" / "TCKN" /
    "national id" must come within 32 characters before (score 1.0)."""

    label = "TR_NATIONAL_ID"
    priority = 42
    countries = frozenset({"TR"})
    pattern = re.compile(r"[1-9](?<![\w-][1-9])\d{10}(?![\w]|-\d)")
    context = words(
        "kimlik", "kimlik no", "kimlik numarası", "kimlik numarasi", "tc kimlik", "t.c. kimlik",
        "t.c. kimlik no", "tc kimlik no", "tc no", "t.c. no", "tckn", "tckimlik", "nüfus", "KİMLİK",
        "KİMLİK NO", "T.C. KİMLİK NO", "turkish id", "turkish national id", "national id",
        "national id number",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return tr_kimlik_valid(value)

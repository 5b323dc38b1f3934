"""ZA_ID_NUMBER: South African ID numbers (birth date, citizenship, Luhn)."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, digits_of, words
from .checksums import za_id_valid
from .layout import LayoutDetector


@registry.detectors("za_id_number")
class ZaIdNumberDetector(LayoutDetector):
    """ID number: YYMMDD, a gender/sequence number (4 digits), citizenship (0, 1 or 2), a
    digit and a Luhn check digit. Spaced `YYMMDD SSSS CAZ`, the date and the check decide
    (score 1.0); 13 bare digits (epoch milliseconds) need "ID number" / "identity number"
    within 32 characters before."""

    label = "ZA_ID_NUMBER"
    priority = 61
    countries = frozenset({"ZA"})
    pattern = re.compile(r"\d(?<![\w-]\d)\d{5}(?P<sep> ?)\d{4}(?P=sep)\d{3}(?![\w]|-\d)")
    context = words(
        "id number", "id no", "identity number", "identity no", "south african id", "sa id", "rsa id",
        "id-nommer", "identiteitsnommer", "identiteitsdokument", "national id",
    )  # fmt: skip
    base_score = SCORE_VALIDATED
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return za_id_valid(digits_of(value))

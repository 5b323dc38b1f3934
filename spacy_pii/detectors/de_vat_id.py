"""DE_VAT_ID: German VAT identification numbers (`DE123456788`, ISO 7064 MOD 11,10)."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, digits_of, words
from .checksums import mod11_10_valid
from .layout import NationalIdDetector


@registry.detectors("de_vat_id")
class DeVatIdDetector(NationalIdDetector):
    """USt-IdNr.: `DE` and 9 digits (first not 0), spaces allowed between 3-digit groups,
    with a MOD 11,10 check digit. The prefix and the check decide (score 1.0)."""

    label = "DE_VAT_ID"
    priority = 66
    countries = frozenset({"DE"})
    pattern = re.compile(r"D(?<![\w-]D)E ?[1-9]\d{2}(?P<sep> ?)\d{3}(?P=sep)\d{3}(?![\w]|-\d)")
    context = words(
        "ust-idnr", "ust-id", "ust-id-nr", "ustid", "ustidnr", "umsatzsteuer-identifikationsnummer",
        "umsatzsteuer-id", "vat", "vat id", "vat number", "vat no",
    )  # fmt: skip
    base_score = SCORE_VALIDATED
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return mod11_10_valid(digits_of(value))

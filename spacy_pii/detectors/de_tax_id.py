"""DE_TAX_ID: German tax identification numbers (Steuer-IdNr, 11 digits), after "Steuer-ID"."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, digits_of, words
from .checksums import de_tax_id_valid
from .layout import NationalIdDetector


@registry.detectors("de_tax_id")
class DeTaxIdDetector(NationalIdDetector):
    """Steuerliche Identifikationsnummer: `12 345 678 903` or 11 bare digits; one digit of
    the first ten repeated, ISO 7064 MOD 11,10 check digit. Eleven digits are also phone
    numbers, so "Steuer-ID" / "IdNr" / "tax id" must come within 32 characters before
    (score 1.0: 1 in 300 random numbers pass)."""

    label = "DE_TAX_ID"
    priority = 43
    countries = frozenset({"DE"})
    pattern = re.compile(r"[1-9](?<![\w-][1-9])\d(?P<sep>[ /]?)\d{3}(?P=sep)\d{3}(?P=sep)\d{3}(?![\w]|-\d)")
    context = words(
        "steuer-id", "steuerid", "steuer-idnr", "steuer-identifikationsnummer", "steueridentifikationsnummer",
        "identifikationsnummer", "idnr", "id-nr", "steuerliche identifikationsnummer",
        "tax id", "tax identification number", "tin",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return de_tax_id_valid(digits_of(value))

"""SE_ORGANISATIONSNUMMER: Swedish organisation numbers (`556036-0793`, Luhn)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, digits_of, words
from .checksums import luhn_valid
from .layout import LayoutDetector


@registry.detectors("se_organisationsnummer")
class SeOrganisationsnummerDetector(LayoutDetector):
    """Organisationsnummer: 10 digits, the third 2 or more (a personnummer's month is at
    most 12), Luhn; optionally the 16 prefix. The `NNNNNN-NNNN` layout with the check is found
    on its own (score 0.85: 1 in 10 pass); bare digits need "org.nr" / "organisationsnummer"
    within 32 characters before (score 0.95)."""

    label = "SE_ORGANISATIONSNUMMER"
    priority = 61
    countries = frozenset({"SE"})
    pattern = re.compile(r"\d(?<![\w+-]\d)(?:(?<=1)6\d{6}|\d{5})-?\d{4}(?![\w]|-\d)")
    context = words(
        "organisationsnummer", "organisationsnr", "org.nr", "org.nr.", "orgnr", "org nr", "org-nr",
        "org. nr", "organisation number", "organization number", "corporate identity number",
        "company registration number",
    )  # fmt: skip
    base_score = SCORE_CONTEXT
    context_score = 0.95

    def validate(self, value: str) -> bool:
        digits = digits_of(value)[-10:]
        return digits[2] >= "2" and luhn_valid(digits)

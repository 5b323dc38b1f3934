"""US_NPI: US National Provider Identifiers (10 digits, Luhn with prefix 80840), after "NPI"."""
import re

from ..registry import registry
from .base import words
from .checksums import npi_valid
from .layout import NationalIdDetector


@registry.detectors("us_npi")
class UsNpiDetector(NationalIdDetector):
    """NPI: 10 digits (written bare) starting 1 or 2, Luhn over `80840` + the number (CMS). One in 10
    random numbers pass and 10 digits are a phone number or an epoch, so "NPI" / "provider"
    must come within 32 characters before (score 0.95)."""

    label = "US_NPI"
    priority = 43
    countries = frozenset({"US"})
    pattern = re.compile(r"[12](?<![\w-][12])\d{9}(?![\w]|-\d)")
    context = words(
        "npi", "npi number", "npi no", "npi#", "national provider identifier", "national provider id",
        "provider id", "provider number", "nppes",
    )  # fmt: skip
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return npi_valid(value)

"""DE_HEALTH_INSURANCE: German health insurance numbers (KVNR, a letter and 9 digits)."""
import re

from ..registry import registry
from .base import words
from .checksums import kvnr_valid
from .layout import NationalIdDetector


@registry.detectors("de_health_insurance")
class DeHealthInsuranceDetector(NationalIdDetector):
    """KVNR (eGK): `A123456780`, an upper-case letter, 8 digits and a check digit (§ 290 SGB
    V). One in 10 random IDs of this common shape pass, so "Krankenversicherung" / "KVNR" /
    "Versichertennummer" must come within 32 characters before (score 0.95)."""

    label = "DE_HEALTH_INSURANCE"
    priority = 41
    countries = frozenset({"DE"})
    pattern = re.compile(r"[A-Z](?<![\w-][A-Z])\d{9}(?![\w]|-\d)")
    context = words(
        "krankenversicherungsnummer", "krankenversichertennummer", "versichertennummer", "kvnr",
        "krankenkasse", "krankenversicherung", "gesundheitskarte", "egk", "versicherten-nr",
        "versichertennr", "health insurance", "health insurance number", "insurance number",
    )  # fmt: skip
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return kvnr_valid(value)

"""DE_SOCIAL_SECURITY: German pension insurance numbers (Rentenversicherungsnummer)."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, words
from .checksums import rvnr_valid
from .layout import NationalIdDetector

_RVNR = re.compile(r"\d(?<![\w-]\d)\d(?P<sep> ?)\d{6}(?P=sep)[A-Z](?P=sep)\d{3}(?![\w])")


@registry.detectors("de_social_security")
class DeSocialSecurityDetector(NationalIdDetector):
    """Versicherungsnummer: `65 170839 J 003` or `65170839J003`: area, birth date, the
    initial of the birth name, serial and a check digit (VKVV § 4). The letter between digit
    groups, the date and the check decide (score 1.0)."""

    label = "DE_SOCIAL_SECURITY"
    priority = 60
    countries = frozenset({"DE"})
    pattern = _RVNR
    context = words(
        "rentenversicherungsnummer", "sozialversicherungsnummer", "versicherungsnummer", "rvnr",
        "svnr", "sv-nummer", "sv-nr", "social security number", "social security",
        "pension insurance number",
    )  # fmt: skip
    base_score = SCORE_VALIDATED
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return rvnr_valid(value.replace(" ", ""))

"""FI_PERSONAL_IDENTITY_CODE: Finnish henkilötunnus (`131052-308T`, mod-31 check)."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, words
from .checksums import fi_hetu_valid
from .layout import NationalIdDetector


@registry.detectors("fi_personal_identity_code")
class FiPersonalIdentityCodeDetector(NationalIdDetector):
    """Henkilötunnus: birth date DDMMYY, a century sign (+, -, Y-U for the 1900s, A-F for
    the 2000s), an individual number and a mod-31 check character. The date, the sign and
    the check decide (score 1.0)."""

    label = "FI_PERSONAL_IDENTITY_CODE"
    priority = 62
    countries = frozenset({"FI"})
    pattern = re.compile(r"\d(?<![\w+-]\d)\d{5}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y](?![\w])")
    context = words(
        "henkilötunnus", "henkilotunnus", "hetu", "henkilötunnuksen", "sotu", "personbeteckning",
        "personal identity code", "personal identity number", "finnish id",
    )  # fmt: skip
    base_score = SCORE_VALIDATED
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return fi_hetu_valid(value)

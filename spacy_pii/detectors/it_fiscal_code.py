"""IT_FISCAL_CODE: Italian codice fiscale (16 characters, a check character)."""
import re

from ..registry import registry
from .base import SCORE_VALIDATED, Detector, words
from .checksums import it_fiscal_check_char

# Digits may be replaced by LMNPQRSTUV (omocodia) when two people would share a code.
_D = r"[\dLMNP-V]"


@registry.detectors("it_fiscal_code")
class ItFiscalCodeDetector(Detector):
    """Codice fiscale: 6 letters (surname, name), year, month letter, day (01-31, women
    41-71), birthplace code, check character; upper case. Score 1.0."""

    label = "IT_FISCAL_CODE"
    priority = 65
    countries = frozenset({"IT"})
    pattern = re.compile(
        r"(?<![A-Za-z0-9])[A-Z]{6}" + _D + "{2}[ABCDEHLMPRST]" + _D + "{2}[A-Z]" + _D + "{3}[A-Z](?![A-Za-z0-9])"
    )
    context = words("codice fiscale", "cf", "fiscal code", "tax code")
    base_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        day = value[9:11].translate(str.maketrans("LMNPQRSTUV", "0123456789"))
        if not (1 <= int(day) <= 31 or 41 <= int(day) <= 71):
            return False
        return it_fiscal_check_char(value[:15]) == value[15]

"""DE_ID_CARD: German identity card numbers (Personalausweis, 9 characters + check digit)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_VALIDATED, Match, words
from .checksums import icao_check_digit
from .layout import NationalIdDetector

# Since November 2010: 9 characters from an alphabet without vowels and look-alikes, the
# first a letter, optionally followed by the ICAO 9303 check digit.
_ALPHABET = "CFGHJKLMNPRTVWXYZ"
_CARD = re.compile(
    rf"[{_ALPHABET}](?<![\w-][{_ALPHABET}])(?=[{_ALPHABET}]{{0,7}}\d)[{_ALPHABET}0-9]{{8}}\d?(?![\w])"
)


def document_number_ok(value: str) -> bool:
    """Whether a 9-character document number, or 9 characters and a check digit, holds."""
    return len(value) == 9 or icao_check_digit(value[:9]) == ord(value[9]) - 48


@registry.detectors("de_id_card")
class DeIdCardDetector(NationalIdDetector):
    """Personalausweisnummer: `L01X00T47` or with its check digit `L01X00T471`. A generic ID
    shape, so "Personalausweis" / "Ausweisnummer" / "ID card" must come within 32
    characters before: score 0.85, 1.0 with a matching check digit."""

    label = "DE_ID_CARD"
    priority = 41
    countries = frozenset({"DE"})
    pattern = _CARD
    context = words(
        "personalausweis", "personalausweisnummer", "ausweisnummer", "ausweis-nr", "ausweis nr",
        "ausweis", "id card", "identity card", "id-karte", "id card number", "identity card number",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        return document_number_ok(value)

    def rescore(self, text: str, match: Match) -> float:
        return SCORE_VALIDATED if match.end - match.start == 10 else match.score

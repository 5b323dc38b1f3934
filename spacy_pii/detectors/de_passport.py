"""DE_PASSPORT: German passport numbers (Reisepass, C and 8 characters + check digit)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_VALIDATED, Match, words
from .de_id_card import document_number_ok
from .layout import NationalIdDetector

_PASSPORT = re.compile(r"C(?<![\w-]C)(?=[CFGHJKLMNPRTVWXYZ]{0,7}\d)[CFGHJKLMNPRTVWXYZ0-9]{8}\d?(?![\w])")


@registry.detectors("de_passport")
class DePassportDetector(NationalIdDetector):
    """Reisepassnummer: `C01X00T47`, a C and 8 characters of the ID-card alphabet, optionally
    the ICAO 9303 check digit. "Reisepass" / "Passnummer" / "passport" must come within 32
    characters before: score 0.85, 1.0 with a matching check digit."""

    label = "DE_PASSPORT"
    priority = 33
    countries = frozenset({"DE"})
    pattern = _PASSPORT
    context = words(
        "reisepass", "reisepassnummer", "passnummer", "pass-nr", "pass nr", "reisepass-nr",
        "passport", "passport no", "passport number", "german passport",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        return document_number_ok(value)

    def rescore(self, text: str, match: Match) -> float:
        return SCORE_VALIDATED if match.end - match.start == 10 else match.score

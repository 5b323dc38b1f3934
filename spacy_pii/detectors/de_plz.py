"""DE_PLZ: German postal codes (Postleitzahl, 5 digits), after "PLZ"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("de_plz")
class DePlzDetector(NationalIdDetector):
    """Postleitzahlen: 5 digits, 01001-99998. Five digits are anything (ports, counts), and
    inside an address a postcode belongs to the STREET_ADDRESS span, so only a PLZ named as
    such ("PLZ", "Postleitzahl", "German postcode") is taken (score 0.85)."""

    label = "DE_PLZ"
    priority = 30
    countries = frozenset({"DE"})
    pattern = re.compile(r"[D\d](?<![\w.,:/-][D\d])(?:(?<=D)-\d{5}|(?<=\d)\d{4})(?![\w]|[.,:/-]\d)")
    # "postcode" alone is any country's (a US ZIP, a UK postcode): only German words or
    # an English phrase naming Germany count.
    context = words("plz", "postleitzahl", "german postcode", "german postal code", "german zip code")
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        return 1001 <= int(value[-5:]) <= 99998

"""DE_PLZ: German postal codes (Postleitzahl, 5 digits), after "PLZ"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, Detector, words


@registry.detectors("de_plz")
class DePlzDetector(Detector):
    """Postleitzahlen: 5 digits, 01001-99998. Five digits are anything (ports, counts), and
    inside an address a postcode belongs to the STREET_ADDRESS span, so only a PLZ named as
    such ("PLZ", "Postleitzahl") is taken (score 0.85)."""

    label = "DE_PLZ"
    priority = 30
    countries = frozenset({"DE"})
    pattern = re.compile(r"(?<![\w.,:/-])(?:D-)?\d{5}(?![\w]|[.,:/-]\d)")
    context = words("plz", "postleitzahl", "postal code", "postcode", "post code")
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        return 1001 <= int(value[-5:]) <= 99998

"""DE_FUEHRERSCHEIN: German driving licence numbers (11 characters), after "Führerschein"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("de_fuehrerschein")
class DeFuehrerscheinDetector(NationalIdDetector):
    """Führerscheinnummer (card licences since 2013, field 5): 11 upper-case characters, the
    issuing authority's code, a serial and check characters (`B072RRE2I55`, `MU12345678B`).
    The check algorithm is not published and the shape is a generic ID, so "Führerschein" /
    "Fahrerlaubnis" / "driving licence" must come within 32 characters before (score 0.85)."""

    label = "DE_FUEHRERSCHEIN"
    priority = 33
    countries = frozenset({"DE"})
    # The authority's code, 2 digits, 6 characters, a check digit, a character; or the
    # letter-letter-8-digits form some authorities print.
    pattern = re.compile(
        r"[A-Z0-9](?<![\w-][A-Z0-9])(?:\d{2}[A-Z0-9]{6}\d|(?<=[A-Z])[A-Z0-9]\d{8})[A-Z0-9](?![\w])"
    )
    context = words(
        "führerschein", "fuehrerschein", "führerscheinnummer", "führerschein-nr", "führerschein nr",
        "fahrerlaubnis", "fahrerlaubnisnummer", "driving licence", "driving license", "driver's license",
        "driver license", "licence number", "license number",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        return any(ch.isalpha() for ch in value)  # 11 bare digits are any number

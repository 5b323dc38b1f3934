"""IT_IDENTITY_CARD: Italian identity cards (paper `AA1234567`, electronic `CA12345AA`)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("it_identity_card")
class ItIdentityCardDetector(NationalIdDetector):
    """Carta d'identità: paper cards 2 letters and 7 digits, electronic cards (CIE) `CA`,
    5 digits and 2 letters; upper case. No check digit, so "carta d'identità" / "CIE" /
    "identity card" must come within 32 characters before (score 0.85)."""

    label = "IT_IDENTITY_CARD"
    priority = 32
    countries = frozenset({"IT"})
    pattern = re.compile(r"[A-Z](?<![\w-][A-Z])(?:[A-Z] ?\d{7}|(?<=C)[A-Z]\d{5}[A-Z]{2})(?![\w]|-\d)")
    context = words(
        "carta d'identità", "carta di identità", "carta d'identita", "carta identità", "carta identita",
        "documento d'identità", "documento di identità", "cie", "c.i.", "identity card", "id card",
        "identity card number",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

"""IN_PAN: Indian permanent account numbers (`ABCPE1234F`)."""
import re

from ..registry import registry
from .base import SCORE_SHAPE, Detector, words


@registry.detectors("in_pan")
class InPanDetector(Detector):
    """PAN: 3 letters, a holder-type letter (P person, C company, H, F, A, T, B, L, J, G),
    a letter, 4 digits, a letter; upper case. Score 0.6, 0.95 after "PAN" / "permanent
    account number" / "income tax"."""

    label = "IN_PAN"
    priority = 65
    countries = frozenset({"IN"})
    pattern = re.compile(r"(?<![A-Za-z0-9])[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z](?![A-Za-z0-9])")
    context = words("pan", "pan no", "pan number", "pan card", "permanent account number", "income tax")
    base_score = SCORE_SHAPE
    context_score = 0.95

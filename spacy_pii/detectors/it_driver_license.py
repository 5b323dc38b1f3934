"""IT_DRIVER_LICENSE: Italian driving licence numbers (patente), after "patente"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("it_driver_license")
class ItDriverLicenseDetector(NationalIdDetector):
    """Patente di guida: `MI1234567X` (2 letters, 7 digits, a letter) or the older `U1` +
    7 characters + a letter, upper case. No published check, so "patente" / "driving
    licence" must come within 32 characters before (score 0.85)."""

    label = "IT_DRIVER_LICENSE"
    priority = 33
    countries = frozenset({"IT"})
    pattern = re.compile(r"[A-Z](?<![\w-][A-Z])(?:[A-Z]\d{7}[A-Z]|(?<=U)1[A-Z0-9]{7}[A-Z])(?![\w])")
    context = words(
        "patente", "patente di guida", "numero patente", "n. patente", "patente n", "driving licence",
        "driving license", "driver license", "driver's license", "licence number", "license number",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

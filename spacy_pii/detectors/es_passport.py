"""ES_PASSPORT: Spanish passport numbers (3 letters and 6 digits), after "pasaporte"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("es_passport")
class EsPassportDetector(NationalIdDetector):
    """Pasaporte: `PAA123456` (3 letters, 6 digits; older books 2 letters, 6 digits), upper
    case. No check digit in the number, so "pasaporte" / "passport" must come within 32
    characters before (score 0.85)."""

    label = "ES_PASSPORT"
    priority = 32
    countries = frozenset({"ES"})
    pattern = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{1,2}\d{6}(?![\w]|-\d)")
    context = words(
        "pasaporte", "número de pasaporte", "numero de pasaporte", "nº pasaporte", "n.º de pasaporte",
        "nº de pasaporte", "passport", "passport no", "passport number", "spanish passport",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

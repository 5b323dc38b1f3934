"""ES_NIE: Spanish foreigner identity numbers (X/Y/Z, 7 digits, a mod-23 control letter)."""
import re

from ..registry import registry
from .base import SCORE_STRONG_SHAPE, SCORE_VALIDATED, Detector, digits_of, words
from .checksums import mod23_letter


@registry.detectors("es_nie")
class EsNieDetector(Detector):
    """NIE: `X1234567L`, dashes allowed; X/Y/Z count as 0/1/2 before the mod-23 control
    letter. Score 0.9, 1.0 after "NIE" / "extranjero"."""

    label = "ES_NIE"
    priority = 65
    countries = frozenset({"ES"})
    pattern = re.compile(r"(?<![A-Za-z0-9-])[XYZ]-?\d{7}-?[A-Z](?![A-Za-z0-9])")
    context = words("nie", "extranjero", "numero de identidad de extranjero", "número de identidad de extranjero")
    base_score = SCORE_STRONG_SHAPE
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        number = int(str("XYZ".index(value[0])) + digits_of(value))
        return value[-1] == mod23_letter(number)

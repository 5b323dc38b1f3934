"""ES_NIF: Spanish DNI/NIF numbers (8 digits and a mod-23 control letter)."""
import re

from ..registry import registry
from .base import SCORE_STRONG_SHAPE, SCORE_VALIDATED, Detector, digits_of, words
from .checksums import mod23_letter


@registry.detectors("es_nif")
class EsNifDetector(Detector):
    """DNI/NIF: `12345678Z` or `12345678-Z`, upper case, control letter = mod-23 of the number.
    Score 0.9 (1 in 23 random strings of this rare shape pass), 1.0 after "DNI" / "NIF"."""

    label = "ES_NIF"
    priority = 65
    countries = frozenset({"ES"})
    pattern = re.compile(r"(?<![A-Za-z0-9-])\d{8}-?[A-Z](?![A-Za-z0-9])")
    context = words("dni", "nif", "documento nacional de identidad", "documento de identidad")
    base_score = SCORE_STRONG_SHAPE
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return value[-1] == mod23_letter(int(digits_of(value)))

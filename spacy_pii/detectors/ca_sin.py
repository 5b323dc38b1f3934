"""CA_SIN: Canadian social insurance numbers (9 digits, Luhn), after "SIN"."""
import re

from ..registry import registry
from .base import Detector, digits_of, words
from .checksums import luhn_valid


@registry.detectors("ca_sin")
class CaSinDetector(Detector):
    """SIN: `046 454 286`, dashed or 9 bare digits, first digit not 0 or 8, Luhn. One in 10
    random numbers pass, so "SIN" / "social insurance" must come within 32 characters before
    (score 0.95)."""

    label = "CA_SIN"
    priority = 41
    countries = frozenset({"CA"})
    pattern = re.compile(r"(?<![\w-])[1-79]\d{2}(?P<sep>[ -]?)\d{3}(?P=sep)\d{3}(?![\w]|-\d)")
    context = words(
        "sin", "sin no", "sin number", "social insurance", "social insurance number", "nas",
        "numéro d'assurance sociale", "assurance sociale",
    )  # fmt: skip
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return luhn_valid(digits_of(value))

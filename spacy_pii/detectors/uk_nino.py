"""UK_NINO: UK National Insurance numbers (`AB 12 34 56 C`)."""
import re

from ..registry import registry
from .base import SCORE_SHAPE, Detector, words


@registry.detectors("uk_nino")
class UkNinoDetector(Detector):
    """National Insurance numbers: two prefix letters (not D, F, I, Q, U, V; second not O;
    never BG, GB, NK, KN, TN, NT, ZZ), six digits, a suffix A-D, upper case, optionally
    spaced in pairs. Score 0.6, 0.95 after "national insurance" / "NINO" / "NI number"."""

    label = "UK_NINO"
    priority = 65
    countries = frozenset({"GB"})
    pattern = re.compile(
        r"(?<![A-Za-z0-9])(?!BG|GB|NK|KN|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
        r"(?P<sep> ?)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}(?P=sep)[A-D](?![A-Za-z0-9])"
    )
    context = words("national insurance", "nino", "ni number", "ni no", "insurance number")
    base_score = SCORE_SHAPE
    context_score = 0.95

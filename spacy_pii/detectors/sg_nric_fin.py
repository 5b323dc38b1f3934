"""SG_NRIC_FIN: Singapore NRIC and FIN numbers (`S1234567D`)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_VALIDATED, Detector, words
from .checksums import sg_nric_valid


@registry.detectors("sg_nric_fin")
class SgNricFinDetector(Detector):
    """NRIC/FIN: S, T, F, G or M, 7 digits, a check letter; upper case. Score 0.85 (a
    distinctive shape, 1 in 11 pass the check), 1.0 after "NRIC" / "FIN"."""

    label = "SG_NRIC_FIN"
    priority = 65
    countries = frozenset({"SG"})
    pattern = re.compile(r"(?<![A-Za-z0-9])[STFGM]\d{7}[A-Z](?![A-Za-z0-9])")
    context = words("nric", "fin", "nric no", "ic number", "identity card", "nric/fin")
    base_score = SCORE_CONTEXT
    context_score = SCORE_VALIDATED

    def validate(self, value: str) -> bool:
        return sg_nric_valid(value)

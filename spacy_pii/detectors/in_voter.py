"""IN_VOTER: Indian voter ID (EPIC) numbers (3 letters and 7 digits), after "voter"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("in_voter")
class InVoterDetector(NationalIdDetector):
    """EPIC: `ABC1234567`, the constituency's 3-letter code and 7 digits, upper case. The
    serial's check digit is not officially published, so "voter" / "EPIC" / "electoral" must
    come within 32 characters before (score 0.85)."""

    label = "IN_VOTER"
    priority = 32
    countries = frozenset({"IN"})
    pattern = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{2}\d{7}(?![\w]|-\d)")
    context = words(
        "voter", "voter id", "voter id number", "voter card", "voters id", "epic", "epic no",
        "epic number", "electoral", "election card", "election commission", "मतदाता", "मतदाता पहचान पत्र",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

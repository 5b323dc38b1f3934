"""ABA_ROUTING_NUMBER: US bank routing numbers (9 digits, 3-7-1 weights), after "routing"."""
import re

from ..registry import registry
from .base import digits_of, words
from .checksums import aba_valid
from .layout import NationalIdDetector


@registry.detectors("aba_routing_number")
class AbaRoutingNumberDetector(NationalIdDetector):
    """ABA routing transit numbers: 9 digits (or `0210-0002-1`) with a Federal Reserve
    prefix and the 3-7-1 check. One in 30 random numbers pass and 9 digits are as often an
    order number or an epoch, so "routing" / "ABA" must come within 32 characters before
    (score 0.95)."""

    label = "ABA_ROUTING_NUMBER"
    priority = 46
    countries = frozenset({"US"})
    pattern = re.compile(r"\d(?<![\w-]\d)(?:\d{8}|\d{3}-\d{4}-\d)(?![\w]|-\d)")
    context = words(
        "routing", "routing number", "routing no", "routing #", "aba", "aba number", "aba routing",
        "abartn", "rtn", "routing transit number", "transit number", "bank routing",
    )  # fmt: skip
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return aba_valid(digits_of(value))

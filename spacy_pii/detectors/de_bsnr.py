"""DE_BSNR: German practice site numbers (Betriebsstättennummer, 9 digits), after "BSNR"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, Match, words
from .layout import NationalIdDetector

# KV region codes (KBV Arztnummern-Richtlinie); other prefixes are possible but unlisted.
_KV_REGIONS = frozenset(
    "01 02 03 17 20 35 38 46 51 52 71 72 73 74 78 83 88 93 98".split()
)


@registry.detectors("de_bsnr")
class DeBsnrDetector(NationalIdDetector):
    """BSNR: 9 digits, the first two the Kassenärztliche Vereinigung's region. No check
    digit, so "BSNR" / "Betriebsstätte" must come within 32 characters before: score 0.95
    with a listed KV region, 0.85 with another."""

    label = "DE_BSNR"
    priority = 40
    countries = frozenset({"DE"})
    pattern = re.compile(r"\d(?<![\w-]\d)\d{8}(?![\w]|-\d)")
    context = words(
        "bsnr", "betriebsstättennummer", "betriebsstätten-nummer", "betriebsstätte", "praxisnummer",
        "practice number", "practice site number", "site number", "nebenbetriebsstätte",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        return value[:2] != "00" and value != "000000000"

    def rescore(self, text: str, match: Match) -> float:
        return 0.95 if text[match.start : match.start + 2] in _KV_REGIONS else match.score

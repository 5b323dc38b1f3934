"""US_ITIN: US individual taxpayer identification numbers (9XX-[5-9]X-XXXX)."""
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_SHAPE, Detector, Match, words

# Area 9xx; group 50-65, 70-88, 90-92, 94-99 (IRS ranges).
_ITIN = re.compile(
    r"(?<![\w-])9\d{2}(?P<sep>[- ]?)(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])(?P=sep)\d{4}(?![\w]|-\d)"
)


@registry.detectors("us_itin")
class UsItinDetector(Detector):
    """ITINs: `9XX-7X-XXXX` with the IRS group ranges scores 0.6, 0.95 after "ITIN" /
    "taxpayer"; nine bare digits need that context."""

    label = "US_ITIN"
    priority = 45
    countries = frozenset({"US"})
    pattern = _ITIN
    context = words("itin", "taxpayer", "tax id", "tax identification", "tin", "taxpayer id")
    base_score = SCORE_SHAPE
    context_score = 0.95

    def search(self, text: str) -> Iterator[Match]:
        for m in _ITIN.finditer(text):
            context = self.has_context(text, m.start(), m.end())
            if m.group("sep") or context:
                yield self.match(m.start(), m.end(), self.score(context))

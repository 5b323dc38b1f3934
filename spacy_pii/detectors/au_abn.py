"""AU_ABN: Australian business numbers (11 digits, mod-89)."""
import re
from typing import Iterator, Optional

from ..registry import registry
from .base import SCORE_SHAPE, SCORE_VALIDATED, Detector, Match, SpanIndex, digits_of, words
from .checksums import abn_valid

_ABN = re.compile(r"(?<![\w-])\d{2}(?P<sep> ?)\d{3}(?P=sep)\d{3}(?P=sep)\d{3}(?![\w]|-\d)")


@registry.detectors("au_abn")
class AuAbnDetector(Detector):
    """ABN: 11 digits passing mod-89. Grouped `51 824 753 556` it is a distinctive layout
    (score 0.6); 11 bare digits need "ABN" / "business number" before (1.0 with context)."""

    label = "AU_ABN"
    priority = 42
    countries = frozenset({"AU"})
    context = words("abn", "australian business number", "business number")
    base_score = SCORE_SHAPE
    context_score = SCORE_VALIDATED

    def find(self, text: str, blocked: Optional[SpanIndex] = None) -> Iterator[Match]:
        for m in _ABN.finditer(text):
            if not abn_valid(digits_of(m.group())):
                continue
            context = self.has_context(text, m.start(), m.end())
            if m.group("sep") or context:
                yield self.match(m.start(), m.end(), self.score(context))

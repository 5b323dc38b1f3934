"""DE_HANDELSREGISTER: German commercial register numbers (`HRB 12345`, `HRA 6789`)."""
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_STRONG_SHAPE, Match, words
from .layout import NationalIdDetector

# Register divisions: HRA (partnerships), HRB (companies), GnR (cooperatives), PR
# (partnerships of professions), VR (associations), GsR (civil-law partnerships).
_REGISTER = re.compile(
    r"(?P<division>[HGPV](?<![\w-][HGPV])(?:(?<=H)R[AB]|(?<=G)[ns]R|(?<=[PV])R)) ?\d{1,6}(?![\w.,]\d|[\w])"
)


@registry.detectors("de_handelsregister")
class DeHandelsregisterDetector(NationalIdDetector):
    """Register numbers: a division and 1-6 digits. HRA, HRB, GnR and GsR are distinctive
    (score 0.9); "PR 123" and "VR 12" are also pull requests and headsets, so they need
    "Handelsregister" / "Amtsgericht" / "Registergericht" within 32 characters before."""

    label = "DE_HANDELSREGISTER"
    priority = 50
    countries = frozenset({"DE"})
    pattern = _REGISTER
    context = words(
        "handelsregister", "handelsregisternummer", "amtsgericht", "registergericht", "registernummer",
        "vereinsregister", "partnerschaftsregister", "genossenschaftsregister", "commercial register",
        "trade register", "register court", "eingetragen",
    )  # fmt: skip
    base_score = SCORE_STRONG_SHAPE
    context_score = SCORE_STRONG_SHAPE

    def search(self, text: str) -> Iterator[Match]:
        for m in _REGISTER.finditer(text):
            context = self.has_context(text, m.start(), m.end())
            if m.group("division") in ("PR", "VR") and not context:
                continue
            yield Match(m.start(), m.end(), self.label, self.score(context))

"""US_MBI: Medicare Beneficiary Identifiers (11 characters in fixed positions)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_SHAPE, words
from .layout import NationalIdDetector

# CMS: positions 2, 5, 8, 9 a letter; 3 and 6 a letter or digit; the others digits (1 not
# 0); letters exclude S, L, O, I, B, Z. Printed with or without dashes after 4 and 7.
_L = "[AC-HJKMNP-RT-Y]"
_MBI = re.compile(
    rf"[1-9](?<![\w-][1-9]){_L}[0-9AC-HJKMNP-RT-Y]\d(?P<sep>-?)"
    rf"{_L}[0-9AC-HJKMNP-RT-Y]\d(?P=sep){_L}{{2}}\d{{2}}(?![\w]|-\w)"
)


@registry.detectors("us_mbi")
class UsMbiDetector(NationalIdDetector):
    """MBI: `1EG4-TE5-MK73` or `1EG4TE5MK73`, upper case. No check digit is published, but
    the position rules (digits, letters without S L O I B Z) rarely fit anything else:
    score 0.6, 0.85 after "MBI" / "Medicare"."""

    label = "US_MBI"
    priority = 45
    countries = frozenset({"US"})
    pattern = _MBI
    context = words(
        "mbi", "medicare beneficiary identifier", "medicare beneficiary id", "medicare number",
        "medicare id", "beneficiary id", "medicare card",
    )  # fmt: skip
    base_score = SCORE_SHAPE
    context_score = SCORE_CONTEXT


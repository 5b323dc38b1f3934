"""SG_UEN: Singapore unique entity numbers (businesses, companies, other entities)."""
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_VALIDATED, Match, words
from .checksums import sg_uen_valid
from .layout import NationalIdDetector

_UEN = re.compile(
    r"[0-9RST](?<![\w-][0-9RST])"
    r"(?:(?<=\d)\d{7}[A-Z]|(?<=1)[89]\d{7}[A-Z]|(?<=2)0\d{7}[A-Z]|(?<=[RST])\d{2}[A-Z]{2}\d{4}[A-Z0-9])(?![\w])"
)


@registry.detectors("sg_uen")
class SgUenDetector(NationalIdDetector):
    """UEN: businesses `53123456D` (8 digits, a check letter), local companies `201912345W`
    (year of registration, 5 digits, a check letter), other entities `T09LL0001B` (R/S/T,
    year, entity type, 4 digits, a check character). The company and entity forms are found
    on their own (score 0.85: 1 in 11 pass); the business form, 8 digits and a letter, needs
    "UEN" / "ACRA" within 32 characters before; with one, 1.0."""

    label = "SG_UEN"
    priority = 60
    countries = frozenset({"SG"})
    pattern = _UEN
    context = words(
        "uen", "uen no", "uen number", "unique entity number", "acra", "business registration number",
        "company registration number", "registration no", "registration number",
    )  # fmt: skip
    base_score = SCORE_CONTEXT
    context_score = SCORE_VALIDATED

    def search(self, text: str) -> Iterator[Match]:
        for m in _UEN.finditer(text):
            value = m.group()
            if not sg_uen_valid(value):
                continue
            context = self.has_context(text, m.start(), m.end())
            if len(value) == 9 and not context:
                continue
            yield Match(m.start(), m.end(), self.label, self.score(context))

"""KR_RRN: Korean resident registration numbers (`YYMMDD-GNNNNNN`)."""
import re
from typing import ClassVar, FrozenSet

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_SHAPE, SCORE_VALIDATED, Match, digits_of, words
from .checksums import kr_rrn_checksum_ok, kr_rrn_date_ok
from .layout import LayoutDetector

_RRN = re.compile(r"\d(?<![\w-]\d)\d{5}-?\d{7}(?![\w]|-\d)")


class KrRegistrationNumber(LayoutDetector):
    """RRN and FRN: birth date YYMMDD, the 7th digit (century and sex, and for foreigners
    5-8), 5 more digits and a check digit. Numbers issued since October 2020 end in a random
    digit, so the check raises the score rather than decides: with the check 1.0, without
    it 0.6 (0.85 with a context word). The dashed layout with a real date is found on its
    own; 13 bare digits need a context word."""

    pattern = _RRN
    seventh: ClassVar[FrozenSet[str]] = frozenset()
    base_score = SCORE_SHAPE
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        digits = digits_of(value)
        return digits[6] in self.seventh and kr_rrn_date_ok(digits)

    def rescore(self, text: str, match: Match) -> float:
        return SCORE_VALIDATED if kr_rrn_checksum_ok(digits_of(text[match.start : match.end])) else match.score


@registry.detectors("kr_rrn")
class KrRrnDetector(KrRegistrationNumber):
    """주민등록번호: `900101-1234568`; 7th digit 1-4 (9 and 0 for the 1800s)."""

    label = "KR_RRN"
    priority = 63
    countries = frozenset({"KR"})
    seventh = frozenset("1234")
    context = words(
        "주민등록번호", "주민번호", "주민등록", "주민 등록 번호", "rrn", "resident registration number",
        "resident registration no", "resident registration",
    )  # fmt: skip

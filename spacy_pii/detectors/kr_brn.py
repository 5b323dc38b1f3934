"""KR_BRN: Korean business registration numbers (`123-45-67890`, weighted check digit)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, digits_of, words
from .checksums import kr_brn_valid
from .layout import LayoutDetector


@registry.detectors("kr_brn")
class KrBrnDetector(LayoutDetector):
    """사업자등록번호: tax office (3 digits), entity type (2), serial (4) and a check digit.
    The 3-2-5 layout with a valid check is found on its own (score 0.85: 1 in 10 pass); 10
    bare digits need "사업자등록번호" / "BRN" within 32 characters before (score 0.95)."""

    label = "KR_BRN"
    priority = 44
    countries = frozenset({"KR"})
    pattern = re.compile(r"\d(?<![\w-]\d)\d{2}(?P<sep>-?)\d{2}(?P=sep)\d{5}(?![\w]|-\d)")
    context = words(
        "사업자등록번호", "사업자 등록번호", "사업자번호", "사업자 번호", "사업자등록", "brn",
        "business registration number", "business registration no", "business number",
    )  # fmt: skip
    base_score = SCORE_CONTEXT
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return kr_brn_valid(digits_of(value))

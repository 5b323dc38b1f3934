"""KR_FRN: Korean foreigner registration numbers (`YYMMDD-GNNNNNN`, 7th digit 5-8)."""
from ..registry import registry
from .base import words
from .kr_rrn import KrRegistrationNumber


@registry.detectors("kr_frn")
class KrFrnDetector(KrRegistrationNumber):
    """외국인등록번호: the RRN layout with a 7th digit of 5-8."""

    label = "KR_FRN"
    priority = 63
    countries = frozenset({"KR"})
    seventh = frozenset("5678")
    context = words(
        "외국인등록번호", "외국인 등록번호", "외국인번호", "외국인등록", "frn", "foreigner registration number",
        "foreign registration number", "alien registration number", "alien registration",
        "residence card",
    )  # fmt: skip

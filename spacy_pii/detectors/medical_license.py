"""MEDICAL_LICENSE: US DEA registration numbers (2 letters, 7 digits, a check digit)."""
import re

from ..registry import registry
from .base import Detector, words
from .checksums import dea_valid


@registry.detectors("medical_license")
class MedicalLicenseDetector(Detector):
    """DEA numbers: a registrant-type letter, a letter (or 9), 7 digits whose last is the
    DEA check digit. Two letters and seven digits is a common ID shape and 1 in 10 pass the
    check, so "DEA", "prescriber" or "medical license" must come within 32 characters before
    (score 0.95)."""

    label = "MEDICAL_LICENSE"
    priority = 40
    countries = frozenset({"US"})
    pattern = re.compile(r"(?<![A-Za-z0-9])[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}(?![A-Za-z0-9])")
    context = words(
        "dea", "dea no", "dea number", "dea#", "dea registration", "prescriber", "medical license",
        "medical licence", "license", "licence",
    )  # fmt: skip
    context_required = True
    context_score = 0.95

    def validate(self, value: str) -> bool:
        return dea_valid(value)

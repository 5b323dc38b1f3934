"""US_DRIVER_LICENSE: US driver license numbers, after a driver-license phrase."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, Detector, words


@registry.detectors("us_driver_license")
class UsDriverLicenseDetector(Detector):
    """Driver license numbers in the shapes US states issue (1-2 letters and 4-14 digits,
    6-14 digits, digits and a trailing letter, dashed Florida/Wisconsin style). The shapes
    cover most IDs, so "driver license", "driver's license", "DL" or "DLN" must come within 32
    characters before (score 0.85)."""

    label = "US_DRIVER_LICENSE"
    priority = 34
    countries = frozenset({"US"})
    pattern = re.compile(
        r"(?<![A-Za-z0-9-])(?:[A-Z]{1,2}\d{4,14}|\d{6,14}|\d{7,9}[A-Z]{1,2}"
        r"|[A-Z]\d{3}-\d{3}-\d{2}-\d{3}-\d|[A-Z]\d{3}-\d{4}-\d{4}-\d{2})(?![A-Za-z0-9]|-\d)"
    )
    context = words(
        "driver license", "driver licence", "driver's license", "driver's licence",
        "drivers license", "drivers licence", "driving license", "driving licence",
        "driver license number", "dl", "dl#", "dln", "dl no", "dl number",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

"""UK_VEHICLE_REGISTRATION: UK number plates (current, prefix and suffix styles)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, Detector, words

# DVLA styles: current (2001+) `AB51 ABC`, area letters and an age identifier; prefix
# (1983-2001) `A123 BCD`; suffix (1963-1983) `ABC 123D`. I, Q (and Z in area letters) unused.
_CURRENT = r"[A-HJ-PR-Y]{2}(?:0[2-9]|[1-2]\d|5[1-9]|[67]\d) ?[A-HJ-PR-Z]{3}"
_PREFIX = r"[A-HJ-NPR-TV-Y]\d{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Z]{2}"
_SUFFIX = r"[A-HJ-PR-Z]{3} ?\d{1,3} ?[A-HJ-NPR-TV-Y]"
_PLATE = re.compile(rf"(?<![\w-])(?:{_CURRENT}|{_PREFIX}|{_SUFFIX})(?![\w])")


@registry.detectors("uk_vehicle_registration")
class UkVehicleRegistrationDetector(Detector):
    """UK registrations in the three DVLA styles, upper case. Short letter-digit codes are
    common (models, rooms, SKUs), so "registration" / "number plate" / "VRN" must come within
    32 characters before (score 0.85)."""

    label = "UK_VEHICLE_REGISTRATION"
    priority = 30
    countries = frozenset({"GB"})
    pattern = _PLATE
    context = words(
        "registration", "reg", "reg no", "reg number", "registration number", "vehicle registration",
        "vrn", "number plate", "licence plate", "license plate", "dvla", "v5c", "vehicle", "car reg",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

"""UK_VEHICLE_REGISTRATION: UK number plates (current, prefix and suffix styles)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector

# DVLA styles: current (2001+) `AB51 ABC`, area letters and an age identifier; prefix
# (1983-2001) `A123 BCD`; suffix (1963-1983) `ABC 123D`. I, Q (and Z in area letters) unused.
# The letter that starts each style is matched once, then checked by a lookbehind: a regex
# starting with a character class is scanned 2-3x faster than one starting with a lookbehind.
_CURRENT = r"(?<=[A-HJ-PR-Y])[A-HJ-PR-Y](?:0[2-9]|[1-2]\d|5[1-9]|[67]\d) ?[A-HJ-PR-Z]{3}"
_PREFIX = r"(?<=[A-HJ-NPR-TV-Y])\d{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Z]{2}"
_SUFFIX = r"(?<=[A-HJ-PR-Z])[A-HJ-PR-Z]{2} ?\d{1,3} ?[A-HJ-NPR-TV-Y]"
_PLATE = re.compile(rf"[A-Z](?<![\w-][A-Z])(?:{_CURRENT}|{_PREFIX}|{_SUFFIX})(?![\w])")


@registry.detectors("uk_vehicle_registration")
class UkVehicleRegistrationDetector(NationalIdDetector):
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

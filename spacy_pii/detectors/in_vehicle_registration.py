"""IN_VEHICLE_REGISTRATION: Indian vehicle registrations (`MH 12 AB 1234`)."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_SHAPE, words
from .layout import NationalIdDetector

# State and union-territory codes of the Motor Vehicles Act series.
_STATES = frozenset(
    "AN AP AR AS BR CG CH DD DL DN GA GJ HP HR JH JK KA KL LA LD MH ML MN MP MZ NL OD OR PB PY "
    "RJ SK TN TR TS UK UP WB".split()
)
# Delhi splits the series after a category letter: `DL 3C AQ 0417`.
_PLATE = re.compile(
    r"(?P<state>[A-Z](?<![\w-][A-Z])[A-Z])[ -]?\d{1,2}[ -]?"
    r"(?P<series>[A-Z]{1,3}(?:[ -]?[A-Z]{1,2})?)[ -]?\d{4}(?![\w]|-\d)"
)


@registry.detectors("in_vehicle_registration")
class InVehicleRegistrationDetector(NationalIdDetector):
    """Registrations: a state code, the RTO district (1-2 digits), a series (1-3 letters)
    and a 4-digit number, upper case, spaced, dashed or run together. The state code list
    makes the shape rare elsewhere: score 0.6, 0.85 after "vehicle" / "registration"."""

    label = "IN_VEHICLE_REGISTRATION"
    priority = 31
    countries = frozenset({"IN"})
    pattern = _PLATE
    context = words(
        "vehicle", "vehicle number", "vehicle no", "registration", "registration number", "reg no",
        "number plate", "license plate", "licence plate", "rc", "rc number", "gaadi number",
    )  # fmt: skip
    base_score = SCORE_SHAPE
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        m = _PLATE.match(value)
        if m is None or m.group("state") not in _STATES:
            return False
        return sum(ch.isalpha() for ch in m.group("series")) <= 3

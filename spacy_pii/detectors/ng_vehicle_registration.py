"""NG_VEHICLE_REGISTRATION: Nigerian number plates (`ABC-123DE`), after "plate"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector


@registry.detectors("ng_vehicle_registration")
class NgVehicleRegistrationDetector(NationalIdDetector):
    """Plates since 2011: the LGA code (3 letters), 3 digits and 2 letters, upper case. The
    shape is an SKU's too, so "plate" / "vehicle registration" must come within 32
    characters before (score 0.85)."""

    label = "NG_VEHICLE_REGISTRATION"
    priority = 30
    countries = frozenset({"NG"})
    pattern = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z]{2}[- ]?(?!000)\d{3}[A-Z]{2}(?![\w])")
    context = words(
        "plate", "plate number", "plate no", "number plate", "license plate", "licence plate",
        "vehicle registration", "vehicle number", "vehicle reg", "reg no",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

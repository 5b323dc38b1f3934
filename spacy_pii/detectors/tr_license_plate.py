"""TR_LICENSE_PLATE: Turkish number plates (`34 ABC 123`), after "plaka"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector

# Province code 01-81, 1-3 letters of the Turkish plate alphabet (no Q, W, X), 2-4 digits.
_PLATE = re.compile(
    r"\d(?<![\w-]\d)(?:(?<=0)[1-9]|(?<=[1-7])\d|(?<=8)[01])(?P<sep>[ -]?)[A-PR-VYZ]{1,3}(?P=sep)\d{2,4}(?![\w]|-\d)"
)


@registry.detectors("tr_license_plate")
class TrLicensePlateDetector(NationalIdDetector):
    """Plaka: province code, letters and digits (`06 A 1234`, `34 ABC 12`). "10 MB 512" is a
    size, so "plaka" / "license plate" must come within 32 characters before (score 0.85)."""

    label = "TR_LICENSE_PLATE"
    priority = 30
    countries = frozenset({"TR"})
    pattern = _PLATE
    context = words(
        "plaka", "plakası", "plakalı", "plaka no", "plaka numarası", "araç plakası", "araç plaka",
        "license plate", "licence plate", "number plate", "plate", "plate number", "vehicle registration",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

"""DE_KFZ: German vehicle registration plates (`B-AB 1234`), after "Kennzeichen"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector

# District code (1-3 letters), 1-2 letters, 1-4 digits, E (electric) or H (historic).
_PLATE = re.compile(r"[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[A-ZÄÖÜ]{0,2}[- ][A-Z]{1,2} ?[1-9]\d{0,3}[EH]?(?![\w])")


@registry.detectors("de_kfz")
class DeKfzDetector(NationalIdDetector):
    """Kfz-Kennzeichen: `M-AB 123`, `HH XY 99E`. Letter-digit codes are common in logs and
    prose, so "Kennzeichen" / "Kfz" / "license plate" must come within 32 characters
    before (score 0.85)."""

    label = "DE_KFZ"
    priority = 30
    countries = frozenset({"DE"})
    pattern = _PLATE
    context = words(
        "kennzeichen", "kfz-kennzeichen", "kfz kennzeichen", "kfz", "amtliches kennzeichen",
        "nummernschild", "autokennzeichen", "license plate", "licence plate", "number plate",
        "registration plate",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        # At most 8 characters besides the E/H suffix fit on a plate.
        return sum(ch.isalnum() for ch in value.rstrip("EH")) <= 8

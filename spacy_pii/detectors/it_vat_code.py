"""IT_VAT_CODE: Italian VAT numbers (partita IVA, 11 digits, Luhn, tax office code)."""
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_VALIDATED, Match, digits_of, words
from .checksums import it_vat_valid
from .layout import NationalIdDetector

_PIVA = re.compile(r"[I\d](?<![\w-][I\d])(?:(?<=I)(?P<prefix>T ?)\d{11}|(?<=\d)\d{10})(?![\w]|-\d)")


@registry.detectors("it_vat_code")
class ItVatCodeDetector(NationalIdDetector):
    """Partita IVA: 11 digits, a tax office code and a Luhn check digit. With the `IT`
    prefix the number is found on its own (score 1.0); bare digits (1 in 10 pass) need
    "partita IVA" / "P.IVA" / "VAT" within 32 characters before (score 1.0)."""

    label = "IT_VAT_CODE"
    priority = 64
    countries = frozenset({"IT"})
    pattern = _PIVA
    context = words(
        "partita iva", "p.iva", "p. iva", "piva", "p.i.", "codice iva", "numero iva", "iva", "vat",
        "vat number", "vat no", "vat id",
    )  # fmt: skip
    base_score = SCORE_VALIDATED
    context_score = SCORE_VALIDATED

    def search(self, text: str) -> Iterator[Match]:
        for m in _PIVA.finditer(text):
            if not it_vat_valid(digits_of(m.group())):
                continue
            context = self.has_context(text, m.start(), m.end())
            if m.group("prefix") or context:
                yield Match(m.start(), m.end(), self.label, self.score(context))

"""IBAN_CODE: international bank account numbers, country length + mod-97."""
import re
from typing import Dict, Iterator

from ..registry import registry
from .base import SCORE_VALIDATED, Detector, Match
from .checksums import mod97

IBAN_LENGTHS: Dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}")


def iban_valid(compact: str) -> bool:
    """Whether an IBAN without spaces has its country's length and passes mod-97.

    compact (str): upper-case IBAN, no spaces.
    RETURNS (bool): True if valid.
    """
    if IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return mod97(rearranged) == 1


def find_ibans(text: str) -> Iterator[Match]:
    """Find IBANs: country length table + mod-97; spaces between 4-character groups allowed.

    text (str): the text to search.
    YIELDS (Match): IBAN_CODE matches, score 1.0.
    """
    for m in _IBAN.finditer(text):
        expected = IBAN_LENGTHS.get(m.group()[:2])
        if expected is None:
            continue
        # Walk to the character that completes the expected length; anything written after
        # it belongs to the next word, but only if the IBAN ends at a word boundary.
        count, end = 0, m.start()
        for pos in range(m.start(), m.end()):
            if text[pos] != " ":
                count += 1
                if count == expected:
                    end = pos + 1
                    break
        if count != expected or (end < len(text) and text[end].isalnum()):
            continue
        if iban_valid(text[m.start() : end].replace(" ", "")):
            yield Match(m.start(), end, "IBAN_CODE", SCORE_VALIDATED)


@registry.detectors("iban")
class IbanDetector(Detector):
    """IBANs: country length table + mod-97 (score 1.0)."""

    label = "IBAN_CODE"
    priority = 75
    base_score = SCORE_VALIDATED

    def search(self, text: str) -> Iterator[Match]:
        return find_ibans(text)

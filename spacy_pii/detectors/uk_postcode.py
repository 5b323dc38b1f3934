"""UK_POSTCODE: UK postcodes (`SW1A 1AA`) with a real postcode area, after "postcode"."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, words
from .layout import NationalIdDetector

# Royal Mail postcode areas (plus BF for BFPO).
_AREAS = frozenset(
    "AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN "
    "DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L "
    "LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA "
    "SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS "
    "WV YO ZE".split()
)
_POSTCODE = re.compile(r"(?P<area>[A-Z](?<![\w-][A-Z])[A-Z]?)\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?![\w])")


@registry.detectors("uk_postcode")
class UkPostcodeDetector(NationalIdDetector):
    """UK postcodes: outward code (a postcode area, a district) and inward code, upper
    case, with or without the space. A postcode in an address or after "postcode" is part
    of a STREET_ADDRESS, so only one named as a UK postcode ("UK postcode", "Royal Mail
    postcode") is taken (score 0.85)."""

    label = "UK_POSTCODE"
    priority = 36
    countries = frozenset({"GB"})
    pattern = _POSTCODE
    # A bare "postcode: M14 5RN" is a STREET_ADDRESS in the corpus and the challenge set (the
    # model learns it so); only a phrase naming the UK postcode itself makes it UK_POSTCODE.
    context = words(
        "uk postcode", "uk post code", "uk postal code", "british postcode", "royal mail postcode",
        "postcode (uk)", "gb postcode",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

    def validate(self, value: str) -> bool:
        m = _POSTCODE.match(value)
        return m is not None and m.group("area") in _AREAS

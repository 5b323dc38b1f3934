"""CREDIT_CARD: payment card numbers, issuer prefix and length + Luhn."""
import re
from typing import FrozenSet, Iterator, Sequence, Tuple

from ..registry import registry
from .base import SCORE_VALIDATED, Detector, Match
from .checksums import luhn_valid

__all__ = ["luhn_valid", "card_brand_ok", "find_credit_cards", "CreditCardDetector"]

# A run of digit groups joined by single spaces or dashes; cards are windows of its groups.
_DIGIT_RUN = re.compile(r"(?<!\w)(?<!\d[.,])\d++(?:[ -]\d++)*+")
DECIMAL_AFTER = re.compile(r"\w|[.,]\d")
_GROUP = re.compile(r"\d+")

# (lowest IIN, highest IIN, lengths), IIN compared on its own number of digits.
_CARD_RANGES: Tuple[Tuple[str, str, FrozenSet[int]], ...] = (
    ("4", "4", frozenset({13, 16, 19})),  # Visa
    ("51", "55", frozenset({16})),  # Mastercard
    ("2221", "2720", frozenset({16})),  # Mastercard 2-series
    ("34", "34", frozenset({15})),  # American Express
    ("37", "37", frozenset({15})),
    ("6011", "6011", frozenset(range(16, 20))),  # Discover
    ("644", "649", frozenset(range(16, 20))),
    ("65", "65", frozenset(range(16, 20))),
    ("3528", "3589", frozenset(range(16, 20))),  # JCB
    ("300", "305", frozenset(range(14, 20))),  # Diners Club
    ("3095", "3095", frozenset(range(14, 20))),
    ("36", "36", frozenset(range(14, 20))),
    ("38", "39", frozenset(range(16, 20))),
    ("62", "62", frozenset(range(16, 20))),  # UnionPay (and Discover 622126-622925)
    ("2200", "2204", frozenset(range(16, 20))),  # Mir
    ("50", "50", frozenset(range(13, 20))),  # Maestro
    ("56", "58", frozenset(range(13, 20))),
    ("639", "639", frozenset(range(13, 20))),
    ("67", "67", frozenset(range(13, 20))),
)
_CARD_MIN, _CARD_MAX = 13, 19


def card_brand_ok(digits: str) -> bool:
    """Whether a digit string has the length and issuer prefix of a known card scheme.

    digits (str): ASCII digits only.
    RETURNS (bool): True if some scheme issues numbers of this prefix and length.
    """
    n = len(digits)
    for low, high, lengths in _CARD_RANGES:
        if n in lengths and low <= digits[: len(low)] <= high:
            return True
    return False


def _card_windows(sizes: Sequence[int], i: int) -> Iterator[int]:
    """End indices j (exclusive) of the group windows [i, j) worth a Luhn check, longest last.

    One block of 13-19 digits, or 4-4-4-4(-3)-style blocks, 4-6-5 (Amex), 4-6-4 (Diners):
    any other grouping is a different number sitting next to digits (a date, an order id).
    """
    if _CARD_MIN <= sizes[i] <= _CARD_MAX:
        yield i + 1
    if sizes[i] != 4:
        return
    if sizes[i + 1 : i + 3] in ([6, 5], [6, 4]):
        yield i + 3
    total, j = 4, i + 1
    while j < len(sizes) and total + sizes[j] <= _CARD_MAX:
        total += sizes[j]
        j += 1
        if total >= _CARD_MIN and 1 <= sizes[j - 1] <= 4:
            yield j
        if sizes[j - 1] != 4:
            break


def find_credit_cards(text: str) -> Iterator[Match]:
    """Find payment card numbers: 13-19 digits, known scheme prefix/length, Luhn.

    text (str): the text to search.
    YIELDS (Match): CREDIT_CARD matches, score 1.0. Spaces or dashes may split the digits;
        a card is never cut out of a longer unbroken run of digits or a decimal number.
    """
    for run in _DIGIT_RUN.finditer(text):
        if run.end() - run.start() < _CARD_MIN or DECIMAL_AFTER.match(text, run.end()):
            continue
        offset = run.start()
        groups = [(g.start() + offset, g.end() + offset) for g in _GROUP.finditer(run.group())]
        sizes = [e - s for s, e in groups]
        next_free = 0
        # Only a group of 4 or a block of 13-19 digits can open a card.
        for i in [i for i, n in enumerate(sizes) if n == 4 or _CARD_MIN <= n <= _CARD_MAX]:
            if i < next_free:
                continue
            found = None
            for j in _card_windows(sizes, i):
                digits = "".join(text[s:e] for s, e in groups[i:j])
                if card_brand_ok(digits) and luhn_valid(digits):
                    found = j if found is None else max(found, j)
            if found is not None:
                yield Match(groups[i][0], groups[found - 1][1], "CREDIT_CARD", SCORE_VALIDATED)
                next_free = found


@registry.detectors("credit_card")
class CreditCardDetector(Detector):
    """Card numbers: 13-19 digits, known scheme prefix/length, Luhn (score 1.0)."""

    label = "CREDIT_CARD"
    priority = 80
    base_score = SCORE_VALIDATED

    def search(self, text: str) -> Iterator[Match]:
        return find_credit_cards(text)

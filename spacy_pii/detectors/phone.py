"""PHONE_NUMBER: phone numbers checked by `phonenumbers`, after every stronger detector."""
import re
from functools import lru_cache
from typing import Iterable, Iterator, List, Optional, Pattern, Sequence, Tuple

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from ..errors import Errors, SpacyPIIError
from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_SHAPE, Detector, Match, SpanIndex
from .credit_card import DECIMAL_AFTER
from .ip_address import _IPV4

DEFAULT_PHONE_REGIONS: Tuple[str, ...] = ("US", "GB", "DE", "FR", "IN")

# Cheap pre-filter: runs of digits and phone punctuation. Only the parts of a run with 7+
# digits (dates cut out) are handed to phonenumbers, in windows of bounded size, so its
# per-character cost is paid on few characters.
# Not after "ORD-", "INV-": the digits of an ID.
_PHONE_RUN = re.compile(r"(?<![\d(+])(?<![A-Za-z]-)[+(]?\d[\d \t().\-/+]*+")
_ISO_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?")
_PHONE_WINDOW = 64  # characters per phonenumbers call; longer runs are cut into windows
_PHONE_MIN_DIGITS = 7
_PHONE_MAX_DIGITS = 17  # E.164 allows 15, plus a trunk prefix and slack
_DATE_LIKE = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{1,2}:\d{2}|\d{4}-\d{2}(?!\d)"
)
_PHONE_WORDS = re.compile(
    r"\b(?:phone|tel|telephone|call|calling|mobile|mob|cell|fax|contact|reach|sms|text|"
    r"whatsapp|ph|dial|ring)\b",
    re.I,
)
_WEAK_PHONE_WORDS = re.compile(r"\b(?:number|no|nr|num)\b", re.I)
_NOT_PHONE_WORDS = re.compile(
    r"\b(?:order|invoice|ticket|tracking|ref|reference|account|acct|po|sku|case|build|"
    r"version|ver|timestamp|epoch|serial|isbn|txn|transaction|port|pid|uid|"
    r"time|len|size|bytes|duration|elapsed|latency|took)\b",
    re.I,
)
_PHONE_STRICT = re.compile(
    r"(?<![\w+(])(?:\+\d{1,15}(?:[ .-]\d{1,5}){0,6}"
    r"|\(?\d{2,5}\)?[ .-]?\d{2,4}[.-]\d{2,4}(?:[.-]\d{2,4}){0,2})(?!\d)"
)
_HASH_BEFORE = re.compile(r"#\s?\Z")
# What system logs put where a phone number could be (issue: real logs shredded): columns
# aligned with several spaces (Android's "05.514  1702  2096"), a fraction ("time: 0.2477829"),
# and the date-time-pid prefix before a log level ("081111 084233 24661 INFO").
_COLUMN_GAP = re.compile(r"[ \t]{2,}")
_FRACTION = re.compile(r"\d{1,2}\.\d{4,}")
_LEVEL_AFTER = re.compile(r"[ \t]+(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|SEVERE|NOTICE|CRIT|[VDIWEF])\b")
_VERSION_OR_CHAIN_BEFORE = re.compile(r"(?:[A-Za-z0-9_]/|[vV]|\d\.)\Z")
_BARE_DIGITS = re.compile(r"\d+")
_CONTEXT_WINDOW = 32


def _last_start(regex: Pattern[str], text: str, start: int, end: int) -> int:
    last = -1
    for m in regex.finditer(text, start, end):
        last = m.start()
    return last


def _phone_context(text: str, start: int) -> Optional[str]:
    """What the 32 characters before a number say it is: 'phone', 'other' (order, version,
    account...) or None. A strong phone word wins over an earlier 'other' word; 'number'
    counts as a phone word only with no 'other' word around ("order number 123...")."""
    window_start = max(0, start - _CONTEXT_WINDOW)
    strong = _last_start(_PHONE_WORDS, text, window_start, start)
    other = _last_start(_NOT_PHONE_WORDS, text, window_start, start)
    if other >= 0 and other > strong:
        return "other"
    if strong >= 0 or _WEAK_PHONE_WORDS.search(text, window_start, start):
        return "phone"
    return None


def _phone_windows(
    text: str, run_start: int, run_end: int, blocked: SpanIndex
) -> Iterator[Tuple[int, int]]:
    """Windows of a digit run worth a phonenumbers call: dates and the spans of stronger
    detectors (IPs, cards...) cut out, 7+ digits left, bounded size.

    A run longer than one window is a table of numbers, not prose: there only strictly
    formatted candidates (a leading +, or dots/dashes between groups) are checked, so a
    100 kB block of digits costs a regex pass, not thousands of parser calls.
    """
    cuts = [d.span() for d in _DATE_LIKE.finditer(text, run_start, run_end)]
    cuts.extend(blocked.overlapping(run_start, run_end))
    pieces: List[Tuple[int, int]] = []
    pos = run_start
    for cut_start, cut_end in sorted(cuts):
        if cut_start > pos:
            pieces.append((pos, cut_start))
        pos = max(pos, cut_end)
    if pos < run_end:
        pieces.append((pos, run_end))
    for start, end in pieces:
        piece = text[start:end].strip()
        if sum(ch.isdigit() for ch in piece) < _PHONE_MIN_DIGITS:
            continue
        if _BARE_DIGITS.fullmatch(piece) and _phone_context(text, start) != "phone":
            continue  # would be rejected by _phone_plausible anyway
        if end - start <= _PHONE_WINDOW:
            yield start, end
            continue
        for m in _PHONE_STRICT.finditer(text, start, end):
            yield m.start(), m.end()


@lru_cache(maxsize=8192)
def _match_phones(window: str, region: str) -> Tuple[Tuple[int, int], ...]:
    # Cached per (window, region): repeated lines in a log cost one parse.
    return tuple(
        (m.start, m.end) for m in PhoneNumberMatcher(window, region, leniency=Leniency.VALID)
    )


def _phone_plausible(text: str, start: int, end: int) -> bool:
    raw = text[start:end]
    if _DATE_LIKE.search(raw):
        return False
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    if before[-1:].isalnum() or after[:1].isalnum():
        return False
    # Version strings and dotted number chains: "Chrome/124.0.6367...", "1.415.555.0199"
    if _VERSION_OR_CHAIN_BEFORE.search(before) or DECIMAL_AFTER.match(after):
        return False
    if _HASH_BEFORE.search(text, max(0, start - 2), start):
        return False
    if _COLUMN_GAP.search(raw):
        return False
    context = _phone_context(text, start)
    if context != "phone" and (_FRACTION.fullmatch(raw) or _LEVEL_AFTER.match(text, end)):
        return False
    if context == "other":
        return False
    # A bare digit string (no +, brackets or separators) is an ID or a counter far more
    # often than a phone number: ask for a phone word before it.
    if _BARE_DIGITS.fullmatch(raw):
        return context == "phone"
    return True


def find_phone_numbers(
    text: str, regions: Sequence[str] = DEFAULT_PHONE_REGIONS, exclude: Sequence[Match] = ()
) -> Iterator[Match]:
    """Find phone numbers valid (`Leniency.VALID`) in one of `regions` or in international form.

    Candidates that look like dates or times, version strings, parts of dotted chains, that
    follow "#" or an order/account/version word, or that overlap `exclude` are dropped; an
    unformatted digit string needs a phone word ("call", "tel", "mobile"...) before it.

    text (str): the text to search.
    regions (Sequence[str]): ISO 3166 region codes for numbers written without `+`.
    exclude (Sequence[Match]): spans of stronger detectors (cards, IPs, ...).
    YIELDS (Match): PHONE_NUMBER matches, not overlapping each other.
    """
    return _find_phone_numbers(text, regions, SpanIndex((m.start, m.end) for m in exclude))


def _find_phone_numbers(text: str, regions: Sequence[str], exclude: Optional[SpanIndex]) -> Iterator[Match]:
    # ISO timestamps ("T06:03:09.632276" has 8 digits) and dotted quads (netmasks, which the
    # IP detector leaves alone) are no phones
    shapes = [m.span() for regex in (_ISO_TIMESTAMP, _IPV4) for m in regex.finditer(text)]
    if exclude is not None:
        shapes.extend(zip(exclude.starts, exclude.ends))
    blocked = SpanIndex(shapes)
    found: List[Tuple[int, int]] = []
    for run in _PHONE_RUN.finditer(text):
        if run.end() - run.start() < _PHONE_MIN_DIGITS:
            continue
        for w_start, w_end in _phone_windows(text, run.start(), run.end(), blocked):
            # One character of context on each side: phonenumbers checks for letters there.
            c_start, c_end = max(0, w_start - 1), min(len(text), w_end + 1)
            window = text[c_start:c_end]
            for region in regions:
                for s, e in _match_phones(window, region):
                    found.append((c_start + s, c_start + e))
    found.sort(key=lambda se: (se[0], se[0] - se[1]))
    last_end = -1
    for start, end in found:
        if start < last_end:
            continue
        digits = sum(ch.isdigit() for ch in text[start:end])
        if digits > _PHONE_MAX_DIGITS or blocked.overlaps(start, end):
            continue
        if not _phone_plausible(text, start, end):
            continue
        last_end = end
        context = _phone_context(text, start) == "phone"
        yield Match(start, end, "PHONE_NUMBER", SCORE_CONTEXT if context else SCORE_SHAPE)


def check_regions(regions: Iterable[str]) -> List[str]:
    """Validate phone regions against phonenumbers' supported regions.

    regions (Iterable[str]): ISO 3166-1 alpha-2 codes.
    RETURNS (List[str]): the codes, upper-cased.
    """
    out = [r.strip().upper() for r in regions if r.strip()]
    unknown = [r for r in out if r not in phonenumbers.SUPPORTED_REGIONS]
    if unknown:
        raise SpacyPIIError(Errors.E109.format(regions=", ".join(unknown)))
    return out


@registry.detectors("phone")
class PhoneDetector(Detector):
    """Phone numbers (see `find_phone_numbers`). It `yields`: it runs after every detector of
    higher priority and leaves their spans alone (a card, an IP, an SSN is no phone), and
    cuts them out of the digit runs it hands to phonenumbers. Score 0.85 after a phone word,
    0.6 without.

    regions (Sequence[str]): ISO 3166 regions of numbers written without a country code.
    """

    label = "PHONE_NUMBER"
    # The NER also finds spoken and context-given numbers this detector's region rules
    # cannot see: its check does not decide the label for them.
    checks_label = False
    priority = 10
    yields = True

    def __init__(self, regions: Sequence[str] = DEFAULT_PHONE_REGIONS) -> None:
        self.regions: Tuple[str, ...] = tuple(check_regions(regions))

    def find(self, text: str, blocked: Optional[SpanIndex] = None) -> Iterator[Match]:
        for m in _find_phone_numbers(text, self.regions, blocked):
            yield self.match(m.start, m.end, m.score)

"""Validated pattern detectors: each finds candidates with a regex, then checks them.

Every detector is a small function `find_x(text) -> Iterator[Match]`. A regex only proposes;
a checksum (Luhn, IBAN mod-97), a parser (`ipaddress`, `phonenumbers`) or a field rule (SSN
areas) decides. `find_all` runs the detectors, drops phone candidates that overlap a
stronger detector, and resolves the remaining overlaps (see `operators.resolve_overlaps`).

Linear time: every regex here starts only at the beginning of a run (a negative lookbehind on
its own first character class), uses bounded or possessive repetition and no nested,
ambiguous quantifiers, so a 100 kB adversarial line costs one pass, not a quadratic one.
User patterns from config are the user's responsibility in that respect.

Scores: `Match.score` is 1.0 for a checksum or a parser-validated match (CREDIT_CARD,
IBAN_CODE, IP_ADDRESS) and `DEFAULT_PATTERN_SCORE` for a shape-only match (EMAIL_ADDRESS,
MAC_ADDRESS, US_SSN, PHONE_NUMBER, CREDENTIAL, user patterns); `find_all(pattern_score=...)`
replaces the latter.
"""
import bisect
import ipaddress
import re
from functools import lru_cache
from typing import (
    Callable,
    Dict,
    FrozenSet,
    Iterable,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Pattern,
    Sequence,
    Set,
    Tuple,
    Union,
)

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from .errors import Errors, SpacyPIIError
from .labels import LABELS, check_labels
from .operators import resolve_overlaps

VALIDATED_SCORE = 1.0
DEFAULT_PATTERN_SCORE = 0.85
DEFAULT_PHONE_REGIONS: Tuple[str, ...] = ("US", "GB", "DE", "FR", "IN")


class Match(NamedTuple):
    """One detector hit: character offsets into the text, label and confidence."""

    start: int
    end: int
    label: str
    score: float


class UserPattern(NamedTuple):
    """A user regex from config. A group named `value` narrows the span to that group."""

    label: str
    regex: Pattern[str]


# --- EMAIL_ADDRESS ----------------------------------------------------------------------

# Local part: plain characters or %XX escapes other than %40 (so "jane%2Bx%40ex.com" is one
# address); it never starts inside a run of such characters or inside an escape.
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._+%-])(?<!%[0-9A-Fa-f])(?!')"
    r"(?:[A-Za-z0-9._+'-]|%(?!40)[0-9A-Fa-f]{2}){1,64}"
    r"(?:@|%40)"
    r"(?P<domain>(?:[A-Za-z0-9-]{1,63}\.){1,10}[A-Za-z]{2,24})"
    r"(?![A-Za-z0-9-])"
)


# Mailboxes no person reads: not personal data.
_SYSTEM_MAILBOX = re.compile(r"no-?reply|do-?not-?reply|mailer-daemon|postmaster", re.IGNORECASE)


def find_emails(text: str) -> Iterator[Match]:
    """Find e-mail addresses, including URL-encoded ones (`jane%40example.com`).

    text (str): the text to search.
    YIELDS (Match): EMAIL_ADDRESS matches; the span covers the encoded form as written.
    """
    for m in _EMAIL.finditer(text):
        labels = m.group("domain").split(".")
        if any(label.startswith("-") or label.endswith("-") for label in labels):
            continue
        start = m.start()
        # "...jane@example.com": an ellipsis is not part of the address.
        while text[start] == ".":
            start += 1
        if text[start] == "@" or text.startswith("%40", start):
            continue
        if text.startswith("://", start - 3):
            continue  # URL userinfo (a Sentry DSN key, user:pass@host): not a mailbox
        if _SYSTEM_MAILBOX.fullmatch(re.split("@|%40", text[start : m.end()], maxsplit=1)[0]):
            continue
        yield Match(start, m.end(), "EMAIL_ADDRESS", DEFAULT_PATTERN_SCORE)


# --- IP_ADDRESS -------------------------------------------------------------------------

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
# Up to 7 "group:" then a tail group or a dotted IPv4; candidates only, ipaddress decides.
_IPV6 = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?![\w:]|\.\d)"
)
# "Chrome/124.0.0.0", "v1.2.3.4", "version 1.2.3.4": a product token or version word before.
_VERSION_BEFORE = re.compile(
    r"(?:[A-Za-z0-9_]/|(?<![A-Za-z])[vV]|\b(?:version|ver|build|release|rev)\b[\s:=]{0,3})\Z",
    re.IGNORECASE,
)


def _version_context(text: str, start: int) -> bool:
    return _VERSION_BEFORE.search(text[max(0, start - 12) : start]) is not None


_PREFIX_LEN = re.compile(r"/(\d{1,3})(?!\d)")


def _network_prefix(text: str, end: int, bits: int) -> bool:
    """Whether the address ending at `end` is followed by a CIDR prefix shorter than a host's."""
    m = _PREFIX_LEN.match(text, end)
    return m is not None and int(m.group(1)) < bits


def find_ip_addresses(text: str) -> Iterator[Match]:
    """Find IPv4 (octets <= 255) and IPv6 addresses of hosts: not version strings, not
    0.x/127.x/255.x (unspecified, loopback, netmasks), not networks (`10.0.0.0/8`).

    text (str): the text to search.
    YIELDS (Match): IP_ADDRESS matches, score 1.0 (parser-validated).
    """
    for m in _IPV4.finditer(text):
        octets = [int(part) for part in m.group().split(".")]
        if any(o > 255 for o in octets) or _version_context(text, m.start()):
            continue
        if octets[0] in (0, 127, 255) or _network_prefix(text, m.end(), 32):
            continue  # unspecified, loopback, netmask/broadcast, or a network: no host
        yield Match(m.start(), m.end(), "IP_ADDRESS", VALIDATED_SCORE)
    for m in _IPV6.finditer(text):
        candidate = m.group()
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        groups = [g for g in re.split(r"[:.]", candidate) if g]
        # "::1", "a::b" (and C++ "std::x", which the lookbehind already skips) are not
        # addresses worth a span: ask for a full address or two groups with 4+ hex digits.
        if "::" in candidate and (len(groups) < 2 or sum(len(g) for g in groups) < 4):
            continue
        if _network_prefix(text, m.end(), 128):
            continue
        yield Match(m.start(), m.end(), "IP_ADDRESS", VALIDATED_SCORE)


# --- MAC_ADDRESS ------------------------------------------------------------------------

_MAC = re.compile(
    r"(?<![\w:.-])"
    r"(?:[0-9A-Fa-f]{2}(?P<sep>[:-])[0-9A-Fa-f]{2}(?:(?P=sep)[0-9A-Fa-f]{2}){4}"
    r"|(?P<dotted>[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}))"
    r"(?![\w:-]|\.\w)"
)


def find_mac_addresses(text: str) -> Iterator[Match]:
    """Find MAC addresses: `aa:bb:cc:dd:ee:ff`, `aa-bb-...`, Cisco `aabb.ccdd.eeff`.

    text (str): the text to search.
    YIELDS (Match): MAC_ADDRESS matches. The dotted form needs a hex letter (a-f), so a
        number like 1234.5678.9012 is not taken for one.
    """
    for m in _MAC.finditer(text):
        if m.group("dotted") and not re.search(r"[A-Fa-f]", m.group("dotted")):
            continue
        yield Match(m.start(), m.end(), "MAC_ADDRESS", DEFAULT_PATTERN_SCORE)


# --- CREDIT_CARD ------------------------------------------------------------------------

# A run of digit groups joined by single spaces or dashes; cards are windows of its groups.
_DIGIT_RUN = re.compile(r"(?<!\w)(?<!\d[.,])\d++(?:[ -]\d++)*+")
_DECIMAL_AFTER = re.compile(r"\w|[.,]\d")
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


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn checksum.

    digits (str): ASCII digits only.
    RETURNS (bool): True if the checksum holds.
    """
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


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
        if run.end() - run.start() < _CARD_MIN or _DECIMAL_AFTER.match(text, run.end()):
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
                yield Match(groups[i][0], groups[found - 1][1], "CREDIT_CARD", VALIDATED_SCORE)
                next_free = found


# --- IBAN_CODE --------------------------------------------------------------------------

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
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


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
            yield Match(m.start(), end, "IBAN_CODE", VALIDATED_SCORE)


# --- US_SSN -----------------------------------------------------------------------------

_SSN = re.compile(r"(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w]|-\d)")
_SSN_BARE = re.compile(r"(?<![\w-])(\d{3})(\d{2})(\d{4})(?![\w]|-\d)")
_SSN_CONTEXT = re.compile(r"\b(?:ssn|ss#|social\s+security(?:\s+(?:number|no\.?|#))?)\W{0,3}", re.I)
_SSN_CONTEXT_WINDOW = 32


def ssn_valid(area: str, group: str, serial: str) -> bool:
    """Whether SSN fields can be issued: area not 000, 666 or 900-999; group, serial non-zero.

    area (str): 3 digits. group (str): 2 digits. serial (str): 4 digits.
    RETURNS (bool): True if the number could be a real SSN.
    """
    return area != "000" and area != "666" and area[0] != "9" and group != "00" and serial != "0000"


def find_us_ssns(text: str) -> Iterator[Match]:
    """Find US SSNs: `ddd-dd-dddd` or `ddd dd dddd` with valid fields.

    A bare 9-digit number counts only with "SSN" / "social security" in the 32 characters
    before it: nine digits alone are far more often an order or account number.

    text (str): the text to search.
    YIELDS (Match): US_SSN matches.
    """
    for m in _SSN.finditer(text):
        if ssn_valid(m.group(1), m.group(3), m.group(4)):
            yield Match(m.start(), m.end(), "US_SSN", DEFAULT_PATTERN_SCORE)
    for m in _SSN_BARE.finditer(text):
        if ssn_valid(*m.groups()) and _SSN_CONTEXT.search(
            text, max(0, m.start() - _SSN_CONTEXT_WINDOW), m.start()
        ):
            yield Match(m.start(), m.end(), "US_SSN", DEFAULT_PATTERN_SCORE)


# --- CREDENTIAL -------------------------------------------------------------------------

_TOKEN_SHAPES: Tuple[Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # AWS access key ids
        r"(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}(?![A-Za-z0-9])",
        # GitHub tokens
        r"(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])",
        r"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])",
        # Slack
        r"(?<![A-Za-z0-9-])xox[abposr]-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9-])",
        # Stripe secret / restricted keys
        r"(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9])",
        # Google API keys
        r"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])",
        # JWT: header.payload.signature, both JSON parts start with '{"' = eyJ
        r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]++\.eyJ[A-Za-z0-9_-]++\.[A-Za-z0-9_-]*+",
    )
)

PEM_BEGIN = re.compile(r"-----BEGIN (?P<kind>(?:[A-Z0-9]{1,20} ){0,3})PRIVATE KEY-----")
PEM_END = re.compile(r"-----END (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY-----")
# Body of a PEM block cut off before its END line: base64 lines (16+ characters, or a short
# padded last one) and RFC 1421 headers, separated by whitespace or escaped newlines.
_PEM_BODY = re.compile(
    r"(?:(?:\s|\\[rn])*+(?:[A-Za-z0-9+/]{16,}+={0,2}|[A-Za-z0-9+/]{1,15}+={1,2}"
    r"|(?:Proc-Type|DEK-Info):[^\r\n\\]*+))*+"
)

_SECRET_KEYS = (
    r"password|passwd|pwd|passphrase|secret|token|api[_-]?key|apikey|"
    r"(?:access|secret|private|signing|encryption|client)[_-]?key|credentials?"
)
# key, optional closing quote, separator, value: "quoted" / 'quoted' / bare.
_KEY_VALUE = re.compile(
    r"(?<![A-Za-z0-9_.-])(?P<key>[A-Za-z0-9_.-]{0,40}?(?:" + _SECRET_KEYS + r"))(?![A-Za-z0-9])"
    r"[\"']?[ \t]*(?::=|=>|[:=])[ \t]*"
    r"(?:\"(?P<dq>(?:[^\"\\\r\n]|\\.){1,1000})\"|'(?P<sq>[^'\r\n]{1,1000})'"
    r"|(?P<bare>\$\{[A-Za-z0-9_]{1,100}\}|[^\s\"'&;,<>(){}\[\]]{1,1000}))",
    re.IGNORECASE,
)
_AUTH_HEADER = re.compile(
    r"(?<![A-Za-z0-9-])(?:proxy-)?authorization[\"']?[ \t]*[:=][ \t]*[\"']?"
    r"(?:Bearer|Basic|Token|Digest|Negotiate|NTLM|Bot)[ \t]+(?P<value>[A-Za-z0-9._~+/=-]{1,4096})",
    re.IGNORECASE,
)
_BEARER = re.compile(r"(?<![A-Za-z0-9-])[Bb]earer[ \t]+(?P<value>[A-Za-z0-9._~+/-]{12,4096}=*)")
_COOKIE = re.compile(
    r"(?<![A-Za-z0-9-])(?P<set>set-)?cookie[\"']?[ \t]*:[ \t]*(?P<body>[^\r\n\"]{1,8192})",
    re.IGNORECASE,
)
_COOKIE_PAIR = re.compile(r"(?:^|;)[ \t]*(?P<name>[^=;\s]{1,256})=(?P<value>[^;\s]{1,4096})")
# A short cookie value is a preference (theme=dark, lang=en) unless the name says session.
_SESSION_COOKIE = re.compile(r"sess|sid|token|auth|jwt|key|login|remember|csrf|xsrf", re.IGNORECASE)
_MIN_COOKIE_SECRET = 8
# Values that are not secrets: placeholders, or a value already redacted by us.
_NOT_A_SECRET = re.compile(
    r"(?:null|none|nil|true|false|undefined|\*+|x{3,}|•+|<[^<>]*>|\[[A-Z_]+(?::[0-9a-f]+)?\]|\$\{?[A-Z0-9_]+\}?)",
    re.IGNORECASE,
)


def _secret_value(start: int, end: int, value: str) -> Optional[Match]:
    if not value.strip() or _NOT_A_SECRET.fullmatch(value):
        return None
    return Match(start, end, "CREDENTIAL", DEFAULT_PATTERN_SCORE)


def find_credentials(text: str) -> Iterator[Match]:
    """Find secrets: known token shapes, private-key blocks, and values of secret-named keys.

    Token shapes: AWS key ids, GitHub, Slack, Stripe, Google API keys, JWTs. PEM
    `-----BEGIN ... PRIVATE KEY-----` blocks (to their END line, or to the end of the base64
    body when the END line is missing). For `password=...`, `"api_key": "..."`,
    `Authorization: Bearer ...`, `Cookie: a=...` only the value is matched, never the key.

    text (str): the text to search.
    YIELDS (Match): CREDENTIAL matches.
    """
    seen: Set[Tuple[int, int]] = set()
    for found in _find_credentials(text):
        if (found.start, found.end) not in seen:  # "Authorization: Bearer x" matches twice
            seen.add((found.start, found.end))
            yield found


def _find_credentials(text: str) -> Iterator[Match]:
    for regex in _TOKEN_SHAPES:
        for m in regex.finditer(text):
            yield Match(m.start(), m.end(), "CREDENTIAL", DEFAULT_PATTERN_SCORE)
    yield from _find_pem_blocks(text)
    for m in _KEY_VALUE.finditer(text):
        group = "dq" if m.group("dq") is not None else "sq" if m.group("sq") is not None else "bare"
        if m.group("key").lower() == "pwd" and m.group(group).startswith("/"):
            continue  # sudo's PWD=/home/x: the working directory
        found = _secret_value(m.start(group), m.end(group), m.group(group))
        if found:
            yield found
    for regex in (_AUTH_HEADER, _BEARER):
        for m in regex.finditer(text):
            found = _secret_value(m.start("value"), m.end("value"), m.group("value"))
            if found:
                yield found
    for m in _COOKIE.finditer(text):
        body_start = m.start("body")
        for pair in _COOKIE_PAIR.finditer(m.group("body")):
            short = len(pair.group("value")) < _MIN_COOKIE_SECRET
            if short and not _SESSION_COOKIE.search(pair.group("name")):
                if m.group("set"):
                    break
                continue
            found = _secret_value(
                body_start + pair.start("value"), body_start + pair.end("value"), pair.group("value")
            )
            if found:
                yield found
            if m.group("set"):
                break  # Set-Cookie: the first pair is the cookie, the rest are attributes


def _find_pem_blocks(text: str) -> Iterator[Match]:
    # Pair each BEGIN with the first END after it, in one pass over both lists: a lazy
    # BEGIN.*?END regex would rescan the text once per unterminated BEGIN.
    begins = list(PEM_BEGIN.finditer(text))
    ends = list(PEM_END.finditer(text))
    j = 0
    for i, begin in enumerate(begins):
        next_begin = begins[i + 1].start() if i + 1 < len(begins) else len(text)
        while j < len(ends) and ends[j].start() < begin.end():
            j += 1
        if j < len(ends) and ends[j].end() <= next_begin:
            yield Match(begin.start(), ends[j].end(), "CREDENTIAL", DEFAULT_PATTERN_SCORE)
        else:
            body = _PEM_BODY.match(text, begin.end(), next_begin)
            end = body.end() if body else begin.end()
            while end > begin.end() and text[end - 1].isspace():
                end -= 1
            yield Match(begin.start(), end, "CREDENTIAL", DEFAULT_PATTERN_SCORE)


# --- PHONE_NUMBER -----------------------------------------------------------------------

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
    r"version|ver|timestamp|epoch|serial|isbn|txn|transaction|port|pid|uid)\b",
    re.I,
)
_PHONE_STRICT = re.compile(
    r"(?<![\w+(])(?:\+\d{1,15}(?:[ .-]\d{1,5}){0,6}"
    r"|\(?\d{2,5}\)?[ .-]?\d{2,4}[.-]\d{2,4}(?:[.-]\d{2,4}){0,2})(?!\d)"
)
_HASH_BEFORE = re.compile(r"#\s?\Z")
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
    text: str, run_start: int, run_end: int, blocked: "_SpanIndex"
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
    if _VERSION_OR_CHAIN_BEFORE.search(before) or _DECIMAL_AFTER.match(after):
        return False
    if _HASH_BEFORE.search(text, max(0, start - 2), start):
        return False
    context = _phone_context(text, start)
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
    # ISO timestamps ("T06:03:09.632276" has 8 digits) and dotted quads (netmasks, which the
    # IP detector leaves alone) are no phones
    shapes = [m.span() for regex in (_ISO_TIMESTAMP, _IPV4) for m in regex.finditer(text)]
    blocked = _SpanIndex([(m.start, m.end) for m in exclude] + shapes)
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
        yield Match(start, end, "PHONE_NUMBER", DEFAULT_PATTERN_SCORE)


class _SpanIndex:
    """Answers "does [start, end) overlap any of these spans?" in O(log n)."""

    def __init__(self, spans: Iterable[Tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.ends = [e for _, e in ordered]
        self.max_end: List[int] = []
        running = -1
        for _, e in ordered:
            running = max(running, e)
            self.max_end.append(running)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)  # spans starting before `end`
        return k > 0 and self.max_end[k - 1] > start

    def overlapping(self, start: int, end: int) -> List[Tuple[int, int]]:
        """The spans overlapping [start, end)."""
        out = []
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.max_end[k] > start:
            if self.ends[k] > start:
                out.append((self.starts[k], self.ends[k]))
            k -= 1
        return out


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


# --- user patterns ----------------------------------------------------------------------


def compile_user_patterns(specs: Sequence[Mapping[str, str]]) -> List[UserPattern]:
    """Compile `[{"label": ..., "pattern": ...}]` from config.

    specs (Sequence[Mapping[str, str]]): label (from the scheme) and regex per pattern.
    RETURNS (List[UserPattern]): compiled patterns. Errors name the pattern by index and
        label, never by its text (a pattern may spell out a real value).
    """
    out = []
    for i, spec in enumerate(specs):
        if not isinstance(spec, Mapping) or set(spec) != {"label", "pattern"}:
            keys = ", ".join(sorted(map(str, spec))) if isinstance(spec, Mapping) else type(spec).__name__
            raise SpacyPIIError(Errors.E108.format(index=i, keys=keys))
        (label,) = check_labels([str(spec["label"])])
        try:
            regex = re.compile(spec["pattern"])
        except re.error as e:
            raise SpacyPIIError(
                Errors.E107.format(index=i, label=label, reason=f"{e.msg} at position {e.pos}")
            ) from None
        out.append(UserPattern(label, regex))
    return out


def find_user_patterns(text: str, patterns: Sequence[UserPattern]) -> Iterator[Match]:
    """Run user regexes.

    text (str): the text to search.
    patterns (Sequence[UserPattern]): compiled patterns; a group named `value` is the span.
    YIELDS (Match): non-empty matches with the pattern's label.
    """
    for pattern in patterns:
        has_value = "value" in pattern.regex.groupindex
        for m in pattern.regex.finditer(text):
            start, end = m.span("value") if has_value else m.span()
            if start >= 0 and end > start:
                yield Match(start, end, pattern.label, DEFAULT_PATTERN_SCORE)


# --- all detectors ----------------------------------------------------------------------

Detector = Callable[[str], Iterator[Match]]

# Order = tie-break when two overlapping matches of different labels have the same length.
DETECTORS: Tuple[Tuple[str, Detector], ...] = (
    ("CREDENTIAL", find_credentials),
    ("CREDIT_CARD", find_credit_cards),
    ("IBAN_CODE", find_ibans),
    ("US_SSN", find_us_ssns),
    ("EMAIL_ADDRESS", find_emails),
    ("IP_ADDRESS", find_ip_addresses),
    ("MAC_ADDRESS", find_mac_addresses),
)
PATTERN_LABELS: Tuple[str, ...] = tuple(label for label, _ in DETECTORS) + ("PHONE_NUMBER",)


def find_all(
    text: str,
    labels: Optional[Iterable[str]] = None,
    regions: Sequence[str] = DEFAULT_PHONE_REGIONS,
    extra_patterns: Sequence[Union[UserPattern, Mapping[str, str]]] = (),
    pattern_score: Optional[float] = None,
) -> List[Match]:
    """Run every detector and resolve overlaps between their matches.

    Overlaps: matches of one label that overlap are merged; otherwise the longer match wins
    (ties: the order of DETECTORS, then PHONE_NUMBER, then user patterns) and the loser keeps
    only its characters outside the winner.

    text (str): the text to search.
    labels (Optional[Iterable[str]]): labels to return (None: all).
    regions (Sequence[str]): phone regions (see `find_phone_numbers`).
    extra_patterns (Sequence[Union[UserPattern, Mapping[str, str]]]): user regexes, compiled
        or as `{"label": ..., "pattern": ...}`.
    pattern_score (Optional[float]): score for shape-only matches (None: keep the default).
    RETURNS (List[Match]): non-overlapping matches sorted by start.
    """
    wanted = set(LABELS) if labels is None else set(labels)
    user = [p if isinstance(p, UserPattern) else _compile_one(p) for p in extra_patterns]
    need_phone = "PHONE_NUMBER" in wanted
    matches: List[Match] = []
    ranks: List[int] = []
    n_ranks = len(DETECTORS) + 2
    for rank, (label, detector) in enumerate(DETECTORS):
        # Phone filtering needs every stronger detector, wanted or not.
        if label in wanted or need_phone:
            for m in detector(text):
                matches.append(m)
                ranks.append(n_ranks - rank)
    if need_phone:
        for m in find_phone_numbers(text, regions, exclude=matches):
            matches.append(m)
            ranks.append(1)
    for m in find_user_patterns(text, user):
        matches.append(m)
        ranks.append(0)
    keep = [i for i, m in enumerate(matches) if m.label in wanted]
    matches = [matches[i] for i in keep]
    ranks = [ranks[i] for i in keep]
    resolved = resolve_overlaps(text, [(m.start, m.end, m.label) for m in matches], tiebreak=ranks)
    out = []
    for start, end, label, index in resolved:
        score = matches[index].score
        if pattern_score is not None and score < VALIDATED_SCORE:
            score = pattern_score
        out.append(Match(start, end, label, score))
    return out


@lru_cache(maxsize=256)
def _compile_cached(label: str, pattern: str) -> UserPattern:
    return compile_user_patterns([{"label": label, "pattern": pattern}])[0]


def _compile_one(spec: Mapping[str, str]) -> UserPattern:
    if not isinstance(spec, Mapping) or set(spec) != {"label", "pattern"}:
        return compile_user_patterns([spec])[0]  # raises the coded error
    return _compile_cached(str(spec["label"]), str(spec["pattern"]))

"""CREDENTIAL: secrets (token shapes, private-key blocks, values of secret-named keys),
and the carry that follows a private-key body across the lines of a stream."""
import re
from typing import Iterator, Optional, Pattern, Set, Tuple

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_STRONG_SHAPE, SCORE_VALIDATED, Detector, Match

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


# A bare value right before `{` or `(` is a class or a call a log printed (`Token{a64f992`).
_CODE_AFTER = re.compile(r"[{(]")


def _secret_value(start: int, end: int, value: str) -> Optional[Match]:
    if not value.strip() or _NOT_A_SECRET.fullmatch(value):
        return None
    return Match(start, end, "CREDENTIAL", SCORE_CONTEXT)


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
            yield Match(m.start(), m.end(), "CREDENTIAL", SCORE_STRONG_SHAPE)
    yield from _find_pem_blocks(text)
    for m in _KEY_VALUE.finditer(text):
        group = "dq" if m.group("dq") is not None else "sq" if m.group("sq") is not None else "bare"
        if m.group("key").lower() == "pwd" and m.group(group).startswith("/"):
            continue  # sudo's PWD=/home/x: the working directory
        if group == "bare" and _CODE_AFTER.match(text, m.end(group)) and m.group(group)[:1].isupper():
            continue  # Android's `token=Token{a64f992 ...}`: an object printed, not a secret
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
            yield Match(begin.start(), ends[j].end(), "CREDENTIAL", SCORE_VALIDATED)
        else:
            body = _PEM_BODY.match(text, begin.end(), next_begin)
            end = body.end() if body else begin.end()
            while end > begin.end() and text[end - 1].isspace():
                end -= 1
            yield Match(begin.start(), end, "CREDENTIAL", SCORE_VALIDATED)


@registry.detectors("credential")
class CredentialDetector(Detector):
    """Secrets. Scores: a PEM block 1.0; a known token shape (AWS, GitHub, Slack, Stripe,
    Google, JWT) 0.9; a value of a secret-named key, an auth header or a cookie 0.85 (the key
    is the context)."""

    label = "CREDENTIAL"
    priority = 90
    # A model's CREDENTIAL needs evidence in the line instead (`spacy_pii.detectors.evidence`).
    checks_label = False

    def search(self, text: str) -> Iterator[Match]:
        return find_credentials(text)


# A line of a PEM private key body: base64, an RFC 1421 header, or blank.
_PEM_BODY_LINE = re.compile(r"\s*(?:[A-Za-z0-9+/]+={0,2}|(?:Proc-Type|DEK-Info):.*)?\s*")
PEM_MAX_BODY_LINES = 200


class PemCarry:
    """Follows `-----BEGIN ... PRIVATE KEY-----` across the lines of a stream.

    A stream redacts each line on its own, so `find_credentials` sees a BEGIN line but not
    the base64 lines after it. After a BEGIN with no END on its line, the lines that look like
    key body are marked to be masked whole, up to the END line, the first line that is not
    key body, or PEM_MAX_BODY_LINES lines. One object per stream (it holds state); the
    stream loop calls `is_body` on every line, in order.
    """

    label = "CREDENTIAL"

    def __init__(self) -> None:
        self.body_lines = -1  # -1: outside a block

    def is_body(self, content: bytes) -> bool:
        """Whether this line (in stream order) is inside an open key block.

        content (bytes): the line without its ending.
        RETURNS (bool): True to mask the whole line as CREDENTIAL.
        """
        if self.body_lines < 0 and b"-----BEGIN" not in content:
            return False  # the common case, without decoding
        text = content.decode("utf-8", errors="surrogateescape")
        if self.body_lines >= 0:
            if self.body_lines < PEM_MAX_BODY_LINES and _PEM_BODY_LINE.fullmatch(text):
                self.body_lines += 1
                return True
            self.body_lines = -1
        begins = list(PEM_BEGIN.finditer(text))
        if begins and not PEM_END.search(text, begins[-1].end()):
            self.body_lines = 0
        return False

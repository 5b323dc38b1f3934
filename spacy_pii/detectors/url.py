"""URL: web addresses with a scheme (`https://...`, `postgres://...`) or starting `www.`, and
the parts of a URL (or of a request target such as `/v1/users?name=Jane+Doe`) that can
identify a person."""
import re
from typing import FrozenSet, Iterator, List, Optional, Pattern, Tuple
from urllib.parse import unquote_plus

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_STRONG_SHAPE, Detector, Match

_URL = re.compile(
    r"(?<![A-Za-z0-9+.-])(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.-]{0,15})://|(?=www\.))"
    r"(?P<userinfo>[^\s/?#@\"'<>\[\]{}|\\^`]{1,256}@)?"
    r"(?P<host>\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252}[A-Za-z0-9])?)"
    r"(?::\d{1,5})?"
    r"(?P<rest>[/?#][^\s\"'<>\x00-\x1f\x7f]{0,4096})?"
)
_TLD = re.compile(r"\.[A-Za-z]{2,24}$|\.[A-Za-z]{2,24}\.?$|\.\d{1,3}$")
# Punctuation that ends a sentence or closes a bracket after a URL in prose or a log.
_TRAILING = ".,;:!?'\")]}>*"
# A request target without scheme or host (an access log's "GET /path?query HTTP/1.1"):
# only its query string and fragment are read, for the parts below.
_REQUEST_TARGET = re.compile(
    r"(?<![^\s\"'=(\[])/[^\s?#\"'<>\x00-\x1f\x7f]{0,2048}"
    r"(?P<rest>\?[^\s\"'<>\x00-\x1f\x7f]{1,4096})"
)
_PAIR = re.compile(r"(?P<key>[^&;=#]{1,128})=(?P<value>[^&;#]{1,4096})")

# Query and fragment keys that name what their value is, as (regex over the key with its
# case folded and "_", "-", "." removed, label). Only labels no check decides: a key that
# names a checked label (email, ip, ssn, card, iban) is left to that label's detector, which
# reads the raw and the decoded value (`spacy_pii.pipeline.views`) and keeps its label only if valid.
# The last word of a nested key counts: "user[first_name]" -> "firstname".
KEY_LABELS: Tuple[Tuple[Pattern[str], str], ...] = tuple(
    (re.compile(pattern), label)
    for pattern, label in (
        (r"(?:first|last|given|family|full|middle|sur|fore|display|real|customer|contact|holder|"
         r"card(?:holder)?|account(?:holder)?|recipient|sender|patient|billing|shipping)?name|"
         r"[fl]name|first|last|surname|forename|cardholder", "PERSON"),
        (r"user(?:name|id)?|usr|uname|login(?:name|id)?|logon|uid|account(?:id)?|acct|handle|"
         r"nick(?:name)?|screenname|member(?:id)?|customerid|owner", "USERNAME"),
        (r"(?:access|id|refresh|auth|session|csrf|xsrf|api|bearer)?token|(?:api|access|secret|"
         r"private|client|session)?key|apikey|secret|clientsecret|pass(?:word)?|passwd|pwd|"
         r"session(?:id)?|sessid|sid|jsessionid|phpsessid|auth|jwt|signature|sig|xamzsignature|"
         r"xamzcredential|otp", "CREDENTIAL"),
        (r"phone(?:number)?|tel(?:ephone)?|mobile|cell|msisdn|fax", "PHONE_NUMBER"),
        (r"(?:street|home|billing|shipping|postal|mailing)?address(?:line)?\d?|addr\d?|street|"
         r"zip(?:code)?|postcode|postalcode|plz", "STREET_ADDRESS"),
        # Not "state" (OAuth's state is a nonce) nor "region" (a cloud region).
        (r"city|town|village|suburb|district|county|province|country|location|"
         r"birthplace|placeofbirth", "LOCATION"),
        (r"dob|birthdate|birthday|dateofbirth", "DATE_TIME"),
        (r"age", "AGE"),
        (r"company|employer|organi[sz]ation|org", "ORGANIZATION"),
    )
)
_KEY_WORD = re.compile(r"[^\[\]]+(?=\]?$)")
_KEY_PUNCT = re.compile(r"[_.\-\s]")
# Values that identify nobody: empty, a placeholder, a boolean, a value already redacted.
_EMPTY_VALUE = re.compile(
    r"(?:|-+|null|none|nil|true|false|undefined|\*+|x{3,}|<[^<>]*>|\[[A-Z_]+(?::[0-9a-f]+)?\]|\$\{?[A-Za-z0-9_]+\}?)",
    re.IGNORECASE,
)
# Labels whose value needs a letter (`name=2` is a page, not a person); a phone needs digits.
_NEEDS_LETTER: FrozenSet[str] = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "USERNAME"})
_MIN_PHONE_DIGITS = 5


def key_label(key: str) -> Optional[str]:
    """The label a query or fragment key names, if it names one (see `KEY_LABELS`).

    key (str): the key as written (percent-encoded or not).
    RETURNS (Optional[str]): the label, or None.
    """
    word = _KEY_WORD.search(unquote_plus(key).strip())
    if word is None:
        return None
    folded = _KEY_PUNCT.sub("", word.group(0).casefold())
    for regex, label in KEY_LABELS:
        if regex.fullmatch(folded):
            return label
    return None


def _value_identifies(label: str, value: str) -> bool:
    decoded = unquote_plus(value).strip()
    if _EMPTY_VALUE.fullmatch(decoded):
        return False
    if label in _NEEDS_LETTER:
        return any(ch.isalpha() for ch in decoded)
    if label == "PHONE_NUMBER":
        return sum(ch.isdigit() for ch in decoded) >= _MIN_PHONE_DIGITS
    if label == "AGE":
        return any(ch.isdigit() for ch in decoded)
    return any(ch.isalnum() for ch in decoded)


@registry.detectors("url")
class UrlDetector(Detector):
    """URLs, and the parts of URLs and request targets that can identify a person.

    The whole URL (label URL): a scheme and `://` or `www.`, then a host (a domain with a
    dot, `localhost`, an IP, or any host after user info), an optional port, path, query
    string and fragment. Trailing sentence punctuation and an unbalanced closing bracket are
    left out. Score 0.9 (a distinctive structure). URL is an opt-in label
    (`spacy_pii.labels.OPT_IN_LABELS`): by default the parts below are redacted instead, and
    scheme, host and plain path stay (`https://api.example.com/v1/users?email=[EMAIL_ADDRESS]
    &name=[PERSON]`; a referer such as `https://www.google.com/` stays whole).

    The parts (score 0.85, the key or the URL syntax being the context), also read in a
    request target without a host (`GET /v1/users?name=Jane+Doe HTTP/1.1`):
    - user info: the user part as USERNAME, a password part as CREDENTIAL;
    - query values, and values of `key=value` pairs in a fragment (`#access_token=...`),
      whose key names a label no check decides (`KEY_LABELS`: name/first/last -> PERSON,
      user/login/uid -> USERNAME, token/key/session/password -> CREDENTIAL, phone ->
      PHONE_NUMBER, address/street/zip -> STREET_ADDRESS, city/country -> LOCATION, dob ->
      DATE_TIME, age -> AGE, company -> ORGANIZATION); the span is the raw value, escapes
      included (`name=Zuzana+Mudrov%C3%A1`);
    - left to the other detectors and the NER: values another detector validates keep that
      detector's label (`email=jane%40example.com` is an EMAIL_ADDRESS; a key naming a
      checked label, `email`, `ip`, `ssn`, adds nothing by itself), and path segments
      (`/users/jane@example.com/`) are redacted when another label finds them;
    - left as they are: values of other keys (`ref=newsletter`, `page=2`, `q=...`), plain
      fragments (`#section-2`), empty and placeholder values.
    """

    label = "URL"
    emits = frozenset({"USERNAME", "CREDENTIAL", *(named for _, named in KEY_LABELS)})
    priority = 57
    base_score = SCORE_STRONG_SHAPE

    def search(self, text: str) -> Iterator[Match]:
        for m in _URL.finditer(text):
            host = m.group("host")
            if m.group("scheme") is None and not host.lower().startswith("www."):
                continue
            if not (
                host.startswith("[")
                or _TLD.search(host)
                or host.lower() == "localhost"
                or m.group("userinfo")
            ):
                continue
            end = m.end()
            while end > m.end("host") and text[end - 1] in _TRAILING:
                closer = text[end - 1]
                opener = {")": "(", "]": "[", "}": "{"}.get(closer)
                if opener and text.count(opener, m.start(), end) >= text.count(closer, m.start(), end):
                    break  # balanced: "wiki/Foo_(bar)" keeps its bracket
                end -= 1
            yield self.match(m.start(), end, self.base_score)
            if m.group("userinfo"):
                yield from _userinfo_parts(text, m.start("userinfo"), m.end("userinfo") - 1)
            if m.group("rest"):
                yield from _query_parts(text, m.start("rest"), min(end, m.end("rest")))
        for m in _REQUEST_TARGET.finditer(text):
            if text.startswith("//", m.start()):
                continue  # a URL without a scheme ("//cdn.example.com/..."): not a path
            end = m.end("rest")
            while end > m.start("rest") and text[end - 1] in _TRAILING:
                end -= 1
            yield from _query_parts(text, m.start("rest"), end)


def _userinfo_parts(text: str, start: int, end: int) -> Iterator[Match]:
    """`user:password` of a URL's user info (without its `@`)."""
    colon = text.find(":", start, end)
    user_end = end if colon < 0 else colon
    if user_end > start and not _EMPTY_VALUE.fullmatch(text[start:user_end]):
        yield Match(start, user_end, "USERNAME", SCORE_CONTEXT, UrlDetector.priority)
    if colon >= 0 and colon + 1 < end and not _EMPTY_VALUE.fullmatch(text[colon + 1 : end]):
        yield Match(colon + 1, end, "CREDENTIAL", SCORE_CONTEXT, UrlDetector.priority)


def _query_parts(text: str, start: int, end: int) -> Iterator[Match]:
    """Values of identity-naming keys in the query string and fragment of [start, end)
    (the part of a URL from its path on)."""
    query = text.find("?", start, end)
    fragment = text.find("#", start, end)
    pieces: List[Tuple[int, int]] = []
    if query >= 0 and (fragment < 0 or query < fragment):
        pieces.append((query + 1, fragment if fragment >= 0 else end))
    if fragment >= 0:
        pieces.append((fragment + 1, end))
    for piece_start, piece_end in pieces:
        for pair in _PAIR.finditer(text, piece_start, piece_end):
            label = key_label(pair.group("key"))
            if label is not None and _value_identifies(label, pair.group("value")):
                yield Match(pair.start("value"), pair.end("value"), label, SCORE_CONTEXT, UrlDetector.priority)

"""Decoded views: the one home for decoding escaped text and mapping offsets back to it.

Log lines carry values in encoded forms the detectors' regexes do not read: percent-encoding
(`jane%40example.com`, `name=Zuzana+Mudrov%C3%A1`), JSON escapes (`jane\\u0040example.com`,
`\\"`, surrogate pairs) and HTML escapes (`jane&#64;example.com`, `&amp;`). `decode_view`
turns such a text into a `View`: the decoded text plus, for each of its characters, the raw
characters it came from. The detectors run on the view (`spacy_pii.detectors.detector_set.
find_candidates`) and every match is mapped back with `View.to_raw`, so a replacement covers
whole escape sequences (`jane%40example.com` is replaced whole, never `jane%4`).

The NER does not read the view: it reads the raw text, and the corpus trains it on the
encoded forms (a view's offsets would not line up with the Doc's tokens).

Decoded, in one left-to-right pass (nothing is decoded twice: `%2540` gives `%40`):
- percent-encoding: runs of `%XX` as UTF-8 (multi-byte characters map to all their escapes);
  bytes that are not valid UTF-8 stay as written; `+` is a space inside the values of
  `key=value` pairs of a query string or form body (a pair after `?` or `&`, before `&`, or
  whose value holds a `%XX` escape), and nowhere else (`a+b` in prose stays);
- JSON string escapes: `\\uXXXX` (a surrogate pair is one character; a lone surrogate stays
  as written), `\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t`;
- HTML character references: `&#64;`, `&#x40;` (the `;` optional) and named entities with
  their `;` (`&amp;`, `&eacute;`; `html.entities.html5`).

`spoken_forms` writes a value spelled out word by word ("four one one one ...") as digits
and letters, for a check to read a value the NER proposes in a transcript (no offsets: the
whole proposed value is kept or dropped).

The common log line pays a few `str.find` calls: without `%`, `\\`, `&` or `+` there is no
view (`decode_view` returns None).
"""
import html.entities
import re
from typing import List, NamedTuple, Optional, Set, Tuple

# A surrogate pair first, so it is decoded as one character.
_ESCAPE = re.compile(
    r"(?P<pct>(?:%[0-9A-Fa-f]{2})+)"
    r"|\\u(?P<hi>[dD][89abAB][0-9A-Fa-f]{2})\\u(?P<lo>[dD][c-fC-F][0-9A-Fa-f]{2})"
    r"|\\u(?P<u>[0-9A-Fa-f]{4})"
    r"|\\(?P<js>[\"\\/bfnrt])"
    r"|&#(?:(?P<dec>[0-9]{1,7})|[xX](?P<hex>[0-9A-Fa-f]{1,6}));?"
    r"|&(?P<name>[A-Za-z][A-Za-z0-9]{1,31});"
    r"|(?P<plus>\+)"
)
# key=value pairs of a query string or a form body; the key starts a token or follows ?, &, ;
_PAIR = re.compile(
    r"(?:(?<=[?&;\s\"'(\[,])|^)(?P<key>[^\s=&?#;\"'<>]{1,128})=(?P<value>[^\s&#;\"'<>]*)(?P<amp>&)?"
)
_HAS_PCT = re.compile(r"%[0-9A-Fa-f]{2}")
_JSON_SIMPLE = {"\"": "\"", "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_TRIGGERS = ("%", "\\", "&", "+")


class View(NamedTuple):
    """A decoded text and where each of its characters came from in the raw text.

    text (str): the decoded text.
    starts (List[int]): per decoded character, the raw offset where its escape (or the raw
        character itself) starts.
    ends (List[int]): per decoded character, the raw offset where it ends; characters of one
        escape that decodes to several (a few HTML entities) share their start and end.
    raw_length (int): the length of the raw text.
    """

    text: str
    starts: List[int]
    ends: List[int]
    raw_length: int

    def to_raw(self, start: int, end: int) -> Tuple[int, int]:
        """The raw offsets of a span of the view, covering whole escape sequences.

        start (int): start offset in the view.
        end (int): end offset in the view (exclusive).
        RETURNS (Tuple[int, int]): (start, end) in the raw text.
        """
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else self.raw_length
            return at, at
        return self.starts[start], self.ends[end - 1]


def may_have_escapes(text: str) -> bool:
    """The cheap check: whether a text holds any character an escape starts with.

    text (str): the raw text.
    RETURNS (bool): False when `decode_view` would certainly return None.
    """
    return any(ch in text for ch in _TRIGGERS)


def decode_view(text: str) -> Optional[View]:
    """Decode the escapes of a text into a view (see the module docstring).

    text (str): the raw text.
    RETURNS (Optional[View]): the view, or None when the text holds no escape (the fast
        path: then the detectors read the raw text alone).
    """
    if not may_have_escapes(text):
        return None
    plus = _query_plus_positions(text) if "+" in text else set()
    chars: List[str] = []
    starts: List[int] = []
    ends: List[int] = []
    pos = 0
    changed = False

    def literal(upto: int) -> None:
        for i in range(pos, upto):
            chars.append(text[i])
            starts.append(i)
            ends.append(i + 1)

    for m in _ESCAPE.finditer(text):
        if m.group("plus") is not None and m.start() not in plus:
            continue
        decoded = _decode_one(m)
        if decoded is None:
            continue  # written as is: the characters are copied with the next literal run
        literal(m.start())
        pos = m.end()
        for value, s, e in decoded:
            changed = changed or value != text[s:e]
            for ch in value:
                chars.append(ch)
                starts.append(s)
                ends.append(e)
    if not changed:
        return None
    literal(len(text))
    return View("".join(chars), starts, ends, len(text))


def _decode_one(m: "re.Match[str]") -> Optional[List[Tuple[str, int, int]]]:
    """The decoded pieces of one escape match: (value, raw start, raw end), or None to
    leave it as written."""
    start, end = m.span()
    if m.group("pct") is not None:
        return _decode_percent(m.group("pct"), start)
    if m.group("hi") is not None:
        pair = chr(int(m.group("hi"), 16)) + chr(int(m.group("lo"), 16))
        return [(pair.encode("utf-16", "surrogatepass").decode("utf-16"), start, end)]
    if m.group("u") is not None:
        code = int(m.group("u"), 16)
        if 0xD800 <= code <= 0xDFFF:
            return None  # a lone surrogate is no character
        return [(chr(code), start, end)]
    if m.group("js") is not None:
        return [(_JSON_SIMPLE[m.group("js")], start, end)]
    if m.group("dec") is not None or m.group("hex") is not None:
        code = int(m.group("dec"), 10) if m.group("dec") is not None else int(m.group("hex"), 16)
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        return [(chr(code), start, end)]
    if m.group("name") is not None:
        value = html.entities.html5.get(m.group("name") + ";")
        return None if value is None else [(value, start, end)]
    return [(" ", start, end)]  # a query-value '+'


def _decode_percent(run: str, offset: int) -> List[Tuple[str, int, int]]:
    """Decode a run of `%XX` escapes as UTF-8; bytes that form no character stay as written."""
    data = bytes(int(run[i + 1 : i + 3], 16) for i in range(0, len(run), 3))
    out: List[Tuple[str, int, int]] = []
    i = 0
    while i < len(data):
        b = data[i]
        size = 1 if b < 0x80 else 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 0
        raw_start = offset + 3 * i
        if size:
            try:
                ch = data[i : i + size].decode("utf-8")
            except UnicodeDecodeError:
                ch = ""
            if len(ch) == 1:
                out.append((ch, raw_start, raw_start + 3 * size))
                i += size
                continue
        # Not UTF-8: the escape's three characters stay, each mapping to itself.
        for k in range(3):
            out.append((run[3 * i + k], raw_start + k, raw_start + k + 1))
        i += 1
    return out


def _query_plus_positions(text: str) -> Set[int]:
    """Offsets of the '+' characters that mean a space: inside the values of query-string
    or form-body pairs (see the module docstring)."""
    out: Set[int] = set()
    for m in _PAIR.finditer(text):
        value = m.group("value")
        if "+" not in value:
            continue
        before = text[m.start() - 1] if m.start() > 0 else ""
        if before in "?&" or m.group("amp") or _HAS_PCT.search(value):
            base = m.start("value")
            out.update(base + i for i, ch in enumerate(value) if ch == "+")
    return out


# --- spoken values -----------------------------------------------------------------------
# Transcripts spell values out ("four one one one ...", "d e eight nine ...", "one nine two
# dot one six eight ..."). The NER proposes them; a check reads them once written.
_SPOKEN_DIGITS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19",
}  # fmt: skip
_SPOKEN_TENS = {
    "twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8",
    "ninety": "9",
}  # fmt: skip
_SPOKEN_SIGNS = {"dot": ".", "point": ".", "dash": "-", "hyphen": "-", "colon": ":", "slash": "/"}
_SPOKEN_REPEAT = {"double": 2, "triple": 3}
_SPOKEN_SPLIT = re.compile(r"[\s,]+")
# A spoken 12-hex-digit value is offered grouped in pairs as well, how MAC addresses are
# written (speech carries no separators).
_HEX12 = re.compile(r"[0-9A-F]{12}")


def spoken_forms(value: str) -> List[str]:
    """The written forms of a value spelled out word by word (digits, "double five", tens,
    single letters, "dot", "dash", "colon"), for a check to read.

    value (str): the proposed value.
    RETURNS (List[str]): written forms, most likely first; empty when the value is not
        spelled out (a word that is no digit, letter or sign; or no number word at all).
    """
    words = [w for w in _SPOKEN_SPLIT.split(value.strip().lower()) if w]
    if len(words) < 2:
        return []
    out: List[str] = []
    repeat = 1
    spoken = False
    i = 0
    while i < len(words):
        word = words[i]
        piece: Optional[str] = None
        if word in _SPOKEN_REPEAT:
            repeat = _SPOKEN_REPEAT[word]
            i += 1
            continue
        if word in _SPOKEN_TENS:
            unit = _SPOKEN_DIGITS.get(words[i + 1]) if i + 1 < len(words) else None
            if unit is not None and len(unit) == 1 and unit != "0" and words[i + 1] not in ("o", "oh"):
                piece, i = _SPOKEN_TENS[word] + unit, i + 1
            else:
                piece = _SPOKEN_TENS[word] + "0"
            spoken = True
        elif word in _SPOKEN_DIGITS:
            piece, spoken = _SPOKEN_DIGITS[word], True
        elif word in _SPOKEN_SIGNS:
            piece = _SPOKEN_SIGNS[word]
        elif word.isdigit() or (len(word) == 1 and word.isalpha()):
            piece = word.upper()
        else:
            return []
        out.append(piece * repeat)
        repeat = 1
        i += 1
    if not spoken:
        return []
    written = "".join(out)
    forms = [written]
    if _HEX12.fullmatch(written):
        forms.append(":".join(written[k : k + 2] for k in range(0, 12, 2)))
    return forms

"""Decoded views (issue 17): percent, JSON and HTML escapes decoded for the detectors, with
offsets that map back to whole escape sequences in the raw text."""
import html
import json
from typing import Callable, List, Tuple
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacy_pii.detectors import find_all
from spacy_pii.operators.core import RedactionPolicy
from spacy_pii.pipeline.views import decode_view, may_have_escapes, spoken_forms

# --- encoders: one piece of text -> its escaped form --------------------------------------


def percent(ch: str) -> str:
    return quote(ch, safe="")


def json_escape(ch: str) -> str:
    # \uXXXX for everything (a surrogate pair beyond the BMP), or the short escapes.
    short = {'"': '\\"', "\\": "\\\\", "/": "\\/"}
    if ch in short:
        return short[ch]
    return json.dumps(ch, ensure_ascii=True)[1:-1] if ord(ch) > 0x7F else "\\u%04x" % ord(ch)


def html_decimal(ch: str) -> str:
    return f"&#{ord(ch)};"


def html_hex(ch: str) -> str:
    return f"&#x{ord(ch):x};"


def html_named(ch: str) -> str:
    escaped = html.escape(ch, quote=True)
    return escaped if escaped != ch else f"&#{ord(ch)};"


ENCODERS: List[Tuple[str, Callable[[str], str]]] = [
    ("percent", percent),
    ("json", json_escape),
    ("html_decimal", html_decimal),
    ("html_hex", html_hex),
    ("html_named", html_named),
]
# Characters written as they are: none starts an escape.
PLAIN = st.characters(
    blacklist_characters="%\\&+", blacklist_categories=("Cs",), min_codepoint=0x20, max_codepoint=0x2FFFF
)
ENCODED = st.characters(blacklist_categories=("Cs",), min_codepoint=0x21, max_codepoint=0x2FFFF)


@pytest.mark.parametrize("name,encode", ENCODERS, ids=[n for n, _ in ENCODERS])
@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(st.tuples(st.booleans(), st.one_of(PLAIN, ENCODED)), min_size=1, max_size=30))
def test_offsets_round_trip_per_encoding(name: str, encode: Callable[[str], str], pieces: List[Tuple[bool, str]]) -> None:
    # Build the raw text piece by piece, remembering where each piece's raw form lies.
    raw, bounds, plain = "", [], ""
    for escaped, ch in pieces:
        if not escaped and ch in "%\\&+":
            escaped = True
        written = encode(ch) if escaped else ch
        bounds.append((len(raw), len(raw) + len(written)))
        raw += written
        plain += ch
    view = decode_view(raw)
    if view is None:
        assert raw == plain  # nothing was escaped
        return
    assert view.text == plain
    # Every view character maps to exactly its piece's raw form (a whole escape).
    for i in range(len(plain)):
        assert view.to_raw(i, i + 1) == bounds[i]
    # Any view span maps to the raw span of its pieces; replacing it leaves the rest intact.
    for i in range(len(plain)):
        for j in range(i + 1, min(len(plain), i + 4) + 1):
            start, end = view.to_raw(i, j)
            assert (start, end) == (bounds[i][0], bounds[j - 1][1])
            replaced = raw[:start] + "[X]" + raw[end:]
            assert replaced.startswith(raw[:start]) and replaced.endswith(raw[end:])


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.text(alphabet="abcxyzé ÁŠ@.-", min_size=1, max_size=8), min_size=1, max_size=6))
def test_plus_is_a_space_in_query_values(words: List[str]) -> None:
    value = " ".join(words)
    raw = "GET /s?q=" + quote(value, safe="@").replace("%20", "+") + "&page=2 HTTP/1.1"
    view = decode_view(raw)
    expected = f"GET /s?q={value}&page=2 HTTP/1.1"
    assert (view.text if view is not None else raw) == expected
    if view is not None:
        start = view.text.index(value, 9)
        raw_start, raw_end = view.to_raw(start, start + len(value))
        assert raw[raw_start:raw_end] == raw[9 : raw.index("&page")]


@pytest.mark.parametrize(
    "raw,decoded",
    [
        ("GET /u?email=jane%40example.com", "GET /u?email=jane@example.com"),
        ("name=Zuzana+Mudrov%C3%A1", "name=Zuzana Mudrová"),  # a form body: a value with %XX
        ("?city=%C5%A0entjur&country=Czech+Republic", "?city=Šentjur&country=Czech Republic"),
        ('{"m":"jane\\u0040example.com \\"q\\" a\\/b \\\\"}', '{"m":"jane@example.com "q" a/b \\"}'),
        ('{"e":"\\ud83d\\ude00"}', '{"e":"\U0001f600"}'),  # a surrogate pair: one character
        ("jane&#64;example.com &amp; &#x40; &eacute;", "jane@example.com & @ é"),
        ("100%ZZ %C3 x=%FF", None),  # no valid escape: no view
        ("a+b=c and 1+1", None),  # '+' outside query values stays
        ('{"e":"\\ud83d"}', None),  # a lone surrogate stays as written
        ("%2540", "%40"),  # decoded once
    ],
)
def test_decode_view_table(raw: str, decoded: str) -> None:
    view = decode_view(raw)
    assert (None if view is None else view.text) == decoded


def test_fast_path() -> None:
    line = "2024-11-02T08:14:30Z INFO healthcheck ok latency_ms=12 uptime=86400 cpu=0.42"
    assert not may_have_escapes(line)
    assert decode_view(line) is None


@pytest.mark.parametrize(
    "raw,value,label",
    [
        ("GET /u?email=jane%40example.com&x=1", "jane%40example.com", "EMAIL_ADDRESS"),
        ('{"msg":"mail jane\\u0040example.com"}', "jane\\u0040example.com", "EMAIL_ADDRESS"),
        ("to jane&#64;example.com today", "jane&#64;example.com", "EMAIL_ADDRESS"),
        ("GET /c?phone=%2B44%2020%207946%200958 200", "%2B44%2020%207946%200958", "PHONE_NUMBER"),
        ("ip=10%2E1%2E2%2E3 ok", "10%2E1%2E2%2E3", "IP_ADDRESS"),
    ],
)
def test_detectors_read_the_view_and_replace_whole_escapes(raw: str, value: str, label: str) -> None:
    found = [(raw[m.start : m.end], m.label) for m in find_all(raw)]
    assert (value, label) in found
    out = RedactionPolicy().apply(raw, [(m.start, m.end, m.label) for m in find_all(raw)])
    start = raw.index(value)
    # The raw text outside the span is unchanged, the span is replaced whole.
    assert out == raw[:start] + f"[{label}]" + raw[start + len(value) :]


@pytest.mark.parametrize(
    "value,forms",
    [
        ("four one one one one one one one one one one one one one one one", ["4111111111111111"]),
        ("d e eight nine three seven", ["DE8937"]),
        ("one nine two dot one six eight dot four dot twenty", ["192.168.4.20"]),
        ("zero zero one a two b three c four d five e", ["001A2B3C4D5E", "00:1A:2B:3C:4D:5E"]),
        ("double five twenty one", ["5521"]),
        ("jane at home", []),  # not spelled out
        ("a b", []),  # letters alone: no number word
        ("HiSyncOption", []),
    ],
)
def test_spoken_forms(value: str, forms: List[str]) -> None:
    assert spoken_forms(value) == forms

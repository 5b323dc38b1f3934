"""Fuzzing the detectors, the operators and the stream's line handling with hypothesis.

Each property says what must hold for any input: no exception other than a coded one, a
linear time, no partial leak, and bytes without PII coming out byte-identical. Every
registered detector (ours, entry points, any registered in the session) is fuzzed and timed
on 100 kB adversarial lines: the list comes from the registry, never from a hand-kept table.
Time is checked as a ratio of CPU time on 100 kB to 10 kB of the same text (linear: about
10; a quadratic regex: about 100), never against a wall-clock budget.
"""
import io
import random
import re
import time
from typing import Any, Callable, List, Optional, Sequence, Tuple

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from spacy_pii.detectors import build_detector, find_all, phone, registered_names
from spacy_pii.errors import SpacyPIIError
from spacy_pii.labels import LABELS, OPT_IN_LABELS
from spacy_pii.operators.core import OPERATOR_NAMES, RedactionPolicy, resolve_overlaps
from spacy_pii.stream import (
    Line,
    OnError,
    RedactResult,
    StreamConfig,
    StreamRedactor,
    iter_raw_lines,
    mask_text,
    nlp_redact_fn,
    split_ending,
)

KEY = b"fuzz-key"
# CPU time on 10x the text may grow this much more than 10x before it counts as superlinear
# (a quadratic pass grows 100x); CPU time of this process only, so other jobs do not count.
LINEAR_RATIO = 25.0
# Below this many CPU seconds the small run is noise: compare against this floor instead.
TIME_FLOOR = 0.02


def cpu_time(fn: Callable[[], Any], repeat: int = 2) -> float:
    """The smallest CPU time of `repeat` calls (the phone cache cleared before each)."""
    best = float("inf")
    for _ in range(repeat):
        phone._match_phones.cache_clear()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def assert_linear(run: Callable[[str], Any], text: str) -> None:
    """Whether `run` costs about 10x on a text 10x longer (see LINEAR_RATIO)."""
    small = cpu_time(lambda: run(text[: len(text) // 10]))
    large = cpu_time(lambda: run(text))
    assert large <= LINEAR_RATIO * max(small, TIME_FLOOR), (large, small)

# --- find_all on 100 kB adversarial lines ------------------------------------------------


def _fill(unit: str, size: int = 100_000) -> str:
    return (unit * (size // len(unit) + 1))[:size]


_PIECES = [
    "jane.doe@example.com", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "10.1.2.3",
    "2001:db8::8a2e:370:7334", "aa:bb:cc:dd:ee:ff", "219-09-9999", "(415) 555-0199",
    "+44 20 7946 0958", "AKIAIOSFODNN7EXAMPLE", "password=hunter2", "Bearer abcdefghijklmnop",
    "Cookie: a=b; c=d",
]  # fmt: skip
_rng = random.Random(0)
ADVERSARIAL_100K = {
    # many real matches of every label, so overlap resolution and replacement work hard
    "dense_mixed": _fill(" ".join(_rng.choice(_PIECES) for _ in range(8000)) + " "),
    "glued_mixed": _fill("".join(_rng.choice(_PIECES) for _ in range(8000))),
    # two detectors claiming the same characters, over and over
    "password_email": _fill("password=jane@example.com "),
    "ssn_in_card_context": _fill("ssn 219099999 card 4111111111111111 "),
    "iban_grouped": _fill("GB82 WEST 1234 5698 7654 32 "),
    "cards_grouped": _fill("4111 1111 1111 1111 "),
    "phone_context": _fill("call +1 (415) 555-0199 x "),
    "pem_without_end": _fill("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1234567890abcd\n"),
    "jwt_chain": _fill("eyJhbGciOi.eyJzdWIiOi."),
    "bearer": _fill("Authorization: Bearer "),
    "cookie": _fill("Cookie: a=b; "),
    # near misses: shapes that start a match and never complete it
    "ipv6_chain": _fill("1:2:3:4:5:6:7:8:"),
    "mac_chain": _fill("aa:bb:cc:dd:ee:ff:"),
    "ip_chain": _fill("1.2.3.4."),
    "digits_dashes": _fill("1234-5678-"),
    "email_dots": _fill("a." * 30 + "@" + "b." * 30),
    "percent_escapes": _fill("%41%42%43%40"),
    "unicode_digits": _fill("٤١١١ ١١١١ ١١١١ ١١١١ "),
    # the new detectors' shapes: URL, wallet and national-ID starts that never complete
    "url_chain": _fill("https://a.b/c?d=e&"),
    "url_userinfo": _fill("https://user:pass@"),
    "www_dots": _fill("www." * 5 + " "),
    "btc_base58": _fill("1BoatSLRHtKNngkdXEeobR76b53LETtpy"),
    "eth_hex": _fill("0x" + "ab" * 30),
    "id_letters_digits": _fill("S1234567 AB123456 X1234567 "),
    "nhs_context": _fill("NHS 943 476 5919 passport 912803456 "),
    # short units repeated (formerly the per-detector table in test_patterns.py)
    "unit a": "a" * 100_000,
    "unit 1": "1" * 100_000,
    "unit @": "@" * 100_000,
    "unit -": "-" * 100_000,
    "unit %40": "%40" * 33_334,
    "unit 1 ": "1 " * 50_000,
    "unit 1.": "1." * 50_000,
    "unit 1-": "1-" * 50_000,
    "unit +1": "+1" * 50_000,
    "unit a@": "a@" * 50_000,
    "unit a.a@": "a.a@" * 25_000,
    "unit :": ":" * 100_000,
    "unit a:": "a:" * 50_000,
    "unit 12:": "12:" * 33_334,
    "unit eyJ.": "eyJa." * 20_000,
    "unit password=": "password=" * 11_112,
    "unit password: ": "password: " * 10_000,
    "unit AB12": "AB12" * 25_000,
    "unit BEGIN": "-----BEGIN PRIVATE KEY-----" * 3_704,
    "unit (1) ": "(1) " * 25_000,
    "unit phone": "415 555 0199 " * 7_693,
    "unit digits": " ".join(str((i * 7919) % 100_000) for i in range(17_000)),
    "random_printable": "".join(_rng.choice("0123456789abcdefABCDEF@.:-/+() =%\n") for _ in range(100_000)),
}


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL_100K))
def test_find_all_and_apply_linear_on_100k(kind: str) -> None:
    text = ADVERSARIAL_100K[kind]

    def run(t: str) -> None:
        found = find_all(t)
        RedactionPolicy(operator="tag").apply(t, [(m.start, m.end, m.label) for m in found])

    assert_linear(run, text)
    found = find_all(text)
    out = RedactionPolicy(operator="tag").apply(text, [(m.start, m.end, m.label) for m in found])
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert len(out) <= len(text) + 20 * len(found)


@pytest.mark.parametrize("name", registered_names())
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL_100K))
def test_every_registered_detector_linear_on_100k(name: str, kind: str) -> None:
    detector = build_detector(name)
    assert_linear(lambda t: list(detector.find(t)), ADVERSARIAL_100K[kind])


def test_apply_is_linear_in_the_number_of_spans() -> None:
    """80,000 spans in a 1 MB line: splicing span by span took ~20 s, one join takes ~1 s."""
    unit = "user u0000@ex.com; "
    text = unit * 55_000
    spans = [(i * len(unit) + 5, i * len(unit) + 17, "EMAIL_ADDRESS") for i in range(55_000)]
    spans += [(i * len(unit), i * len(unit) + 4, "USERNAME") for i in range(0, 55_000, 2)]
    policy = RedactionPolicy(operator="mask")
    tenth = [sp for sp in spans if sp[1] <= len(text) // 10]
    small = cpu_time(lambda: policy.apply(text[: len(text) // 10], tenth), repeat=1)
    large = cpu_time(lambda: policy.apply(text, spans), repeat=1)
    assert large <= LINEAR_RATIO * max(small, TIME_FLOOR), (large, small)
    out = policy.apply(text, spans)
    assert "u0000" not in out and len(out) == len(text)


# --- detectors: arbitrary text -----------------------------------------------------------

# Characters the detectors care about, so random text often starts a candidate.
PII_ALPHABET = "0123456789 abcdefxyzAKIGBWEST@.:-_/+()=%#;,'\"\n\t\u00a0\u0663\uff11\udc80\x00"
PII_ISH = st.one_of(
    st.text(alphabet=PII_ALPHABET, max_size=400),
    st.text(max_size=200),
    st.lists(st.sampled_from(_PIECES + ["", " ", "=", "@", ":", "."]), max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=PII_ISH)
def test_every_detector_on_arbitrary_text(text: str) -> None:
    for name in registered_names():  # the registry, so a new detector is fuzzed too
        detector = build_detector(name)
        for m in detector.find(text):
            assert 0 <= m.start < m.end <= len(text)
            assert (m.label == detector.label or m.label in detector.emits) and 0.0 < m.score <= 1.0
    found = find_all(text)
    assert all(0 <= m.start < m.end <= len(text) for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


# --- RedactionPolicy.apply: arbitrary spans ------------------------------------------------


def _spans(max_len: int, margin: int = 0) -> Any:
    bound = st.integers(-margin, max_len + margin)
    return st.lists(st.tuples(bound, bound, st.sampled_from(LABELS)), max_size=25)


def _default_selected(spans: Sequence[Tuple[int, int, str]]) -> List[Tuple[int, int, str]]:
    """The spans a policy with `labels=None` redacts: all but the opt-in labels (issue 17)."""
    return [s for s in spans if s[2] not in OPT_IN_LABELS]


def _covered(text: str, spans: Sequence[Tuple[int, int, str]]) -> List[bool]:
    flagged = [False] * len(text)
    for start, end, _ in spans:
        for i in range(start, end):
            flagged[i] = True
    return flagged


@settings(max_examples=400, deadline=None)
@given(data=st.data(), text=st.text(max_size=80))
def test_apply_mask_oracle(data: Any, text: str) -> None:
    """With `mask`, every letter or digit that any span covers is masked and nothing else
    changes, whatever the spans: overlapping, nested, out of order, empty, any labels."""
    spans = data.draw(_spans(len(text)).map(lambda s: [(min(a, b), max(a, b), l) for a, b, l in s]))
    out = RedactionPolicy(operator="mask", mask_char="\x00").apply(text.replace("\x00", " "), spans)
    source = text.replace("\x00", " ")
    flagged = _covered(source, _default_selected(spans))
    expected = "".join("\x00" if f and ch.isalnum() else ch for ch, f in zip(source, flagged))
    assert out == expected


# Distinct letters (all alphanumeric, none ASCII): every character of the text is
# identifiable in the output, and no replacement (ASCII only) can contain one.
UNIQUE = "".join(chr(0x4E00 + i) for i in range(120))


@settings(max_examples=400, deadline=None)
@given(
    data=st.data(),
    length=st.integers(0, 120),
    default=st.sampled_from(OPERATOR_NAMES),
    per_label=st.dictionaries(st.sampled_from(LABELS), st.sampled_from(OPERATOR_NAMES), max_size=4),
)
def test_apply_every_operator_leaves_no_flagged_character(
    data: Any, length: int, default: str, per_label: dict
) -> None:
    text = UNIQUE[:length]
    spans = data.draw(_spans(length).map(lambda s: [(min(a, b), max(a, b), l) for a, b, l in s]))
    policy = RedactionPolicy(operator=default, per_label=per_label, key=KEY)
    out = policy.apply(text, spans)
    flagged = _covered(text, _default_selected(spans))
    kept = "".join(ch for ch in out if not ch.isascii())
    # Exactly the unflagged characters survive, in order; no flagged one, not even in part.
    assert kept == "".join(ch for ch, f in zip(text, flagged) if not f)
    # The output is the text with each resolved span swapped for its replacement.
    pieces = resolve_overlaps(text, _default_selected(spans))
    fresh = RedactionPolicy(operator=default, per_label=per_label, key=KEY)
    rebuilt, pos = "", 0
    for start, end, label, _ in pieces:
        rebuilt += text[pos:start] + fresh.replace(text[start:end], label)
        pos = end
    assert out == rebuilt + text[pos:]


@settings(max_examples=300, deadline=None)
@given(data=st.data(), text=st.text(min_size=12, max_size=60))
def test_apply_bad_offsets_raise_a_coded_error_without_text(data: Any, text: str) -> None:
    spans = data.draw(_spans(len(text), margin=5))
    bad = [s for s in spans if not 0 <= s[0] <= s[1] <= len(text)]
    assume(bad)
    with pytest.raises(SpacyPIIError, match=r"^\[E106\] Span \d+ has offsets -?\d+\.\.-?\d+ outside") as info:
        RedactionPolicy(operator="tag").apply(text, spans)
    assert text not in str(info.value)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60), spans=_spans(60, margin=3))
def test_resolve_overlaps_invariants(text: str, spans: List[Tuple[int, int, str]]) -> None:
    spans = [(max(0, min(a, b, len(text))), min(len(text), max(a, b, 0)), l) for a, b, l in spans]
    pieces = resolve_overlaps(text, spans)
    assert all(0 <= s < e <= len(text) for s, e, _, _ in pieces)
    assert all(a[1] <= b[0] for a, b in zip(pieces, pieces[1:]))
    flagged = _covered(text, spans)
    covered = _covered(text, [(s, e, l) for s, e, l, _ in pieces])
    for i, ch in enumerate(text):
        assert not covered[i] or flagged[i]  # never more than what was flagged
        if flagged[i] and ch.isalnum():
            assert covered[i]  # every flagged letter or digit stays covered


# --- the stream: arbitrary bytes ----------------------------------------------------------


def _chunked_reader(data: bytes, sizes: List[int]) -> Callable[[int], bytes]:
    """A `read` returning chunks of the given sizes (a pipe delivering bytes unevenly)."""
    buf = io.BytesIO(data)
    it = iter(sizes)

    def read(n: int) -> bytes:
        return buf.read(min(n, next(it, n)))

    return read


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=600), sizes=st.lists(st.integers(1, 64), max_size=40))
def test_line_splitter_any_bytes_any_chunking(data: bytes, sizes: List[int]) -> None:
    lines = list(iter_raw_lines(_chunked_reader(data, sizes)))
    assert b"".join(lines) == data
    assert all(line.endswith(b"\n") and line.count(b"\n") == 1 for line in lines[:-1])
    if lines:
        assert lines[-1].count(b"\n") <= 1 and lines[-1]
        content, ending = split_ending(lines[-1])
        assert content + ending == lines[-1] and b"\n" not in content


def strict_identity(texts: List[str]) -> List[RedactResult]:
    """Finds nothing, but encodes like spaCy's string store, which fails on lone surrogates."""
    for t in texts:
        t.encode("utf-8")
    return [(t, []) for t in texts]


def _run(data: bytes, redact: Any, sizes: Optional[List[int]] = None, **cfg: Any) -> Tuple[bytes, Any]:
    out = io.BytesIO()
    runner = StreamRedactor(redact, out, StreamConfig(**cfg))
    raw = iter_raw_lines(_chunked_reader(data, sizes or []))
    stats = runner.run_lines(Line("<fuzz>", i + 1, *split_ending(r)) for i, r in enumerate(raw))
    return out.getvalue(), stats


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=600),
    sizes=st.lists(st.integers(1, 64), max_size=40),
    batch_size=st.integers(1, 6),
)
def test_bytes_without_pii_round_trip_exactly(data: bytes, sizes: List[int], batch_size: int) -> None:
    out, stats = _run(data, strict_identity, sizes, batch_size=batch_size)
    assert out == data
    assert stats.failed == 0 and stats.lines == data.count(b"\n") + (not data.endswith(b"\n") and bool(data))


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=600), batch_size=st.integers(1, 6))
def test_jsonl_any_bytes_never_raise_and_keep_content(data: bytes, batch_size: int) -> None:
    out, stats = _run(data, strict_identity, batch_size=batch_size, jsonl=True)
    lines_in = list(iter_raw_lines(io.BytesIO(data).read))
    lines_out = list(iter_raw_lines(io.BytesIO(out).read))
    assert len(lines_out) == len(lines_in) and stats.failed == 0
    for raw_in, raw_out in zip(lines_in, lines_out):
        content_in, ending_in = split_ending(raw_in)
        content_out, ending_out = split_ending(raw_out)
        assert ending_in == ending_out
        try:
            obj = orjson.loads(content_in)
        except orjson.JSONDecodeError:
            obj = None
        if isinstance(obj, dict):
            assert orjson.loads(content_out) == obj  # re-serialized, same value
        else:
            assert content_out == content_in  # redacted as text: untouched here


JSON_SAFE_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="@0123456789"), max_size=20)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False) | JSON_SAFE_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(JSON_SAFE_TEXT, children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(objs=st.lists(st.dictionaries(JSON_SAFE_TEXT, JSON_VALUES, max_size=5), max_size=5))
def test_jsonl_objects_keep_structure_and_types(objs: List[dict]) -> None:
    data = b"".join(orjson.dumps(o) + b"\n" for o in objs)
    out, stats = _run(data, strict_identity, jsonl=True)
    assert [orjson.loads(line) for line in out.splitlines()] == objs
    assert stats.json_lines == len(objs) and stats.json_invalid == 0


def failing_on(marker: bytes) -> Callable[[List[str]], List[RedactResult]]:
    text_marker = marker.decode("latin-1")

    def redact(texts: List[str]) -> List[RedactResult]:
        for t in texts:
            if text_marker in t:
                raise RuntimeError(t)
        return strict_identity(texts)

    return redact


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b" ")), max_size=12),
    poisoned=st.sets(st.integers(0, 11)),
    batch_size=st.integers(1, 5),
    jsonl=st.booleans(),
    on_error=st.sampled_from(list(OnError)),
)
def test_failing_lines_never_come_out_raw(
    lines: List[bytes], poisoned: set, batch_size: int, jsonl: bool, on_error: OnError
) -> None:
    """Whatever the bytes: a line whose redaction fails is masked, dropped or stops the
    stream; it never comes out as it went in, and the other lines come out untouched."""
    marker = b"POISON"
    for _ in range(3):  # "POIPOISONSON" needs more than one pass
        lines = [line.replace(marker, b"") for line in lines]
    lines = [b"%s %s" % (marker, line) if i in poisoned else line for i, line in enumerate(lines)]
    out = io.BytesIO()
    runner = StreamRedactor(failing_on(marker), out, StreamConfig(batch_size=batch_size, jsonl=jsonl, on_error=on_error))
    stopped = False
    try:
        runner.run_lines(Line("<fuzz>", i + 1, line, b"\n") for i, line in enumerate(lines))
    except SpacyPIIError:
        stopped = True
    got = out.getvalue().split(b"\n")[:-1]
    bad = [i for i, line in enumerate(lines) if marker in line]
    assert marker not in out.getvalue()
    if on_error == OnError.FAIL:
        assert stopped == bool(bad)
        assert got == lines[: bad[0] if bad else len(lines)]
    elif on_error == OnError.DROP_LINE:
        assert got == [line for line in lines if marker not in line]
    else:
        assert len(got) == len(lines)
        for i, (line_in, line_out) in enumerate(zip(lines, got)):
            if i in bad:  # "POISON ..." is never JSON: masked as text
                assert line_out == mask_text(line_in.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
            elif i not in bad:
                assert line_out == line_in or jsonl


# --- the stream through the real pipeline ---------------------------------------------------

# Bytes that cannot spell PII for the test pipeline: no digits, no '@', none of the letters
# of its names or of secret keys; plus invalid UTF-8, NUL, controls and private-use text.
NO_PII_BYTES = st.lists(
    st.sampled_from(
        [b"x", b"y", b"z", b"q", b" ", b"\t", b"\r", b"\n", b"\r\n", b"\x00", b"\x1b", b".", b",", b"!",
         b"-", b"_", b"/", b"\\", b"\"", b"{", b"}", b"[", b"]", b":", b"\xff", b"\xfe", b"\x80", b"\xc3",
         b"\xc3\xa9", b"\xe4\xb8\xad", b"\xed\xa0\x80", b"\xef\xbf\xbd", b"\xef\x9e\x80", b"\xf0\x9f\x98\x80",
         b"\xf0\x9f", b"\xef\x9f\xbf"]
    ),
    max_size=80,
).map(b"".join)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=NO_PII_BYTES, batch_size=st.integers(1, 4))
def test_real_pipeline_round_trips_bytes_without_pii(pii_nlp: Any, data: bytes, batch_size: int) -> None:
    out, stats = _run(data, nlp_redact_fn(pii_nlp), batch_size=batch_size)
    assert out == data
    assert stats.failed == 0 and sum(stats.spans.values()) == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    noise=st.lists(NO_PII_BYTES, min_size=1, max_size=4),
    values=st.lists(st.sampled_from([b"jane.doe@example.com", b"10.1.2.3", b"4111111111111111", b"Jane Doe", b"AKIAIOSFODNN7EXAMPLE"]), min_size=1, max_size=4),
)
def test_real_pipeline_redacts_values_between_any_bytes(pii_nlp: Any, noise: List[bytes], values: List[bytes]) -> None:
    parts = []
    for i, value in enumerate(values):
        parts += [noise[i % len(noise)].replace(b"\n", b" "), b" ", value, b" "]
    data = b"".join(parts) + b"\n"
    out, stats = _run(data, nlp_redact_fn(pii_nlp))
    assert stats.failed == 0 and out.endswith(b"\n") and out.count(b"\n") == 1
    for value in values:
        assert value not in out
    # Everything but the values is kept byte for byte.
    tags = b"|".join(re.escape(f"[{label}]".encode()) for label in LABELS)
    assert re.sub(tags, b"", out) == re.sub(
        b"|".join(re.escape(v) for v in values), b"", data
    )

"""Tests for spacy_pii.stream: line splitting, batching, JSONL, fail-closed, the real pipeline."""
import io
import os
import re
import threading
from typing import Any, List, Optional, Tuple

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spacy_pii.stream import (
    InputSource,
    Line,
    LineFailure,
    LineRedactionError,
    OnError,
    RedactResult,
    StreamConfig,
    StreamReadError,
    StreamRedactor,
    iter_lines,
    iter_raw_lines,
    json_string_slots,
    mask_text,
    nlp_redact_fn,
    parse_key_path,
    redact_stream,
    sources_from_args,
    split_ending,
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def fake_redact(texts: List[str]) -> List[RedactResult]:
    """A stand-in redactor: e-mails become <EMAIL_ADDRESS>."""
    out = []
    for t in texts:
        n = len(EMAIL.findall(t))
        out.append((EMAIL.sub("<EMAIL_ADDRESS>", t), ["EMAIL_ADDRESS"] * n))
    return out


def failing_on(marker: str, calls: Optional[List[int]] = None) -> Any:
    """A redactor that raises whenever a text of the batch contains `marker`."""

    def redact(texts: List[str]) -> List[RedactResult]:
        if calls is not None:
            calls.append(len(texts))
        if any(marker in t for t in texts):
            raise RuntimeError("detector exploded on " + marker)
        return fake_redact(texts)

    return redact


def run_bytes(data: bytes, redact: Any = fake_redact, **cfg: Any) -> Tuple[bytes, Any]:
    out = io.BytesIO()
    runner = StreamRedactor(redact, out, StreamConfig(**cfg))
    stats = runner.run([InputSource("<stdin>", stream=io.BytesIO(data))])
    return out.getvalue(), stats


@pytest.mark.parametrize(
    "raw,content,ending",
    [
        (b"abc\n", b"abc", b"\n"),
        (b"abc\r\n", b"abc", b"\r\n"),
        (b"abc", b"abc", b""),
        (b"\n", b"", b"\n"),
        (b"\r\n", b"", b"\r\n"),
        (b"a\rb\n", b"a\rb", b"\n"),
        (b"", b"", b""),
    ],
)
def test_split_ending(raw: bytes, content: bytes, ending: bytes) -> None:
    assert split_ending(raw) == (content, ending)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 16])
def test_iter_raw_lines_any_chunking(chunk: int) -> None:
    data = b"one\r\n\ntwo\x00\n\xff\xfe bad\nlast"
    stream = io.BytesIO(data)
    lines = list(iter_raw_lines(lambda n: stream.read(min(n, chunk))))
    assert lines == [b"one\r\n", b"\n", b"two\x00\n", b"\xff\xfe bad\n", b"last"]
    assert b"".join(lines) == data


def test_iter_raw_lines_empty() -> None:
    assert list(iter_raw_lines(io.BytesIO(b"").read)) == []


def test_lines_numbered_per_source(tmp_path: Any) -> None:
    a = tmp_path / "a.txt"
    a.write_bytes(b"a1\na2")
    srcs = sources_from_args([str(a), "-"], io.BytesIO(b"s1\n"))
    got = [(ln.source, ln.number, ln.content, ln.ending) for ln in iter_lines(srcs)]
    assert got == [
        (str(a), 1, b"a1", b"\n"),
        (str(a), 2, b"a2", b"\n"),  # a later line follows: a2 gets its own line
        ("<stdin>", 1, b"s1", b"\n"),
    ]


def test_missing_file_raises_read_error_without_message_text(tmp_path: Any) -> None:
    srcs = [InputSource("gone.txt", path=str(tmp_path / "gone.txt"))]
    with pytest.raises(StreamReadError, match=r"\[E206\] gone.txt: reading failed \(FileNotFoundError\)"):
        list(iter_lines(srcs))


def test_bytes_survive_and_lines_keep_order() -> None:
    data = (
        b"hello a.b@example.com\r\n"
        b"\n"
        b"nul\x00byte and x@y.org\n"
        b"\xff\xfe\xc3( invalid utf-8 z@q.net \x80\n"
        b"\r\n"
        b"no final newline c@d.io"
    )
    out, stats = run_bytes(data, batch_size=2)
    assert out == (
        b"hello <EMAIL_ADDRESS>\r\n"
        b"\n"
        b"nul\x00byte and <EMAIL_ADDRESS>\n"
        b"\xff\xfe\xc3( invalid utf-8 <EMAIL_ADDRESS> \x80\n"
        b"\r\n"
        b"no final newline <EMAIL_ADDRESS>"
    )
    assert stats.lines == 6
    assert stats.spans["EMAIL_ADDRESS"] == 4


def test_mask_text() -> None:
    assert mask_text("ab c\td\u00e9") == "** *\t**"
    assert mask_text("") == ""


# --- JSONL ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paths,expected",
    [
        (None, ["n", "a@b.co", "x", "y", "deep"]),
        ([("user", "email")], ["a@b.co"]),
        ([("user",)], ["n", "a@b.co"]),
        ([("items", "v")], ["x", "y"]),
        ([("missing",)], []),
        ([("count",)], []),
        ([("user", "email"), ("user",)], ["a@b.co", "n"]),
        ([("nested", "a", "b")], ["deep"]),
    ],
)
def test_json_string_slots(paths: Any, expected: List[str]) -> None:
    obj = {
        "user": {"name": "n", "email": "a@b.co"},
        "count": 3,
        "items": [{"v": "x", "k": 1}, {"v": "y"}, 5, None],
        "nested": {"a": [{"b": ["deep"]}], "flag": True},
    }
    slots = json_string_slots(obj, paths)
    assert [c[k] for c, k in slots] == expected  # type: ignore[index]


@pytest.mark.parametrize("bad", ["", ".a", "a..b", "a."])
def test_parse_key_path_rejects(bad: str) -> None:
    with pytest.raises(ValueError, match="E205"):
        parse_key_path(bad)


def test_parse_key_path() -> None:
    assert parse_key_path("a.b.c") == ("a", "b", "c")


def test_jsonl_redacts_strings_keeps_keys_and_types() -> None:
    rec = {
        "a@b.co": "key is not redacted",
        "msg": "mail me at a@b.co",
        "n": 12,
        "f": 1.5,
        "t": True,
        "z": None,
        "list": ["x@y.org", 3, {"deep": "q@r.io"}],
    }
    out, stats = run_bytes(orjson.dumps(rec) + b"\r\n", jsonl=True)
    assert out.endswith(b"\r\n") and out.count(b"\n") == 1
    got = orjson.loads(out)
    assert list(got) == list(rec)
    assert got["a@b.co"] == "key is not redacted"
    assert got["msg"] == "mail me at <EMAIL_ADDRESS>"
    assert (got["n"], got["f"], got["t"], got["z"]) == (12, 1.5, True, None)
    assert got["list"] == ["<EMAIL_ADDRESS>", 3, {"deep": "<EMAIL_ADDRESS>"}]
    assert stats.json_lines == 1 and stats.json_invalid == 0


def test_jsonl_long_integers_are_redacted_short_ones_kept() -> None:
    def cards(texts: List[str]) -> List[RedactResult]:
        out = [re.subn(r"\b\d{13,19}\b", "<CREDIT_CARD>", t) for t in texts]
        return [(text, ["CREDIT_CARD"] * n) for text, n in out]

    rec = {"card": 4111111111111111, "order": 12345678, "port": 8443, "ok": True, "x": [4000056655665556]}
    out, stats = run_bytes(orjson.dumps(rec) + b"\n", redact=cards, jsonl=True)
    got = orjson.loads(out)
    assert got == {"card": "<CREDIT_CARD>", "order": 12345678, "port": 8443, "ok": True,
                   "x": ["<CREDIT_CARD>"]}
    assert b"4111111111111111" not in out and stats.json_lines == 1


def test_jsonl_key_paths_limit_redaction() -> None:
    rec = {"user": {"email": "a@b.co", "note": "c@d.co"}, "rows": [{"e": "e@f.co"}, {"e": "g@h.co"}]}
    out, _ = run_bytes(orjson.dumps(rec) + b"\n", jsonl=True, key_paths=[("user", "email"), ("rows", "e")])
    got = orjson.loads(out)
    assert got == {
        "user": {"email": "<EMAIL_ADDRESS>", "note": "c@d.co"},
        "rows": [{"e": "<EMAIL_ADDRESS>"}, {"e": "<EMAIL_ADDRESS>"}],
    }


def test_jsonl_invalid_lines_are_redacted_as_text_and_counted() -> None:
    data = b'{"ok": "a@b.co"}\nnot json a@b.co\n[1, "x@y.org"]\n"just a string c@d.io"\n{"broken": "e@f.io"\n\n'
    out, stats = run_bytes(data, jsonl=True)
    lines = out.split(b"\n")
    assert lines[0] == b'{"ok":"<EMAIL_ADDRESS>"}'
    assert lines[1] == b"not json <EMAIL_ADDRESS>"
    assert lines[2] == b'[1, "<EMAIL_ADDRESS>"]'
    assert lines[3] == b'"just a string <EMAIL_ADDRESS>"'
    assert lines[4] == b'{"broken": "<EMAIL_ADDRESS>"'
    assert lines[5] == b""
    assert b"@" not in out
    assert stats.json_lines == 1
    assert stats.json_invalid == 4
    assert stats.lines == 6


# --- fail closed ---------------------------------------------------------------------


def test_failing_line_is_masked_others_redacted() -> None:
    failures: List[LineFailure] = []
    out = io.BytesIO()
    runner = StreamRedactor(
        failing_on("BOOM"), out, StreamConfig(batch_size=8), on_line_error=failures.append
    )
    data = b"a a@b.co\nsecret BOOM x@y.org\r\nc c@d.io\n"
    stats = runner.run([InputSource("<stdin>", stream=io.BytesIO(data))])
    assert out.getvalue() == b"a <EMAIL_ADDRESS>\n****** **** *******\r\nc <EMAIL_ADDRESS>\n"
    assert stats.failed == 1 and stats.masked == 1 and stats.lines == 3
    assert failures == [LineFailure("<stdin>", 2, "RuntimeError", "masked")]
    msg = failures[0].message()
    assert "E207" in msg and "<stdin>:2" in msg and "RuntimeError" in msg
    assert "BOOM" not in msg and "x@y" not in msg


def test_failing_json_line_is_masked_and_stays_json() -> None:
    data = b'{"a": "BOOM x@y.org", "n": 1}\n{"a": "fine a@b.co"}\n'
    out, stats = run_bytes(data, redact=failing_on("BOOM"), jsonl=True)
    first, second = out.splitlines()
    assert orjson.loads(first) == {"a": "**** *******", "n": 1}
    assert orjson.loads(second) == {"a": "fine <EMAIL_ADDRESS>"}
    assert stats.failed == 1 and stats.json_lines == 2


def test_drop_line() -> None:
    out, stats = run_bytes(b"a\nBOOM\nb\n", redact=failing_on("BOOM"), on_error=OnError.DROP_LINE)
    assert out == b"a\nb\n"
    assert stats.dropped == 1 and stats.failed == 1


def test_fail_stops_after_writing_earlier_lines() -> None:
    out = io.BytesIO()
    runner = StreamRedactor(
        failing_on("BOOM"), out, StreamConfig(batch_size=2, on_error=OnError.FAIL)
    )
    data = b"l1 a@b.co\nl2\nl3\nBOOM l4\nl5\n"
    with pytest.raises(LineRedactionError) as info:
        runner.run([InputSource("in.txt", stream=io.BytesIO(data))])
    assert out.getvalue() == b"l1 <EMAIL_ADDRESS>\nl2\nl3\n"
    assert (info.value.source, info.value.line, info.value.exc_type) == ("in.txt", 4, "RuntimeError")
    assert "BOOM" not in str(info.value)


def test_batch_retry_is_per_line() -> None:
    calls: List[int] = []
    out, _ = run_bytes(b"a\nb\nBOOM\nd\n", redact=failing_on("BOOM", calls), batch_size=4)
    assert out == b"a\nb\n****\nd\n"
    assert calls == [4, 1, 1, 1, 1]


def test_wrong_result_count_fails_closed() -> None:
    def short(texts: List[str]) -> List[RedactResult]:
        return fake_redact(texts)[:-1]

    out, stats = run_bytes(b"abc d@e.fg\n", redact=short)
    assert out == b"*** ******\n"
    assert stats.failed == 1


# --- streaming -----------------------------------------------------------------------


# How long a test waits for something that must happen: a liveness bound only (it only
# fails a hung test), never a measure of speed.
PATIENCE = 120.0


class WaitingSink(io.RawIOBase):
    """A binary sink a test can wait on until some bytes arrived."""

    def __init__(self) -> None:
        self.data = b""
        self.cond = threading.Condition()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        with self.cond:
            self.data += bytes(b)
            self.cond.notify_all()
        return len(b)

    def wait_for(self, needle: bytes, timeout: float) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: needle in self.data, timeout)


def test_slow_input_is_written_before_the_batch_fills() -> None:
    """Each line comes out while the input is still open and the batch far from full: only
    `max_wait` can have flushed it (without it, nothing would come out before the end)."""
    r, w = os.pipe()
    sink = WaitingSink()
    cfg = StreamConfig(batch_size=64, max_wait=0.05)
    with open(r, "rb") as rf:
        thread = threading.Thread(
            target=redact_stream,
            args=([InputSource("<stdin>", stream=rf)], sink, fake_redact, cfg),
            daemon=True,
        )
        thread.start()
        os.write(w, b"first a@b.co\n")
        assert sink.wait_for(b"first <EMAIL_ADDRESS>\n", timeout=PATIENCE)
        os.write(w, b"second\n")
        assert sink.wait_for(b"second\n", timeout=PATIENCE)
        os.close(w)
        thread.join(timeout=PATIENCE)
    assert not thread.is_alive()
    assert sink.data == b"first <EMAIL_ADDRESS>\nsecond\n"


class StepClock:
    """An injected clock: time moves only when a test says so; a test can wait until the
    code under test has looked at it n times."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.calls = 0
        self.cond = threading.Condition()

    def __call__(self) -> float:
        with self.cond:
            self.calls += 1
            self.cond.notify_all()
            return self.now

    def wait_calls(self, n: int, timeout: float) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: self.calls >= n, timeout)


def test_stats_time_comes_from_the_injected_clock() -> None:
    clock = StepClock()
    runner = StreamRedactor(fake_redact, io.BytesIO(), StreamConfig(batch_size=2), clock=clock)
    clock.now += 4.0
    stats = runner.run_lines(iter(Line("<stdin>", i, b"x", b"\n") for i in range(1, 9)))
    assert stats.seconds == 4.0 and "time: 4.00 s, 2.0 lines/s" in stats.summary()


def test_a_batch_past_its_deadline_is_written_without_waiting() -> None:
    """max_wait is an hour of the injected clock: once the clock has passed the first line's
    deadline, the next look at the queue writes the batch, with the input still open."""
    r, w = os.pipe()
    sink = WaitingSink()
    clock = StepClock()
    runner = StreamRedactor(fake_redact, sink, StreamConfig(batch_size=64, max_wait=3600.0), clock=clock)
    with open(r, "rb") as rf:
        thread = threading.Thread(target=runner.run, args=([InputSource("<stdin>", stream=rf)],), daemon=True)
        thread.start()
        os.write(w, b"first a@b.co\n")
        # Look 1 starts the stats; look 2 sets the first line's deadline at clock + 3600.
        assert clock.wait_calls(2, timeout=PATIENCE)
        clock.now += 7200.0
        os.write(w, b"second\n")  # wakes the loop, which finds the deadline passed
        assert sink.wait_for(b"first <EMAIL_ADDRESS>\nsecond\n", timeout=PATIENCE)
        os.close(w)
        thread.join(timeout=PATIENCE)
    assert not thread.is_alive()
    assert sink.data == b"first <EMAIL_ADDRESS>\nsecond\n"


def test_fast_input_is_batched() -> None:
    sizes: List[int] = []

    def counting(texts: List[str]) -> List[RedactResult]:
        sizes.append(len(texts))
        return fake_redact(texts)

    data = b"".join(b"line %d\n" % i for i in range(100))
    out, stats = run_bytes(data, redact=counting, batch_size=32, max_wait=5.0)
    assert out == data
    assert sizes == [32, 32, 32, 4]
    assert stats.lines == 100


# --- with the real test pipeline -----------------------------------------------------


def test_nlp_redact_fn_long_line(pii_nlp: Any) -> None:
    redact = nlp_redact_fn(pii_nlp)
    filler = "word " * 210_000  # > 1,000,000 characters, above spaCy's default max_length
    line = (filler + "reach me at jane.doe@example.com").encode()
    out, stats = run_bytes(line + b"\n", redact=redact)
    assert len(line) > 1_000_000
    assert out.startswith(filler.encode())
    assert b"jane.doe@example.com" not in out
    assert out.endswith(b"\n") and out.count(b"\n") == 1
    assert stats.spans["EMAIL_ADDRESS"] == 1


def test_nlp_redact_fn_keeps_invalid_bytes(pii_nlp: Any) -> None:
    data = b"\xff\xfe bad bytes \x80 and jane.doe@example.com \xc3(\x00\n"
    out, _ = run_bytes(data, redact=nlp_redact_fn(pii_nlp))
    assert out.startswith(b"\xff\xfe bad bytes \x80 and ")
    assert out.endswith(b" \xc3(\x00\n")
    assert b"jane.doe@example.com" not in out


WORDS = st.text(alphabet="abcdefghij KLMNOP,;:!?-_'\"\t\x00\u00e9\u4e2d", max_size=30)
EMAILS = st.builds(
    lambda user, host, tld: f"{user}@{host}.{tld}",
    st.text(alphabet="abcdefgh", min_size=1, max_size=8),
    st.text(alphabet="abcdefgh", min_size=1, max_size=8),
    st.sampled_from(["com", "org", "net", "io"]),
)
IPS = st.builds(
    lambda a, b, c, d: f"{a}.{b}.{c}.{d}",
    st.integers(1, 223),
    st.integers(0, 255),
    st.integers(0, 255),
    st.integers(1, 254),
)
LINE_TEXT = st.lists(st.one_of(WORDS, EMAILS, IPS), max_size=5).map(" ".join)
LINES = st.lists(st.tuples(LINE_TEXT, st.sampled_from([b"\n", b"\r\n"])), max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES, batch_size=st.integers(1, 5), final_newline=st.booleans())
def test_property_count_order_and_no_detected_value(
    pii_nlp: Any, lines: List[Tuple[str, bytes]], batch_size: int, final_newline: bool
) -> None:
    from spacy_pii.detectors import find_all

    redact = nlp_redact_fn(pii_nlp)
    raw = [f"#{i}# {text}".encode() + ending for i, (text, ending) in enumerate(lines)]
    if raw and not final_newline:
        raw[-1] = split_ending(raw[-1])[0]
    out = io.BytesIO()
    StreamRedactor(redact, out, StreamConfig(batch_size=batch_size)).run_lines(
        iter(Line("<test>", i + 1, *split_ending(r)) for i, r in enumerate(raw))
    )
    got = list(iter_raw_lines(io.BytesIO(out.getvalue()).read))
    assert len(got) == len(raw)
    for i, (line_in, line_out) in enumerate(zip(raw, got)):
        assert line_out.startswith(f"#{i}# ".encode())
        assert split_ending(line_out)[1] == split_ending(line_in)[1]
        text = line_in.decode()
        for m in find_all(text):
            value = text[m.start : m.end]
            assert value.encode() not in line_out


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe plain \x80\n",
        # the first private-use block is taken by real text: the next one is lent
        "\uf780\uf7ff valid private use, then \xff raw".encode("utf-8", "surrogateescape") + b"\xff\n",
        b"\xef\xbf\xbd replacement char, \xed\xa0\x80 an encoded surrogate, \xc3 cut",
    ],
)
def test_invalid_bytes_round_trip_through_a_strict_redactor(data: bytes) -> None:
    def strict(texts: List[str]) -> List[RedactResult]:
        for t in texts:
            t.encode("utf-8")  # what spaCy's string store does: fails on lone surrogates
        return fake_redact(texts)

    out, stats = run_bytes(data, redact=strict)
    assert out == data
    assert stats.failed == 0


# --- PEM key bodies across lines ----------------------------------------------------------

KEY = [
    b"deploy: loading key",
    b"-----BEGIN RSA PRIVATE KEY-----",
    b"MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
    b"",
    b"VBHnkGfWZ3fI0mB3xKq+/A5sd==",
    b"-----END RSA PRIVATE KEY-----",
    b"mail a@b.co when done",
]


@pytest.mark.parametrize("batch_size", [1, 2, 64])
def test_pem_body_lines_are_masked_across_lines_and_batches(batch_size: int) -> None:
    out, stats = run_bytes(b"\n".join(KEY) + b"\n", batch_size=batch_size)
    lines = out.split(b"\n")[:-1]
    assert len(lines) == len(KEY)
    assert lines[0] == KEY[0] and lines[1] == KEY[1] and lines[5] == KEY[5]
    assert lines[2] == b"*" * len(KEY[2]) and lines[4] == b"*" * len(KEY[4]) and lines[3] == b""
    assert lines[6] == b"mail <EMAIL_ADDRESS> when done"
    assert stats.spans["CREDENTIAL"] == 2


def test_pem_block_without_end_closes_at_the_first_log_line() -> None:
    data = b"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n2024-05-01 12:00:00 INFO ok\nabcd\n"
    out, _ = run_bytes(data)
    assert out.split(b"\n")[1:4] == [b"*" * 32, b"2024-05-01 12:00:00 INFO ok", b"abcd"]


def test_pem_key_on_one_line_leaves_the_next_lines_alone() -> None:
    data = b"k=-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----\nabcd\n"
    out, _ = run_bytes(data)
    assert out.split(b"\n")[1] == b"abcd"

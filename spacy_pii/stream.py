"""Line streaming for `spacy-pii redact`: read bytes, batch lines, redact, write bytes.

The library half of the command: no typer, no exit, no print. Data goes to the binary
stream the caller passes in; diagnostics go to the caller through callbacks that receive
line numbers, labels and exception types, never text.

Design:

- A reader thread reads raw bytes (os.read on a real file descriptor, so a line is handed
  over as soon as its newline arrives, e.g. from `tail -f`), splits them into lines that
  keep their ending (b"\\n", b"\\r\\n", or none for a last line without one) and puts them
  into a bounded queue, so a fast producer cannot fill memory.
- The main loop collects a batch until `batch_size` lines or `max_wait` seconds since the
  first line of the batch, whichever comes first; it redacts the batch in one call, writes
  one output line per input line in order, and flushes.
- Lines are decoded with errors="surrogateescape" and re-encoded the same way, so bytes
  that are not valid UTF-8 survive byte-exact where they are not PII.
- Fail closed: if redaction raises on a batch, the lines are retried one by one; a line
  that still fails is never written as it came: it is masked (every non-whitespace
  character becomes "*"), dropped, or the stream stops, as `on_error` says.
"""
import os
import queue
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import (
    Any,
    BinaryIO,
    Callable,
    Dict,
    Iterator,
    List,
    Optional,
    Pattern,
    Sequence,
    Set,
    Tuple,
    Union,
)

import orjson

from .errors import Errors, SpacyPIIError
from .patterns import PEM_BEGIN, PEM_END

# One redaction result per text: the redacted text and the labels of the spans it replaced.
RedactResult = Tuple[str, List[str]]
# Redacts a batch of texts, in order. May raise: the stream loop then fails closed.
RedactFn = Callable[[List[str]], List[RedactResult]]
KeyPath = Tuple[str, ...]
JsonContainer = Union[Dict[str, Any], List[Any]]

STDIN_NAME = "<stdin>"
_READ_SIZE = 1 << 16


class OnError(str, Enum):
    """What to do with a line whose redaction still fails when retried alone."""

    MASK_LINE = "mask-line"
    DROP_LINE = "drop-line"
    FAIL = "fail"


class LineRedactionError(SpacyPIIError):
    """A line could not be redacted and `on_error` is `fail`. Carries no text."""

    def __init__(self, source: str, line: int, exc_type: str) -> None:
        self.source = source
        self.line = line
        self.exc_type = exc_type
        super().__init__(Errors.E208.format(source=source, line=line, exc_type=exc_type))


class StreamReadError(SpacyPIIError):
    """An input could not be read (the OSError's message is left out: it may hold a path)."""

    def __init__(self, source: str, exc_type: str) -> None:
        self.source = source
        self.exc_type = exc_type
        super().__init__(Errors.E206.format(source=source, exc_type=exc_type))


@dataclass(frozen=True)
class LineFailure:
    """A line whose redaction failed: where, why (exception type only), and what was done."""

    source: str
    line: int
    exc_type: str
    action: str

    def message(self) -> str:
        """RETURNS (str): the coded diagnostic, without any text of the line."""
        return Errors.E207.format(
            source=self.source, line=self.line, exc_type=self.exc_type, action=self.action
        )


@dataclass
class StreamStats:
    """Counts for the `--stats` summary. Labels and numbers only, never values."""

    lines: int = 0
    bytes: int = 0
    json_lines: int = 0
    json_invalid: int = 0
    failed: int = 0
    masked: int = 0
    dropped: int = 0
    spans: "Counter[str]" = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)
    ended: Optional[float] = None

    @property
    def seconds(self) -> float:
        end = self.ended if self.ended is not None else time.monotonic()
        return max(end - self.started, 0.0)

    def summary(self, jsonl: bool = False) -> str:
        """Render the summary printed on stderr.

        jsonl (bool): whether the JSON line counts are relevant.
        RETURNS (str): a few lines of `key: value` text.
        """
        secs = self.seconds
        rate = self.lines / secs if secs > 0 else 0.0
        rows = [f"lines: {self.lines}"]
        if jsonl:
            rows.append(f"json lines: {self.json_lines}")
            rows.append(f"json lines invalid (redacted as text): {self.json_invalid}")
        rows.append(f"failed lines: {self.failed} (masked {self.masked}, dropped {self.dropped})")
        total = sum(self.spans.values())
        per_label = ", ".join(f"{label} {n}" for label, n in sorted(self.spans.items()))
        rows.append(f"spans: {total}" + (f" ({per_label})" if per_label else ""))
        rows.append(f"time: {secs:.2f} s, {rate:.1f} lines/s")
        return "\n".join(rows)


@dataclass(frozen=True)
class Line:
    """One input line: where it comes from, its content and its ending, as bytes."""

    source: str
    number: int
    content: bytes
    ending: bytes


@dataclass
class StreamConfig:
    """How `redact_stream` batches and treats lines.

    batch_size (int): most lines redacted in one call.
    max_wait (float): seconds to wait for more lines after the first line of a batch.
    jsonl (bool): each line is a JSON object; redact its string values.
    key_paths (Optional[List[KeyPath]]): JSON key paths to redact; None means every string.
    on_error (OnError): what to do with a line that fails alone.
    queue_size (int): lines the reader may read ahead; 0 means 4 * batch_size.
    """

    batch_size: int = 64
    max_wait: float = 0.05
    jsonl: bool = False
    key_paths: Optional[List[KeyPath]] = None
    on_error: OnError = OnError.MASK_LINE
    queue_size: int = 0


# --- input ---------------------------------------------------------------------------


def split_ending(raw: bytes) -> Tuple[bytes, bytes]:
    """Split a raw line into content and line ending (b"\\r\\n", b"\\n" or b"").

    raw (bytes): a line as read, ending included.
    RETURNS (Tuple[bytes, bytes]): the content and the ending.
    """
    if raw.endswith(b"\r\n"):
        return raw[:-2], b"\r\n"
    if raw.endswith(b"\n"):
        return raw[:-1], b"\n"
    return raw, b""


def iter_raw_lines(read: Callable[[int], bytes]) -> Iterator[bytes]:
    """Split a byte stream into lines, each keeping its b"\\n" (a last one may lack it).

    read (Callable[[int], bytes]): returns up to n bytes, b"" at the end; it should return
        what is available rather than wait for n bytes, so slow input is not held back.
    YIELDS (bytes): the lines, in order.
    """
    buf = bytearray()
    while True:
        chunk = read(_READ_SIZE)
        if not chunk:
            break
        # Only the new chunk can hold a newline the buffer did not already have.
        search_from = len(buf)
        buf += chunk
        start = 0
        while True:
            nl = buf.find(b"\n", search_from)
            if nl < 0:
                break
            yield bytes(buf[start : nl + 1])
            start = nl + 1
            search_from = start
        if start:
            del buf[:start]
    if buf:
        yield bytes(buf)


def _reader_for(stream: BinaryIO) -> Callable[[int], bytes]:
    """Pick how to read an open stream (nothing may have been read from it yet).

    os.read on the descriptor returns what a pipe has now and holds no Python-level lock,
    so a reader thread blocked on a silent stdin cannot hang interpreter shutdown. Streams
    without a descriptor (BytesIO in tests) are read with read1.
    """
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        fd = -1
    if fd >= 0:
        return lambda n: os.read(fd, n)
    read1: Optional[Callable[[int], bytes]] = getattr(stream, "read1", None)
    if read1 is not None:
        return read1
    return stream.read


@dataclass(frozen=True)
class InputSource:
    """An input to read: a path, or an already open binary stream such as stdin.

    name (str): shown in diagnostics ("<stdin>" or the path as given).
    path (Optional[str]): file to open in binary mode, or None to read `stream`.
    stream (Optional[BinaryIO]): the open stream (not closed after reading).
    """

    name: str
    path: Optional[str] = None
    stream: Optional[BinaryIO] = None

    def size(self) -> Optional[int]:
        """RETURNS (Optional[int]): the file size in bytes, or None for a stream."""
        if self.path is None:
            return None
        try:
            return os.path.getsize(self.path)
        except OSError:
            return None


def sources_from_args(paths: Sequence[str], stdin: BinaryIO) -> List[InputSource]:
    """Turn command-line FILE arguments into input sources ("-" or none is stdin).

    paths (Sequence[str]): the arguments, in order.
    stdin (BinaryIO): the binary standard input.
    RETURNS (List[InputSource]): one source per argument, or stdin alone.
    """
    if not paths:
        return [InputSource(STDIN_NAME, stream=stdin)]
    return [
        InputSource(STDIN_NAME, stream=stdin) if p == "-" else InputSource(p, path=p)
        for p in paths
    ]


def iter_lines(sources: Sequence[InputSource]) -> Iterator[Line]:
    """Read every source in order and yield its lines, numbered from 1 per source.

    sources (Sequence[InputSource]): what to read.
    YIELDS (Line): each line, content and ending split.
    """
    for source in sources:
        number = 0
        try:
            if source.path is not None:
                with open(source.path, "rb", buffering=0) as fh:
                    for raw in iter_raw_lines(fh.read):
                        number += 1
                        content, ending = split_ending(raw)
                        yield Line(source.name, number, content, ending)
            elif source.stream is not None:
                for raw in iter_raw_lines(_reader_for(source.stream)):
                    number += 1
                    content, ending = split_ending(raw)
                    yield Line(source.name, number, content, ending)
        except OSError as e:
            raise StreamReadError(source.name, type(e).__name__) from None


class _End:
    """Queue marker: the reader is done (error is set when it failed)."""

    def __init__(self, error: Optional[BaseException] = None) -> None:
        self.error = error


class LineReader:
    """A daemon thread that reads lines into a bounded queue.

    lines (Iterator[Line]): where lines come from (e.g. `iter_lines(sources)`).
    maxsize (int): most lines held in the queue.
    """

    def __init__(self, lines: Iterator[Line], maxsize: int) -> None:
        self.queue: "queue.Queue[Union[Line, _End]]" = queue.Queue(maxsize=max(1, maxsize))
        self._lines = lines
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="spacy-pii-reader", daemon=True)

    def start(self) -> "LineReader":
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the reader to stop at its next queue hand-over (it may be blocked in read)."""
        self._stop.set()

    def _put(self, item: Union[Line, _End]) -> bool:
        while not self._stop.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        end = _End()
        try:
            for line in self._lines:
                if not self._put(line):
                    return
        except BaseException as e:  # handed to the main thread, which re-raises it
            end = _End(e)
        self._put(end)


# --- redaction of one line -----------------------------------------------------------


def mask_text(text: str) -> str:
    """Replace every non-whitespace character with "*" (the fail-closed fallback).

    text (str): the text.
    RETURNS (str): the masked text, whitespace kept.
    """
    return "".join(c if c.isspace() else "*" for c in text)


def _decode(content: bytes) -> str:
    return content.decode("utf-8", errors="surrogateescape")


def _encode(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogateescape")


def parse_key_path(value: str) -> KeyPath:
    """Parse a `--key` argument: dot-separated keys, each step through arrays elementwise.

    value (str): e.g. "user.email".
    RETURNS (KeyPath): the keys, e.g. ("user", "email").
    """
    steps = tuple(value.split("."))
    if not value or any(not s for s in steps):
        raise ValueError(Errors.E205.format(value=value))
    return steps


_Slot = Tuple[JsonContainer, Union[str, int]]


def _collect(
    container: JsonContainer,
    key: Union[str, int],
    steps: KeyPath,
    out: List[_Slot],
    seen: Set[Tuple[int, Union[str, int]]],
) -> None:
    value = container[key]  # type: ignore[index]
    if isinstance(value, str) or _long_int(value):
        if not steps and (id(container), key) not in seen:
            seen.add((id(container), key))
            out.append((container, key))
    elif isinstance(value, list):
        # A step through an array applies to each element.
        for i in range(len(value)):
            _collect(value, i, steps, out, seen)
    elif isinstance(value, dict):
        if not steps:
            for k in value:
                _collect(value, k, (), out, seen)
        elif steps[0] in value:
            _collect(value, steps[0], steps[1:], out, seen)


def _long_int(value: Any) -> bool:
    # An integer of 7+ digits may be a card, phone or SSN logged as a JSON number; shorter
    # ones (counts, ports, status codes) cannot be, and stay numbers untouched.
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1_000_000


def json_string_slots(obj: Dict[str, Any], key_paths: Optional[Sequence[KeyPath]]) -> List[_Slot]:
    """Find the values of a JSON object to redact, as (container, key) slots: every string,
    and every integer of 7 or more digits (redacted as its decimal text; written back as a
    string only if redaction changed it).

    obj (Dict[str, Any]): the parsed object.
    key_paths (Optional[Sequence[KeyPath]]): paths to follow; None means every string value,
        in nested objects and arrays too. A path ending on an object or array covers all
        strings under it.
    RETURNS (List[_Slot]): the slots, each once, in document order per path.
    """
    out: List[_Slot] = []
    seen: Set[Tuple[int, Union[str, int]]] = set()
    if key_paths is None:
        for k in obj:
            _collect(obj, k, (), out, seen)
    else:
        for path in key_paths:
            if path[0] in obj:
                _collect(obj, path[0], path[1:], out, seen)
    return out


# A line of a PEM private key body: base64, an RFC 1421 header, or blank.
_PEM_BODY_LINE = re.compile(r"\s*(?:[A-Za-z0-9+/]+={0,2}|(?:Proc-Type|DEK-Info):.*)?\s*")
PEM_MAX_BODY_LINES = 200


class PemCarry:
    """Follows `-----BEGIN ... PRIVATE KEY-----` across lines of plain text.

    Each line is redacted on its own, so the detector sees a BEGIN line but not the base64
    lines after it. After a BEGIN with no END on its line, the lines that look like key body
    are marked to be masked whole, up to the END line, the first line that is not key body,
    or PEM_MAX_BODY_LINES lines.
    """

    def __init__(self) -> None:
        self.body_lines = -1  # -1: outside a block

    def is_body(self, content: bytes) -> bool:
        """Whether this line (in stream order) is inside an open key block."""
        if self.body_lines < 0 and b"-----BEGIN" not in content:
            return False  # the common case, without decoding
        text = _decode(content)
        if self.body_lines >= 0:
            if self.body_lines < PEM_MAX_BODY_LINES and _PEM_BODY_LINE.fullmatch(text):
                self.body_lines += 1
                return True
            self.body_lines = -1
        begins = list(PEM_BEGIN.finditer(text))
        if begins and not PEM_END.search(text, begins[-1].end()):
            self.body_lines = 0
        return False


class _Prepared:
    """A line turned into texts to redact and a way to rebuild the output from them."""

    def __init__(self, line: Line, cfg: StreamConfig, pem_body: bool = False) -> None:
        self.line = line
        self.pem_body = pem_body
        self.is_json = False
        self.json_invalid = False
        self._obj: Optional[Dict[str, Any]] = None
        self._slots: List[_Slot] = []
        self._text: Optional[str] = None
        self.texts: List[str] = []
        if pem_body:
            return  # masked whole, nothing to detect
        if cfg.jsonl and line.content.strip():
            try:
                obj = orjson.loads(line.content)
            except orjson.JSONDecodeError:
                obj = None
            if isinstance(obj, dict):
                self.is_json = True
                self._obj = obj
                self._slots = json_string_slots(obj, cfg.key_paths)
                self.texts = [str(c[k]) for c, k in self._slots]  # type: ignore[index]
                return
            # Not JSON, or not an object: redacted as plain text, never passed through.
            self.json_invalid = True
        self._text = _decode(line.content)
        self.texts = [self._text]

    def render(self, redacted: Sequence[str]) -> bytes:
        """Build the output line (ending included) from the redacted texts."""
        if self.pem_body:
            return self.render_masked()
        if self._obj is not None:
            for (container, key), value, text in zip(self._slots, redacted, self.texts):
                if value != text or isinstance(container[key], str):  # type: ignore[index]
                    container[key] = value  # type: ignore[index]
            body = orjson.dumps(self._obj)
        else:
            body = _encode(redacted[0])
        return body + self.line.ending

    def render_masked(self) -> bytes:
        """Build the fail-closed output: every non-whitespace character masked.

        A JSON object keeps its keys and structure and has each targeted string fully
        masked, so the output stays valid JSON; any other line is masked whole.
        """
        if self._obj is not None:
            return self.render([mask_text(t) for t in self.texts])
        return _encode(mask_text(_decode(self.line.content))) + self.line.ending


# Bytes that are not UTF-8 decode (surrogateescape) to lone surrogates U+DC80..U+DCFF, which
# spaCy cannot hash. They are lent a block of 128 private-use characters for detection and
# given back afterwards; a block the text already uses is skipped, so nothing is confused.
_SURROGATE = re.compile("[\udc80-\udcff]")
_PUA_BASES = (0xF780, 0xF700, 0xF680, 0xF600, 0xF580, 0xF500, 0xF480, 0xF400)
_SHIELDS: List[Tuple[Pattern[str], Dict[int, int], Dict[int, int]]] = [
    (
        re.compile(f"[{chr(base)}-{chr(base + 0x7F)}]"),
        {0xDC80 + k: base + k for k in range(0x80)},
        {base + k: 0xDC80 + k for k in range(0x80)},
    )
    for base in _PUA_BASES
]


def shield_surrogates(text: str) -> Tuple[str, Optional[Dict[int, int]]]:
    """Replace the lone surrogates of surrogateescape-decoded text by private-use characters.

    text (str): the decoded text.
    RETURNS (Tuple[str, Optional[Dict[int, int]]]): text without lone surrogates, and the
        `str.translate` table that gives them back (None when there is nothing to give back).
    """
    if not _SURROGATE.search(text):
        return text, None
    for in_use, forward, back in _SHIELDS:
        if not in_use.search(text):
            return text.translate(forward), back
    # Every block is in use (never seen in practice): lose the raw bytes, never the redaction.
    return _SURROGATE.sub("\ufffd", text), None


def _redact_prepared(items: Sequence[_Prepared], redact: RedactFn) -> List[List[RedactResult]]:
    """Redact the texts of several lines in one call; split the results back per line."""
    flat: List[str] = []
    for item in items:
        flat.extend(item.texts)
    # Empty strings need no model call (and JSON objects may have none at all).
    todo = [i for i, t in enumerate(flat) if t]
    results: List[RedactResult] = [(t, []) for t in flat]
    if todo:
        shielded = [shield_surrogates(flat[i]) for i in todo]
        done = redact([text for text, _ in shielded])
        if len(done) != len(todo):
            raise RuntimeError("redaction returned a different number of texts")
        for i, (_, back), (text, labels) in zip(todo, shielded, done):
            results[i] = (text.translate(back) if back else text, labels)
    out: List[List[RedactResult]] = []
    pos = 0
    for item in items:
        out.append(results[pos : pos + len(item.texts)])
        pos += len(item.texts)
    return out


# --- the loop ------------------------------------------------------------------------


class StreamRedactor:
    """Redact lines batch by batch and write them to a binary stream.

    redact (RedactFn): redacts a list of texts (see `nlp_redact_fn`).
    out (BinaryIO): where output lines go; flushed after every batch.
    config (StreamConfig): batching and line handling.
    on_line_error (Optional[Callable[[LineFailure], None]]): told about each failed line.
    on_batch (Optional[Callable[[int, int], None]]): told (lines, bytes) after each batch.
    """

    def __init__(
        self,
        redact: RedactFn,
        out: BinaryIO,
        config: Optional[StreamConfig] = None,
        *,
        on_line_error: Optional[Callable[[LineFailure], None]] = None,
        on_batch: Optional[Callable[[int, int], None]] = None,
    ) -> None:
        self.redact = redact
        self.out = out
        self.config = config if config is not None else StreamConfig()
        self.stats = StreamStats()
        self.on_line_error = on_line_error
        self.on_batch = on_batch
        self._pem = PemCarry()

    def _pem_body(self, lines: Sequence[Line]) -> List[bool]:
        if self.config.jsonl:  # a key inside a JSON string is one value: the detector sees it
            return [False] * len(lines)
        return [self._pem.is_body(line.content) for line in lines]

    def process_batch(self, lines: Sequence[Line]) -> None:
        """Redact a batch, write its output lines in order and flush.

        lines (Sequence[Line]): the batch.
        RAISES (LineRedactionError): a line failed and on_error is `fail`; the lines before
            it have been written and flushed.
        """
        if not lines:
            return
        pem_body = self._pem_body(lines)
        try:
            prepared = [_Prepared(line, self.config, b) for line, b in zip(lines, pem_body)]
            results = _redact_prepared(prepared, self.redact)
            outputs = [p.render([r[0] for r in res]) for p, res in zip(prepared, results)]
        except Exception:
            # Fail closed: find the failing line(s) by retrying one at a time.
            self._retry_one_by_one(lines, pem_body)
            return
        for p, res in zip(prepared, results):
            self._count(p, res)
        self._write(outputs, lines)

    def _retry_one_by_one(self, lines: Sequence[Line], pem_body: Sequence[bool]) -> None:
        cfg = self.config
        outputs: List[Optional[bytes]] = []
        for index, line in enumerate(lines):
            prepared: Optional[_Prepared] = None
            try:
                prepared = _Prepared(line, cfg, pem_body[index])
                res = _redact_prepared([prepared], self.redact)[0]
                data = prepared.render([r[0] for r in res])
            except Exception as e:
                exc_type = type(e).__name__
                self.stats.failed += 1
                self.stats.lines += 1
                if prepared is not None:
                    self._count_json(prepared)
                if cfg.on_error == OnError.FAIL:
                    self._write(outputs, lines[:index])
                    raise LineRedactionError(line.source, line.number, exc_type) from None
                if cfg.on_error == OnError.DROP_LINE:
                    self.stats.dropped += 1
                    outputs.append(None)
                    action = "dropped"
                else:
                    self.stats.masked += 1
                    outputs.append(self._masked(prepared, line))
                    action = "masked"
                if self.on_line_error is not None:
                    self.on_line_error(LineFailure(line.source, line.number, exc_type, action))
            else:
                self._count(prepared, res)
                outputs.append(data)
        self._write(outputs, lines)

    @staticmethod
    def _masked(prepared: Optional[_Prepared], line: Line) -> bytes:
        try:
            if prepared is not None:
                return prepared.render_masked()
        except Exception:
            pass
        return _encode(mask_text(_decode(line.content))) + line.ending

    def _count_json(self, p: _Prepared) -> None:
        if p.is_json:
            self.stats.json_lines += 1
        if p.json_invalid:
            self.stats.json_invalid += 1

    def _count(self, p: _Prepared, res: Sequence[RedactResult]) -> None:
        self.stats.lines += 1
        self._count_json(p)
        if p.pem_body and p.line.content.strip():
            self.stats.spans["CREDENTIAL"] += 1
        for _, labels in res:
            self.stats.spans.update(labels)

    def _write(self, outputs: Sequence[Optional[bytes]], lines: Sequence[Line]) -> None:
        data = b"".join(o for o in outputs if o is not None)
        if data:
            self.out.write(data)
        self.out.flush()
        n_bytes = sum(len(line.content) + len(line.ending) for line in lines)
        self.stats.bytes += n_bytes
        if self.on_batch is not None:
            self.on_batch(len(lines), n_bytes)

    def run_lines(self, lines: Iterator[Line]) -> StreamStats:
        """Redact lines from an iterator in the calling thread (no reader thread).

        Batches by `batch_size` only: for input that is all there (tests, in-process use).
        lines (Iterator[Line]): the input lines.
        RETURNS (StreamStats): the counts.
        """
        batch: List[Line] = []
        try:
            for line in lines:
                batch.append(line)
                if len(batch) >= self.config.batch_size:
                    self.process_batch(batch)
                    batch = []
            self.process_batch(batch)
        finally:
            self.stats.ended = time.monotonic()
        return self.stats

    def run(self, sources: Sequence[InputSource]) -> StreamStats:
        """Read the sources on a reader thread and redact their lines as they arrive.

        A batch is written when it has `batch_size` lines, or `max_wait` seconds after its
        first line arrived, or at the end of the input.
        sources (Sequence[InputSource]): the inputs, read one after another.
        RETURNS (StreamStats): the counts.
        RAISES (LineRedactionError): a line failed and on_error is `fail`.
        RAISES (StreamReadError): an input could not be read; earlier lines were written.
        """
        cfg = self.config
        reader = LineReader(iter_lines(sources), cfg.queue_size or 4 * cfg.batch_size).start()
        q = reader.queue
        batch: List[Line] = []
        deadline = 0.0
        try:
            while True:
                try:
                    if batch:
                        item = q.get(timeout=max(0.0, deadline - time.monotonic()))
                    else:
                        item = q.get()
                except queue.Empty:
                    self.process_batch(batch)
                    batch = []
                    continue
                if isinstance(item, _End):
                    self.process_batch(batch)
                    batch = []
                    if item.error is not None:
                        raise item.error
                    break
                if not batch:
                    deadline = time.monotonic() + cfg.max_wait
                batch.append(item)
                if len(batch) >= cfg.batch_size:
                    self.process_batch(batch)
                    batch = []
        finally:
            reader.stop()
            self.stats.ended = time.monotonic()
        return self.stats


def redact_stream(
    sources: Sequence[InputSource],
    out: BinaryIO,
    redact: RedactFn,
    config: Optional[StreamConfig] = None,
    *,
    on_line_error: Optional[Callable[[LineFailure], None]] = None,
    on_batch: Optional[Callable[[int, int], None]] = None,
) -> StreamStats:
    """Redact every line of the sources to `out`: the whole `spacy-pii redact` loop.

    sources (Sequence[InputSource]): the inputs, in order.
    out (BinaryIO): binary output stream.
    redact (RedactFn): redacts a batch of texts.
    config (Optional[StreamConfig]): batching and line handling.
    on_line_error (Optional[Callable[[LineFailure], None]]): told about each failed line.
    on_batch (Optional[Callable[[int, int], None]]): told (lines, bytes) after each batch.
    RETURNS (StreamStats): the counts.
    """
    runner = StreamRedactor(
        redact, out, config, on_line_error=on_line_error, on_batch=on_batch
    )
    return runner.run(sources)


# --- spaCy -----------------------------------------------------------------------------


def nlp_redact_fn(
    nlp: Any,
    *,
    attr: str = "redacted",
    matches_attr: str = "pii_matches",
) -> RedactFn:
    """Build a RedactFn from a pipeline that has a pii_redactor component.

    nlp (Language): the pipeline.
    attr (str): the Doc extension holding the redacted text.
    matches_attr (str): the Doc extension holding the replaced matches (label at index 2).
    RETURNS (RedactFn): the function; it raises nlp.max_length as a long text needs.
    """

    def redact(texts: List[str]) -> List[RedactResult]:
        longest = max((len(t) for t in texts), default=0)
        if longest >= nlp.max_length:
            # A long line is redacted whole, never cut: PII at its end counts too.
            nlp.max_length = longest + 1
        out: List[RedactResult] = []
        # A memory zone frees the strings and lexemes the batch added to the vocab when it
        # ends: without it, every new token of a stream (ids, addresses, e-mails) stays in
        # the StringStore for good and memory grows with the length of the input. Nothing
        # of the Docs is used after the zone; the results are plain strings.
        with nlp.memory_zone():
            for doc in nlp.pipe(texts, batch_size=max(1, len(texts))):
                redacted = doc._.get(attr)
                matches = doc._.get(matches_attr)
                if not isinstance(redacted, str) or not isinstance(matches, list):
                    # Fail closed: without both, the text may not be redacted.
                    raise TypeError("the pipeline did not set the redacted text")
                out.append((redacted, [str(m[2]) for m in matches]))
        return out

    return redact

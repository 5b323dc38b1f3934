"""The stream loop: batch lines, redact each batch in one call, write the lines in order.

The loop is a function of (lines in) -> (lines out) with the redaction injected: it knows
nothing of spaCy or of what PII looks like. `redact_lines` does one batch and touches no
shared state, so batches can be redacted anywhere (another process included) as long as
they are written in order; `StreamRedactor` feeds it from a reader thread and writes.

- A batch is collected until `batch_size` lines or `max_wait` seconds since its first line,
  whichever comes first; it is redacted in one call, written in order and flushed.
- Fail closed: if redaction raises on a batch, the lines are retried one by one; a line
  that still fails is never written as it came: it is masked (every non-whitespace
  character becomes "*"), dropped, or the stream stops, as `on_error` says.
- A value that spans lines (a PEM key body) is followed by `LineCarry` objects, told each
  plain-text line in order; a line a carry claims is masked whole and counted under its label.
"""
import queue
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, BinaryIO, Callable, Iterator, List, Optional, Protocol, Sequence, Tuple

from ..errors import Errors, SpacyPIIError
from .jsonl import KeyPath, PreparedLine, mask_line
from .pem import DEFAULT_CARRIES
from .reading import End, InputSource, Line, LineReader, iter_lines, shield_surrogates

# One redaction result per text: the redacted text and the labels of the spans it replaced.
RedactResult = Tuple[str, List[str]]
# Redacts a batch of texts, in order. May raise: the stream loop then fails closed.
RedactFn = Callable[[List[str]], List[RedactResult]]


class LineCarry(Protocol):
    """Per-stream state of a detector that follows one value across lines.

    label (str): the label counted for each line it claims.
    """

    label: str

    def is_body(self, content: bytes) -> bool:
        """Whether this line (told in stream order) continues the value: masked whole."""
        ...


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

    def __reduce__(self) -> Any:
        # rebuilt from its fields when a --workers process sends it back
        return (type(self), (self.source, self.line, self.exc_type))


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


@dataclass
class LineCounts:
    """Counts of lines and replaced spans (labels and numbers only, never values)."""

    lines: int = 0
    json_lines: int = 0
    json_invalid: int = 0
    failed: int = 0
    masked: int = 0
    dropped: int = 0
    spans: "Counter[str]" = field(default_factory=Counter)

    def add_counts(self, other: "LineCounts") -> None:
        """Add another set of counts to these."""
        for name in ("lines", "json_lines", "json_invalid", "failed", "masked", "dropped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.spans.update(other.spans)


@dataclass
class BatchResult(LineCounts):
    """What `redact_lines` made of one batch: the output lines and the counts.

    outputs (List[Optional[bytes]]): per written line, its bytes (ending included); None
        for a dropped line. With `fatal`, only the lines before the failing one.
    fatal (Optional[LineRedactionError]): set when a line failed and on_error is `fail`.
    """

    outputs: List[Optional[bytes]] = field(default_factory=list)
    failures: List[LineFailure] = field(default_factory=list)
    fatal: Optional[LineRedactionError] = None

    def count_json(self, p: PreparedLine) -> None:
        self.json_lines += p.is_json
        self.json_invalid += p.json_invalid


@dataclass
class StreamStats(LineCounts):
    """Counts for the `--stats` summary. Labels and numbers only, never values.

    clock (Callable[[], float]): the time source (injectable, for tests).
    """

    bytes: int = 0
    clock: Callable[[], float] = field(default=time.monotonic, repr=False, compare=False)
    started: float = -1.0
    ended: Optional[float] = None

    def __post_init__(self) -> None:
        if self.started < 0:
            self.started = self.clock()

    def add(self, batch: BatchResult, n_bytes: int) -> None:
        """Add a batch's counts and its input size in bytes."""
        self.add_counts(batch)
        self.bytes += n_bytes

    def stop(self) -> None:
        """Mark the end of the stream (for `seconds`)."""
        self.ended = self.clock()

    @property
    def seconds(self) -> float:
        end = self.ended if self.ended is not None else self.clock()
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


# --- one batch ---------------------------------------------------------------------------


def _prepare(line: Line, config: StreamConfig, carried: Optional[str]) -> PreparedLine:
    return PreparedLine(line, config.jsonl, config.key_paths, masked_whole=carried is not None)


def _redact_prepared(items: Sequence[PreparedLine], redact: RedactFn) -> List[List[RedactResult]]:
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


def _count(
    result: BatchResult, p: PreparedLine, res: Sequence[RedactResult], carried: Optional[str]
) -> None:
    result.lines += 1
    result.count_json(p)
    if carried is not None and p.line.content.strip():
        result.spans[carried] += 1
    for _, labels in res:
        result.spans.update(labels)


def redact_lines(
    lines: Sequence[Line],
    redact: RedactFn,
    config: StreamConfig,
    carried: Optional[Sequence[Optional[str]]] = None,
) -> BatchResult:
    """Redact one batch of lines: one `redact` call, or line by line when it raises.

    lines (Sequence[Line]): the batch, in order.
    redact (RedactFn): redacts a list of texts.
    config (StreamConfig): line handling (jsonl, key_paths, on_error).
    carried (Optional[Sequence[Optional[str]]]): per line, the label of the `LineCarry`
        that claimed it (masked whole), or None; None for the whole argument: no line.
    RETURNS (BatchResult): output lines in order and counts; never raises for a line.
    """
    marks: Sequence[Optional[str]] = carried if carried is not None else [None] * len(lines)
    result = BatchResult()
    try:
        prepared = [_prepare(line, config, c) for line, c in zip(lines, marks)]
        results = _redact_prepared(prepared, redact)
        outputs = [p.render([r[0] for r in res]) for p, res in zip(prepared, results)]
    except Exception:
        # Fail closed: find the failing line(s) by retrying one at a time.
        return _redact_one_by_one(lines, redact, config, marks)
    for p, res, c in zip(prepared, results, marks):
        _count(result, p, res, c)
    result.outputs = list(outputs)
    return result


def _redact_one_by_one(
    lines: Sequence[Line], redact: RedactFn, config: StreamConfig, marks: Sequence[Optional[str]]
) -> BatchResult:
    result = BatchResult()
    for line, carried in zip(lines, marks):
        prepared: Optional[PreparedLine] = None
        try:
            prepared = _prepare(line, config, carried)
            res = _redact_prepared([prepared], redact)[0]
            data = prepared.render([r[0] for r in res])
        except Exception as e:
            exc_type = type(e).__name__
            result.failed += 1
            result.lines += 1
            if prepared is not None:
                result.count_json(prepared)
            if config.on_error == OnError.FAIL:
                result.fatal = LineRedactionError(line.source, line.number, exc_type)
                return result
            if config.on_error == OnError.DROP_LINE:
                result.dropped += 1
                result.outputs.append(None)
                action = "dropped"
            else:
                result.masked += 1
                result.outputs.append(_masked(prepared, line))
                action = "masked"
            result.failures.append(LineFailure(line.source, line.number, exc_type, action))
        else:
            _count(result, prepared, res, carried)
            result.outputs.append(data)
    return result


def _masked(prepared: Optional[PreparedLine], line: Line) -> bytes:
    try:
        if prepared is not None:
            return prepared.render_masked()
    except Exception:
        pass
    return mask_line(line)


# --- the loop ------------------------------------------------------------------------

# Longest the main thread blocks at once while it waits for input. A lock wait without a
# timeout (`queue.Queue.get()`) ends only when the lock is released: a SIGINT whose C-level
# handler runs after the thread's last check for pending signals and before it blocks
# (CPython's `acquire_timed` does not look again), or that the kernel hands to the reader
# thread, leaves Ctrl-C unseen until the next input line, which on a silent stdin never
# comes. A timed wait returns to the interpreter, which then raises KeyboardInterrupt.
_SIGNAL_POLL = 0.2


def _get_waking(q: "queue.Queue[Any]") -> Any:
    """`q.get()` that returns to the interpreter every `_SIGNAL_POLL` seconds (see there)."""
    while True:
        try:
            return q.get(timeout=_SIGNAL_POLL)
        except queue.Empty:
            continue


class StreamRedactor:
    """Redact lines batch by batch and write them to a binary stream.

    redact (RedactFn): redacts a list of texts (see `spacy_pii.stream.nlp_redact_fn`).
    out (BinaryIO): where output lines go; flushed after every batch.
    config (StreamConfig): batching and line handling.
    on_line_error (Optional[Callable[[LineFailure], None]]): told about each failed line.
    on_batch (Optional[Callable[[int, int], None]]): told (lines, bytes) after each batch.
    carries (Optional[Sequence[Callable[[], LineCarry]]]): factories of the multi-line
        detectors, one state each per stream; None: the default ones (PEM key bodies).
        Plain-text lines only: in JSONL a value is one string, which the detector sees whole.
    clock (Callable[[], float]): the time source of `max_wait` and the stats (for tests).
    """

    def __init__(
        self,
        redact: RedactFn,
        out: BinaryIO,
        config: Optional[StreamConfig] = None,
        *,
        on_line_error: Optional[Callable[[LineFailure], None]] = None,
        on_batch: Optional[Callable[[int, int], None]] = None,
        carries: Optional[Sequence[Callable[[], LineCarry]]] = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.redact = redact
        self.out = out
        self.config = config if config is not None else StreamConfig()
        self.clock = clock
        self.stats = StreamStats(clock=clock)
        self.on_line_error = on_line_error
        self.on_batch = on_batch
        factories = DEFAULT_CARRIES if carries is None else carries
        self._carries: List[LineCarry] = [make() for make in factories]

    def carried(self, lines: Sequence[Line]) -> List[Optional[str]]:
        """Tell the carries each line, in stream order; per line, the claiming label or None.

        lines (Sequence[Line]): the next lines of the stream.
        RETURNS (List[Optional[str]]): for `redact_lines`.
        """
        if self.config.jsonl or not self._carries:
            return [None] * len(lines)
        out: List[Optional[str]] = []
        for line in lines:
            label: Optional[str] = None
            for carry in self._carries:
                # Every carry sees every line (each keeps its own state).
                if carry.is_body(line.content) and label is None:
                    label = carry.label
            out.append(label)
        return out

    def process_batch(self, lines: Sequence[Line]) -> None:
        """Redact a batch, write its output lines in order and flush.

        lines (Sequence[Line]): the batch.
        RAISES (LineRedactionError): a line failed and on_error is `fail`; the lines before
            it have been written and flushed.
        """
        if not lines:
            return
        self.write(redact_lines(lines, self.redact, self.config, self.carried(lines)), lines)

    def write(self, result: BatchResult, lines: Sequence[Line]) -> None:
        """Write a redacted batch, count it and tell the callbacks.

        result (BatchResult): from `redact_lines`.
        lines (Sequence[Line]): the batch's input lines.
        RAISES (LineRedactionError): the batch ended on a line that failed with `fail`.
        """
        if self.on_line_error is not None:
            for failure in result.failures:
                self.on_line_error(failure)
        data = b"".join(o for o in result.outputs if o is not None)
        if data:
            self.out.write(data)
        self.out.flush()
        done = lines[: len(result.outputs)]
        n_bytes = sum(len(line.content) + len(line.ending) for line in done)
        self.stats.add(result, n_bytes)
        if self.on_batch is not None:
            self.on_batch(len(done), n_bytes)
        if result.fatal is not None:
            raise result.fatal

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
            self.stats.stop()
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
                        item = q.get(timeout=max(0.0, deadline - self.clock()))
                    else:
                        item = _get_waking(q)
                except queue.Empty:
                    self.process_batch(batch)
                    batch = []
                    continue
                if isinstance(item, End):
                    self.process_batch(batch)
                    batch = []
                    if item.error is not None:
                        raise item.error
                    break
                if not batch:
                    deadline = self.clock() + cfg.max_wait
                batch.append(item)
                if len(batch) >= cfg.batch_size:
                    self.process_batch(batch)
                    batch = []
        finally:
            reader.stop()
            self.stats.stop()
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

"""Reading a stream: sources, raw lines with their endings, the reader thread, bytes <-> text.

- A reader thread reads raw bytes (os.read on a real file descriptor, so a line is handed
  over as soon as its newline arrives, e.g. from `tail -f`), splits them into lines that
  keep their ending (b"\\n", b"\\r\\n", or none for a last line without one) and puts them
  into a bounded queue, so a fast producer cannot fill memory.
- Lines are decoded with errors="surrogateescape" and re-encoded the same way, so bytes
  that are not valid UTF-8 survive byte-exact where they are not PII.
"""
import os
import queue
import re
import threading
from dataclasses import dataclass
from typing import BinaryIO, Callable, Dict, Iterator, List, Optional, Pattern, Sequence, Tuple, Union

from ..errors import Errors, SpacyPIIError

STDIN_NAME = "<stdin>"
_READ_SIZE = 1 << 16


class StreamReadError(SpacyPIIError):
    """An input could not be read (the OSError's message is left out: it may hold a path)."""

    def __init__(self, source: str, exc_type: str) -> None:
        self.source = source
        self.exc_type = exc_type
        super().__init__(Errors.E206.format(source=source, exc_type=exc_type))


@dataclass(frozen=True)
class Line:
    """One input line: where it comes from, its content and its ending, as bytes."""

    source: str
    number: int
    content: bytes
    ending: bytes


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


def stream_raw_lines(stream: BinaryIO) -> Iterator[bytes]:
    """The lines of an open binary stream, each as soon as its b"\\n" arrives.

    stream (BinaryIO): e.g. stdin's buffer (nothing may have been read from it yet).
    YIELDS (bytes): the lines, each keeping its b"\\n" (a last one may lack it).
    """
    return iter_raw_lines(_reader_for(stream))


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


def _source_lines(source: InputSource) -> Iterator[Line]:
    """The lines of one source, numbered from 1. RAISES (OSError): reading failed."""
    number = 0
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


def iter_lines(sources: Sequence[InputSource]) -> Iterator[Line]:
    """Read every source in order and yield its lines, numbered from 1 per source.

    One line out per line in: a source whose last line lacks a line ending does not run
    into the next source's first line (as `cat` would join them). That line gets the
    ending of the line before it in its source (b"\\n" if it has none) once a later line
    is known to follow; a missing ending is kept only at the very end of all the input.
    The held line is yielded as soon as the next line or the end arrives.

    sources (Sequence[InputSource]): what to read.
    YIELDS (Line): each line, content and ending split.
    RAISES (StreamReadError): a source could not be read; its earlier lines were yielded.
    """
    held: Optional[Line] = None  # an unterminated last line, waiting to see if more follow
    for i, source in enumerate(sources):
        last_ending = b"\n"
        try:
            for line in _source_lines(source):
                if held is not None:
                    yield held
                    held = None
                if line.ending:
                    last_ending = line.ending
                    yield line
                elif i + 1 < len(sources):
                    held = Line(line.source, line.number, line.content, last_ending)
                else:
                    yield line  # the very end of the input: kept without an ending
        except OSError as e:
            if held is not None:  # the input ends here: its lines before the failure come out
                yield Line(held.source, held.number, held.content, b"")
            raise StreamReadError(source.name, type(e).__name__) from None
    if held is not None:
        # No line followed: the end of the whole input, so the ending stays missing.
        yield Line(held.source, held.number, held.content, b"")


class End:
    """Queue marker: the reader is done (error is set when it failed)."""

    def __init__(self, error: Optional[BaseException] = None) -> None:
        self.error = error


class LineReader:
    """A daemon thread that reads lines into a bounded queue, then puts one `End`.

    lines (Iterator[Line]): where lines come from (e.g. `iter_lines(sources)`).
    maxsize (int): most lines held in the queue.
    """

    def __init__(self, lines: Iterator[Line], maxsize: int) -> None:
        self.queue: "queue.Queue[Union[Line, End]]" = queue.Queue(maxsize=max(1, maxsize))
        self._lines = lines
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="spacy-pii-reader", daemon=True)

    def start(self) -> "LineReader":
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the reader to stop at its next queue hand-over (it may be blocked in read)."""
        self._stop.set()

    def _put(self, item: Union[Line, End]) -> bool:
        while not self._stop.is_set():
            try:
                self.queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        end = End()
        try:
            for line in self._lines:
                if not self._put(line):
                    return
        except BaseException as e:  # handed to the main thread, which re-raises it
            end = End(e)
        self._put(end)


# --- bytes <-> text ----------------------------------------------------------------------


def decode(content: bytes) -> str:
    """Bytes to text; bytes that are not UTF-8 become lone surrogates (surrogateescape)."""
    return content.decode("utf-8", errors="surrogateescape")


def encode(text: str) -> bytes:
    """Text to bytes; the inverse of `decode`, so invalid bytes come back as they were."""
    return text.encode("utf-8", errors="surrogateescape")


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

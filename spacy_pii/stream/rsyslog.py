"""rsyslog's `mmexternal` protocol: redact every message rsyslog hands over, in flight.

What rsyslog 8.2302 (Debian 12) does with an external message modification plugin,
measured (docs/rsyslog.md) and read in its `plugins/mmexternal/mmexternal.c`:

- it writes one message and b"\\n" to the plugin's stdin (with `interface.input="msg"` the
  MSG property, control characters already escaped as `#011`; with "fulljson" the whole
  message object as one JSON line), then blocks until it has read one reply line: one
  message at a time, no timeout;
- the reply is a JSON object of the properties to change: `{"msg": ...}` replaces MSG, a
  `"$!"` object is merged into the message's variables, `{}` changes nothing;
- the plugin runs with an empty environment, cwd `/`, SIGINT ignored, and its stderr on the
  same pipe as its stdout: a stray line on stderr is read as a reply;
- it fails open: an invalid reply, a plugin that exits or crashes, or a binary that is
  missing lets the original message through unchanged.

So this side answers every message with exactly one JSON line, flushed, and nothing else
ever reaches the pipe (`protect_stdio`). Each reply that carries a redacted MSG also sets
`$!spacy_pii!redacted` to "1" and, with fulljson, `$!spacy_pii!id` to the message's uuid.
The documented rsyslog config sends a message on only when both are there and the id equals
the message's own `$uuid`; everything else (rsyslog's fail-open cases, a reply that landed
on the wrong message) goes to a quarantine file. Fail closed end to end.

The library half: no typer, no exit, no print; diagnostics go to a callback, as coded
messages with line numbers and exception types, never text.
"""
import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO, Callable, Dict, Optional, Tuple, Union

import orjson

from ..errors import Errors
from .loop import LineFailure, OnError, RedactFn, StreamConfig, redact_lines
from .reading import Line, stream_raw_lines

SOURCE_NAME = "<rsyslog>"
# The `$!` subtree each reply sets: $!spacy_pii!redacted, $!spacy_pii!id.
MARK_KEY = "spacy_pii"
# A reply that changes nothing. It leaves the message unmarked, so the config quarantines it.
UNMARKED = b"{}\n"


class RsyslogInput(str, Enum):
    """The `interface.input` of the mmexternal action (its "rawmsg" is not supported: the
    reply would have to rebuild the syslog header)."""

    MSG = "msg"
    FULLJSON = "fulljson"


@dataclass
class RsyslogStats:
    """Counts of one plugin process (numbers only, never values).

    messages (int): messages answered.
    marked (int): replies with a redacted MSG and the mark (sent on by the config).
    unmarked (int): replies without the mark (quarantined by the config).
    failed (int): messages whose redaction failed (masked: marked; else unmarked).
    """

    messages: int = 0
    marked: int = 0
    unmarked: int = 0
    failed: int = 0
    spans: Dict[str, int] = field(default_factory=dict)


def protect_stdio(log_file: Optional[Union[str, Path]]) -> BinaryIO:
    """Keep the pipe to rsyslog for replies: return it as a stream of its own, and point
    file descriptors 1 and 2 elsewhere, so nothing another library prints or warns can be
    read by rsyslog as a reply (it reads stdout and stderr on one pipe).

    fd 2 goes to `log_file` (appended, created 0600) or /dev/null: the command's diagnostics
    are coded and hold no input text. fd 1 goes to /dev/null.

    log_file (Optional[Union[str, Path]]): where diagnostics go; an absolute path (rsyslog
        starts the plugin in /).
    RETURNS (BinaryIO): the reply stream (unbuffered: each reply is one write).
    RAISES (OSError): the log file cannot be opened; fds 1 and 2 are then unchanged.
    """
    if log_file is not None:
        target = os.open(os.fspath(log_file), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    else:
        target = os.open(os.devnull, os.O_WRONLY)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        replies = os.dup(1)
        os.dup2(devnull, 1)
        os.dup2(target, 2)
    finally:
        os.close(devnull)
        os.close(target)
    return os.fdopen(replies, "wb", buffering=0)


def _reply(msg: str, uuid: Optional[str]) -> bytes:
    mark: Dict[str, str] = {"redacted": "1"}
    if uuid is not None:
        mark["id"] = uuid
    return orjson.dumps({"msg": msg, "$!": {MARK_KEY: mark}}) + b"\n"


class RsyslogRedactor:
    """Answer rsyslog's messages one by one: redact MSG, mark the reply.

    redact (RedactFn): redacts a list of texts (see `spacy_pii.stream.nlp_redact_fn`).
    input_format (RsyslogInput): the action's `interface.input`.
    on_error (OnError): a message whose redaction fails: mask-line replies with it masked
        (marked: nothing of it is readable); drop-line and fail leave it unmarked, so the
        config quarantines it (rsyslog would restart a plugin that exits at every message).
    on_diagnostic (Optional[Callable[[str], None]]): told each coded diagnostic (no text).
    """

    def __init__(
        self,
        redact: RedactFn,
        input_format: RsyslogInput = RsyslogInput.FULLJSON,
        *,
        on_error: OnError = OnError.MASK_LINE,
        on_diagnostic: Optional[Callable[[str], None]] = None,
    ) -> None:
        self.redact = redact
        self.input_format = RsyslogInput(input_format)
        # One message is one line: no JSONL, no batching, and a failure never stops the loop.
        self.config = StreamConfig(
            batch_size=1, on_error=OnError.MASK_LINE if on_error == OnError.MASK_LINE else OnError.DROP_LINE
        )
        self.on_diagnostic = on_diagnostic
        self.stats = RsyslogStats()
        self._said_no_uuid = False

    def _tell(self, message: str) -> None:
        if self.on_diagnostic is not None:
            self.on_diagnostic(message)

    def _parse(self, content: bytes, number: int) -> Tuple[Optional[str], Optional[str], bool]:
        """(msg text, uuid, ok) of one input line; ok False: answer unmarked."""
        if self.input_format == RsyslogInput.MSG:
            return content.decode("utf-8", errors="surrogateescape"), None, True
        reason = ""
        try:
            obj: Any = orjson.loads(content)
        except orjson.JSONDecodeError:
            obj, reason = None, "invalid JSON"
        if not reason and not isinstance(obj, dict):
            reason = "not an object"
        elif not reason and not isinstance(obj.get("msg"), str):
            reason = "no string msg"
        if reason:
            # orjson's message may quote the input: only a fixed reason is told.
            self._tell(Errors.E230.format(source=SOURCE_NAME, line=number, reason=reason))
            return None, None, False
        uuid = obj.get("uuid")
        if not isinstance(uuid, str) or not uuid:
            if not self._said_no_uuid:
                self._said_no_uuid = True
                self._tell(Errors.E231.format(source=SOURCE_NAME, line=number))
            # Redacted all the same, so the quarantine holds less PII; but unmarked.
            return obj["msg"], None, False
        return obj["msg"], uuid, True

    def answer(self, raw: bytes, number: int) -> bytes:
        """The one reply line for one input line. Never raises for a message: whatever goes
        wrong is answered unmarked (quarantined by the config).

        raw (bytes): the line as read, b"\\n" included.
        number (int): its number in this process, from 1 (for diagnostics).
        RETURNS (bytes): one JSON object and b"\\n".
        """
        self.stats.messages += 1
        try:
            reply, marked = self._answer(raw[:-1] if raw.endswith(b"\n") else raw, number)
        except Exception as e:
            self._tell(Errors.E234.format(source=SOURCE_NAME, line=number, exc_type=type(e).__name__))
            reply, marked = UNMARKED, False
        if marked:
            self.stats.marked += 1
        else:
            self.stats.unmarked += 1
        return reply

    def _answer(self, content: bytes, number: int) -> Tuple[bytes, bool]:
        text, uuid, ok = self._parse(content, number)
        if text is None:
            return UNMARKED, False
        line = Line(SOURCE_NAME, number, text.encode("utf-8", errors="surrogateescape"), b"")
        result = redact_lines([line], self.redact, self.config)
        for failure in result.failures:
            self.stats.failed += 1
            self._tell(_failure_message(failure))
        for label, n in result.spans.items():
            self.stats.spans[label] = self.stats.spans.get(label, 0) + n
        output = result.outputs[0] if result.outputs else None
        if output is None:  # dropped: the original stays, and is quarantined
            return UNMARKED, False
        # Bytes that are not UTF-8 cannot travel in JSON: they become U+FFFD.
        redacted = output.decode("utf-8", errors="replace")
        if not ok:
            return orjson.dumps({"msg": redacted}) + b"\n", False
        return _reply(redacted, uuid), True

    def run(self, stdin: BinaryIO, replies: BinaryIO) -> RsyslogStats:
        """Answer every line of `stdin` on `replies`, one flushed line each, until the end.

        stdin (BinaryIO): the pipe from rsyslog.
        replies (BinaryIO): the pipe to rsyslog (see `protect_stdio`).
        RETURNS (RsyslogStats): the counts.
        RAISES (BrokenPipeError): rsyslog closed the pipe.
        """
        for number, raw in enumerate(stream_raw_lines(stdin), start=1):
            replies.write(self.answer(raw, number))
            replies.flush()
        return self.stats


def _failure_message(failure: LineFailure) -> str:
    action = "masked (sent on)" if failure.action == "masked" else "left unmarked (quarantined)"
    return Errors.E207.format(source=failure.source, line=failure.line, exc_type=failure.exc_type, action=action)

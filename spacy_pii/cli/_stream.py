"""How a streaming command (`redact`, `restore`) ends: the exit code of each way a stream
stops, and a diagnostic on stderr that never holds input text. And the rsyslog mode of
`redact` (`--rsyslog`): its option checks and its run."""
import os
import sys
import traceback
from pathlib import Path
from typing import Any, BinaryIO, Callable, List, Optional

from ..errors import Errors
from ..operators.core import KEY_ENV
from ..stream import LineRedactionError, OnError, StreamReadError, nlp_redact_fn
from ..stream.rsyslog import RsyslogInput, RsyslogRedactor, protect_stdio
from ._util import (
    EXIT_INTERRUPTED,
    EXIT_LINE_FAILED,
    EXIT_OK,
    EXIT_UNEXPECTED,
    UsageError,
    debug_enabled,
    err,
    flush_quietly,
    silence_stdout,
)


def run_stream(out: BinaryIO, body: Callable[[], object], line_failed: Callable[[LineRedactionError], str]) -> int:
    """Run a stream to its end and turn the way it stopped into an exit code.

    out (BinaryIO): the data output (flushed on the way out).
    body (Callable[[], object]): runs the stream.
    line_failed (Callable[[LineRedactionError], str]): the message for a line that failed
        with --on-error fail.
    RETURNS (int): the exit code.
    """
    try:
        body()
        return EXIT_OK
    except LineRedactionError as e:
        flush_quietly(out)
        err(line_failed(e))
        return EXIT_LINE_FAILED
    except StreamReadError as e:
        flush_quietly(out)
        err(str(e))
        return EXIT_UNEXPECTED
    except BrokenPipeError:
        # The reader of stdout is gone (`| head`): what it wanted was written; stop quietly.
        silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        flush_quietly(out)
        return EXIT_INTERRUPTED
    except BaseException as e:
        # Not only Exception: SystemExit(text) from a component would print its message.
        # SPACY_PII_DEBUG must be exactly "1": the traceback may hold input text.
        if debug_enabled():
            raise
        frames = traceback.extract_tb(e.__traceback__)
        where = f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else "?"
        err(Errors.E209.format(exc_type=type(e).__name__, where=where))
        return EXIT_UNEXPECTED


def rsyslog_replies(
    rsyslog: Optional[RsyslogInput],
    log_file: Optional[Path],
    *,
    files: List[str],
    jsonl: bool,
    workers: int,
    mapping_out: Optional[Path],
    progress: bool,
) -> Optional[BinaryIO]:
    """Set up `redact --rsyslog` before anything else can write: the pipe to rsyslog keeps
    fd 1's place for replies only, and stderr (so every later diagnostic, usage errors
    included) goes to `log_file` or /dev/null, never to rsyslog.

    rsyslog (Optional[RsyslogInput]): the --rsyslog value; None: not the rsyslog mode.
    log_file (Optional[Path]): the --log-file value.
    files, jsonl, workers, mapping_out, progress: the other options, which do not apply.
    RETURNS (Optional[BinaryIO]): the reply stream, or None when not in the rsyslog mode.
    RAISES (UsageError): options that do not go with --rsyslog (written to the log file);
        --log-file without --rsyslog (stderr is still stderr).
    RAISES (OSError): the log file cannot be opened (nothing was redirected).
    """
    if rsyslog is None:
        if log_file is not None:
            raise UsageError(Errors.E233)
        return None
    replies = protect_stdio(log_file)
    bad = [
        what
        for what, used in [
            ("FILE arguments", bool(files)),
            ("--jsonl (use interface.input=\"fulljson\")", jsonl),
            ("--workers above 1 (rsyslog runs one plugin per action worker)", workers > 1),
            ("--mapping-out", mapping_out is not None),
            ("--progress", progress),
        ]
        if used
    ]
    if bad:
        raise UsageError(Errors.E232.format(what=", ".join(bad)))
    # The key comes from --key-file only: rsyslog starts plugins with an empty environment,
    # and a manual run must behave as rsyslog's does.
    os.environ.pop(KEY_ENV, None)
    return replies


def run_rsyslog(
    replies: BinaryIO, nlp: Any, policy: Any, rsyslog: RsyslogInput, on_error: OnError, stats: bool
) -> int:
    """Answer rsyslog's messages until it closes the pipe: the rsyslog mode's run.

    replies (BinaryIO): from `rsyslog_replies`.
    nlp (Language): the loaded pipeline (loaded before the first message is read).
    policy (RedactionPolicy): the effective policy.
    rsyslog (RsyslogInput): the action's interface.input.
    on_error (OnError): what a message whose redaction fails becomes.
    stats (bool): write the counts to the log at the end.
    RETURNS (int): the exit code.
    """
    redactor = RsyslogRedactor(nlp_redact_fn(nlp, policy=policy), rsyslog, on_error=on_error, on_diagnostic=err)
    try:
        return run_stream(replies, lambda: redactor.run(sys.stdin.buffer, replies), str)
    finally:
        if stats:
            s = redactor.stats
            spans = ", ".join(f"{label} {n}" for label, n in sorted(s.spans.items()))
            err(f"messages: {s.messages} (marked {s.marked}, unmarked {s.unmarked}, failed {s.failed})"
                + (f"; spans: {spans}" if spans else ""))

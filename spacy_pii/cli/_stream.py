"""How a streaming command (`redact`, `restore`) ends: the exit code of each way a stream
stops, and a diagnostic on stderr that never holds input text."""
import os
import traceback
from typing import BinaryIO, Callable

from ..errors import Errors
from ..stream import LineRedactionError, StreamReadError
from ._util import (
    EXIT_INTERRUPTED,
    EXIT_LINE_FAILED,
    EXIT_OK,
    EXIT_UNEXPECTED,
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

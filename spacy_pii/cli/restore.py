"""`spacy-pii restore [FILE ...]`: put back the values the `encrypt` operator replaced.

Reads a stream redacted with `--operator encrypt` (or `--operator-for LABEL=encrypt`) and
writes it with every `[LABEL:enc.TOKEN]` replaced by the value it encrypts: one line out per
line in, in order, same line endings, bytes that are not UTF-8 kept, `--jsonl` values restored
inside their JSON strings. The same streaming loop as `redact`, with decryption as the
transform. Only whoever holds the key can do this; a wrong key or an altered token is a
coded error naming the line (E503/E504), never a guess and never the token.

Exit codes:
    0    ok; also when stdout's reader goes away early (`... | head`).
    1    unexpected error, or an input could not be read.
    2    bad usage: no key, a key too short, missing FILE.
    4    a line did not restore and --on-error is fail (the lines before it were written).
    130  interrupted (Ctrl-C); the lines restored so far were written.
"""
import sys
from pathlib import Path
from typing import BinaryIO, List, Optional

import typer

from ..errors import Errors, SpacyPIIError
from ..operators.core import load_key
from ..operators.restore import describe, failure_message, restore_runner
from ..stream import LineFailure, LineRedactionError, OnError, StreamConfig, StreamRedactor, sources_from_args
from ._app import app
from ._stream import run_stream
from ._util import EXIT_USAGE, UsageError, check_sources, err, print_stats


@app.command("restore")
def restore_cli(
    files: Optional[List[str]] = typer.Argument(
        None,
        metavar="FILE",
        help="Redacted input files, read as bytes, in order; none or '-' reads stdin.",
        show_default=False,
    ),
    key_file: Optional[Path] = typer.Option(
        None,
        "--key-file",
        help="The key the stream was encrypted with (else env SPACY_PII_KEY).",
        show_default=False,
    ),
    old_key_file: Optional[List[Path]] = typer.Option(
        None,
        "--old-key-file",
        help="An older key, tried after the current one (key rotation; repeatable).",
        show_default=False,
    ),
    jsonl: bool = typer.Option(
        False, "--jsonl", help="Each line is a JSON object: restore inside its string values."
    ),
    on_error: OnError = typer.Option(
        OnError.MASK_LINE,
        "--on-error",
        case_sensitive=False,
        help="A line with a token that does not decrypt: mask-line (every non-space char -> *), "
        "drop-line, or fail (exit 4).",
    ),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Most lines per batch."),
    max_wait: float = typer.Option(
        50.0, "--max-wait", min=0.0, help="Milliseconds to wait for a batch to fill."
    ),
    stats: bool = typer.Option(
        False, "--stats", help="Print counts on stderr at the end (never values)."
    ),
) -> None:
    """Restore the values of a stream redacted with the encrypt operator, from FILEs or
    stdin to stdout.

    One output line per input line, same order and line endings. A line with a token that
    does not decrypt (wrong key, altered token) is never written half restored (see
    --on-error).

    Exit codes: 0 ok (also when stdout is closed early); 1 unexpected error or unreadable
    input; 2 bad usage (no key); 4 a line failed with --on-error fail; 130 interrupted.
    """
    out: BinaryIO = sys.stdout.buffer
    try:
        check_sources(files or [])
        keys = [load_key(key_file)] + [load_key(path) for path in old_key_file or []]
        config = StreamConfig(batch_size=batch_size, max_wait=max_wait / 1000.0, jsonl=jsonl, on_error=on_error)
        runner: StreamRedactor = restore_runner(keys, out, config, on_line_error=_on_line_error)  # type: ignore[arg-type]
    except (UsageError, SpacyPIIError) as e:  # no key, a short key, a missing file: no text in them
        err(str(e))
        raise typer.Exit(EXIT_USAGE) from None
    try:
        code = run_stream(out, lambda: runner.run(sources_from_args(files or [], sys.stdin.buffer)), _line_failed)
    finally:
        if stats:
            print_stats(runner.stats, jsonl)
    if code:
        raise typer.Exit(code)


def _on_line_error(failure: LineFailure) -> None:
    err(failure_message(failure))


def _line_failed(e: LineRedactionError) -> str:
    return Errors.E504.format(source=e.source, line=e.line, reason=describe(e.exc_type))

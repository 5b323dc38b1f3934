"""`spacy-pii redact [FILE ...]`: stream lines of text or JSONL through a PII pipeline.

Reads bytes from the files (or stdin when there is none, or for "-"), writes one redacted
line per input line to stdout, in order, with the same line endings. Lines are batched
(`--batch-size` lines or `--max-wait` ms after the first line of a batch), so a slow
stream (`tail -f`) gets each line out at once and a fast one is batched for throughput.
Stdout carries data only; every diagnostic goes to stderr, and no diagnostic ever holds
text from the input: line numbers, labels and exception types only.

Exit codes:
    0    ok; also when stdout's reader goes away early (`... | head`): the command
         stops quietly, as `head` asked for no more.
    1    unexpected error, or an input could not be read.
    2    bad usage or options: unknown label or operator, missing FILE, an operator
         that needs a key (hash) without one.
    3    the model could not be loaded, or it has no pii_redactor component.
    4    a line could not be redacted and --on-error is fail (the lines before it
         were written).
    130  interrupted (Ctrl-C); the lines redacted so far were written.

SPACY_PII_DEBUG=1 (exactly "1"; off by default) re-raises an unexpected error with its full
traceback instead of the one-line E209 message. That traceback and the exception's message
may contain input text, i.e. PII: use it only on test data, never on a production stream.
"""
import os
import re
import sys
import warnings
from pathlib import Path
from typing import Any, BinaryIO, Callable, Dict, List, Optional, Sequence, Tuple

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from ..errors import Errors, SpacyPIIError, Warnings
from ..operators.core import RedactionPolicy
from ..operators.crypto import MappingWriter, with_mapping
from ..operators.policy import build_policy, effective_policy
from ..operators.thresholds import parse_threshold_for
from ..pipeline.redactor import PIIRedactor, find_redactor
from ..stream import (
    InputSource,
    LineFailure,
    OnError,
    ParallelStreamRedactor,
    PipelineRedactFn,
    StreamConfig,
    StreamRedactor,
    nlp_redact_fn,
    parse_key_path,
    sources_from_args,
)
from ..stream.rsyslog import RsyslogInput
from ._app import app
from ._stream import rsyslog_replies, run_rsyslog, run_stream
from ._util import (
    DEFAULT_MODEL,
    EXIT_INTERRUPTED,
    EXIT_MODEL,
    EXIT_USAGE,
    ModelError,
    UsageError,
    check_sources,
    debug_enabled,
    err,
    err_console,
    load_model,
    parse_operator_for,
    print_stats,
)


def _overrides(
    operator: Optional[str],
    operator_for: Sequence[str],
    mask_char: Optional[str],
    keep_last: Optional[int],
    key_file: Optional[Path],
    labels: Optional[str],
    threshold: Optional[float],
    threshold_for: Sequence[str],
) -> Dict[str, Any]:
    """The options as overrides of the model's policy (`effective_policy`), checked now, before
    the model loads: a typo or a missing key fails at once. RAISES UsageError or ValueError."""
    overrides: Dict[str, Any] = {
        "operator": operator,
        "operators": parse_operator_for(operator_for) or None,
        "mask_char": mask_char,
        "keep_last": keep_last,
        "key_file": key_file,
        "labels": labels.split(",") if labels is not None else None,
        "threshold": threshold,
        "thresholds": parse_threshold_for(threshold_for) or None,
    }
    build_policy(**overrides)
    return overrides


_WARNING_CODE = re.compile(r"\s*(\[W\d{3}\])")


def _show_warning_without_text(
    message: Any, category: Any, filename: str, lineno: int, file: Any = None, line: Any = None
) -> None:
    """`warnings.showwarning` for the redact command: category, code and place, no message.

    A component may warn with the text it was given (spaCy's W102 quotes user data), and a
    warning goes to stderr, next to the redacted stream.
    """
    found = _WARNING_CODE.match(str(message))
    err(
        Warnings.W200.format(
            category=getattr(category, "__name__", "Warning"),
            code=f" {found.group(1)}" if found else "",
            where=f"{os.path.basename(filename)}:{lineno}",
        )
    )


def _check_parallel(policy: RedactionPolicy, mapping_out: Optional[Path]) -> None:
    """What one process keeps for the whole stream cannot be split over workers: the
    numbering of an unkeyed pseudonym, and the surrogate mapping file."""
    ops = {policy.operator, *policy.per_label.values()}
    if "pseudonym" in ops and policy.key is None:
        raise UsageError(Errors.E704.format(what="the unkeyed pseudonym operator (it numbers values per stream)",
                                            fix="give a key (--key-file or SPACY_PII_KEY)"))
    if mapping_out is not None:
        raise UsageError(Errors.E704.format(what="--mapping-out", fix="drop --workers"))


def _find_redactor(nlp: Any, model: str) -> PIIRedactor:
    try:
        return find_redactor(nlp)[1]
    except SpacyPIIError as e:
        raise ModelError(f"{model!r}: {e}") from None


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_hook(sources: Sequence[InputSource]) -> Tuple[Callable[[int, int], None], Progress]:

    sizes = [s.size() for s in sources]
    total = None if any(n is None for n in sizes) else sum(n or 0 for n in sizes)
    progress = Progress(
        TextColumn("redact"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )
    task = progress.add_task("redact", total=total)

    def on_batch(lines: int, n_bytes: int) -> None:
        progress.advance(task, n_bytes)

    return on_batch, progress


@app.command("redact")
def redact_cli(
    files: Optional[List[str]] = typer.Argument(
        None,
        metavar="FILE",
        help="Input files, read as bytes, in order; none or '-' reads stdin.",
        show_default=False,
    ),
    model: str = typer.Option(
        DEFAULT_MODEL, "--model", "-m", help="Pipeline with a pii_redactor: package name or path."
    ),
    jsonl: bool = typer.Option(
        False, "--jsonl", help="Each line is a JSON object: redact its string values, keep keys."
    ),
    key: Optional[List[str]] = typer.Option(
        None,
        "--key",
        help="With --jsonl: dotted key path to redact (repeatable; a step through an array "
        "applies to each element). Default: every string value.",
        show_default=False,
    ),
    labels: Optional[str] = typer.Option(
        None, "--labels", help="Comma-separated labels to redact (default: all the model has)."
    ),
    operator: Optional[str] = typer.Option(
        None, "--operator", help="Replacement: tag|mask|hash|pseudonym|remove|encrypt|surrogate "
        "(default: the model's configured operator; tag for en_pii).", show_default=False,
    ),
    operator_for: Optional[List[str]] = typer.Option(
        None,
        "--operator-for",
        help="Per-label operator, LABEL=OP (repeatable), e.g. EMAIL_ADDRESS=hash.",
        show_default=False,
    ),
    mask_char: Optional[str] = typer.Option(
        None, "--mask-char", help="Character the mask operator writes.", show_default=False
    ),
    keep_last: Optional[int] = typer.Option(
        None, "--keep-last", min=0, help="Digits the mask operator leaves visible at the end of card, phone, IBAN and "
        "SSN numbers.",
        show_default=False,
    ),
    key_file: Optional[Path] = typer.Option(
        None,
        "--key-file",
        help="Secret key for hash, keyed pseudonym and other keyed operators (else env SPACY_PII_KEY).",
        show_default=False,
    ),
    mapping_out: Optional[Path] = typer.Option(
        None,
        "--mapping-out",
        help="With the surrogate operator: write value -> surrogate to this file, encrypted "
        "with the key (read it back with spacy_pii.operators.crypto.read_mapping).",
        show_default=False,
    ),
    threshold: Optional[float] = typer.Option(
        None,
        "--threshold",
        min=0.0,
        max=1.0,
        help="Leave spans scoring under this unredacted (default: the model's pii_redactor "
        "threshold, 0 unless configured). `spacy-pii evaluate` suggests one.",
        show_default=False,
    ),
    threshold_for: Optional[List[str]] = typer.Option(
        None,
        "--threshold-for",
        help="Per-label threshold, LABEL=SCORE (repeatable), e.g. PERSON=0.6.",
        show_default=False,
    ),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Most lines per batch."),
    workers: int = typer.Option(
        1, "--workers", min=1, help="Processes redacting batches, each with its own pipeline; "
        "lines still come out in input order. Use the number of cores for a fast stream."
    ),
    max_wait: float = typer.Option(
        50.0, "--max-wait", min=0.0, help="Milliseconds to wait for a batch to fill."
    ),
    on_error: OnError = typer.Option(
        OnError.MASK_LINE,
        "--on-error",
        case_sensitive=False,
        help="A line whose redaction fails: mask-line (every non-space char -> *), "
        "drop-line, or fail (exit 4).",
    ),
    stats: bool = typer.Option(
        False, "--stats", help="Print counts on stderr at the end (never values)."
    ),
    progress: bool = typer.Option(
        False, "--progress", help="Progress bar on stderr (files only, when stderr is a terminal)."
    ),
    rsyslog: Optional[RsyslogInput] = typer.Option(
        None, "--rsyslog", case_sensitive=False, help="Be an rsyslog mmexternal plugin for this "
        "interface.input (msg or fulljson): one marked JSON reply per message, nothing on stderr, "
        "key from --key-file only. See docs/rsyslog.md.", show_default=False,
    ),
    log_file: Optional[Path] = typer.Option(
        None, "--log-file", help="With --rsyslog: append diagnostics here (codes, never text); "
        "default: none kept.", show_default=False,
    ),
) -> None:
    """Redact PII in lines of text or JSONL, streaming from FILEs or stdin to stdout.

    One output line per input line, same order and line endings; invalid UTF-8 bytes
    survive where they are not PII. A line that cannot be redacted is never written as it
    came (see --on-error).

    Exit codes: 0 ok (also when stdout is closed early, e.g. `| head`); 1 unexpected
    error or unreadable input; 2 bad usage or options (also hash without a key);
    3 model not loadable; 4 a line failed with --on-error fail; 130 interrupted.
    """
    try:
        replies = rsyslog_replies(rsyslog, log_file, files=list(files or []), jsonl=jsonl,
                                  workers=workers, mapping_out=mapping_out, progress=progress)
    except UsageError as e:
        err(str(e))
        raise typer.Exit(EXIT_USAGE) from None
    except OSError:  # the log file: nowhere to say so but the reply pipe, which must stay clean
        raise typer.Exit(EXIT_USAGE) from None
    with warnings.catch_warnings():
        if not debug_enabled():
            warnings.showwarning = _show_warning_without_text
        code = _redact_main(
            files=list(files or []),
            model=model,
            jsonl=jsonl,
            key_paths=list(key or []),
            labels=labels,
            operator=operator,
            operator_for=list(operator_for or []),
            mask_char=mask_char,
            keep_last=keep_last,
            key_file=key_file,
            mapping_out=mapping_out,
            threshold=threshold,
            threshold_for=list(threshold_for or []),
            batch_size=batch_size,
            workers=workers,
            max_wait_ms=max_wait,
            on_error=on_error,
            stats=stats,
            progress=progress,
            rsyslog=rsyslog,
            replies=replies,
        )
    if code:
        raise typer.Exit(code)


def _redact_main(
    *,
    files: List[str],
    model: str,
    jsonl: bool,
    key_paths: List[str],
    labels: Optional[str],
    operator: Optional[str],
    operator_for: List[str],
    mask_char: Optional[str],
    keep_last: Optional[int],
    key_file: Optional[Path],
    mapping_out: Optional[Path],
    threshold: Optional[float],
    threshold_for: List[str],
    batch_size: int,
    workers: int,
    max_wait_ms: float,
    on_error: OnError,
    stats: bool,
    progress: bool,
    rsyslog: Optional[RsyslogInput] = None,
    replies: Optional[BinaryIO] = None,
) -> int:
    out: BinaryIO = sys.stdout.buffer
    mapping: Optional[MappingWriter] = None
    try:
        check_sources(files)
        if key_paths and not jsonl:
            raise UsageError(Errors.E210)
        paths = [parse_key_path(k) for k in key_paths] if key_paths else None
        overrides = _overrides(
            operator, operator_for, mask_char, keep_last, key_file, labels, threshold, threshold_for
        )
    except (UsageError, ValueError) as e:
        err(str(e))
        return EXIT_USAGE
    try:
        nlp = load_model(model)
        component = _find_redactor(nlp, model)
    except ModelError as e:
        err(str(e))
        return EXIT_MODEL
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    try:
        # The one rule: the model's own policy (its config) with the options over it.
        policy = effective_policy(component.policy, **overrides)
        if workers > 1:
            _check_parallel(policy, mapping_out)
        if mapping_out is not None:
            policy, mapping = with_mapping(policy, mapping_out)
    except (UsageError, ValueError) as e:
        err(str(e))
        return EXIT_USAGE
    if rsyslog is not None and replies is not None:
        return run_rsyslog(replies, nlp, policy, rsyslog, on_error, stats)
    config = StreamConfig(
        batch_size=batch_size, max_wait=max_wait_ms / 1000.0, jsonl=jsonl, key_paths=paths, on_error=on_error
    )
    sources = sources_from_args(files, sys.stdin.buffer)
    on_batch: Optional[Callable[[int, int], None]] = None
    progress_bar: Optional[Progress] = None
    if progress and any(s.path for s in sources) and _stderr_is_tty():
        on_batch, progress_bar = _progress_hook(sources)

    def on_line_error(failure: LineFailure) -> None:
        err(failure.message())

    runner: StreamRedactor
    if workers > 1:
        # Each worker loads its own pipeline; this one is not needed any more.
        del nlp
        threads = max(1, (os.cpu_count() or 1) // workers)
        runner = ParallelStreamRedactor(
            PipelineRedactFn(model, policy, threads), out, config, workers=workers,
            on_line_error=on_line_error, on_batch=on_batch,
        )
    else:
        runner = StreamRedactor(
            nlp_redact_fn(nlp, policy=policy), out, config, on_line_error=on_line_error, on_batch=on_batch
        )

    def body() -> None:
        if progress_bar is None:
            runner.run(sources)
            return
        with progress_bar:
            runner.run(sources)

    try:
        return run_stream(out, body, str)
    finally:
        if mapping is not None:
            mapping.close()
        if stats:
            print_stats(runner.stats, jsonl)

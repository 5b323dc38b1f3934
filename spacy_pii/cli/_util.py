"""Helpers shared by the CLI commands: the model loader, the exit codes, the default model,
the debug switch. Diagnostics go to stderr, data to stdout."""
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Dict, Sequence, Union

import typer
from rich.console import Console
from spacy.language import Language

from ..api import DEFAULT_MODEL
from ..errors import Errors
from ..labels import check_labels
from ..operators.core import check_operator

if TYPE_CHECKING:
    from ..stream import StreamStats

__all__ = [
    "DEBUG_ENV",
    "DEFAULT_MODEL",
    "EXIT_INTERRUPTED",
    "EXIT_LINE_FAILED",
    "EXIT_MODEL",
    "EXIT_OK",
    "EXIT_UNEXPECTED",
    "EXIT_USAGE",
    "ModelError",
    "UsageError",
    "check_sources",
    "debug_enabled",
    "err",
    "err_console",
    "flush_quietly",
    "load_model",
    "load_pipeline",
    "model_hint",
    "parse_operator_for",
    "print_stats",
    "silence_stdout",
]

err_console = Console(stderr=True, highlight=False)

# Exit codes shared by the commands (see each command's help).
EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_MODEL = 3
EXIT_LINE_FAILED = 4
EXIT_INTERRUPTED = 130

# SPACY_PII_DEBUG=1 shows full tracebacks, which may quote input text (PII).
DEBUG_ENV = "SPACY_PII_DEBUG"


def debug_enabled() -> bool:
    """Whether SPACY_PII_DEBUG is exactly "1" ("0", "true" or an empty value leave it off:
    a traceback may print input text, so only an explicit "1" turns it on)."""
    return os.environ.get(DEBUG_ENV) == "1"


class UsageError(Exception):
    """Bad options: message for stderr, exit code 2."""


class ModelError(Exception):
    """The model cannot be used: message for stderr, exit code 3."""


def err(message: str) -> None:
    """Write a diagnostic to stderr as plain text (no markup, no wrapping)."""
    err_console.print(message, markup=False, highlight=False, soft_wrap=True)


def model_hint(model: str) -> str:
    """The next step for a model that cannot be loaded (a path, the default, or a package)."""
    if os.sep in model or model.startswith(".") or Path(model).exists():
        return (
            f"{model} is not a loadable spaCy pipeline directory (one with config.cfg, as "
            "written by nlp.to_disk or `spacy package`): check the path, or pass --model NAME."
        )
    if model == DEFAULT_MODEL:
        return (
            f"{model} is not installed: run `make demo`, or pip install the package in "
            "packages/, or pass --model PATH."
        )
    return f"{model} is not installed: pip install its package, or pass --model PATH."


def load_model(model: Union[str, Path]) -> Language:
    """Load a pipeline by package name or path: the one model loader of the CLI.

    model (Union[str, Path]): package name or pipeline directory.
    RETURNS (Language): the pipeline.
    RAISES (ModelError): E200 with the reason and a next step.
    """
    import spacy

    try:
        return spacy.load(model)
    except Exception as e:
        # Loading reads no input, so its message holds no PII; keep it short.
        first = (str(e).strip().splitlines() or [""])[0][:200]
        reason = type(e).__name__ + (f": {first}" if first else "")
        raise ModelError(Errors.E200.format(model=str(model), reason=reason, hint=model_hint(str(model)))) from None


def load_pipeline(model: Union[str, Path]) -> Language:
    """`load_model`, or exit with code 3 and the E200 message on stderr."""
    try:
        return load_model(model)
    except ModelError as e:
        err(str(e))
        raise typer.Exit(EXIT_MODEL) from None


def parse_operator_for(values: Sequence[str]) -> Dict[str, str]:
    """`--operator-for LABEL=OP` values (repeatable) -> {LABEL: OP}, each label and operator
    checked. RAISES UsageError (malformed) or ValueError (unknown label or operator)."""
    per_label: Dict[str, str] = {}
    for value in values:
        label, sep, op = value.partition("=")
        checked = check_labels([label]) if label.strip() else []
        if not sep or len(checked) != 1:
            raise UsageError(Errors.E203.format(value=value))
        per_label[checked[0]] = check_operator(op, f" for label {checked[0]}")
    return per_label


def silence_stdout() -> None:
    """Point fd 1 at /dev/null so the exit-time flush cannot fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def flush_quietly(stream: BinaryIO) -> None:
    """Flush the data output; if its reader is gone, silence stdout instead of failing."""
    try:
        stream.flush()
    except (OSError, ValueError):
        silence_stdout()


def check_sources(files: Sequence[str]) -> None:
    """FILE arguments of a streaming command: each "-" (stdin) or a regular file.
    RAISES UsageError (E204)."""
    for f in files:
        if f != "-" and not os.path.isfile(f):
            raise UsageError(Errors.E204.format(path=f))


def print_stats(stats: "StreamStats", jsonl: bool) -> None:
    """The `--stats` summary of a stream, on stderr (counts and labels only)."""
    try:
        err(stats.summary(jsonl=jsonl))
    except (OSError, ValueError):
        pass

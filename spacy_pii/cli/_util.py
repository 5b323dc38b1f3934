"""Helpers shared by the CLI commands: diagnostics go to stderr, data to stdout."""
from pathlib import Path
from typing import Dict, Sequence, Union

import typer
from rich.console import Console
from spacy.language import Language

err_console = Console(stderr=True, highlight=False)

# Exit codes shared by the commands (see each command's help).
EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_MODEL = 3


class UsageError(Exception):
    """Bad options: message for stderr, exit code 2."""


class ModelError(Exception):
    """The model cannot be used: message for stderr, exit code 3."""


def err(message: str) -> None:
    """Write a diagnostic to stderr as plain text (no markup, no wrapping)."""
    err_console.print(message, markup=False, highlight=False, soft_wrap=True)


def load_pipeline(model: Union[str, Path]) -> Language:
    """Load a pipeline by package name or path, or exit with code 3 and a next step."""
    import spacy

    try:
        return spacy.load(model)
    except OSError:
        err_console.print(
            f"Cannot load the pipeline {str(model)!r}: it is not an installed package or a "
            "pipeline directory. For en_pii run `make demo` (installs packages/en_pii-*.whl), "
            "or `pip install packages/en_pii-*.whl`, or pass --model PATH.",
            markup=False,
        )
        raise typer.Exit(EXIT_MODEL)


def parse_operator_for(values: Sequence[str]) -> Dict[str, str]:
    """`--operator-for LABEL=OP` values (repeatable) -> {LABEL: OP}, each label and operator
    checked. RAISES UsageError (malformed) or ValueError (unknown label or operator)."""
    from ..errors import Errors
    from ..labels import check_labels
    from ..operators import check_operator

    per_label: Dict[str, str] = {}
    for value in values:
        label, sep, op = value.partition("=")
        checked = check_labels([label]) if label.strip() else []
        if not sep or len(checked) != 1:
            raise UsageError(Errors.E203.format(value=value))
        per_label[checked[0]] = check_operator(op, f" for label {checked[0]}")
    return per_label

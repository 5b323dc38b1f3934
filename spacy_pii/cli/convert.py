"""`spacy-pii convert IN.jsonl OUT.spacy`: JSONL spans -> DocBin for `spacy train`."""
from pathlib import Path

import typer

from ..corpus import ALIGNMENT_MODES, convert
from ..errors import SpacyPIIError
from ..labels import LABELS
from ._app import app
from ._util import err_console


@app.command("convert")
def convert_cli(
    in_path: Path = typer.Argument(..., help="JSONL input: text + spans/entities/span_labels"),
    out_path: Path = typer.Argument(..., help="DocBin output (.spacy)"),
    alignment: str = typer.Option(
        "expand", "--alignment", help="Snap spans off token boundaries: expand|contract|strict"
    ),
    any_label: bool = typer.Option(
        False, "--any-label", help="Accept labels outside the spacy-pii scheme"
    ),
) -> None:
    """Convert a JSONL corpus to spaCy's binary format. Writes nothing if any line is bad."""
    if alignment not in ALIGNMENT_MODES:
        err_console.print(f"--alignment must be one of {', '.join(ALIGNMENT_MODES)}")
        raise typer.Exit(2)
    try:
        summary = convert(in_path, out_path, alignment=alignment, labels=None if any_label else LABELS)
    except SpacyPIIError as e:
        err_console.print(str(e), markup=False, highlight=False)
        raise typer.Exit(1) from None
    err_console.print(
        f"Wrote {summary.docs} docs, {summary.spans} spans to {out_path}: "
        f"{summary.snapped} snapped to token boundaries ({alignment}), {summary.dropped} dropped.",
        markup=False,
        highlight=False,
    )
    if summary.snapped_at or summary.dropped_at:
        where = ", ".join(f"line {line} span {i}" for line, i in (summary.snapped_at + summary.dropped_at)[:10])
        err_console.print(f"First snapped/dropped spans: {where}", markup=False, highlight=False)


"""`spacy-pii review DATA.jsonl --out report.html`: a self-contained HTML review of a pipeline's
redactions, with its errors (leaks, false positives, label and boundary mix-ups) first.

The terminal gets counts and labels only (on stderr; stdout stays empty). The report holds the
raw text of every document.

Gold labels are mapped onto the scheme with --label-map (as in `evaluate`); labels with no
mapping are dropped and listed on stderr.

Exit codes: 0 ok, 1 unreadable or invalid data, 2 --out is a directory or a bad --label-map,
3 model not loadable or without a pii_redactor.
"""
from pathlib import Path
from typing import List

import typer
from rich.table import Table

from ..errors import Errors, SpacyPIIError
from ..evaluation.review import (
    ERROR_KINDS,
    KIND_TITLES,
    Review,
    ReviewInput,
    read_review_jsonl,
    render_html,
    review,
    write_report,
)
from ._app import app
from ._util import DEFAULT_MODEL, EXIT_MODEL, EXIT_UNEXPECTED, EXIT_USAGE, err_console, load_pipeline
from .evaluate import LABEL_MAP_HELP, read_label_map, report_dropped, scores_table


def _confusions_table(result: Review) -> Table:
    table = Table(title="label mix-ups (gold -> predicted)")
    for col in ("gold", "predicted", "same span", "overlap"):
        table.add_column(col, justify="left" if col in ("gold", "predicted") else "right")
    cells = sorted(result.confusions.items(), key=lambda kv: -sum(kv[1].values()))
    for (gold, pred), counts in cells:
        table.add_row(gold, pred, *(str(n) for n in counts.values()))
    return table


def _policy_table(result: Review) -> Table:
    table = Table(title="would be redacted")
    table.add_column("label")
    table.add_column("spans", justify="right")
    for label, n in sorted(result.pred_counts.items()):
        table.add_row(label, str(n))
    return table


@app.command("review")
def review_cli(
    data: Path = typer.Argument(
        ..., help="JSONL records: text, with gold spans to score, or without for a policy review"
    ),
    out: Path = typer.Option(..., "--out", "-o", help="The HTML report to write"),
    model: str = typer.Option(
        DEFAULT_MODEL, "--model", "-m", help="Pipeline with a pii_redactor: package name or path"
    ),
    limit: int = typer.Option(0, "--limit", min=0, help="Review at most this many records (0: all)"),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="nlp.pipe batch size"),
    label_map: List[str] = typer.Option([], "--label-map", help=LABEL_MAP_HELP),
) -> None:
    """Write one self-contained HTML report (no network, inline CSS and JS) of what a pipeline
    redacts: every document highlighted, with leaks (missed PII), false positives and label or
    boundary mix-ups marked and listed first, P/R/F1 per label and a confusion table when the
    records have gold spans, and filters by label and error kind. Records without spans show
    what would be redacted, for a policy review.

    The report contains the raw text of every document: treat it as sensitive, like the data.

    The terminal gets counts and labels only.

    Gold labels of other schemes are mapped with --label-map; unmapped ones are dropped and listed.

    Exit codes: 0 ok, 1 bad data, 2 --out is a directory or a bad --label-map, 3 model unloadable
    or no pii_redactor."""
    if out.is_dir():
        err_console.print(Errors.E211.format(path=out), markup=False)
        raise typer.Exit(EXIT_USAGE)
    mapping = read_label_map(label_map)
    try:
        items = read_review_jsonl(data, limit=limit or None, labels=None)
    except SpacyPIIError as e:
        err_console.print(str(e), markup=False)
        raise typer.Exit(EXIT_UNEXPECTED) from None
    items = [
        ReviewInput(i.text, mapping.map_spans(i.gold) if i.gold is not None else None, i.line) for i in items
    ]
    report_dropped(mapping)
    nlp = load_pipeline(model)
    try:
        result = review(nlp, items, batch_size=batch_size)
    except SpacyPIIError as e:  # no pii_redactor in the pipeline
        err_console.print(str(e), markup=False)
        raise typer.Exit(EXIT_MODEL) from None
    write_report(out, render_html(result, data_name=data.name, model_name=str(model)))
    if result.scored_docs:
        err_console.print(scores_table(result.scores, f"{data.name}: {result.scored_docs} docs with gold"))
        err_console.print(
            f"leak rate {result.scores.leak_rate:.4f}  over-redaction {result.scores.over_redaction:.4f}"
        )
        counts = result.error_counts()
        err_console.print(
            f"{result.docs_with_errors()} of {len(result.docs)} docs with errors: "
            + ", ".join(f"{counts[k]} {KIND_TITLES[k]}" for k in ERROR_KINDS)
        )
        if result.confusions:
            err_console.print(_confusions_table(result))
    else:
        err_console.print(_policy_table(result))
    err_console.print(
        f"Wrote {out} ({len(result.docs)} docs). It contains the raw text of every document: "
        "treat it as sensitive.",
        markup=False,
    )

"""`spacy-pii evaluate MODEL DATA.jsonl`: exact-span P/R/F1 per label, leak rate, over-redaction."""
from pathlib import Path
from typing import Optional

import orjson
import typer
from rich.table import Table

from ..corpus import read_jsonl
from ..errors import SpacyPIIError
from ..evaluate import Scores, evaluate
from ._app import app
from ._util import err_console, load_pipeline


def scores_table(scores: Scores, title: str) -> Table:
    """A rich table of per-label and averaged scores (counts and rates only)."""
    table = Table(title=title)
    for col in ("label", "P", "R", "F1", "gold"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for label, s in sorted(scores.per_label.items()):
        table.add_row(label, f"{s.p:.3f}", f"{s.r:.3f}", f"{s.f:.3f}", str(s.tp + s.fn))
    micro = scores.micro()
    table.add_row("micro", f"{micro.p:.3f}", f"{micro.r:.3f}", f"{micro.f:.3f}", str(micro.tp + micro.fn))
    table.add_row("macro F1", "", "", f"{scores.macro_f():.3f}", "")
    return table


@app.command("evaluate")
def evaluate_cli(
    model: str = typer.Argument(..., help="Pipeline package name or path"),
    data: Path = typer.Argument(..., help="Gold JSONL (text + spans)"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write metrics JSON here"),
    ner_only: bool = typer.Option(False, "--ner-only", help="Score the NER alone, not NER + detectors"),
    limit: int = typer.Option(0, "--limit", help="Score at most this many records (0: all)"),
) -> None:
    """Score a pipeline on gold spans: P/R/F1 per label (exact spans), micro and macro; leak rate
    and over-redaction by character, label-blind. Exit codes: 0 ok, 1 bad data, 3 model not loadable."""
    nlp = load_pipeline(model)
    try:
        records = list(read_jsonl(data))
    except SpacyPIIError as e:
        err_console.print(str(e), markup=False)
        raise typer.Exit(1)
    scores = evaluate(nlp, records, ner_only=ner_only, limit=limit or None)
    view = "NER only" if ner_only else "NER + detectors"
    err_console.print(scores_table(scores, f"{data.name}: {view}"))
    err_console.print(
        f"leak rate {scores.leak_rate:.4f}  over-redaction {scores.over_redaction:.4f}  "
        f"({scores.docs} docs, {scores.docs / max(scores.seconds, 1e-9):.1f} docs/s)"
    )
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        result = scores.to_dict()
        result.update({"model": str(model), "data": str(data), "view": view})
        output.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))

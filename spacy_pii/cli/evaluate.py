"""`spacy-pii evaluate MODEL DATA.jsonl`: P/R/F1 per label (exact and overlap), leak rate per gold
label, over-redaction, a precision-recall table over score thresholds and a reliability table."""
from dataclasses import asdict
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import orjson
import typer
from rich.table import Table

from ..corpus import Record, read_jsonl
from ..errors import SpacyPIIError
from ..evaluation.evaluate import (
    DEFAULT_BINS,
    DEFAULT_GRID,
    DEFAULT_MAX_LEAK,
    ReliabilityBin,
    Scores,
    ThresholdRow,
    evaluate,
    reliability_table,
    suggest_threshold,
    threshold_table,
)
from ..evaluation.label_map import LabelMap, parse_label_map, unmapped_report
from ._app import app
from ._util import EXIT_USAGE, err, err_console, load_pipeline

LABEL_MAP_HELP = (
    "Map the data's labels onto ours: a preset (presidio, ontonotes), a JSON file "
    "{\"THEIRS\": \"OURS\"}, or THEIRS=OURS (THEIRS= ignores a label). Repeatable; later wins. "
    "Gold labels with no mapping are dropped and listed on stderr."
)


def scores_table(scores: Scores, title: str) -> Table:
    """A rich table of per-label and averaged scores (counts and rates only): exact-span P/R/F1,
    overlap F1, and the label-blind leak rate of each gold label's characters."""
    table = Table(title=title)
    for col in ("label", "P", "R", "F1", "overlap F1", "leak", "gold"):
        table.add_column(col, justify="left" if col == "label" else "right")
    leaks = scores.leak_rate_by_label()
    for label, s in sorted(scores.per_label.items()):
        o = scores.overlap.get(label)
        leak = f"{leaks[label]:.3f}" if label in leaks else ""
        overlap_f = f"{o.f:.3f}" if o is not None else ""
        table.add_row(label, f"{s.p:.3f}", f"{s.r:.3f}", f"{s.f:.3f}", overlap_f, leak, str(s.tp + s.fn))
    micro, lenient = scores.micro(), scores.overlap_micro()
    table.add_row(
        "micro", f"{micro.p:.3f}", f"{micro.r:.3f}", f"{micro.f:.3f}", f"{lenient.f:.3f}",
        f"{scores.leak_rate:.3f}", str(micro.tp + micro.fn),
    )
    table.add_row("macro F1", "", "", f"{scores.macro_f():.3f}", "", "", "")
    return table


def threshold_rich_table(rows: Sequence[ThresholdRow], suggested: Optional[ThresholdRow]) -> Table:
    """The precision-recall table over score thresholds; the suggested row is marked."""
    table = Table(title="score thresholds (spans scoring under the threshold dropped; * suggested)")
    for col in ("threshold", "P", "R", "F1", "leak", "over-redaction", "spans", ""):
        table.add_column(col, justify="right")
    for row in rows:
        mark = "*" if row is suggested else ""
        table.add_row(
            f"{row.threshold:.2f}", f"{row.p:.3f}", f"{row.r:.3f}", f"{row.f:.3f}",
            f"{row.leak_rate:.4f}", f"{row.over_redaction:.4f}", str(row.spans), mark,
        )
    return table


def reliability_rich_table(bins: Sequence[ReliabilityBin], ece: float) -> Table:
    """Score bins against observed exact-span precision, with the ECE in the title."""
    table = Table(title=f"reliability (exact-span precision by score bin), ECE {ece:.3f}")
    for col in ("score bin", "spans", "mean score", "precision"):
        table.add_column(col, justify="right")
    for b in bins:
        closing = "]" if b.high >= 1.0 else ")"
        table.add_row(f"[{b.low:.1f}, {b.high:.1f}{closing}", str(b.n), f"{b.mean_score:.3f}", f"{b.precision:.3f}")
    return table


def read_label_map(specs: Sequence[str]) -> LabelMap:
    """`--label-map` values -> LabelMap, or exit 2 with the coded message."""
    try:
        return parse_label_map(specs)
    except SpacyPIIError as e:
        err(str(e))
        raise typer.Exit(EXIT_USAGE) from None


def report_dropped(label_map: LabelMap) -> None:
    """List dropped gold labels with their span counts on stderr (labels and counts only)."""
    for line in unmapped_report(label_map):
        err(line)


def map_records(records: Sequence[Record], label_map: LabelMap) -> List[Record]:
    """The records with their gold spans mapped onto the scheme."""
    return [Record(r.text, label_map.map_spans(r.spans), r.line, r.meta) for r in records]


@app.command("evaluate")
def evaluate_cli(
    model: str = typer.Argument(..., help="Pipeline package name or path"),
    data: Path = typer.Argument(..., help="Gold JSONL (text + spans)"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write metrics JSON here"),
    ner_only: bool = typer.Option(False, "--ner-only", help="Score the NER alone, not NER + detectors"),
    limit: int = typer.Option(0, "--limit", help="Score at most this many records (0: all)"),
    label_map: List[str] = typer.Option([], "--label-map", help=LABEL_MAP_HELP),
    max_leak: float = typer.Option(
        DEFAULT_MAX_LEAK, "--max-leak", min=0.0, max=1.0,
        help="Suggest the highest threshold whose leak rate is at most this",
    ),
) -> None:
    """Score a pipeline on gold spans: P/R/F1 per label on exact spans (micro and macro) and on
    overlapping spans; leak rate (overall and per gold label) and over-redaction by character,
    label-blind; P/R/F1 and leak over a grid of score thresholds, with the highest threshold that
    keeps the leak rate under --max-leak; a reliability table (score bins against precision) and
    its Expected Calibration Error. Exit codes: 0 ok, 1 bad data, 2 bad options, 3 model not
    loadable."""
    mapping = read_label_map(label_map)
    try:
        raw = list(read_jsonl(data, labels=None))
    except SpacyPIIError as e:
        err_console.print(str(e), markup=False)
        raise typer.Exit(1) from None
    records = map_records(raw[:limit] if limit else raw, mapping)
    report_dropped(mapping)
    nlp = load_pipeline(model)
    scores = evaluate(nlp, records, ner_only=ner_only)
    view = "NER only" if ner_only else "NER + detectors"
    err_console.print(scores_table(scores, f"{data.name}: {view}"))
    err_console.print(
        f"leak rate {scores.leak_rate:.4f}  over-redaction {scores.over_redaction:.4f}  "
        f"PII-free texts changed {scores.clean_changed_rate:.4f} (of {scores.clean_docs})  "
        f"({scores.docs} docs, {scores.docs / max(scores.seconds, 1e-9):.1f} docs/s)"
    )
    rows = threshold_table(scores.examples, DEFAULT_GRID)
    suggested = suggest_threshold(rows, max_leak)
    err_console.print(threshold_rich_table(rows, suggested))
    if suggested is None:
        err(f"No threshold keeps the leak rate at or under {max_leak:.4f}, not even 0.")
    else:
        err(
            f"Suggested threshold {suggested.threshold:.2f}: leak {suggested.leak_rate:.4f} "
            f"<= {max_leak:.4f}, P {suggested.p:.3f} R {suggested.r:.3f} F1 {suggested.f:.3f}."
        )
    bins, ece = reliability_table(scores.calibration, DEFAULT_BINS)
    err_console.print(reliability_rich_table(bins, ece))
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        result: Dict[str, object] = dict(scores.to_dict())
        result.update(
            {
                "model": str(model),
                "data": str(data),
                "view": view,
                "thresholds": [asdict(row) for row in rows],
                "suggested_threshold": suggested.threshold if suggested is not None else None,
                "max_leak": max_leak,
                "reliability": {"bins": [asdict(b) for b in bins], "ece": ece},
                "unmapped_labels": dict(mapping.unmapped),
                "ignored_labels": dict(mapping.ignored),
            }
        )
        output.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))

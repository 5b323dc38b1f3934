"""spacy-pii generate: write the synthetic train/dev/test corpus and summarise it on stderr."""
from pathlib import Path
from typing import Dict, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..generate import DEFAULT_SIZES, SPLITS, SplitStats, count_templates, generate_corpus
from ..labels import LABELS
from ._app import app


def stats_table(stats: Dict[str, SplitStats], misaligned: Optional[Dict[str, float]] = None) -> Table:
    """The summary table: spans per label and split, then examples, PII-free share and words.

    stats (Dict[str, SplitStats]): split -> counts.
    misaligned (Optional[Dict[str, float]]): split -> share of spans off token boundaries.
    RETURNS (Table): the rich table (counts only, never values).
    """
    splits = [s for s in SPLITS if s in stats] + [s for s in stats if s not in SPLITS]
    table = Table(title="spacy-pii synthetic corpus", title_justify="left")
    table.add_column("label")
    for split in splits:
        table.add_column(split, justify="right")
    for label in LABELS:
        table.add_row(label, *(f"{stats[s].labels.get(label, 0):,}" for s in splits))
    table.add_section()
    table.add_row("examples", *(f"{stats[s].examples:,}" for s in splits))
    table.add_row("no-PII share", *(f"{stats[s].negative_share:.1%}" for s in splits))
    table.add_row("words", *(f"{stats[s].words:,}" for s in splits))
    if misaligned is not None:
        table.add_row("misaligned spans", *(f"{misaligned.get(s, 0.0):.2%}" for s in splits))
    return table


@app.command("generate")
def generate_cli(
    out: Path = typer.Option(..., "--out", "-o", help="Output directory for train/dev/test.jsonl."),
    seed: int = typer.Option(0, "--seed", help="Random seed; same seed and sizes give identical files."),
    n_train: int = typer.Option(DEFAULT_SIZES["train"], "--n-train", min=0, help="Training examples."),
    n_dev: int = typer.Option(DEFAULT_SIZES["dev"], "--n-dev", min=0, help="Development examples."),
    n_test: int = typer.Option(DEFAULT_SIZES["test"], "--n-test", min=0, help="Test examples."),
    check_alignment: bool = typer.Option(
        False, "--check-alignment/--no-check-alignment",
        help="Also report the share of spans off spaCy token boundaries (tokenizes the corpus).",
    ),
) -> None:
    """Generate the synthetic PII corpus (transcripts, chat, e-mail, logs, prose) as JSONL."""
    err = Console(stderr=True)
    try:
        stats = generate_corpus(out, seed=seed, n_train=n_train, n_dev=n_dev, n_test=n_test)
    except (ValueError, OSError) as exc:
        # Messages are coded and carry paths and sizes only, never generated values.
        err.print(f"[red]generate failed:[/red] {exc}", markup=True, highlight=False)
        raise typer.Exit(code=1) from None
    misaligned: Optional[Dict[str, float]] = None
    if check_alignment:
        from ..generate.alignment import check_alignment as check
        from ..generate.writer import read_jsonl

        misaligned = {split: check(read_jsonl(out / f"{split}.jsonl")).share for split in stats}
    err.print(stats_table(stats, misaligned))
    err.print(f"{count_templates()} templates; wrote {', '.join(f'{s}.jsonl' for s in stats)} to {out}", highlight=False)

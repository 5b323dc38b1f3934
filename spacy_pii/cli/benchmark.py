"""`spacy-pii benchmark [--model en_pii] [--fp32 PATH]`: latency, throughput, memory, load time
and size of a pipeline, and of an int8 build beside its fp32 original.

Each model and torch thread setting is measured in a fresh Python process. Stdout carries the
data only: the Markdown table with --markdown, else the JSON report (unless --output is given);
progress and the human-readable table go to stderr.

Exit codes:
    0    ok.
    1    a measuring process failed.
    2    bad options (--threads, sizes).
    3    a model is not an installed package or a pipeline directory.
"""
import os
import sys
from pathlib import Path
from typing import List, Optional

import orjson
import typer
from rich.table import Table

from ..benchmark.model import (
    BenchmarkReport,
    BenchmarkSettings,
    markdown_table,
    resolve_model,
    run_benchmark,
    summary_rows,
)
from ..errors import Errors, SpacyPIIError
from ._app import app
from ._util import DEFAULT_MODEL, EXIT_MODEL, EXIT_UNEXPECTED, EXIT_USAGE, err_console


def parse_threads(value: str) -> List[int]:
    """`1,2` -> [1, 2]; raises ValueError unless every item is a positive integer."""
    items = [v.strip() for v in value.split(",") if v.strip()]
    threads = [int(v) for v in items]
    if not threads or any(t < 1 for t in threads):
        raise ValueError(value)
    return list(dict.fromkeys(threads))


def report_table(report: BenchmarkReport) -> Table:
    """A rich table of the summary rows, for stderr."""
    table = Table(title="spacy-pii benchmark")
    labels = [m.label for m in report.models]
    with_ratio = len(labels) == 2
    table.add_column("metric")
    for label in labels + (["int8/fp32"] if with_ratio else []):
        table.add_column(label, justify="right")
    for name, values, ratio, decimals in summary_rows(report):
        cells = ["n/a" if v is None else f"{v:,.{decimals}f}" for v in values]
        if with_ratio:
            cells.append("n/a" if ratio is None else f"{ratio:.2f}x")
        table.add_row(name, *cells)
    return table


def _usage(option: str, rule: str, value: object) -> typer.Exit:
    err_console.print(Errors.E322.format(option=option, rule=rule, value=value), markup=False)
    return typer.Exit(EXIT_USAGE)


@app.command("benchmark")
def benchmark_cli(
    model: str = typer.Option(
        DEFAULT_MODEL, "--model", "-m",
        help="Pipeline to measure, package name or path (the int8 one when --fp32 is given)",
    ),
    fp32: Optional[str] = typer.Option(
        None, "--fp32", help="fp32 pipeline (package or path) to measure beside --model"
    ),
    n_latency: int = typer.Option(300, "--n-latency", help="Utterances timed one by one"),
    n_lines: int = typer.Option(2000, "--n-lines", help="Log lines for the nlp.pipe throughput"),
    batch_size: int = typer.Option(64, "--batch-size", "-b", help="nlp.pipe batch size"),
    threads: str = typer.Option("1,2", "--threads", help="torch thread settings, comma-separated"),
    warmup: int = typer.Option(20, "--warmup", help="Calls before timing starts"),
    seed: int = typer.Option(0, "--seed", help="Seed of the generated texts"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the JSON report here"),
    markdown: bool = typer.Option(
        False, "--markdown", help="Print a Markdown table (metric x fp32, int8, int8/fp32) to stdout"
    ),
    timeout: float = typer.Option(
        0, "--timeout", help="Seconds before a measuring process is killed (0: no limit)"
    ),
    python: Optional[str] = typer.Option(
        None, "--python", help="Interpreter for the --model runs and `spacy-pii redact` "
        "(e.g. .venv-runtime/bin/python: what users install, no torch); default: this one"
    ),
    workers: str = typer.Option(
        "1,2", "--workers", help="`spacy-pii redact --workers` settings to run end to end "
        "(comma-separated; empty: none)"
    ),
    stream_lines: int = typer.Option(3000, "--stream-lines", help="Log lines piped through redact"),
    presidio_model: Optional[str] = typer.Option(
        None, "--presidio-model", help="spaCy NER package Presidio runs with (e.g. "
        "en_core_web_sm); measured on the same lines, one thread, when presidio is installed"
    ),
    serve: bool = typer.Option(
        False, "--serve", help="Instead: `spacy-pii serve` under load, requests/s and p50/p95 at "
        "concurrency 1, 8, 32, one line per request and batches of 100 (spacy_pii/serve/bench.py)"
    ),
    serve_url: Optional[str] = typer.Option(
        None, "--serve-url", help="With --serve: measure this running server (default: start one)"
    ),
    serve_workers: int = typer.Option(2, "--serve-workers", help="With --serve: the started server's --workers"),
    presidio_url: Optional[str] = typer.Option(
        None, "--presidio-url", help="With --serve: Presidio's analyzer REST server, measured beside it"
    ),
    n: int = typer.Option(500, "--n", help="With --serve: requests per measurement (a tenth for batches)"),
) -> None:
    """Measure batch-1 latency (p50/p95/p99) on short support-chat utterances, nlp.pipe
    throughput on log lines, peak RSS, cold load time and size on disk, each model and thread
    setting in a fresh process; fp32 and int8 side by side with --fp32.
    Exit codes: 0 ok, 1 a measurement failed, 2 bad options, 3 model not found."""
    if serve:
        from ..serve.bench import run_serve_benchmark, serve_markdown

        if n < 1:
            raise _usage("--n", "at least 1", n)
        try:
            serve_report = run_serve_benchmark(
                model=model, workers=serve_workers, url=serve_url, presidio_url=presidio_url, n=n, seed=seed,
                python=python or sys.executable,
                on_progress=lambda msg: err_console.print(msg, markup=False, highlight=False),
            )
        except (SpacyPIIError, RuntimeError, OSError) as e:
            err_console.print(str(e), markup=False)
            raise typer.Exit(EXIT_UNEXPECTED) from None
        serve_data = orjson.dumps(serve_report.to_dict(), option=orjson.OPT_INDENT_2)
        if output is not None:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(serve_data + b"\n")
        sys.stdout.write(serve_markdown(serve_report) if markdown else serve_data.decode("utf8") + "\n")
        sys.stdout.flush()
        return
    try:
        thread_list = parse_threads(threads)
    except ValueError:
        raise _usage("--threads", "comma-separated positive integers", repr(threads)) from None
    for option, value, low in (("--n-latency", n_latency, 1), ("--n-lines", n_lines, 1),
                               ("--batch-size", batch_size, 1), ("--warmup", warmup, 0)):
        if value < low:
            raise _usage(option, f"at least {low}", value)
    for name in [model] + ([fp32] if fp32 else []):
        try:
            resolve_model(name)
        except SpacyPIIError as e:
            err_console.print(str(e), markup=False)
            raise typer.Exit(EXIT_MODEL) from None

    try:
        load = os.getloadavg()[0]
    except OSError:
        load = 0.0
    cpus = os.cpu_count() or 1
    if load > 0.5 * cpus:
        err_console.print(
            f"Note: load average {load:.1f} on {cpus} CPUs; other work on this machine makes "
            "the figures noisy and slow.", markup=False,
        )
    settings = BenchmarkSettings(n_latency=n_latency, n_lines=n_lines, batch_size=batch_size,
                                 warmup=warmup, seed=seed)
    worker_list = parse_threads(workers) if workers.strip() else []
    interpreter = python or sys.executable
    say = lambda msg: err_console.print(msg, markup=False, highlight=False)  # noqa: E731
    stream = None
    try:
        report = run_benchmark(
            model, fp32, threads=thread_list, settings=settings, timeout=timeout or None,
            on_progress=say, python=interpreter,
        )
        if worker_list or presidio_model:
            from ..benchmark.stream import run_stream_benchmark

            say(f"spacy-pii redact --workers {workers} and Presidio on {stream_lines} log lines ...")
            stream = run_stream_benchmark(
                model, python=interpreter, workers=worker_list, n_lines=stream_lines, seed=seed,
                presidio_model=presidio_model,
            )
    except (SpacyPIIError, RuntimeError) as e:
        err_console.print(str(e), markup=False)
        raise typer.Exit(EXIT_UNEXPECTED) from None

    full = report.to_dict()
    if stream is not None:
        full["stream"] = stream.to_dict()
    data = orjson.dumps(full, option=orjson.OPT_INDENT_2)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data + b"\n")
        err_console.print(f"JSON report written to {output}", markup=False)
    if markdown:
        sys.stdout.write(markdown_table(report))
        if stream is not None:
            from ..benchmark.stream import stream_markdown

            sys.stdout.write("\n" + stream_markdown(stream))
    else:
        err_console.print(report_table(report))
        if output is None:
            sys.stdout.write(data.decode("utf8") + "\n")
    sys.stdout.flush()

"""`spacy-pii spark-redact IN OUT --column text`: redact a column of a dataset with Spark.

Reads IN (parquet, JSON lines or CSV with a header) with Spark, redacts one string column
with `spacy_pii.spark.redact_column`, and writes OUT (a directory of part files, in the same
format) with every other column and the row order kept: a monotonically increasing id is
added before any repartitioning, the output is sorted by it, then it is dropped. Part files
hold consecutive rows: read them in name order (pandas and pyarrow do).

Runs under spark-submit too, with the same options (`spacy_pii/spark/__main__.py`):
    spark-submit --master yarn $(python -c 'import spacy_pii.spark.__main__ as m; print(m.__file__)') IN OUT --column text
or `python -m spacy_pii.spark IN OUT --column text`.

SPACY_PII_DEBUG=1 (exactly "1"; off by default) re-raises a failed job's error in full instead
of the one-line E411 message; that error may quote input text, i.e. PII.

Diagnostics go to stderr: options, then the number of rows and rows/s; never text.

Exit codes:
    0  ok.
    1  unexpected error, or the Spark job failed.
    2  bad usage or options: unknown label, operator or format, missing column, OUT exists.
    3  the model is not a pipeline directory or an installed package (local masters only;
       on a cluster the executors may have packages the driver lacks).
"""
import os
import re
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import typer

from ..errors import Errors
from ..operators.core import KEY_ENV, load_key
from ..spark import make_spec, redact_column, require_spark, task_cpus
from ._app import app
from ._util import (
    DEFAULT_MODEL,
    EXIT_INTERRUPTED,
    EXIT_MODEL,
    EXIT_OK,
    EXIT_UNEXPECTED,
    EXIT_USAGE,
    ModelError,
    UsageError,
    debug_enabled,
    err,
    model_hint,
    parse_operator_for,
)

FORMATS = ("parquet", "json", "csv")
SUFFIX_FORMATS = {".parquet": "parquet", ".pq": "parquet", ".json": "json", ".jsonl": "json",
                  ".ndjson": "json", ".csv": "csv"}
ROW_ID = "__spacy_pii_row_id"
# RFC 4180 quoting (Spark's default escape is a backslash), quoted newlines in chat text,
# and no trimming (Spark's writer strips leading and trailing spaces by default).
CSV_OPTIONS = {
    "header": "true", "multiLine": "true", "quote": '"', "escape": '"',
    "ignoreLeadingWhiteSpace": "false", "ignoreTrailingWhiteSpace": "false",
}


def _input_format(path: str, fmt: Optional[str]) -> str:
    if fmt is None:
        return SUFFIX_FORMATS.get(Path(path.rstrip("/")).suffix.lower(), "parquet")
    if fmt.lower() not in FORMATS:
        raise UsageError(Errors.E409.format(fmt=fmt, valid=", ".join(FORMATS)))
    return fmt.lower()


def _is_local_path(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def _is_local_master(master: Optional[str]) -> bool:
    if master is not None:
        return master.startswith("local")
    # No --master: spark-submit's (it started the JVM and set the gateway), else local[*].
    return "PYSPARK_GATEWAY_PORT" not in os.environ


def _check_model(model: str, ship_model: bool, local: bool) -> None:
    import spacy

    looks_like_path = os.sep in model or model.startswith(".") or Path(model).exists()
    if looks_like_path or ship_model:
        if not (Path(model) / "config.cfg").is_file():
            raise ModelError(Errors.E200.format(model=model, reason="no config.cfg", hint=model_hint(model)))
    elif local and not spacy.util.is_package(model):
        raise ModelError(Errors.E200.format(model=model, reason="not installed", hint=model_hint(model)))


def _session(master: Optional[str], threads: Optional[int]) -> Tuple[Any, bool]:
    """The SparkSession, and whether this command created it (and so stops it)."""
    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    existed = SparkContext._active_spark_context is not None
    if not existed:
        if _is_local_master(master):
            # The workers must run this interpreter, the one that has spacy-pii.
            os.environ["PYSPARK_PYTHON"] = sys.executable
            os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
        else:  # a cluster may name its own Python; keep it
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("spacy-pii spark-redact")
    if master is not None:
        builder = builder.master(master)
    # No model hub inside a task, and one BLAS/OpenMP pool per task's CPUs.
    builder = builder.config("spark.executorEnv.HF_HUB_OFFLINE", "1")
    builder = builder.config("spark.executorEnv.TRANSFORMERS_OFFLINE", "1")
    if threads is not None:
        builder = builder.config("spark.executorEnv.OMP_NUM_THREADS", str(threads))
    spark = builder.getOrCreate()
    if not existed and threads is None:
        # Not set above: read spark.task.cpus from the session's (spark-submit's) conf. Only
        # Python workers started after this see it, which is all of them: none has started.
        spark.sparkContext.environment.setdefault("OMP_NUM_THREADS", str(task_cpus(spark)))
    return spark, not existed


def _reader(spark: Any, fmt: str) -> Any:
    reader = spark.read.format(fmt)
    if fmt == "csv":
        reader = reader.options(**CSV_OPTIONS)
    return reader


def _writer(df: Any, fmt: str, overwrite: bool) -> Any:
    writer = df.write.format(fmt).mode("overwrite" if overwrite else "errorifexists")
    if fmt == "csv":
        writer = writer.options(**CSV_OPTIONS)
    return writer


def _rate(rows: int, secs: float) -> str:
    rate = rows / max(secs, 1e-9)
    return f"{rate:.0f}" if rate >= 10 else f"{rate:.2g}"


def _job_error(e: BaseException) -> str:
    # A worker's traceback may quote data; keep only our own coded message, if there is one.
    found = re.search(r"\[E\d{3}\][^\n]*", str(e))
    detail = f": {found.group(0)}" if found else ""
    return Errors.E411.format(exc_type=type(e).__name__, detail=detail)


@app.command("spark-redact")
def spark_redact_cli(
    input_path: str = typer.Argument(..., metavar="IN", help="Input file or directory (or URI Spark can read)."),
    output_path: str = typer.Argument(..., metavar="OUT", help="Output directory, written by Spark."),
    column: str = typer.Option("text", "--column", "-c", help="String column to redact."),
    output_column: Optional[str] = typer.Option(
        None, "--output-column", help="Write the redacted text here (default: replace --column).",
        show_default=False,
    ),
    spans_column: Optional[str] = typer.Option(
        None, "--spans-column", help="Also write the spans (label, start, end, score) here, for audits.",
        show_default=False,
    ),
    fmt: Optional[str] = typer.Option(
        None, "--format", help="parquet|json|csv, for IN and OUT (default: from IN's suffix, else parquet).",
        show_default=False,
    ),
    master: Optional[str] = typer.Option(
        None, "--master", help="Spark master, e.g. local[2] (default: spark-submit's, else local[*]).",
        show_default=False,
    ),
    model: str = typer.Option(
        DEFAULT_MODEL, "--model", "-m", help="Pipeline with a pii_redactor: package name or directory."
    ),
    ship_model: bool = typer.Option(
        False, "--ship-model", help="Ship the --model directory with the job (SparkContext.addFile)."
    ),
    labels: Optional[str] = typer.Option(
        None, "--labels", help="Comma-separated labels to redact (default: all the model has).",
        show_default=False,
    ),
    operator: Optional[str] = typer.Option(None, "--operator", help="Replacement: tag|mask|hash|pseudonym|remove|encrypt|surrogate (default: the model's configured operator).", show_default=False),
    operator_for: Optional[List[str]] = typer.Option(
        None, "--operator-for", help="Per-label operator, LABEL=OP (repeatable).", show_default=False
    ),
    mask_char: Optional[str] = typer.Option(None, "--mask-char", help="Character `mask` writes.", show_default=False),
    keep_last: Optional[int] = typer.Option(
        None, "--keep-last", min=0, help="Digits `mask` leaves visible on card, phone, IBAN, SSN numbers.",
        show_default=False,
    ),
    key_file: Optional[str] = typer.Option(
        None, "--key-file",
        help="Key for hash/pseudonym: a path every executor can read (else SPACY_PII_KEY in their environment).",
        show_default=False,
    ),
    partitions: Optional[int] = typer.Option(
        None, "--partitions", min=1, help="Repartition the input to N partitions before redacting.",
        show_default=False,
    ),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Texts per nlp.pipe batch in a worker."),
    threads: Optional[int] = typer.Option(
        None, "--threads", min=1, help="Torch threads per task (default: spark.task.cpus).", show_default=False
    ),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace OUT if it exists."),
) -> None:
    """Redact one string column of a parquet, JSON-lines or CSV dataset with Spark.

    Every other column and the row order are kept. Prints the number of rows and rows/s on
    stderr. Exit codes: 0 ok; 1 unexpected error or failed job; 2 bad usage; 3 model not
    loadable.
    """
    code = _spark_redact_main(
        input_path=input_path, output_path=output_path, column=column,
        output_column=output_column, spans_column=spans_column, fmt=fmt, master=master,
        model=model, ship_model=ship_model, labels=labels, operator=operator,
        operator_for=list(operator_for or []), mask_char=mask_char, keep_last=keep_last,
        key_file=key_file, partitions=partitions, batch_size=batch_size, threads=threads,
        overwrite=overwrite,
    )
    if code:
        raise typer.Exit(code)


def _spark_redact_main(
    *,
    input_path: str,
    output_path: str,
    column: str,
    output_column: Optional[str],
    spans_column: Optional[str],
    fmt: Optional[str],
    master: Optional[str],
    model: str,
    ship_model: bool,
    labels: Optional[str],
    operator: Optional[str],
    operator_for: List[str],
    mask_char: Optional[str],
    keep_last: Optional[int],
    key_file: Optional[str],
    partitions: Optional[int],
    batch_size: int,
    threads: Optional[int],
    overwrite: bool,
) -> int:
    spark = None
    owns_session = False
    try:
        try:
            require_spark()
            in_fmt = _input_format(input_path, fmt)
            per_label = parse_operator_for(operator_for)
            label_list = [lb for lb in labels.split(",") if lb.strip()] if labels is not None else None
            if key_file is not None and _is_local_path(key_file) and Path(key_file).is_file():
                key_file = str(Path(key_file).resolve())  # the workers' working directory differs
            # Validate before starting Spark (a JVM start takes seconds).
            make_spec(model, operator=operator, operators=per_label, labels=label_list,
                      mask_char=mask_char, keep_last=keep_last, key_file=key_file,
                      batch_size=batch_size, threads=threads or 1,
                      executor_env_key=bool(os.environ.get(KEY_ENV)) or not _is_local_master(master))
            if key_file is not None and _is_local_master(master):
                load_key(Path(key_file))  # a local run reads the same file: fail early
            if _is_local_path(output_path) and os.path.exists(output_path) and not overwrite:
                raise UsageError(Errors.E410.format(path=output_path))
            _check_model(model, ship_model, _is_local_master(master))
        except (UsageError, ValueError) as e:  # SpacyPIIError, and check_labels's ValueError
            err(str(e))
            return EXIT_USAGE
        except ModelError as e:
            err(str(e))
            return EXIT_MODEL
        if ship_model:
            model = str(Path(model).resolve())
        spark, owns_session = _session(master, threads)
        return _run(
            spark, input_path=input_path, output_path=output_path, in_fmt=in_fmt, column=column,
            output_column=output_column or column, spans_column=spans_column, model=model,
            ship_model=ship_model, labels=label_list, operator=operator, per_label=per_label,
            mask_char=mask_char, keep_last=keep_last, key_file=key_file, partitions=partitions,
            batch_size=batch_size, threads=threads, overwrite=overwrite,
        )
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as e:
        # Exactly "1" (one rule for every command): the full error may quote input text.
        if debug_enabled():
            raise
        err(_job_error(e))
        return EXIT_UNEXPECTED
    finally:
        if spark is not None and owns_session:
            spark.stop()


def _run(
    spark: Any,
    *,
    input_path: str,
    output_path: str,
    in_fmt: str,
    column: str,
    output_column: str,
    spans_column: Optional[str],
    model: str,
    ship_model: bool,
    labels: Optional[List[str]],
    operator: Optional[str],
    per_label: Dict[str, str],
    mask_char: Optional[str],
    keep_last: Optional[int],
    key_file: Optional[str],
    partitions: Optional[int],
    batch_size: int,
    threads: Optional[int],
    overwrite: bool,
) -> int:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    df = _reader(spark, in_fmt).load(input_path)
    if column not in df.columns:
        err(Errors.E405.format(column=column, columns=", ".join(df.columns) or "none"))
        return EXIT_USAGE
    # The id follows the input's partitions and row order; it survives any shuffle below.
    df = df.withColumn(ROW_ID, F.monotonically_increasing_id())
    if partitions is not None:
        df = df.repartition(partitions)
    n_threads = threads if threads is not None else task_cpus(spark)
    try:
        out = redact_column(
            df, column, output_column, spans_col=spans_column, model=model, operator=operator,
            operators=per_label, labels=labels, mask_char=mask_char, keep_last=keep_last,
            key_file=key_file, batch_size=batch_size, threads=n_threads, ship_model=ship_model,
        )
    except ValueError as e:  # SpacyPIIError, and check_labels's ValueError
        err(str(e))
        return EXIT_USAGE
    err(
        f"spark-redact: master {spark.sparkContext.master}, {out.rdd.getNumPartitions()} "
        f"partition(s), {n_threads} thread(s) per task, operator {operator}, format {in_fmt}"
    )
    # Cached: the sort samples its input to find range bounds, which would otherwise run
    # every redaction twice. count() fills the cache and times the redaction alone.
    out = out.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        start = time.perf_counter()
        rows = out.count()
        redacted_s = time.perf_counter() - start
        _writer(out.sort(ROW_ID).drop(ROW_ID), in_fmt, overwrite).save(output_path)
        total_s = time.perf_counter() - start
    finally:
        out.unpersist()
    err(
        f"spark-redact: {rows} rows redacted in {redacted_s:.1f} s "
        f"({_rate(rows, redacted_s)} rows/s); with the sorted write {total_s:.1f} s "
        f"({_rate(rows, total_s)} rows/s)"
    )
    return EXIT_OK


def main() -> None:
    """`python -m spacy_pii.spark` and spark-submit (`spacy_pii/spark/__main__.py`): this
    command alone, same options."""
    standalone = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    standalone.command()(spark_redact_cli)
    standalone(prog_name="spacy_pii.spark")

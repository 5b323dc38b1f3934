"""The driver side: the UDF, the column transformation and model shipping."""
import atexit
import dataclasses
import hashlib
import shutil
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterator,
    Optional,
    Sequence,
    Set,
    Tuple,
    Union,
)

from ..api import DEFAULT_MODEL
from ..errors import Errors, SpacyPIIError
from ..operators.core import KEY_ENV

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession
from ._spec import (
    _RESULT_COL,
    RESULT_TYPE,
    SHIPPED_PREFIX,
    WorkerSpec,
    make_spec,
    require_spark,
)
from ._worker import redact_batches

# --- the driver side --------------------------------------------------------------------


def _active_session() -> Optional["SparkSession"]:
    from pyspark.sql import SparkSession

    return SparkSession.getActiveSession()


def task_cpus(spark: Optional["SparkSession"] = None) -> int:
    """`spark.task.cpus` of a session (1 when unset or without a session).

    spark (Optional[SparkSession]): the session; None: the active one.
    RETURNS (int): CPUs per task.
    """
    spark = spark if spark is not None else _active_session()
    if spark is None:
        return 1
    try:
        return max(1, int(spark.conf.get("spark.task.cpus", "1") or "1"))
    except Exception:  # Spark Connect without the setting, or a non-integer value
        return 1


def _executors_have_key(spark: Optional["SparkSession"]) -> bool:
    if spark is None:
        return False
    try:
        return bool(spark.conf.get(f"spark.executorEnv.{KEY_ENV}", ""))
    except Exception:
        return False


_SHIPPED_LOCK = threading.Lock()
# (resolved dir, file listing with sizes and mtimes) -> archive path on the driver
_ARCHIVES: Dict[Tuple[str, Tuple[Tuple[str, int, int], ...]], Path] = {}
# (application id, archive name): added to that SparkContext already
_ADDED: Set[Tuple[str, str]] = set()


def _listing(path: Path) -> Tuple[Tuple[str, int, int], ...]:
    files = sorted(p for p in path.rglob("*") if p.is_file())
    return tuple((str(p.relative_to(path)), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


def _archive_model(path: Path) -> Path:
    """Tar a pipeline directory once per driver process; the name holds a content digest, so
    a changed model is a new file for Spark and for each executor's unpack directory."""
    listing = _listing(path)
    cache_key = (str(path.resolve()), listing)
    if cache_key in _ARCHIVES and _ARCHIVES[cache_key].exists():
        return _ARCHIVES[cache_key]
    digest = hashlib.sha256()
    for rel, _, _ in listing:
        digest.update(rel.encode("utf-8") + b"\x00")
        with open(path / rel, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    out_dir = Path(tempfile.mkdtemp(prefix="spacy_pii_ship_"))
    # Spark serves added files from the driver's copy for as long as the context lives.
    atexit.register(shutil.rmtree, out_dir, True)
    archive = out_dir / f"{SHIPPED_PREFIX}{digest.hexdigest()[:16]}.zip"
    # A zip, not a tar: addFile unpacks .tar files into the shared SparkFiles directory by
    # itself (a deprecated behaviour). Stored, not deflated: model weights barely compress.
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zf:
        for rel, _, _ in listing:
            zf.write(path / rel, arcname=rel)
    _ARCHIVES[cache_key] = archive
    return archive


def ship_model_dir(model: Union[str, Path], spark: Optional["SparkSession"] = None) -> str:
    """Archive a pipeline directory and add it to the SparkContext (once per context).

    model (Union[str, Path]): the pipeline directory on the driver.
    spark (Optional[SparkSession]): the session; None: the active one.
    RETURNS (str): the archive's SparkFiles name, which the workers resolve.
    """
    path = Path(model)
    if not (path / "config.cfg").is_file():
        raise SpacyPIIError(Errors.E401.format(model=str(model)))
    spark = spark if spark is not None else _active_session()
    if spark is None:
        raise SpacyPIIError(Errors.E402.format(what="ship_model=True"))
    sc = spark.sparkContext
    with _SHIPPED_LOCK:
        archive = _archive_model(path)
        added = (sc.applicationId, archive.name)
        if added not in _ADDED:
            sc.addFile(str(archive))
            _ADDED.add(added)
    return archive.name


def redact_udf(
    model: Union[str, Path] = DEFAULT_MODEL,
    *,
    operator: Optional[str] = None,
    operators: Optional[Dict[str, str]] = None,
    labels: Optional[Sequence[str]] = None,
    mask_char: Optional[str] = None,
    keep_last: Optional[int] = None,
    key: Optional[Union[bytes, str]] = None,
    key_file: Optional[Union[str, Path]] = None,
    batch_size: int = 64,
    threads: Optional[int] = None,
    ship_model: bool = False,
    with_spans: bool = False,
) -> Any:
    """A pandas UDF that redacts a string column (for `select` / `withColumn`).

    model (Union[str, Path]): installed package name, or a pipeline directory (readable by
        every executor, or on the driver only with ship_model=True).
    operator (str): default operator: tag, mask, hash, pseudonym or remove.
    operators (Optional[Dict[str, str]]): label -> operator overrides.
    labels (Optional[Sequence[str]]): redact only these labels (narrows the model's own).
    mask_char (Optional[str]): character `mask` writes.
    keep_last (Optional[int]): digits `mask` leaves visible on cards, phones, IBANs, SSNs.
    key (Optional[Union[bytes, str]]): key for hash/pseudonym. It travels in the UDF's
        closure and can be read by anyone who can read the job's serialized plan: prefer
        key_file.
    key_file (Optional[Union[str, Path]]): path of the key, read on each executor.
    batch_size (int): texts per `nlp.pipe` batch in the worker.
    threads (Optional[int]): encoder threads per worker (its share of the cores); None:
        `spark.task.cpus`.
    ship_model (bool): archive the `model` directory and ship it with the job.
    with_spans (bool): return `struct<redacted, spans>` instead of the redacted string;
        spans are `array<struct<label, start, end, score>>` (character offsets).
    RETURNS (Any): the UDF; call it on a column: `udf(F.col("text"))`. Null in, null out.
    """
    require_spark()
    spark = _active_session()
    if threads is None:
        threads = task_cpus(spark)
    spec = make_spec(
        model,
        operator=operator,
        operators=operators,
        labels=labels,
        mask_char=mask_char,
        keep_last=keep_last,
        key=key,
        key_file=key_file,
        batch_size=batch_size,
        threads=threads,
        executor_env_key=_executors_have_key(spark),
    )
    if ship_model:
        spec = dataclasses.replace(spec, model=ship_model_dir(model, spark), shipped=True)
    return _make_udf(spec, with_spans)


def _make_udf(spec: WorkerSpec, with_spans: bool) -> Any:
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    # The annotations are evaluated here (no postponed annotations in this module):
    # pandas_udf reads them to pick the Iterator[Series] -> Iterator[Series] kind.
    if with_spans:

        def redact_pii_spans(batches: Iterator[pd.Series]) -> Iterator[pd.DataFrame]:
            return redact_batches(spec, batches, with_spans=True)

        return pandas_udf(redact_pii_spans, RESULT_TYPE)  # type: ignore[call-overload]

    def redact_pii(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        return redact_batches(spec, batches, with_spans=False)

    return pandas_udf(redact_pii, "string")  # type: ignore[call-overload]


def redact_column(
    df: "DataFrame",
    input_col: str = "text",
    output_col: str = "redacted",
    *,
    spans_col: Optional[str] = None,
    **options: Any,
) -> "DataFrame":
    """Add (or replace) a column with the redacted text of a string column.

    df (DataFrame): the input.
    input_col (str): the string column to redact.
    output_col (str): the column to write; the same name as input_col replaces it in place.
    spans_col (Optional[str]): also write the detected spans here, for audits:
        `array<struct<label, start, end, score>>`, character offsets into input_col.
    **options: those of `redact_udf` (model, operator, operators, labels, mask_char,
        keep_last, key, key_file, batch_size, threads, ship_model).
    RETURNS (DataFrame): df with output_col (and spans_col); every other column and the rows
        unchanged. Lazy, like any transformation.
    """
    require_spark()
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    fields = {f.name: f for f in df.schema.fields}
    if input_col not in fields:
        raise SpacyPIIError(Errors.E405.format(column=input_col, columns=", ".join(fields) or "none"))
    if not isinstance(fields[input_col].dataType, StringType):
        raise SpacyPIIError(Errors.E406.format(column=input_col, type=fields[input_col].dataType.simpleString()))
    if options.get("threads") is None:
        options["threads"] = task_cpus(df.sparkSession)
    udf = redact_udf(with_spans=spans_col is not None, **options)
    text: "Column" = F.col(input_col)
    if spans_col is None:
        return df.withColumn(output_col, udf(text))
    return (
        df.withColumn(_RESULT_COL, udf(text))
        .withColumn(output_col, F.col(f"{_RESULT_COL}.redacted"))
        .withColumn(spans_col, F.col(f"{_RESULT_COL}.spans"))
        .drop(_RESULT_COL)
    )



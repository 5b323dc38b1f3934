"""Redact a text column of a Spark DataFrame with a spacy-pii pipeline.

    from spacy_pii.spark import redact_column
    out = redact_column(df, "text", "redacted", model="en_pii", spans_col="pii_spans")

How it runs:

- `redact_udf` returns a pandas UDF of the `Iterator[pd.Series] -> Iterator[pd.Series]`
  kind: only the text column crosses Arrow; nulls stay null.
- The pipeline is loaded lazily *inside* each Python worker, once per process, and kept in a
  module-level cache keyed by the model (the redaction policy is cached beside it, keyed by
  the options). Nothing is captured from the driver but plain options. Spark reuses Python
  workers between tasks (`spark.python.worker.reuse`, on by default), so a worker loads the
  model once for all its tasks.
- `torch.set_num_threads(threads)` in the worker; `threads` defaults to `spark.task.cpus`,
  read on the driver. Set `spark.executorEnv.OMP_NUM_THREADS` to the same number.
- `model` is an installed package name (installed on every executor), a directory every
  executor can read, or, with `ship_model=True`, a directory on the driver that is archived
  (zip), added with `SparkContext.addFile`, found with `SparkFiles.get` in the worker and
  unpacked once per executor.

Keys, for the `hash` and `pseudonym` operators: `key=` puts the key bytes into the UDF's
closure, which Spark serializes into every task and which anyone who can read the job's
pickled plan or closure can see. Prefer `key_file=`: a path (e.g. a secret mount) read on
the executors, so the key never leaves them. Without either, the worker reads SPACY_PII_KEY
from its own environment. With a key, `hash` and `pseudonym` give the same output for the
same value on every executor and every run. Without a key, `pseudonym` numbers values
`<PERSON_1>`, `<PERSON_2>`... per worker process: the same value gets different numbers in
different workers, so unkeyed pseudonyms are not consistent across partitions.

Command line: `spacy-pii spark-redact IN OUT --column text`, `python -m spacy_pii.spark IN OUT
--column text`, or under spark-submit the package's `__main__.py` (the same options):
`spark-submit $(python -c 'import spacy_pii.spark.__main__ as m; print(m.__file__)') IN OUT`.

PySpark is imported lazily: the core install never needs it. This module has no
`from __future__ import annotations`: pandas_udf infers the UDF kind from the evaluated
type hints.
"""
import atexit
import dataclasses
import hashlib
import os
import shutil
import zipfile
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Set, Tuple, Union

from ..api import DEFAULT_MODEL
from ..errors import Errors, SpacyPIIError
from ..operators import KEY_ENV, MissingKeyError, RedactionPolicy
from ..policy import build_policy, effective_policy
from ..runner import Runner

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession
    from spacy.language import Language

# The struct the UDF returns with with_spans=True; offsets are characters (code points),
# the same unit as Spark's substring().
SPANS_TYPE = "array<struct<label:string,start:int,end:int,score:double>>"
RESULT_TYPE = f"struct<redacted:string,spans:{SPANS_TYPE}>"
SHIPPED_PREFIX = "spacy_pii_model-"
_RESULT_COL = "__spacy_pii_result"


def require_spark() -> None:
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as e:
        raise SpacyPIIError(Errors.E400.format(reason=f"{type(e).__name__}: {e.name}")) from None


# --- what the driver sends --------------------------------------------------------------


@dataclass(frozen=True)
class WorkerSpec:
    """Everything a worker needs to redact: plain values only, pickled into the UDF.

    model (str): package name or directory; with `shipped`, the SparkFiles name of the archive.
    shipped (bool): whether `model` names an archive added with `SparkContext.addFile`.
    operator (Optional[str]): default operator; None: the model's configured one.
    operators (Tuple[Tuple[str, str], ...]): (label, operator) overrides.
    labels (Optional[Tuple[str, ...]]): redact only these (narrows the component's labels).
    mask_char (Optional[str]): for `mask`; None: the policy default.
    keep_last (Optional[int]): for `mask`; None: the policy default.
    key (Optional[bytes]): the key itself (visible in the closure; prefer key_file).
    key_file (Optional[str]): path of the key, read on the executor.
    batch_size (int): texts per `nlp.pipe` batch.
    threads (int): encoder threads in the worker (its share of the executor's cores).
    """

    model: str
    shipped: bool = False
    operator: Optional[str] = None
    operators: Tuple[Tuple[str, str], ...] = ()
    labels: Optional[Tuple[str, ...]] = None
    mask_char: Optional[str] = None
    keep_last: Optional[int] = None
    key: Optional[bytes] = field(default=None, repr=False)
    key_file: Optional[str] = None
    batch_size: int = 64
    threads: int = 1

    def policy_key(self) -> Tuple[Any, ...]:
        """The cache key of the policy: the options, with the key as a digest only."""
        key_digest = hashlib.sha256(self.key).hexdigest() if self.key else None
        return (
            self.model, self.shipped, self.operator, self.operators, self.labels,
            self.mask_char, self.keep_last, key_digest, self.key_file, self.batch_size,
        )

    def policy(self, base: Optional[RedactionPolicy] = None, with_key: bool = True) -> RedactionPolicy:
        """The policy: the model's own (`base`, its pii_redactor's config) with these options
        over it (`effective_policy`, the rule every entry point follows), with the key from
        `key`, else `key_file`, else SPACY_PII_KEY.

        base (Optional[RedactionPolicy]): the component's policy; None: the defaults.
        with_key (bool): False builds it without a key (to validate options on the driver,
            where the key may not be: the executors read key_file or their environment).
        """
        return effective_policy(
            base if base is not None else RedactionPolicy(),
            operator=self.operator,
            operators=dict(self.operators) or None,
            labels=self.labels,
            mask_char=self.mask_char,
            keep_last=self.keep_last,
            key=self.key,
            key_file=self.key_file if with_key else None,
            key_from_env=with_key,
            require_key=with_key,
        )


def make_spec(
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
    threads: int = 1,
    shipped: bool = False,
    executor_env_key: bool = False,
) -> WorkerSpec:
    """Validate the options on the driver (so a typo fails before any task runs).

    executor_env_key (bool): whether the executors are known to have SPACY_PII_KEY set.
    RETURNS (WorkerSpec): the spec for the workers.
    """
    if key is not None and key_file is not None:
        raise SpacyPIIError(Errors.E404)
    # Validated here with the one policy builder; the key is looked for on the executors.
    checked = build_policy(
        operator=operator, operators=operators, labels=labels, mask_char=mask_char,
        keep_last=keep_last, key=key, key_from_env=False, require_key=False,
    )
    missing = checked.missing_key()
    if missing and key_file is None and not os.environ.get(KEY_ENV) and not executor_env_key:
        raise MissingKeyError(missing)
    for name, value in (("batch_size", batch_size), ("threads", threads)):
        if not isinstance(value, int) or value < 1:
            raise SpacyPIIError(Errors.E105.format(name=name, expected="an integer >= 1", value=value))
    return WorkerSpec(
        model=str(model),
        shipped=shipped,
        operator=operator,
        operators=tuple(sorted(checked.per_label.items())),
        labels=checked.labels,
        mask_char=mask_char,
        keep_last=keep_last,
        key=checked.key,
        key_file=str(key_file) if key_file is not None else None,
        batch_size=batch_size,
        threads=threads,
    )


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
    threads (Optional[int]): torch threads per worker; None: `spark.task.cpus`.
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
    model: Union[str, Path] = DEFAULT_MODEL,
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
) -> "DataFrame":
    """Add (or replace) a column with the redacted text of a string column.

    df (DataFrame): the input.
    input_col (str): the string column to redact.
    output_col (str): the column to write; the same name as input_col replaces it in place.
    spans_col (Optional[str]): also write the detected spans here, for audits:
        `array<struct<label, start, end, score>>`, character offsets into input_col.
    The other options are those of `redact_udf`.
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
    spark = df.sparkSession
    if threads is None:
        threads = task_cpus(spark)
    udf = redact_udf(
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
        ship_model=ship_model,
        with_spans=spans_col is not None,
    )
    text: "Column" = F.col(input_col)
    if spans_col is None:
        return df.withColumn(output_col, udf(text))
    return (
        df.withColumn(_RESULT_COL, udf(text))
        .withColumn(output_col, F.col(f"{_RESULT_COL}.redacted"))
        .withColumn(spans_col, F.col(f"{_RESULT_COL}.spans"))
        .drop(_RESULT_COL)
    )


# --- the worker side --------------------------------------------------------------------

# One pipeline per model per worker process, and one policy per option set beside it.
_PIPELINES: Dict[Tuple[str, bool], Any] = {}
_WORKERS: Dict[Tuple[Any, ...], "_Worker"] = {}
_WORKER_LOCK = threading.Lock()


def unpack_shipped(name: str) -> Path:
    """The directory of a shipped pipeline on this executor, unpacked on first use.

    Python workers of one executor share the SparkFiles directory: each unpacks into a
    private temporary directory and renames it into place, so the first one wins and the
    others use its copy.

    name (str): the SparkFiles name of the archive.
    RETURNS (Path): the pipeline directory.
    """
    from pyspark import SparkFiles

    archive = Path(SparkFiles.get(name))
    if not archive.is_file():
        raise SpacyPIIError(Errors.E407.format(name=name))
    target = archive.parent / (archive.stem + ".d")
    if target.is_dir():
        return target
    tmp = Path(tempfile.mkdtemp(dir=archive.parent, prefix=".unpack-"))
    try:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(tmp)  # zipfile drops absolute paths and ".." from member names
        try:
            os.rename(tmp, target)
        except OSError:
            if not target.is_dir():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _load_pipeline(spec: WorkerSpec) -> "Language":
    # Nothing may be fetched from a model hub inside a task either.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import spacy

    path: Union[str, Path] = unpack_shipped(spec.model) if spec.shipped else spec.model
    return spacy.load(path)


class _Worker:
    """The one runner over a loaded pipeline, and this spec's policy: what a Python worker
    keeps between tasks."""

    def __init__(self, runner: Runner, spec: WorkerSpec) -> None:
        self.runner = runner
        self.policy = spec.policy(runner.component.policy)

    def redact(self, texts: List[str]) -> List[Tuple[str, List[Tuple[str, int, int, float]]]]:
        """Redacted text and (label, start, end, score) spans of each text, in order."""
        return [
            (r.text, [(m.label, m.start, m.end, float(m.score)) for m in r.matches])
            for r in self.runner.redact(texts, self.policy)
        ]


def get_worker(spec: WorkerSpec) -> _Worker:
    """The cached worker state for a spec, loading the pipeline on first use in this process.

    spec (WorkerSpec): from the UDF's closure.
    RETURNS (_Worker): the pipeline and policy.
    """
    cache_key = spec.policy_key()
    with _WORKER_LOCK:
        worker = _WORKERS.get(cache_key)
        if worker is None:
            model_key = (spec.model, spec.shipped)
            if model_key not in _PIPELINES:
                _PIPELINES[model_key] = Runner(_load_pipeline(spec), threads=spec.threads, batch_size=spec.batch_size)
            worker = _Worker(_PIPELINES[model_key], spec)
            _WORKERS[cache_key] = worker
        return worker


def redact_batches(spec: WorkerSpec, batches: Iterator[Any], *, with_spans: bool) -> Iterator[Any]:
    """The UDF body: redact each pandas Series of texts; nulls stay null.

    spec (WorkerSpec): the options.
    batches (Iterator[pd.Series]): the text column, one Arrow batch at a time.
    with_spans (bool): yield DataFrames (redacted, spans) instead of Series.
    YIELDS (Union[pd.Series, pd.DataFrame]): one per batch, same length and index.
    """
    import pandas as pd

    worker = get_worker(spec)
    for series in batches:
        values = series.tolist()
        rows: List[int] = []
        for i, value in enumerate(values):
            if isinstance(value, str):
                rows.append(i)
            elif not (value is None or (isinstance(value, float) and value != value)):
                raise SpacyPIIError(Errors.E408.format(type=type(value).__name__, row=i))
        redacted: List[Optional[str]] = [None] * len(values)
        spans: List[Optional[List[Dict[str, Any]]]] = [None] * len(values)
        for i, (text, found) in zip(rows, worker.redact([values[i] for i in rows])):
            redacted[i] = text
            if with_spans:
                spans[i] = [{"label": lb, "start": s, "end": e, "score": sc} for lb, s, e, sc in found]
        if with_spans:
            yield pd.DataFrame({"redacted": redacted, "spans": spans}, index=series.index)
        else:
            yield pd.Series(redacted, index=series.index, dtype=object)

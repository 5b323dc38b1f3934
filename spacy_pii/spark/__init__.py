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
- The encoder (ONNX Runtime, or torch) gets `threads` threads in the worker (the one runner
  sets them); `threads` defaults to `spark.task.cpus`,
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

The driver side lives in `_driver`, the worker side in `_worker`, and the one options
dataclass they share (`WorkerSpec`) in `_spec`. (Underscored names: spark-submit runs
`__main__.py` as a script with this folder first on sys.path, and a plain `driver` or
`worker` could shadow an installed module of that name.)
"""
from ._driver import redact_column, redact_udf, ship_model_dir, task_cpus
from ._spec import (
    RESULT_TYPE,
    SHIPPED_PREFIX,
    SPANS_TYPE,
    WorkerSpec,
    make_spec,
    require_spark,
)
from ._worker import get_worker, redact_batches, unpack_shipped

__all__ = [
    "RESULT_TYPE", "SHIPPED_PREFIX", "SPANS_TYPE", "WorkerSpec", "get_worker", "make_spec",
    "redact_batches", "redact_column", "redact_udf", "require_spark", "ship_model_dir",
    "task_cpus", "unpack_shipped",
]

"""The worker side: one runner per model per Python worker, kept between tasks."""
import os
import shutil
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple, Union

from ..errors import Errors, SpacyPIIError
from ..runner import Runner

if TYPE_CHECKING:
    from spacy.language import Language
from ._spec import WorkerSpec

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

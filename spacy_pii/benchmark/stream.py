"""End-to-end figures of `spacy-pii redact`, and Presidio's on the same lines, for the benchmark.

- *time to first line*: from starting `spacy-pii redact` (a cold CLI: imports, model load,
  worker start) until its first output line, with the input already waiting on stdin;
- *lines/s*: output lines over the time from the first output line to the last, and over the
  whole run (start-up included);
- *peak RSS per process*: the high-water mark (`VmHWM`) of the command and of each worker
  process, read from /proc while they run (Linux);
- *Presidio*: `AnalyzerEngine` + `AnonymizerEngine` with a spaCy English NER model, in one
  process on one thread, on the same lines, when presidio and that model are installed.

Nothing here prints; every figure goes back in a dataclass.
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from .model import child_env, log_lines


@dataclass
class StreamRun:
    """`spacy-pii redact --workers N` over the benchmark's log lines, in a fresh process."""

    workers: int
    lines: int
    first_line_s: float
    wall_s: float
    lines_per_s: float
    lines_per_s_wall: float
    rss_mb: Dict[str, float] = field(default_factory=dict)  # "main", "worker 1", ...


@dataclass
class PresidioRun:
    """Presidio's analyzer + anonymizer over the same lines, one process, one thread."""

    model: str
    lines: int
    load_s: float
    lines_per_s: float
    peak_rss_mb: float
    error: Optional[str] = None


def _children(pid: int) -> List[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def _hwm_mb(pid: int) -> Optional[float]:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for row in f:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1]) * 1024 / 1e6
    except OSError:
        return None
    return None


def _watch_rss(pid: int, peaks: Dict[int, float], stop: threading.Event) -> None:
    """Poll the high-water marks of a process and its descendants until `stop`."""
    while not stop.is_set():
        todo = [pid]
        while todo:
            p = todo.pop()
            hwm = _hwm_mb(p)
            if hwm is not None:
                peaks[p] = max(peaks.get(p, 0.0), hwm)
            todo.extend(_children(p))
        stop.wait(0.02)


def measure_redact(
    python: str,
    model: str,
    workers: int,
    lines: Sequence[str],
    *,
    timeout: float = 1800.0,
) -> StreamRun:
    """Run `spacy-pii redact --model MODEL --workers N` on `lines` (given on stdin at once).

    python (str): the interpreter (a runtime-only venv's, as users install it).
    model (str): package name or pipeline directory.
    workers (int): the --workers value.
    lines (Sequence[str]): input lines, without line endings.
    RETURNS (StreamRun): the figures.
    RAISES (RuntimeError): the command failed or wrote another number of lines.
    """
    data = "".join(line + "\n" for line in lines).encode("utf8")
    with tempfile.TemporaryFile() as stdin:
        stdin.write(data)
        stdin.seek(0)
        start = time.perf_counter()
        proc = subprocess.Popen(
            [python, "-m", "spacy_pii.cli", "redact", "--model", model, "--workers", str(workers)],
            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=child_env(max(1, (os.cpu_count() or 1) // workers)),
        )
        peaks: Dict[int, float] = {}
        stop = threading.Event()
        watcher = threading.Thread(target=_watch_rss, args=(proc.pid, peaks, stop), daemon=True)
        watcher.start()
        assert proc.stdout is not None
        first = proc.stdout.readline()
        first_at = time.perf_counter()
        n = 1 if first else 0
        for _ in proc.stdout:
            n += 1
        last_at = time.perf_counter()
        try:
            code = proc.wait(timeout=timeout)
        finally:
            stop.set()
            watcher.join()
        stderr = proc.stderr.read() if proc.stderr is not None else b""
    if code != 0 or n != len(lines):
        tail = stderr.decode("utf8", "replace").strip().splitlines()[-1:]
        raise RuntimeError(f"redact --workers {workers} exited {code} after {n} lines: {tail}")
    rss: Dict[str, float] = {}
    for i, (pid, mb) in enumerate(sorted(peaks.items())):
        rss["main" if pid == proc.pid else f"process {i}"] = mb
    return StreamRun(
        workers=workers,
        lines=n,
        first_line_s=first_at - start,
        wall_s=last_at - start,
        lines_per_s=(n - 1) / max(last_at - first_at, 1e-9),
        lines_per_s_wall=n / max(last_at - start, 1e-9),
        rss_mb=rss,
    )


_PRESIDIO_CHILD = r"""
import json, resource, sys, time
args = json.loads(open(sys.argv[1], encoding="utf8").read())
try:
    start = time.perf_counter()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": args["model"]}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    anonymizer = AnonymizerEngine()
    lines = args["lines"]
    for line in lines[:20]:
        anonymizer.anonymize(text=line, analyzer_results=analyzer.analyze(text=line, language="en"))
    load_s = time.perf_counter() - start
    t = time.perf_counter()
    for line in lines:
        anonymizer.anonymize(text=line, analyzer_results=analyzer.analyze(text=line, language="en"))
    seconds = time.perf_counter() - t
    out = {"load_s": load_s, "lines_per_s": len(lines) / seconds,
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6}
except Exception as e:
    out = {"error": type(e).__name__ + ": " + str(e).splitlines()[0][:200] if str(e) else type(e).__name__}
open(args["result"], "w").write(json.dumps(out))
"""


def measure_presidio(model: str, lines: Sequence[str], *, python: str = sys.executable,
                     timeout: float = 1800.0) -> PresidioRun:
    """Presidio (analyzer + anonymizer, `model` as its spaCy NER) on `lines`, one line at a
    time as a log shipper calls it, in a fresh process limited to one thread.

    RETURNS (PresidioRun): the figures, or `error` when presidio or the model is missing.
    """
    with tempfile.TemporaryDirectory(prefix="spacy-pii-presidio-") as tmp:
        result = Path(tmp) / "result.json"
        args = {"model": model, "lines": list(lines), "result": str(result)}
        args_path = Path(tmp) / "args.json"
        args_path.write_text(json.dumps(args), encoding="utf8")
        subprocess.run(
            [python, "-c", _PRESIDIO_CHILD, str(args_path)],
            env=child_env(1), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, timeout=timeout, check=False,
        )
        if not result.exists():
            return PresidioRun(model, len(lines), 0.0, 0.0, 0.0, error="the measuring process died")
        data: Dict[str, Any] = json.loads(result.read_text(encoding="utf8"))
    if "error" in data:
        return PresidioRun(model, len(lines), 0.0, 0.0, 0.0, error=data["error"])
    return PresidioRun(model, len(lines), data["load_s"], data["lines_per_s"], data["peak_rss_mb"])


@dataclass
class StreamReport:
    """The CLI runs and Presidio's, on the same lines."""

    n_lines: int
    chars_per_line: float
    runs: List[StreamRun]
    presidio: Optional[PresidioRun]

    def to_dict(self) -> Dict[str, Any]:
        return {"n_lines": self.n_lines, "chars_per_line": self.chars_per_line,
                "runs": [asdict(r) for r in self.runs],
                "presidio": asdict(self.presidio) if self.presidio else None}


def run_stream_benchmark(
    model: str,
    *,
    python: str,
    workers: Sequence[int] = (1, 2),
    n_lines: int = 3000,
    seed: int = 0,
    presidio_model: Optional[str] = None,
    presidio_python: str = sys.executable,
) -> StreamReport:
    """`spacy-pii redact` at each --workers value, and Presidio when a model is named."""
    lines = log_lines(n_lines, seed)
    runs = [measure_redact(python, model, w, lines) for w in workers]
    presidio = measure_presidio(presidio_model, lines, python=presidio_python) if presidio_model else None
    return StreamReport(len(lines), sum(len(x) for x in lines) / max(len(lines), 1), runs, presidio)


def stream_markdown(report: StreamReport) -> str:
    """The README's end-to-end table, with Presidio and the per-core ratio."""
    cores = os.cpu_count() or 1
    rows = ["| `spacy-pii redact` | time to first line (s) | lines/s (after the first) | lines/s (whole run) | "
            "peak RSS per process (MB) |", "|:---|---:|---:|---:|:---|"]
    for r in report.runs:
        rss = ", ".join(f"{k} {v:.0f}" for k, v in r.rss_mb.items())
        rows.append(f"| --workers {r.workers} | {r.first_line_s:.2f} | {r.lines_per_s:,.0f} | "
                    f"{r.lines_per_s_wall:,.0f} | {rss} |")
    p = report.presidio
    rows.append("")
    if p is None:
        rows.append("Presidio: not measured (no --presidio-model).")
    elif p.error:
        rows.append(f"Presidio: not measured ({p.error}).")
    else:
        best = max(report.runs, key=lambda r: r.lines_per_s)
        per_core = best.lines_per_s / min(best.workers, cores)
        rows.append(f"Presidio ({p.model}, analyzer + anonymizer, 1 thread): {p.lines_per_s:,.0f} lines/s, "
                    f"peak RSS {p.peak_rss_mb:.0f} MB. spacy-pii per core (--workers {best.workers}): "
                    f"{per_core:,.0f} lines/s = **{per_core / p.lines_per_s:.1f}× Presidio**.")
    rows.append(f"{report.n_lines} log lines (~{report.chars_per_line:.0f} chars), {cores} CPUs.")
    return "\n".join(rows) + "\n"

"""`spacy-pii benchmark --serve`: the service under load, beside Presidio's REST analyzer.

Starts `spacy-pii serve` on 127.0.0.1 and a free port (or measures a running one, `url`), then
for each target, endpoint and form (one log line per request, or batches of `batch` lines)
and each concurrency: `n` requests (`n // 10` for batches) from that many client threads,
each on its own keep-alive connection, and reports requests/s, lines/s and latency p50/p95.
The client is the standard library's `http.client` on threads: light enough that the server,
not the client, is what is measured, and no dependency. Also measured when it starts the
server itself: the time from its start to the first answered /redact, and the peak RSS of the
server and its workers together (VmHWM, summed).

Presidio is measured only at a URL given (`presidio_url`): its analyzer REST server, started
by hand (see the README), on the same lines; it has no /redact, so only /analyze is compared.
"""
import http.client
import itertools
import os
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple
from urllib.parse import urlsplit

import orjson

from ..benchmark.model import child_env, log_lines

DEFAULT_CONCURRENCY: Tuple[int, ...] = (1, 8, 32)
BATCH_LINES = 100
WARMUP_REQUESTS = 5
START_TIMEOUT = 300.0  # seconds for a started server to answer its first request
REQUEST_TIMEOUT = 120.0


@dataclass
class LoadResult:
    """One measurement: a target, an endpoint, a form and a concurrency."""

    target: str  # "spacy-pii" or "presidio"
    endpoint: str  # "/analyze" or "/redact"
    form: str  # "line" or "batch"
    concurrency: int
    requests: int
    lines: int
    errors: int
    seconds: float
    requests_per_s: float
    lines_per_s: float
    p50_ms: float
    p95_ms: float


@dataclass
class ServeReport:
    """The whole run."""

    url: str
    presidio_url: Optional[str]
    model: Optional[str]
    workers: Optional[int]
    n: int
    first_answer_s: Optional[float] = None
    peak_rss_mb: Optional[float] = None
    results: List[LoadResult] = field(default_factory=list)

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) of values, nearest rank; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered) + 0.5)) - 1))]


class _Client:
    def __init__(self, host: str, port: int, headers: Dict[str, str]) -> None:
        self.host, self.port, self.headers = host, port, headers
        self.conn: Optional[http.client.HTTPConnection] = None

    def post(self, path: str, body: bytes) -> int:
        for attempt in range(2):  # one retry on a connection the server closed
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
            try:
                self.conn.request("POST", path, body=body, headers=self.headers)
                response = self.conn.getresponse()
                response.read()
                return response.status
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt:
                    return 0
        return 0

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def run_load(url: str, path: str, bodies: Sequence[bytes], concurrency: int,
             headers: Optional[Dict[str, str]] = None) -> Tuple[float, List[float], int]:
    """Send `bodies` to url+path from `concurrency` threads, each its own connection.

    RETURNS (Tuple[float, List[float], int]): wall seconds, latencies (s) of the answered
        requests (status 200), and the number of the others.
    """
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    counter = itertools.count()
    lock = threading.Lock()
    latencies: List[float] = []
    errors = [0]
    start = threading.Barrier(concurrency + 1)

    def worker() -> None:
        client = _Client(host, port, all_headers)
        mine: List[float] = []
        bad = 0
        start.wait()
        try:
            while True:
                with lock:
                    i = next(counter)
                if i >= len(bodies):
                    break
                t0 = time.perf_counter()
                status = client.post(path, bodies[i])
                if status == 200:
                    mine.append(time.perf_counter() - t0)
                else:
                    bad += 1
        finally:
            client.close()
            with lock:
                latencies.extend(mine)
                errors[0] += bad

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, latencies, errors[0]


def _bodies(endpoint: str, form: str, lines: Sequence[str], n: int, batch: int) -> Tuple[List[bytes], int]:
    if form == "line":
        chosen = [lines[i % len(lines)] for i in range(n)]
        if endpoint == "/analyze":
            return [orjson.dumps({"text": t, "language": "en"}) for t in chosen], 1
        return [orjson.dumps({"text": t}) for t in chosen], 1
    count = max(1, n // 10)
    groups = [[lines[(i * batch + j) % len(lines)] for j in range(batch)] for i in range(count)]
    if endpoint == "/analyze":
        return [orjson.dumps({"text": g, "language": "en"}) for g in groups], batch
    return [orjson.dumps({"texts": g}) for g in groups], batch


def measure_target(target: str, url: str, endpoints: Sequence[Tuple[str, str]], lines: Sequence[str], n: int,
                   concurrency: Sequence[int], batch: int, headers: Optional[Dict[str, str]],
                   on_progress: Callable[[str], None]) -> List[LoadResult]:
    """Every (endpoint, form) x concurrency measurement of one target."""
    out = []
    for endpoint, form in endpoints:
        bodies, per_body = _bodies(endpoint, form, lines, n, batch)
        run_load(url, endpoint, bodies[:WARMUP_REQUESTS], 1, headers)
        for c in concurrency:
            seconds, latencies, errors = run_load(url, endpoint, bodies, c, headers)
            done = len(latencies)
            result = LoadResult(
                target=target, endpoint=endpoint, form=form, concurrency=c, requests=done, lines=done * per_body,
                errors=errors, seconds=round(seconds, 3),
                requests_per_s=round(done / seconds, 1) if seconds else 0.0,
                lines_per_s=round(done * per_body / seconds, 1) if seconds else 0.0,
                p50_ms=round(percentile(latencies, 0.5) * 1000, 1),
                p95_ms=round(percentile(latencies, 0.95) * 1000, 1),
            )
            on_progress(f"{target} {endpoint} {form} c={c}: {result.requests_per_s} req/s, "
                        f"p50 {result.p50_ms} ms, p95 {result.p95_ms} ms, {errors} errors")
            out.append(result)
    return out


def _hwm_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for row in f:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return 0.0


def _tree(pid: int) -> List[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        # Each thread lists the children it started (the server restarts workers on a thread).
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            tasks = []
        for task in tasks:
            try:
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as f:
                    todo.extend(int(c) for c in f.read().split())
            except OSError:
                pass
    return out


def start_server(model: str, workers: int, *, python: str = sys.executable,
                 extra: Sequence[str] = ()) -> Tuple["subprocess.Popen[str]", str, float]:
    """Start `spacy-pii serve` on 127.0.0.1 and a free port; wait for its first answer.

    RETURNS (Tuple[Popen, str, float]): the process, its URL, seconds from start to the first
        answered POST /redact.
    RAISES (RuntimeError): it exited or did not answer within START_TIMEOUT.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(
        [python, "-m", "spacy_pii.cli", "serve", "--model", model, "--workers", str(workers),
         "--host", "127.0.0.1", "--port", "0", *extra],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=child_env(max(1, (os.cpu_count() or 1) // max(1, workers))),
    )
    assert proc.stderr is not None
    stderr = proc.stderr
    seen: List[str] = []
    # Read stderr on a thread: the port is in uvicorn's start-up line, and a full pipe would
    # block the server.

    def drain() -> None:
        for line in stderr:
            seen.append(line)

    threading.Thread(target=drain, daemon=True).start()
    url = ""
    deadline = started + START_TIMEOUT
    while not url and time.perf_counter() < deadline and proc.poll() is None:
        for line in list(seen):
            if "Uvicorn running on " in line:
                url = line.split("Uvicorn running on ", 1)[1].split()[0]
        time.sleep(0.01)
    if not url:
        proc.kill()
        raise RuntimeError(f"spacy-pii serve did not start (exit code {proc.poll()})")
    client = _Client(urlsplit(url).hostname or "127.0.0.1", urlsplit(url).port or 80,
                     {"Content-Type": "application/json"})
    body = orjson.dumps({"text": "warm up"})
    while time.perf_counter() < deadline and proc.poll() is None:
        if client.post("/redact", body) == 200:
            client.close()
            return proc, url, time.perf_counter() - started
        time.sleep(0.02)
    client.close()
    proc.kill()
    raise RuntimeError("spacy-pii serve did not answer in time")


def run_serve_benchmark(
    *,
    model: str = "en_pii",
    workers: int = 2,
    url: Optional[str] = None,
    presidio_url: Optional[str] = None,
    n: int = 500,
    concurrency: Sequence[int] = DEFAULT_CONCURRENCY,
    batch: int = BATCH_LINES,
    seed: int = 0,
    api_key: Optional[str] = None,
    python: str = sys.executable,
    on_progress: Callable[[str], None] = lambda msg: None,
) -> ServeReport:
    """Measure the service (and Presidio's analyzer, given its URL) under load.

    model (str): pipeline `spacy-pii serve` loads (when it is started here).
    workers (int): its --workers.
    url (Optional[str]): a running server to measure instead of starting one.
    presidio_url (Optional[str]): Presidio's analyzer REST server, if any.
    n (int): requests per measurement (a tenth of it for batches).
    concurrency (Sequence[int]): client threads of each measurement.
    batch (int): lines per batch request.
    seed (int): seed of the generated log lines.
    api_key (Optional[str]): bearer token of the measured server.
    python (str): interpreter that runs `spacy-pii serve`.
    on_progress (Callable[[str], None]): told each step (for stderr).
    RETURNS (ServeReport): the figures.
    """
    lines = log_lines(max(n, batch), seed)
    proc = None
    report = ServeReport(url=url or "", presidio_url=presidio_url, model=None if url else model,
                         workers=None if url else workers, n=n)
    try:
        if url is None:
            on_progress(f"starting spacy-pii serve --model {model} --workers {workers}")
            proc, url, first = start_server(model, workers, python=python)
            report.url, report.first_answer_s = url, round(first, 2)
            on_progress(f"first answer {first:.2f} s after start")
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else None
        ours = [("/analyze", "line"), ("/analyze", "batch"), ("/redact", "line"), ("/redact", "batch")]
        report.results.extend(measure_target("spacy-pii", url, ours, lines, n, concurrency, batch, headers, on_progress))
        if proc is not None:
            report.peak_rss_mb = round(sum(_hwm_mb(p) for p in _tree(proc.pid)), 1)
        if presidio_url:
            theirs = [("/analyze", "line"), ("/analyze", "batch")]
            report.results.extend(
                measure_target("presidio", presidio_url, theirs, lines, n, concurrency, batch, None, on_progress)
            )
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
    return report


def serve_markdown(report: ServeReport) -> str:
    """The report as a Markdown table (one row per measurement) and its notes."""
    rows = ["| target | endpoint | form | concurrency | requests/s | lines/s | p50 ms | p95 ms | errors |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in report.results:
        form = "1 line" if r.form == "line" else "100 lines"
        rows.append(f"| {r.target} | {r.endpoint} | {form} | {r.concurrency} | {r.requests_per_s:,.1f} | "
                    f"{r.lines_per_s:,.1f} | {r.p50_ms:,.1f} | {r.p95_ms:,.1f} | {r.errors} |")
    notes = []
    if report.workers is not None:
        notes.append(f"spacy-pii serve --model {report.model} --workers {report.workers}")
    if report.first_answer_s is not None:
        notes.append(f"first answer {report.first_answer_s} s after start")
    if report.peak_rss_mb is not None:
        notes.append(f"peak RSS {report.peak_rss_mb} MB (server and workers)")
    return "\n".join(rows) + ("\n\n" + "; ".join(notes) + "\n" if notes else "\n")

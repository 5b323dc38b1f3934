"""Micro-batching: texts from many concurrent requests, grouped into `Runner.redact` calls on
N worker processes.

A request puts its texts on one queue and awaits them. A collector task waits for a free
worker slot, takes what the queue holds (after the first item it waits at most `wait_ms` for
more, up to `max_batch` texts) and sends it to the least busy worker as one job; texts under
different policies (a request's operator, labels, threshold) go in the same job as separate
groups, each one `Runner.redact` call. Each worker holds at most `per_worker` jobs, so while
one runs the next is ready: under load the queue fills while every slot is busy and the next
job takes many texts at once, which is where the throughput comes from; alone, a request waits
`wait_ms` at most.

Workers are spawned processes (a fork would copy the server's threads and sockets), each with
its own `Runner.load`; they ignore SIGINT and SIGTERM, so a signal to the process group lets
the server drain its requests before it stops them (`close`). `InProcessPool` runs one runner
on a thread instead (--workers 0, and the tests' small pipelines).
"""
import asyncio
import gc
import itertools
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
import warnings
from concurrent.futures import Future
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ..errors import Errors, SpacyPIIError
from ..labels import LABELS
from ..operators.core import RedactionPolicy
from ..operators.policy import effective_policy
from ..runner import Redaction, Runner, share_of_cores

logger = logging.getLogger("spacy_pii.serve")

# Overrides of the component's policy, hashable so equal options share a job group and a
# cached policy: sorted (name, value) pairs, mappings as sorted pairs, sequences as tuples.
PolicySpec = Tuple[Tuple[str, Any], ...]
Group = Tuple[PolicySpec, List[str]]
_POLL = 0.2  # seconds between liveness checks of the workers
_POLICY_CACHE = 256


class WorkerFailed(SpacyPIIError):
    """A job failed in a worker (it died, or redacting raised): the reason names the error's
    type or code, never a text."""


def make_spec(**overrides: Any) -> PolicySpec:
    """A `PolicySpec` from `effective_policy` keywords (None values left out).

    RETURNS (PolicySpec): the hashable spec.
    """
    items = []
    for name, value in overrides.items():
        if value is None:
            continue
        if isinstance(value, dict):
            value = tuple(sorted(value.items()))
        elif isinstance(value, (list, set, frozenset)):
            value = tuple(value)
        items.append((name, value))
    return tuple(sorted(items))


def spec_overrides(spec: PolicySpec) -> Dict[str, Any]:
    """The `effective_policy` keywords of a spec."""
    out: Dict[str, Any] = {}
    for name, value in spec:
        out[name] = dict(value) if name in ("operators", "thresholds") else value
    return out


class PolicyCache:
    """Policies built once per spec from a base policy (`effective_policy`), with the
    server's key: a request never carries a key.

    base (RedactionPolicy): the component's policy.
    key (Optional[bytes]): the server's key, for the keyed operators.
    """

    def __init__(self, base: RedactionPolicy, key: Optional[bytes]) -> None:
        self.base = base
        self.key = key
        self._cache: Dict[PolicySpec, RedactionPolicy] = {}

    def get(self, spec: PolicySpec) -> RedactionPolicy:
        """The policy of a spec. RAISES (SpacyPIIError): bad options (coded, no text)."""
        policy = self._cache.get(spec)
        if policy is None:
            overrides = spec_overrides(spec)
            if self.key is not None:
                overrides["key"] = self.key
            policy = effective_policy(self.base, key_from_env=False, **overrides)
            if len(self._cache) >= _POLICY_CACHE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[spec] = policy
        return policy


def run_groups(runner: Runner, policies: PolicyCache, groups: Sequence[Group]) -> List[Any]:
    """Run one job: each group's texts through `runner.redact` under its policy.

    RETURNS (List[Any]): per group, its `List[Redaction]`, or a `WorkerFailed` for a group
        that failed (the other groups still run).
    """
    out: List[Any] = []
    for spec, texts in groups:
        try:
            out.append(runner.redact(texts, policies.get(spec)))
        except SpacyPIIError as e:
            out.append(WorkerFailed(Errors.E811.format(reason=str(e))))
        except Exception as e:  # noqa: BLE001 - its message may quote a text: type only
            out.append(WorkerFailed(Errors.E811.format(reason=type(e).__name__)))
    return out


def _debug() -> bool:
    # SPACY_PII_DEBUG=1 shows tracebacks (they may quote text): only an explicit "1".
    return os.environ.get("SPACY_PII_DEBUG") == "1"


def entities_of(runner: Runner) -> List[str]:
    """The entity types a runner reports: its component's labels."""
    return list(runner.policy.labels) if runner.policy.labels is not None else list(LABELS)


def _warning_without_text(message: Any, category: Any, filename: str, lineno: int, file: Any = None,
                          line: Any = None) -> None:
    # A component may warn with the text it was given (spaCy's W102 quotes user data).
    logger.warning("%s at %s:%d (message withheld: it may quote request text)",
                   getattr(category, "__name__", "Warning"), os.path.basename(filename), lineno)


# --- worker processes ---------------------------------------------------------------------


def _worker_main(
    index: int,
    model: Any,
    threads: int,
    key: Optional[bytes],
    jobs: "multiprocessing.Queue[Any]",
    results: "multiprocessing.Queue[Any]",
) -> None:
    # The server drains its requests on SIGTERM/SIGINT, then stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.close(devnull)
    warnings.showwarning = _warning_without_text
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    try:
        runner = Runner.load(model, threads=threads)
        policies = PolicyCache(runner.policy, key)
    except Exception as e:  # noqa: BLE001 - reported to the server, which refuses to start
        if _debug():
            logging.basicConfig()
            logger.error("loading the model failed", exc_info=True)
        reason = str(e) if isinstance(e, SpacyPIIError) else type(e).__name__
        results.put(("failed", index, reason))
        return
    results.put(("ready", index, entities_of(runner)))
    try:
        while True:
            job = jobs.get()
            if job is None:
                return
            job_id, groups = job
            results.put(("done", job_id, run_groups(runner, policies, groups)))
    except BaseException as e:  # noqa: BLE001 - multiprocessing would print its message
        logger.error("worker %d stopped: %s (message withheld)", index, type(e).__name__)
        os._exit(1)  # the server fails its jobs and starts another worker


def _exit_with_parent(parent: int) -> None:
    """A worker whose server died (killed, not stopped) must not live on."""
    while os.getppid() == parent:
        time.sleep(_POLL * 5)
    os._exit(0)


class _Worker:
    def __init__(self, index: int) -> None:
        self.index = index
        self.process: Optional[Any] = None
        self.jobs: Optional["multiprocessing.Queue[Any]"] = None
        self.ready = False
        self.in_flight: Dict[int, "Future[List[Any]]"] = {}


class ProcessPool:
    """N spawned worker processes, each with its own `Runner.load(model)`.

    model (Any): package name or pipeline directory.
    workers (int): processes (>= 1).
    key (Optional[bytes]): the server's key, for keyed operators.
    threads (int): encoder threads per worker; 0: a fair share of the cores.
    """

    def __init__(self, model: Any, workers: int, key: Optional[bytes] = None, threads: int = 0) -> None:
        self.model = model
        self.size = max(1, workers)
        self.key = key
        self.threads = threads or share_of_cores(self.size)
        self._ctx = multiprocessing.get_context("spawn")
        self._results: "multiprocessing.Queue[Any]" = self._ctx.Queue()
        self._workers = [_Worker(i) for i in range(self.size)]
        self._lock = threading.Lock()
        self._ids = itertools.count()
        self._closing = False
        self.failure: Optional[str] = None
        self.entities: Optional[List[str]] = None
        self._reader = threading.Thread(target=self._read_results, name="spacy-pii-serve-results", daemon=True)

    def start(self) -> "ProcessPool":
        """Spawn the workers (they load the model in the background; see `ready`)."""
        for worker in self._workers:
            self._spawn(worker)
        self._reader.start()
        return self

    def _spawn(self, worker: _Worker) -> None:
        worker.jobs = self._ctx.Queue()
        worker.ready = False
        worker.process = self._ctx.Process(
            target=_worker_main,
            args=(worker.index, self.model, self.threads, self.key, worker.jobs, self._results),
            name=f"spacy-pii-serve-worker-{worker.index}",
            daemon=True,
        )
        worker.process.start()

    @property
    def loading(self) -> int:
        """Workers that have not loaded the model yet."""
        return sum(not w.ready for w in self._workers)

    def submit(self, groups: List[Group]) -> "Future[List[Any]]":
        """Send one job to the least busy ready worker.

        RETURNS (Future[List[Any]]): `run_groups`' answer.
        """
        future: "Future[List[Any]]" = Future()
        with self._lock:
            ready = [w for w in self._workers if w.ready]
            if self._closing:
                future.set_exception(WorkerFailed(Errors.E816))
                return future
            if not ready:
                future.set_exception(WorkerFailed(Errors.E811.format(reason="no worker is ready")))
                return future
            worker = min(ready, key=lambda w: len(w.in_flight))
            job_id = next(self._ids)
            worker.in_flight[job_id] = future
            assert worker.jobs is not None
            worker.jobs.put((job_id, groups))
        return future

    def _read_results(self) -> None:
        while True:
            try:
                kind, ident, payload = self._results.get(timeout=_POLL)
            except queue.Empty:
                if self._closing:
                    return
                self._check_alive()
                continue
            except (EOFError, OSError):
                return
            with self._lock:
                if kind == "ready":
                    self._workers[ident].ready = True
                    self.entities = payload
                    logger.info("worker %d ready", ident)
                elif kind == "failed":
                    self.failure = Errors.E812.format(index=ident, model=str(self.model), reason=payload)
                    logger.error("%s", self.failure)
                else:
                    for worker in self._workers:
                        future = worker.in_flight.pop(ident, None)
                        if future is not None:
                            future.set_result(payload)
                            break

    def _check_alive(self) -> None:
        with self._lock:
            for worker in self._workers:
                process = worker.process
                if process is None or process.is_alive() or self._closing or self.failure:
                    continue
                # Its jobs fail (their requests answer 500, never unredacted text) and a new
                # worker takes its place; the server is not ready again until it has loaded.
                logger.error("worker %d exited (code %s); restarting it", worker.index, process.exitcode)
                for future in worker.in_flight.values():
                    future.set_exception(WorkerFailed(Errors.E811.format(reason=f"worker exit code {process.exitcode}")))
                worker.in_flight.clear()
                self._spawn(worker)

    def close(self, timeout: float = 10.0) -> None:
        """Stop the workers: each finishes its jobs, then exits; killed after `timeout` s."""
        self._closing = True
        for worker in self._workers:
            if worker.jobs is not None:
                try:
                    worker.jobs.put(None)
                except (OSError, ValueError):
                    pass
        deadline = time.monotonic() + timeout
        for worker in self._workers:
            if worker.process is not None:
                worker.process.join(max(0.0, deadline - time.monotonic()))
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join(1.0)
        with self._lock:
            for worker in self._workers:
                for future in worker.in_flight.values():
                    if not future.done():
                        future.set_exception(WorkerFailed(Errors.E811.format(reason="the server stopped")))
                worker.in_flight.clear()
        if self._reader.is_alive():
            self._reader.join(_POLL * 5)
        # Queues hold named semaphores: released now, not reported as leaked at exit.
        queues = [w.jobs for w in self._workers if w.jobs is not None] + [self._results]
        for worker in self._workers:
            worker.jobs = None
            worker.process = None  # its args hold the queues too
        self._results = None  # type: ignore[assignment]
        for q in queues:
            q.close()
            q.cancel_join_thread()
        del queues
        gc.collect()


class InProcessPool:
    """One runner on one thread of the server process (--workers 0, and tests).

    runner_factory (Callable[[], Runner]): builds the runner (on the worker thread).
    key (Optional[bytes]): the server's key.
    model (str): what the factory loads, for messages.
    """

    def __init__(self, runner_factory: Callable[[], Runner], key: Optional[bytes] = None, model: str = "") -> None:
        self.size = 1
        self.model = model
        self._factory = runner_factory
        self._key = key
        self._jobs: "queue.Queue[Any]" = queue.Queue()
        self._runner: Optional[Runner] = None
        self._policies: Optional[PolicyCache] = None
        self.failure: Optional[str] = None
        self.entities: Optional[List[str]] = None
        self._thread = threading.Thread(target=self._run, name="spacy-pii-serve-runner", daemon=True)

    def start(self) -> "InProcessPool":
        self._thread.start()
        return self

    @property
    def loading(self) -> int:
        return 0 if self._runner is not None else 1

    def _run(self) -> None:
        try:
            runner = self._factory()
            self._policies = PolicyCache(runner.policy, self._key)
            self.entities = entities_of(runner)
            self._runner = runner
        except Exception as e:  # noqa: BLE001
            reason = str(e) if isinstance(e, SpacyPIIError) else type(e).__name__
            self.failure = Errors.E812.format(index=0, model=self.model, reason=reason)
            logger.error("%s", self.failure, exc_info=_debug())
            return
        while True:
            item = self._jobs.get()
            if item is None:
                return
            groups, future = item
            assert self._policies is not None
            future.set_result(run_groups(runner, self._policies, groups))

    def submit(self, groups: List[Group]) -> "Future[List[Any]]":
        future: "Future[List[Any]]" = Future()
        if self._runner is None:
            future.set_exception(WorkerFailed(Errors.E811.format(reason="no worker is ready")))
        else:
            self._jobs.put((groups, future))
        return future

    def close(self, timeout: float = 10.0) -> None:
        self._jobs.put(None)
        self._thread.join(timeout)


# --- the batcher ---------------------------------------------------------------------------


class MicroBatcher:
    """Groups texts of concurrent requests into jobs for a pool.

    pool (Any): a `ProcessPool` or `InProcessPool`.
    max_batch (int): most texts in one job.
    wait_ms (float): after the first text, how long to wait for more.
    per_worker (int): jobs in flight per worker.
    """

    def __init__(self, pool: Any, *, max_batch: int = 64, wait_ms: float = 2.0, per_worker: int = 2) -> None:
        self.pool = pool
        self.max_batch = max(1, max_batch)
        self.wait = max(0.0, wait_ms) / 1000.0
        self.slots = max(1, per_worker * pool.size)
        self._queue: "Optional[asyncio.Queue[Tuple[PolicySpec, List[str], asyncio.Future[List[Redaction]]]]]" = None
        self._task: "Optional[asyncio.Task[None]]" = None
        self._slots: Optional[asyncio.Semaphore] = None
        self.jobs = 0  # jobs sent, for the tests and /health's detail
        self.texts = 0

    async def start(self) -> None:
        """Start the collector on the running loop."""
        self._queue = asyncio.Queue()
        self._slots = asyncio.Semaphore(self.slots)
        self._task = asyncio.get_running_loop().create_task(self._collect())

    async def stop(self) -> None:
        """Stop the collector (call after the requests have drained)."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def redact(self, texts: Sequence[str], spec: PolicySpec = ()) -> List[Redaction]:
        """Redact texts under a policy spec, batched with other requests' texts.

        texts (Sequence[str]): the texts, in order.
        spec (PolicySpec): overrides of the component's policy.
        RETURNS (List[Redaction]): one per text, in order.
        RAISES (WorkerFailed): the job failed (nothing unredacted is returned).
        """
        if not texts:
            return []
        assert self._queue is not None
        loop = asyncio.get_running_loop()
        chunks = [list(texts[i : i + self.max_batch]) for i in range(0, len(texts), self.max_batch)]
        futures = []
        for chunk in chunks:
            future: "asyncio.Future[List[Redaction]]" = loop.create_future()
            self._queue.put_nowait((spec, chunk, future))
            futures.append(future)
        out: List[Redaction] = []
        for part in await asyncio.gather(*futures):
            out.extend(part)
        return out

    async def _collect(self) -> None:
        assert self._queue is not None and self._slots is not None
        loop = asyncio.get_running_loop()
        while True:
            await self._slots.acquire()
            items = [await self._queue.get()]
            n = len(items[0][1])
            deadline = loop.time() + self.wait
            while n < self.max_batch:
                try:
                    item = self._queue.get_nowait()
                except asyncio.QueueEmpty:
                    remaining = deadline - loop.time()
                    if remaining <= 0:
                        break
                    try:
                        item = await asyncio.wait_for(self._queue.get(), remaining)
                    except asyncio.TimeoutError:
                        break
                items.append(item)
                n += len(item[1])
            self._send(items)

    def _send(self, items: List[Tuple[PolicySpec, List[str], "asyncio.Future[List[Redaction]]"]]) -> None:
        assert self._slots is not None
        groups: Dict[PolicySpec, List[str]] = {}
        owners: Dict[PolicySpec, List[Tuple[int, int, "asyncio.Future[List[Redaction]]"]]] = {}
        for spec, texts, future in items:
            group = groups.setdefault(spec, [])
            owners.setdefault(spec, []).append((len(group), len(texts), future))
            group.extend(texts)
        specs = list(groups)
        self.jobs += 1
        self.texts += sum(len(t) for t in groups.values())
        job = self.pool.submit([(spec, groups[spec]) for spec in specs])
        loop = asyncio.get_running_loop()
        slots = self._slots

        def deliver(done: "Future[List[Any]]") -> None:
            slots.release()
            error = done.exception()
            for i, spec in enumerate(specs):
                answer: Any = error if error is not None else done.result()[i]
                for start, count, future in owners[spec]:
                    if future.done():
                        continue  # its request was cancelled (the client left)
                    if isinstance(answer, BaseException):
                        future.set_exception(answer)
                    else:
                        future.set_result(answer[start : start + count])

        job.add_done_callback(lambda done: loop.call_soon_threadsafe(deliver, done))

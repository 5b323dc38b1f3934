"""The stream on several processes: `spacy-pii redact --workers N`.

The main process reads lines, cuts batches and runs the multi-line carries (PEM bodies) in
stream order, exactly as one process does; each batch then goes to one of N worker processes,
each with its own pipeline, and a writer thread writes the results in input order as they
complete. At most `2 * N` batches are in flight, so memory stays bounded however fast the
input. What a batch does is the one-process code (`redact_lines`): the same output, the
same per-line fail-closed handling; a worker that dies fails its batch closed by --on-error.
"""
import multiprocessing
import os
import queue
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from .loop import BatchResult, RedactFn, StreamConfig, StreamRedactor, StreamStats, redact_lines
from .reading import InputSource, Line

_WORKER: Dict[str, Any] = {}
_POLL = 0.1  # seconds between checks for the writer's failure while the main thread waits


def _init_worker(make_redact: Callable[[], RedactFn], config: StreamConfig) -> None:
    # Ctrl-C goes to the whole process group: the main process handles it and stops the
    # workers; a worker must not print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # stdout carries the main process's data only, and a worker holding the pipe open would
    # keep a reader (`| head`) waiting after the main process is gone.
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.close(devnull)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _WORKER["redact"] = make_redact()
    _WORKER["config"] = config


def _exit_with_parent(parent: int) -> None:
    """A worker whose main process died (killed, not stopped) must not live on."""
    while os.getppid() == parent:
        time.sleep(_POLL * 5)
    os._exit(0)


def _run_batch(lines: Sequence[Line], carried: Sequence[Optional[str]]) -> BatchResult:
    return redact_lines(lines, _WORKER["redact"], _WORKER["config"], carried)


def _ready() -> bool:
    return "redact" in _WORKER


def _failing(error: BaseException) -> RedactFn:
    def redact(texts: List[str]) -> List[Tuple[str, List[str]]]:
        raise error

    return redact


class ParallelStreamRedactor(StreamRedactor):
    """`StreamRedactor` whose batches run on `workers` processes, written in input order.

    make_redact (Callable[[], RedactFn]): picklable; called once in each worker to build its
        redact function (e.g. load the pipeline and its policy).
    out, config, on_line_error, on_batch, carries, clock: as for `StreamRedactor`.
    workers (int): worker processes (2 or more makes sense; 1 works too).
    """

    def __init__(
        self,
        make_redact: Callable[[], RedactFn],
        out: Any,
        config: Optional[StreamConfig] = None,
        *,
        workers: int = 2,
        **kwargs: Any,
    ) -> None:
        super().__init__(_failing(RuntimeError("the main process does not redact")), out, config, **kwargs)
        self.workers = workers
        self.make_redact = make_redact
        self._pool: Optional[ProcessPoolExecutor] = None
        self._pending: "queue.Queue[Optional[Tuple[Future, Sequence[Line], Sequence[Optional[str]]]]]" = queue.Queue()
        self._slots = threading.Semaphore(2 * workers)
        self._error: Optional[BaseException] = None
        self._writer: Optional[threading.Thread] = None

    def start(self) -> "ParallelStreamRedactor":
        """Start the workers and wait until each has built its pipeline.

        RAISES: whatever building the pipeline raised in a worker (e.g. a model that does
            not load), as `BrokenProcessPool` with that error as its cause when it can.
        """
        self._pool = self._new_pool()
        self._writer = threading.Thread(target=self._write_in_order, name="spacy-pii-writer", daemon=True)
        self._writer.start()
        return self

    def _new_pool(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("spawn")  # a fork would copy threads and sessions
        pool = ProcessPoolExecutor(
            self.workers, mp_context=ctx, initializer=_init_worker, initargs=(self.make_redact, self.config)
        )
        for future in [pool.submit(_ready) for _ in range(self.workers)]:
            future.result()
        return pool

    def process_batch(self, lines: Sequence[Line]) -> None:
        if not lines:
            return
        self._check()
        carried = self.carried(lines)
        while not self._slots.acquire(timeout=_POLL):
            self._check()
        assert self._pool is not None
        future: Future
        try:
            future = self._pool.submit(_run_batch, list(lines), carried)
        except Exception as e:  # the pool broke (a worker died): fail this batch closed ...
            future = Future()
            future.set_exception(e)
            self._restart()  # ... and redact the next ones with new workers
        self._pending.put((future, list(lines), carried))

    def _restart(self) -> None:
        self._stop_pool()
        self._pool = self._new_pool()

    def _stop_pool(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            for proc in list(getattr(pool, "_processes", {}).values()):
                proc.terminate()
            pool.shutdown(wait=False)

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    def _write_in_order(self) -> None:
        while True:
            item = self._pending.get()
            if item is None:
                return
            future, lines, carried = item
            try:
                try:
                    result = future.result()
                except Exception as e:  # the worker died or could not pickle: fail closed
                    result = redact_lines(lines, _failing(e), self.config, carried)
                self.write(result, lines)
            except BaseException as e:  # a fatal line (--on-error fail), a closed stdout, ...
                self._error = e
                self._cancel()
                return
            finally:
                self._slots.release()

    def _cancel(self) -> None:
        while True:
            try:
                item = self._pending.get_nowait()
            except queue.Empty:
                return
            # Dropped, not cancelled: Python 3.11's pool manager thread sets an exception on
            # every pending future when its workers are terminated, and raises (a traceback on
            # stderr) if one was cancelled. A dropped batch is never written either way.
            if item is not None:
                self._slots.release()

    def _finish(self) -> None:
        """Wait until every submitted batch is written; raise what the writer hit."""
        self._pending.put(None)
        if self._writer is not None:
            while self._writer.is_alive():
                self._writer.join(timeout=_POLL)
        self._check()

    def close(self) -> None:
        """Stop the workers (pending batches are dropped; written lines stay written)."""
        self._cancel()
        self._pending.put(None)
        self._stop_pool()

    def _run_with_workers(self, body: Callable[[], object]) -> StreamStats:
        """Start the workers, run the one-process loop (which submits), wait for the writer."""
        try:
            if self._pool is None:
                self.start()
            body()
            self._finish()
        finally:
            self.close()
            self.stats.stop()
        return self.stats

    def run(self, sources: Sequence[InputSource]) -> StreamStats:
        return self._run_with_workers(lambda: StreamRedactor.run(self, sources))

    def run_lines(self, lines: Any) -> StreamStats:
        return self._run_with_workers(lambda: StreamRedactor.run_lines(self, lines))

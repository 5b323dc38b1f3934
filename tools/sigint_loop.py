"""Send SIGINT to `spacy-pii redact` at random points, many times, under CPU load, and report
how many runs exited (with 130) and how long each took after the signal.

Not a test: it proves over many tries that Ctrl-C always stops the command (issue 18: once,
on a busy machine, `redact` was still running 300 s after SIGINT). Each run streams lines
into stdin at random pauses, and the signal lands at a random point: during start-up and
model load, while lines are flowing, or while the command waits on a silent stdin.

    nice -n 15 .venv/bin/python tools/sigint_loop.py --runs 30

`--demo` shows the mechanism of the hang in a 20-line child process instead: a main thread
that waits on `queue.Queue.get()` without a timeout is not woken by a SIGINT whose C-level
handler ran elsewhere (here the signal is blocked in the main thread so the kernel must hand
it to the other thread; in the redact command it also happens when the handler runs just
before the thread blocks), while a wait with a timeout returns to the interpreter, which then
raises KeyboardInterrupt.

Every wait is bounded (`--patience` per run, `--budget` for the whole loop).
"""
import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import IO, Any, List, Optional, Tuple

LINES = [
    b"user Jane Doe logged in from 10.1.2.3\n",
    b"mail to jane.doe@example.com bounced\n",
    b"GET /health 200 3ms\n",
    b"alice moved to Paris\n",
]

DEMO_CHILD = r"""
import queue, signal, sys, threading, time
timed = sys.argv[1] == "timed"
q = queue.Queue()
# The kernel must hand a process-directed SIGINT to a thread that does not block it.
threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
print("ready", flush=True)
try:
    if timed:
        while True:
            try:
                q.get(timeout=0.2)
            except queue.Empty:
                continue
    else:
        q.get()
except KeyboardInterrupt:
    sys.exit(130)
"""


def build_model(path: Path) -> None:
    """A small pipeline (entity_ruler + pii_redactor), as the tests use."""
    import spacy

    import spacy_pii  # noqa: F401  (registers pii_redactor)

    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Jane Doe"}, {"label": "LOCATION", "pattern": "Paris"}])
    nlp.add_pipe("pii_redactor")
    nlp.to_disk(path)


def start_load(n: int, seconds: float) -> List["subprocess.Popen[bytes]"]:
    """n busy processes (each ends after `seconds`, with its parent, or when stopped by pid)."""
    code = f"import os, time\nend = time.monotonic() + {seconds:.0f}\nwhile os.getppid() != 1 and time.monotonic() < end: pass"
    return [subprocess.Popen([sys.executable, "-c", code]) for _ in range(n)]


class Output:
    """Reads the command's stdout on a thread; tells when the first line came out."""

    def __init__(self, pipe: IO[bytes]) -> None:
        self.first = threading.Event()
        threading.Thread(target=self._read, args=(pipe,), daemon=True).start()

    def _read(self, pipe: IO[bytes]) -> None:
        for _ in iter(pipe.readline, b""):
            self.first.set()


def feed(proc: "subprocess.Popen[bytes]", silent_after: int, rng: random.Random, stop: threading.Event) -> None:
    """Write lines with random pauses (0 to 50 ms); after `silent_after` lines, stdin stays
    open and silent (the command waits for input)."""
    assert proc.stdin is not None
    written = 0
    try:
        while not stop.is_set():
            if written < silent_after:
                proc.stdin.write(rng.choice(LINES))
                proc.stdin.flush()
                written += 1
            stop.wait(rng.uniform(0.0, 0.05))
    except (BrokenPipeError, OSError):
        pass


def one_run(model: Path, rng: random.Random, max_delay: float, patience: float) -> Tuple[str, Optional[int], float]:
    """Start redact, SIGINT it at a random point; RETURNS (where the signal landed, exit code
    or None if it had to be killed, seconds from the signal to the exit).

    Where: "start" (a random time in the first `max_delay` s: imports, model load), "busy"
    (0 to 1 s after the first output line, lines still coming), "idle" (the same, but stdin
    went silent after a few lines: the command waits for input, the case of issue 18)."""
    # faulthandler: a run still alive after `patience` gets SIGABRT, which makes it print
    # every thread's stack (file, line, function: no input text) before it dies.
    proc = subprocess.Popen(
        [sys.executable, "-m", "spacy_pii.cli", "redact", "--model", str(model)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
    )
    assert proc.stdout is not None and proc.stdin is not None and proc.stderr is not None
    output = Output(proc.stdout)
    stderr: List[bytes] = []
    reader = threading.Thread(target=lambda: stderr.append(proc.stderr.read() if proc.stderr else b""), daemon=True)
    reader.start()
    where = rng.choice(["start", "busy", "idle", "idle"])
    stop = threading.Event()
    feeder = threading.Thread(
        target=feed, args=(proc, 10**9 if where == "busy" else rng.randint(1, 5), rng, stop), daemon=True
    )
    feeder.start()
    if where == "start":
        time.sleep(rng.uniform(0.0, max_delay))
    elif output.first.wait(timeout=patience):
        time.sleep(rng.uniform(0.0, 1.0))
    else:
        where = "start"  # no line came out in time: the signal lands in start-up after all
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        # stdin stays open until the process is gone: closing it would end the input and
        # race the signal (the command would exit 0 at end of input).
        code: Optional[int] = proc.wait(timeout=patience)
    except subprocess.TimeoutExpired:
        code = None
        proc.send_signal(signal.SIGABRT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=10)
        print("stacks of the hung run (faulthandler):\n" + b"".join(stderr).decode(errors="replace")[-4000:])
    took = time.monotonic() - sent
    stop.set()
    feeder.join(timeout=5)
    try:
        proc.stdin.close()
    except OSError:
        pass
    return where, code, took


def demo(patience: float) -> None:
    for mode in ("untimed", "timed"):
        proc = subprocess.Popen([sys.executable, "-c", DEMO_CHILD, mode], stdout=subprocess.PIPE)
        assert proc.stdout is not None
        proc.stdout.readline()
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        sent = time.monotonic()
        try:
            code: Optional[int] = proc.wait(timeout=patience)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            code = None
        what = f"exited {code} after {time.monotonic() - sent:.2f} s" if code is not None else f"still running after {patience:.0f} s (killed)"
        print(f"queue.get() {mode:8s}: {what}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="SIGINTs to send (one run each), at most 500")
    parser.add_argument("--load", type=int, default=os.cpu_count() or 2, help="busy processes beside it")
    parser.add_argument("--max-delay", type=float, default=6.0, help="'start' runs: SIGINT at a random time up to this (s)")
    parser.add_argument("--patience", type=float, default=300.0,
                        help="a run still alive this long after SIGINT is hung (a liveness bound, as the test's)")
    parser.add_argument("--budget", type=float, default=1800.0, help="stop starting runs after this (s)")
    parser.add_argument("--model", type=Path, default=None, help="pipeline path (default: a small one built here)")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--demo", action="store_true", help="show the lost wake-up in a small child instead")
    args = parser.parse_args()
    if args.demo:
        demo(min(args.patience, 10.0))
        return 0
    runs = max(1, min(args.runs, 500))
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        model = args.model
        if model is None:
            model = Path(tmp) / "model"
            build_model(model)
        load = start_load(max(0, args.load), args.budget + 2 * args.patience + 60)
        results: List[Tuple[str, Optional[int], float]] = []
        began = time.monotonic()
        try:
            for i in range(runs):
                if time.monotonic() - began > args.budget:
                    print(f"budget of {args.budget:.0f} s spent after {i} runs")
                    break
                results.append(one_run(model, rng, args.max_delay, args.patience))
                where, code, took = results[-1]
                print(f"run {i + 1:3d} ({where:5s}): {'HUNG' if code is None else f'exit {code}'} "
                      f"{took:6.2f} s after SIGINT", flush=True)
        finally:
            for proc in load:
                proc.terminate()
            for proc in load:
                proc.wait(timeout=30)
    exited = [took for _, code, took in results if code is not None]
    codes = Counter("hung" if code is None else code for _, code, _ in results)
    places = Counter(where for where, _, _ in results)
    print(
        f"\n{len(exited)} of {len(results)} runs exited after SIGINT (exit codes: "
        + ", ".join(f"{c}: {n}" for c, n in sorted(codes.items(), key=str))
        + "); signal landed: " + ", ".join(f"{w} {n}" for w, n in sorted(places.items()))
        + f"; load: {args.load} busy processes, load average at the end {os.getloadavg()[0]:.1f}"
    )
    if codes.get(-2):
        print("exit -2: SIGINT during Python start-up or imports, before the command's handler; "
              "the process ended by the signal")
    if exited:
        print(
            f"seconds from SIGINT to exit: median {statistics.median(exited):.2f}, "
            f"max {max(exited):.2f}, min {min(exited):.2f}"
        )
    return 0 if len(exited) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""`spacy-pii serve` as a real process on 127.0.0.1 and an ephemeral port: two worker processes
answering concurrent requests in order, SIGTERM draining a request in flight, a model that
does not load, and the refusal to bind beyond loopback without an API key. Every wait is
bounded; every server is killed in teardown."""
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from spacy_pii.cli import app as cli_app

SECRET = "Jane Doe"
BOUND = 180.0  # seconds any one wait may take on a loaded machine; never asserted on
GATE_ENV = "SPACY_PII_TEST_GATE_DIR"


@Language.component("serve_test_gate")
def serve_test_gate(doc: Doc) -> Doc:
    """Holds a Doc with "GATE" in it until the test lets it go (a request kept in flight)."""
    gate = os.environ.get(GATE_ENV)
    if gate and "GATE" in doc.text:
        Path(gate, "entered").touch()
        for _ in range(int(BOUND / 0.05)):
            if Path(gate, "release").exists():
                break
            time.sleep(0.05)
    return doc


GATE_SCRIPT = """
import os, sys, time
from pathlib import Path
from spacy.language import Language

@Language.component("serve_test_gate")
def serve_test_gate(doc):
    gate = os.environ.get("SPACY_PII_TEST_GATE_DIR")
    if gate and "GATE" in doc.text:
        Path(gate, "entered").touch()
        for _ in range(3600):
            if Path(gate, "release").exists():
                break
            time.sleep(0.05)
    return doc

from spacy_pii.cli import app
sys.argv = ["spacy-pii", *sys.argv[1:]]
app()
"""


class Server:
    """A `spacy-pii serve` subprocess whose stderr is collected by a thread."""

    def __init__(self, argv: List[str], env: Optional[Dict[str, str]] = None) -> None:
        full_env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", **(env or {}))
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=full_env, text=True)
        self.lines: List[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.port = 0

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    def wait_for(self, pattern: str) -> "re.Match[str]":
        deadline = time.monotonic() + BOUND
        while time.monotonic() < deadline:
            found = re.search(pattern, self.stderr)
            if found:
                return found
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"server never logged {pattern!r}; stderr:\n{self.stderr[-3000:]}")

    def start(self) -> "Server":
        self.port = int(self.wait_for(r"Uvicorn running on http://127\.0\.0\.1:(\d+)").group(1))
        deadline = time.monotonic() + BOUND
        while time.monotonic() < deadline:
            if request(self.port, "GET", "/health")[0] == 200:
                return self
            time.sleep(0.2)
        raise AssertionError(f"never ready; stderr:\n{self.stderr[-3000:]}")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(30)


def request(port: int, method: str, path: str, body: Any = None, timeout: float = BOUND) -> Tuple[int, Any]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        payload = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=payload, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        data = response.read()
        try:
            return response.status, json.loads(data)
        except ValueError:
            return response.status, data.decode()
    except OSError:
        return 0, None
    finally:
        conn.close()


def serve_argv(*args: str) -> List[str]:
    return [sys.executable, "-m", "spacy_pii.cli", "serve", "--port", "0", *args]


@pytest.fixture(scope="module")
def two_workers(pii_model_path: Path) -> Iterator[Server]:
    server = Server(serve_argv("--model", str(pii_model_path), "--workers", "2", "--batch-wait-ms", "5"))
    try:
        yield server.start()
    finally:
        server.kill()


def test_two_workers_answer_concurrent_requests_in_order(two_workers: Server) -> None:
    n = 32
    answers: List[Any] = [None] * n

    def call(i: int) -> None:
        texts = [f"{i} {SECRET} {j}" for j in range(i % 4 + 1)]
        answers[i] = request(two_workers.port, "POST", "/redact", {"texts": texts})

    threads = [threading.Thread(target=call, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(BOUND)
    for i, answer in enumerate(answers):
        assert answer == (200, {"texts": [f"{i} [PERSON] {j}" for j in range(i % 4 + 1)]})
    status, results = request(two_workers.port, "POST", "/analyze", {"text": f"Hi {SECRET}", "language": "en"})
    assert status == 200 and [(r["entity_type"], r["start"], r["end"]) for r in results] == [("PERSON", 3, 11)]
    assert SECRET not in two_workers.stderr
    assert "POST /redact 200" in two_workers.stderr


def _workers_of(pid: int) -> List[int]:
    out: List[int] = []
    children: List[str] = []
    # Each thread lists the children it started (a replacement worker: the reader thread's).
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += (task / "children").read_text().split()
        except OSError:
            pass
    for child in children:
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                out.append(int(child))
        except OSError:
            pass
    return out


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_a_dead_worker_is_replaced(two_workers: Server) -> None:
    before = _workers_of(two_workers.proc.pid)
    assert len(before) == 2
    os.kill(before[0], signal.SIGKILL)
    deadline = time.monotonic() + BOUND
    after: List[int] = []
    while time.monotonic() < deadline:
        after = _workers_of(two_workers.proc.pid)
        if len(after) == 2 and before[0] not in after and request(two_workers.port, "GET", "/health")[0] == 200:
            break
        time.sleep(0.2)
    assert len(after) == 2 and before[0] not in after
    assert request(two_workers.port, "POST", "/redact", {"text": f"Hi {SECRET}"}) == (200, {"text": "Hi [PERSON]"})
    assert "worker 0 exited" in two_workers.stderr or "worker 1 exited" in two_workers.stderr


def test_sigterm_drains_the_request_in_flight(pii_model_path: Path, tmp_path: Path) -> None:
    import spacy

    nlp = spacy.load(pii_model_path)
    nlp.add_pipe("serve_test_gate", first=True)
    model = tmp_path / "gated"
    nlp.to_disk(model)
    script = tmp_path / "serve_gated.py"
    script.write_text(GATE_SCRIPT)
    gate = tmp_path / "gate"
    gate.mkdir()
    server = Server([sys.executable, str(script), "serve", "--port", "0", "--workers", "0", "--model", str(model)],
                    env={GATE_ENV: str(gate)})
    try:
        server.start()
        answer: List[Any] = []
        client = threading.Thread(
            target=lambda: answer.append(request(server.port, "POST", "/redact", {"text": f"GATE {SECRET}"}))
        )
        client.start()
        deadline = time.monotonic() + BOUND
        while not (gate / "entered").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (gate / "entered").exists()
        server.proc.send_signal(signal.SIGTERM)
        server.wait_for(r"Shutting down")
        assert server.proc.poll() is None  # still draining
        (gate / "release").touch()
        client.join(BOUND)
        assert answer == [(200, {"text": "GATE [PERSON]"})]
        assert server.proc.wait(BOUND) in (0, -signal.SIGTERM)
        assert SECRET not in server.stderr
    finally:
        (gate / "release").touch()
        server.kill()


def test_a_model_that_does_not_load_stops_the_server(tmp_path: Path) -> None:
    server = Server(serve_argv("--model", str(tmp_path / "missing"), "--workers", "1"))
    try:
        assert server.proc.wait(BOUND) == 3
        assert "E812" in server.stderr
    finally:
        server.kill()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.1", "::"])
def test_beyond_loopback_needs_an_api_key(host: str) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--host", host, "--port", "0"])
    assert result.exit_code == 2 and "E805" in result.output


def test_empty_api_key_file_is_refused(tmp_path: Path) -> None:
    key = tmp_path / "key"
    key.write_text("\n")
    result = CliRunner().invoke(cli_app, ["serve", "--api-key-file", str(key), "--port", "0"])
    assert result.exit_code == 2 and "E806" in result.output

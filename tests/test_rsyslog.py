"""`spacy-pii redact --rsyslog`: the mmexternal protocol on its own, then inside a real,
private rsyslogd (Debian's package: own config and work directory, imtcp on 127.0.0.1, output
to files), with the fail-closed config of docs/rsyslog.md.

The rsyslogd tests skip where rsyslogd is not installed (`make rsyslog` installs it as root).
Every wait polls up to a generous deadline that only detects a hang; none measures speed."""
import fcntl
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import orjson
import pytest

from spacy_pii.stream import OnError
from spacy_pii.stream.rsyslog import MARK_KEY, RsyslogInput, RsyslogRedactor

PII_VALUES = ["Jane Doe", "jane.doe@example.com", "10.1.2.3", "Paris"]
# Only detects a hang, never a speed bound: on a loaded 2-core machine the plugin's start-up
# (imports and model) was seen to take over 200 s.
DEADLINE = 600.0


def _rsyslogd() -> Optional[str]:
    found = shutil.which("rsyslogd")
    if found is None and os.access("/usr/sbin/rsyslogd", os.X_OK):
        found = "/usr/sbin/rsyslogd"
    return found


RSYSLOGD = _rsyslogd()
needs_rsyslogd = pytest.mark.skipif(
    RSYSLOGD is None, reason="rsyslogd is not installed (`make rsyslog` installs it with apt-get as root)"
)


def plugin_command(*args: str) -> List[str]:
    """The command rsyslog runs: the venv's console script (rsyslog gives it no PATH)."""
    script = Path(sys.executable).parent / "spacy-pii"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "spacy_pii.cli"]
    return [*head, "redact", *args]


def fake_redact(texts: List[str]) -> List[Any]:
    out = []
    for text in texts:
        if "BOOM" in text:
            raise RuntimeError("detector crashed on: " + text)
        out.append((text.replace("Jane Doe", "[PERSON]"), ["PERSON"] if "Jane Doe" in text else []))
    return out


# --- the protocol, without rsyslog ----------------------------------------------------


def MARKED(uuid: str) -> Dict[str, str]:
    return {"redacted": "1", "id": uuid}


@pytest.mark.parametrize(
    "line,reply",
    [
        (b'{"msg": " hi Jane Doe", "uuid": "U1"}\n', {"msg": " hi [PERSON]", "$!": {MARK_KEY: MARKED("U1")}}),
        (b'{"msg": "", "uuid": "U2"}\n', {"msg": "", "$!": {MARK_KEY: MARKED("U2")}}),
        # fail closed: a failing redaction is masked whole (and may go on), ...
        (b'{"msg": "BOOM Jane Doe", "uuid": "U3"}\n', {"msg": "**** **** ***", "$!": {MARK_KEY: MARKED("U3")}}),
        # ... no uuid: redacted but unmarked, so the config quarantines it
        (b'{"msg": " Jane Doe"}\n', {"msg": " [PERSON]"}),
        (b"not json Jane Doe\n", {}),
        (b'["Jane Doe"]\n', {}),
        (b'{"msg": 3, "uuid": "U4"}\n', {}),
    ],
)
def test_fulljson_replies(line: bytes, reply: Any) -> None:
    said: List[str] = []
    redactor = RsyslogRedactor(fake_redact, RsyslogInput.FULLJSON, on_diagnostic=said.append)
    out = redactor.answer(line, 1)
    assert out.endswith(b"\n") and out.count(b"\n") == 1
    assert orjson.loads(out) == reply
    assert not any(value in m for m in said for value in PII_VALUES + ["BOOM"])


@pytest.mark.parametrize("on_error", [OnError.DROP_LINE, OnError.FAIL])
def test_failed_message_is_left_unmarked_with_drop_or_fail(on_error: OnError) -> None:
    said: List[str] = []
    redactor = RsyslogRedactor(fake_redact, RsyslogInput.MSG, on_error=on_error, on_diagnostic=said.append)
    assert redactor.answer(b"BOOM Jane Doe\n", 7) == b"{}\n"
    assert redactor.answer(b"then Jane Doe\n", 8) == b'{"msg":"then [PERSON]","$!":{"spacy_pii":{"redacted":"1"}}}\n'
    assert said == ["[E207] <rsyslog>:7: redaction failed (RuntimeError); the line was left unmarked (quarantined)."]
    assert (redactor.stats.messages, redactor.stats.marked, redactor.stats.unmarked) == (2, 1, 1)


def test_msg_mode_keeps_invalid_bytes_out_of_json() -> None:
    reply = RsyslogRedactor(fake_redact, RsyslogInput.MSG).answer(b"x \xff Jane Doe\n", 1)
    assert orjson.loads(reply)["msg"] == "x \ufffd [PERSON]"


def test_subprocess_speaks_only_the_protocol(pii_model_path: Path, tmp_path: Path) -> None:
    """As rsyslog runs it: empty environment, cwd /, stderr on the same pipe as stdout.
    Every line back is one reply, one per message, in order; the diagnostics are in the
    log file, as codes, without text."""
    log = tmp_path / "plugin.log"
    messages = [
        {"msg": f" {i} Jane Doe wrote to jane.doe@example.com from 10.1.2.3", "uuid": f"ID{i}"} for i in range(5)
    ]
    data = b"".join(orjson.dumps(m) + b"\n" for m in messages) + b"{broken Jane Doe\n"
    proc = subprocess.run(
        plugin_command("--rsyslog", "fulljson", "--model", str(pii_model_path), "--log-file", str(log), "--stats"),
        input=data, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={}, cwd="/", timeout=DEADLINE,
    )
    assert proc.returncode == 0, proc.stdout[-2000:]
    replies = [orjson.loads(line) for line in proc.stdout.splitlines()]
    assert replies == [
        {"msg": f" {i} [PERSON] wrote to [EMAIL_ADDRESS] from [IP_ADDRESS]", "$!": {MARK_KEY: MARKED(f"ID{i}")}}
        for i in range(5)
    ] + [{}]
    logged = log.read_text()
    assert "[E230] <rsyslog>:6:" in logged and "messages: 6 (marked 5, unmarked 1, failed 0)" in logged
    for value in PII_VALUES:
        assert value not in logged


def test_rsyslog_option_checks(pii_model_path: Path, tmp_path: Path) -> None:
    log = tmp_path / "plugin.log"
    proc = subprocess.run(
        plugin_command("--rsyslog", "msg", "--workers", "2", "--model", str(pii_model_path), "--log-file", str(log)),
        input=b"Jane Doe\n", stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=DEADLINE,
    )
    assert proc.returncode == 2 and proc.stdout == b""  # nothing on the reply pipe
    assert "[E232]" in log.read_text()
    proc = subprocess.run(
        plugin_command("--log-file", str(log), "--model", str(pii_model_path)),
        input=b"", stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=DEADLINE,
    )
    assert proc.returncode == 2 and b"[E233]" in proc.stderr


# --- a private rsyslogd ---------------------------------------------------------------


def wait_for(what: str, check: Callable[[], bool]) -> None:
    """Poll `check` until it holds; fail after DEADLINE (a hang, not slowness)."""
    end = time.monotonic() + DEADLINE
    while not check():
        if time.monotonic() > end:
            pytest.fail(f"waited {DEADLINE:.0f} s for {what}")
        time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rsyslog_config(work: Path, port: int, plugin: List[str], input_format: str) -> str:
    """The config of docs/rsyslog.md with this test's paths, plus a plain `%msg%` template
    so the test compares messages."""
    if input_format == "fulljson":
        mark = '$!spacy_pii!redacted == "1" and $!spacy_pii!id == $uuid'
    else:
        mark = '$!spacy_pii!redacted == "1"'
    return f"""
global(workDirectory="{work}" net.enableDNS="off" processInternalMessages="on")
module(load="imtcp")
module(load="mmexternal")
template(name="msgonly" type="string" string="%msg%\\n")
ruleset(name="spacy_pii_redact" queue.type="LinkedList" queue.workerThreads="1") {{
    set $.spacy_pii_uuid = $uuid;
    action(type="mmexternal" interface.input="{input_format}" forceSingleInstance="on"
           binary="{' '.join(plugin)}")
    if {mark} then {{
        action(type="omfile" file="{work}/redacted.log" template="msgonly")
    }} else {{
        action(type="omfile" file="{work}/quarantine.log" template="msgonly" fileCreateMode="0600")
    }}
}}
input(type="imtcp" address="127.0.0.1" port="{port}" ruleset="spacy_pii_redact")
*.* action(type="omfile" file="{work}/rsyslogd-internal.log")
"""


class Rsyslogd:
    """A private rsyslogd in the foreground, its files under `work`."""

    def __init__(self, work: Path, model: Path, input_format: str) -> None:
        assert RSYSLOGD is not None
        self.work = work
        self.port = free_port()
        self.plugin_log = work / "plugin.log"
        plugin = plugin_command("--rsyslog", input_format, "--model", str(model), "--log-file", str(self.plugin_log))
        self.conf = work / "rsyslog.conf"
        self.conf.write_text(rsyslog_config(work, self.port, plugin, input_format))
        self.proc = subprocess.Popen(
            [RSYSLOGD, "-n", "-f", str(self.conf), "-i", str(work / "rsyslogd.pid")],
            stdout=open(work / "rsyslogd.out", "wb"), stderr=subprocess.STDOUT,
        )
        wait_for("rsyslogd to listen", self._listening)
        self.sock = socket.create_connection(("127.0.0.1", self.port))

    def _listening(self) -> bool:
        if self.proc.poll() is not None:
            pytest.fail(f"rsyslogd exited with {self.proc.returncode}: {(self.work / 'rsyslogd.out').read_text()}")
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
            return True
        except OSError:
            return False

    def send(self, msg: str) -> None:
        self.sock.sendall(f"<13>Dec  4 07:00:00 host app: {msg}\n".encode())

    def lines(self, name: str) -> List[str]:
        path = self.work / name
        return path.read_text().splitlines() if path.exists() else []

    def plugins(self) -> List[int]:
        pids: List[int] = []
        for task in Path(f"/proc/{self.proc.pid}/task").iterdir():
            try:
                pids += [int(p) for p in (task / "children").read_text().split()]
            except OSError:
                pass
        return pids

    def stop(self) -> None:
        self.sock.close()
        plugins = self.plugins() if self.proc.poll() is None else []
        self.proc.terminate()
        try:
            self.proc.wait(timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for pid in plugins:  # they exit at EOF; never leave one behind
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


@pytest.fixture
def start_rsyslogd(tmp_path: Path, pii_model_path: Path) -> Iterator[Callable[[str], Rsyslogd]]:
    started: List[Rsyslogd] = []

    def start(input_format: str) -> Rsyslogd:
        work = tmp_path / f"rsyslog-{input_format}"
        work.mkdir()
        started.append(Rsyslogd(work, pii_model_path, input_format))
        return started[-1]

    yield start
    for daemon in started:
        daemon.stop()


def message(i: int) -> str:
    return f"{i} Jane Doe wrote to jane.doe@example.com from 10.1.2.3 in Paris"


def redacted(i: int) -> str:
    # RFC 3164 keeps the space after the tag in MSG.
    return f" {i} [PERSON] wrote to [EMAIL_ADDRESS] from [IP_ADDRESS] in [LOCATION]"


def assert_no_pii(text: str) -> None:
    for value in PII_VALUES:
        assert value not in text, value


@needs_rsyslogd
@pytest.mark.parametrize("input_format", ["fulljson", "msg"])
def test_every_message_arrives_once_in_order_redacted(
    start_rsyslogd: Callable[[str], Rsyslogd], input_format: str
) -> None:
    daemon = start_rsyslogd(input_format)
    n = 40
    for i in range(n):
        daemon.send(message(i))
    wait_for("the redacted messages", lambda: len(daemon.lines("redacted.log")) >= n)
    assert daemon.lines("redacted.log") == [redacted(i) for i in range(n)]
    assert daemon.lines("quarantine.log") == []
    assert_no_pii((daemon.work / "redacted.log").read_text() + daemon.plugin_log.read_text())


def pipe_bytes(pid: int) -> int:
    """Bytes waiting in a process's stdin pipe (read without taking them)."""
    fd = os.open(f"/proc/{pid}/fd/0", os.O_RDONLY | os.O_NONBLOCK)
    try:
        return int(struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0])
    finally:
        os.close(fd)


def state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def numbered(lines: List[str], render: Callable[[int], str]) -> List[int]:
    """The message numbers of output lines, each checked to be exactly `render(number)`."""
    numbers = [int(line.split()[0]) for line in lines]
    assert lines == [render(i) for i in numbers]
    return numbers


@needs_rsyslogd
def test_killed_plugin_leaks_nothing(start_rsyslogd: Callable[[str], Rsyslogd]) -> None:
    """rsyslog lets a message through unchanged when its plugin dies on it (and, measured,
    the messages of the next second or so too, before it restarts the plugin): the config
    quarantines each of them, and the restarted plugin redacts the later ones.

    The plugin is stopped first, so the message it dies on is surely in its pipe, unread."""
    daemon = start_rsyslogd("fulljson")
    for i in range(3):
        daemon.send(message(i))
    wait_for("the first messages", lambda: len(daemon.lines("redacted.log")) >= 3)
    [plugin] = daemon.plugins()
    os.kill(plugin, signal.SIGSTOP)
    wait_for("the plugin to stop", lambda: state(plugin) == "T")
    daemon.send(message(3))
    wait_for("rsyslog to hand the message over", lambda: pipe_bytes(plugin) > 0)
    os.kill(plugin, signal.SIGKILL)
    sent = 4
    end = time.monotonic() + DEADLINE
    # Until a message after the kill comes out redacted: the plugin is back.
    while not any(int(line.split()[0]) > 3 for line in daemon.lines("redacted.log")):
        if time.monotonic() > end:
            pytest.fail(f"no message redacted within {DEADLINE:.0f} s of the plugin's death")
        daemon.send(message(sent))
        sent += 1
        time.sleep(1.0)
    wait_for("every message", lambda: len(daemon.lines("redacted.log")) + len(daemon.lines("quarantine.log")) >= sent)
    passed = numbered(daemon.lines("redacted.log"), redacted)
    quarantined = numbered(daemon.lines("quarantine.log"), lambda i: " " + message(i))  # as it came
    assert passed == sorted(passed) and quarantined == sorted(quarantined)  # in order
    assert sorted(passed + quarantined) == list(range(sent))  # each once
    assert passed[:3] == [0, 1, 2] and 3 in quarantined
    assert_no_pii((daemon.work / "redacted.log").read_text() + daemon.plugin_log.read_text())
    assert plugin not in daemon.plugins()  # a new one took over

"""Tests for `spacy-pii redact`: CliRunner for options and output, real subprocesses for
streaming, SIGPIPE and Ctrl-C."""
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Dict, List, Optional

import orjson
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from spacy_pii.cli import app
from spacy_pii.cli import redact as redact_module

runner = CliRunner()

PII_VALUES = ["Jane Doe", "jane.doe@example.com", "10.1.2.3", "Paris", "Acme Corp", "alice"]


def run(model: Path, args: List[str], data: bytes = b"", env: Optional[Dict[str, str]] = None) -> Any:
    return runner.invoke(app, ["redact", "--model", str(model), *args], input=data, env=env)


def assert_no_values(text: bytes) -> None:
    for value in PII_VALUES:
        assert value.encode() not in text, value


@Language.component("test_boom_on_marker")
def boom_on_marker(doc: Doc) -> Doc:
    """Fails on any text with BOOM: stands in for a detector crashing on some input."""
    if "BOOM" in doc.text:
        raise RuntimeError("detector crashed on: " + doc.text)
    return doc


@pytest.fixture
def booming_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI's model raise on lines containing BOOM."""
    load = redact_module.load_model

    def load_with_boom(model: str) -> Any:
        nlp = load(model)
        nlp.add_pipe("test_boom_on_marker", first=True)
        return nlp

    monkeypatch.setattr(redact_module, "load_model", load_with_boom)


# --- help and errors -----------------------------------------------------------------


def test_help_documents_options_and_exit_codes() -> None:
    result = runner.invoke(app, ["redact", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for text in ["--jsonl", "--key", "--operator-for", "--on-error", "--stats", "Exit codes", "130"]:
        assert text in result.stdout
    assert "130  interrupted" in (redact_module.__doc__ or "")


@pytest.mark.parametrize(
    "args,code",
    [
        (["--operator", "hash"], "E101"),
        (["--operator-for", "PERSON=hash"], "E101"),
        (["--operator", "nope"], "E100"),
        (["--operator-for", "PERSON"], "E203"),
        (["--operator-for", "NOT_A_LABEL=mask"], "E001"),
        (["--labels", "PERSON,NOPE"], "E001"),
        (["--mask-char", "ab"], "E104"),
        (["--key", "user.email"], "E210"),
        (["--jsonl", "--key", "user..email"], "E205"),
        (["no-such-file.txt"], "E204"),
        (["--key-file", "no-such-key"], "E102"),
    ],
)
def test_bad_options_exit_2(pii_model_path: Path, args: List[str], code: str) -> None:
    result = run(pii_model_path, args, b"Jane Doe\n", env={"SPACY_PII_KEY": ""})
    assert result.exit_code == 2, result.stderr
    assert code in result.stderr
    assert result.stdout_bytes == b""


@pytest.mark.parametrize("args", [["--batch-size", "0"], ["--on-error", "explode"], ["--keep-last", "-1"]])
def test_bad_option_values_exit_2(pii_model_path: Path, args: List[str]) -> None:
    assert run(pii_model_path, args, b"x\n").exit_code == 2


def test_missing_model_path_exits_3(tmp_path: Path) -> None:
    result = runner.invoke(app, ["redact", "--model", str(tmp_path / "nope")], input=b"x\n")
    assert result.exit_code == 3
    assert "E200" in result.stderr and "--model" in result.stderr
    assert result.stdout_bytes == b""


def test_default_model_missing_says_what_to_do() -> None:
    if spacy.util.is_package("en_pii"):
        pytest.skip("en_pii is installed here")
    result = runner.invoke(app, ["redact"], input=b"x\n")
    assert result.exit_code == 3
    assert "en_pii is not installed: run `make demo`" in result.stderr
    assert "--model PATH" in result.stderr


def test_model_without_redactor_exits_3(tmp_path: Path) -> None:
    spacy.blank("en").to_disk(tmp_path / "blank")
    result = runner.invoke(app, ["redact", "--model", str(tmp_path / "blank")], input=b"x\n")
    assert result.exit_code == 3
    assert "E111" in result.stderr


def test_unexpected_error_exits_1_without_text(pii_model_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(self: Any, sources: Any) -> None:
        raise KeyError("jane.doe@example.com")

    monkeypatch.setattr(redact_module.StreamRedactor, "run", explode)
    result = run(pii_model_path, [], b"jane.doe@example.com\n")
    assert result.exit_code == 1
    assert "E209" in result.stderr and "KeyError" in result.stderr
    assert_no_values(result.stderr_bytes)


# --- plain text ----------------------------------------------------------------------


def test_redacts_lines_and_keeps_bytes(pii_model_path: Path) -> None:
    data = (
        b"Jane Doe wrote from 10.1.2.3\r\n"
        b"\n"
        b"nul\x00 inside, mail jane.doe@example.com\n"
        b"\xff\xfe not utf-8 \x80 near Paris \xc3(\n"
        b"\r\n"
        b"last line without newline, Acme Corp"
    )
    result = run(pii_model_path, [], data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == (
        b"[PERSON] wrote from [IP_ADDRESS]\r\n"
        b"\n"
        b"nul\x00 inside, mail [EMAIL_ADDRESS]\n"
        b"\xff\xfe not utf-8 \x80 near [LOCATION] \xc3(\n"
        b"\r\n"
        b"last line without newline, [ORGANIZATION]"
    )
    assert result.stderr_bytes == b""


def test_files_and_stdin_in_order(pii_model_path: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.log", tmp_path / "b.log"
    a.write_bytes(b"a1 Jane Doe\na2")
    b.write_bytes(b"b1 alice\n")
    result = run(pii_model_path, [str(a), "-", str(b)], b"s1 10.1.2.3\n")
    assert result.exit_code == 0, result.stderr
    # a.log's last line has no newline: it is still its own output line (one out per line in).
    assert result.stdout_bytes == b"a1 [PERSON]\na2\ns1 [IP_ADDRESS]\nb1 [PERSON]\n"


def test_one_megabyte_line_is_redacted_whole(pii_model_path: Path) -> None:
    filler = b"lorem ipsum " * 90_000
    line = filler + b"jane.doe@example.com"
    assert len(line) > 1_000_000
    result = run(pii_model_path, [], b"before Jane Doe\n" + line + b"\nafter\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b"before [PERSON]\n" + filler + b"[EMAIL_ADDRESS]\nafter\n"


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--operator", "mask"], b"**** *** mailed ****.***@*******.***\n"),
        (["--operator", "remove"], b" mailed \n"),
        (["--operator-for", "EMAIL_ADDRESS=mask"], b"[PERSON] mailed ****.***@*******.***\n"),
        (["--labels", "EMAIL_ADDRESS"], b"Jane Doe mailed [EMAIL_ADDRESS]\n"),
    ],
)
def test_operators(pii_model_path: Path, args: List[str], expected: bytes) -> None:
    result = run(pii_model_path, args, b"Jane Doe mailed jane.doe@example.com\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == expected


def test_mask_char_and_keep_last(pii_model_path: Path) -> None:
    args = ["--operator", "mask", "--mask-char", "#", "--keep-last", "4"]
    result = run(pii_model_path, args, b"Jane Doe paid with 4111 1111 1111 1111\n")
    assert result.exit_code == 0, result.stderr
    # keep_last shows the end of number-like values only, never of a name
    assert result.stdout_bytes == b"#### ### paid with #### #### #### 1111\n"


def test_hash_and_pseudonym_with_key(pii_model_path: Path, tmp_path: Path) -> None:
    key = tmp_path / "key"
    key.write_bytes(b"test-secret\n")
    data = b"Jane Doe and Jane Doe\n"
    by_file = run(pii_model_path, ["--operator", "hash", "--key-file", str(key)], data)
    by_env = run(pii_model_path, ["--operator", "hash"], data, env={"SPACY_PII_KEY": "test-secret"})
    assert by_file.exit_code == 0 and by_env.exit_code == 0, by_file.stderr + by_env.stderr
    assert by_file.stdout_bytes == by_env.stdout_bytes
    first, second = by_file.stdout_bytes.strip().split(b" and ")
    assert first.startswith(b"[PERSON:") and first == second
    pseudo = run(pii_model_path, ["--operator", "pseudonym", "--key-file", str(key)], data)
    assert pseudo.exit_code == 0
    assert pseudo.stdout_bytes.startswith(b"<PERSON_")
    assert_no_values(by_file.stdout_bytes + pseudo.stdout_bytes)


@pytest.mark.parametrize("tty", [False, True])
def test_progress_never_touches_stdout(
    pii_model_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tty: bool
) -> None:
    f = tmp_path / "in.txt"
    f.write_bytes(b"Jane Doe\n" * 500)
    monkeypatch.setattr(redact_module, "_stderr_is_tty", lambda: tty)
    result = run(pii_model_path, ["--progress", str(f)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b"[PERSON]\n" * 500
    if not tty:
        assert result.stderr_bytes == b""
    assert_no_values(result.stderr_bytes)


# --- JSONL ---------------------------------------------------------------------------


def test_jsonl_key_paths(pii_model_path: Path) -> None:
    rec = {
        "user": {"email": "jane.doe@example.com", "note": "met alice"},
        "rows": [{"ip": "10.1.2.3", "n": 1}, {"ip": "10.1.2.4"}],
        "Jane Doe": "keys are kept",
    }
    result = run(
        pii_model_path, ["--jsonl", "--key", "user.email", "--key", "rows.ip"], orjson.dumps(rec) + b"\n"
    )
    assert result.exit_code == 0, result.stderr
    assert orjson.loads(result.stdout_bytes) == {
        "user": {"email": "[EMAIL_ADDRESS]", "note": "met alice"},
        "rows": [{"ip": "[IP_ADDRESS]", "n": 1}, {"ip": "[IP_ADDRESS]"}],
        "Jane Doe": "keys are kept",
    }


def test_jsonl_all_strings_invalid_lines_and_stats(pii_model_path: Path) -> None:
    good = {"msg": "Jane Doe in Paris", "n": 3, "ok": True, "tags": ["alice", None, 2.5], "x": {"y": "10.1.2.3"}}
    data = orjson.dumps(good) + b"\n" + b"not json: jane.doe@example.com\r\n" + b"[\"Acme Corp\"]\n"
    result = run(pii_model_path, ["--jsonl", "--stats"], data)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout_bytes.split(b"\n")
    assert orjson.loads(lines[0]) == {
        "msg": "[PERSON] in [LOCATION]",
        "n": 3,
        "ok": True,
        "tags": ["[PERSON]", None, 2.5],
        "x": {"y": "[IP_ADDRESS]"},
    }
    assert lines[1] == b"not json: [EMAIL_ADDRESS]\r"
    assert lines[2] == b'["[ORGANIZATION]"]'
    assert "lines: 3" in result.stderr
    assert "json lines invalid (redacted as text): 2" in result.stderr
    assert "PERSON 2" in result.stderr
    assert_no_values(result.stdout_bytes + result.stderr_bytes)


# --- fail closed ---------------------------------------------------------------------


def test_failing_line_is_masked_and_reported_without_text(pii_model_path: Path, booming_model: None) -> None:
    data = b"one Jane Doe\nBOOM jane.doe@example.com Paris\r\nthree 10.1.2.3\n"
    result = run(pii_model_path, ["--stats"], data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b"one [PERSON]\n**** ******************** *****\r\nthree [IP_ADDRESS]\n"
    assert "[E207] <stdin>:2: redaction failed (RuntimeError); the line was masked." in result.stderr
    assert "failed lines: 1 (masked 1, dropped 0)" in result.stderr
    assert "BOOM" not in result.stderr
    assert_no_values(result.stdout_bytes + result.stderr_bytes)


def test_drop_line(pii_model_path: Path, booming_model: None) -> None:
    result = run(pii_model_path, ["--on-error", "drop-line"], b"a\nBOOM Jane Doe\nc\n")
    assert result.exit_code == 0
    assert result.stdout_bytes == b"a\nc\n"
    assert "<stdin>:2" in result.stderr and "dropped" in result.stderr


def test_on_error_fail_exits_4_after_earlier_lines(pii_model_path: Path, booming_model: None, tmp_path: Path) -> None:
    f = tmp_path / "in.txt"
    f.write_bytes(b"l1 Jane Doe\nl2\nl3 BOOM Paris\nl4\n")
    result = run(pii_model_path, ["--on-error", "fail", "--batch-size", "2", str(f)])
    assert result.exit_code == 4
    assert result.stdout_bytes == b"l1 [PERSON]\nl2\n"
    assert f"[E208] {f}:3: redaction failed (RuntimeError)" in result.stderr
    assert_no_values(result.stderr_bytes)


# --- real subprocesses ---------------------------------------------------------------


def spawn(model: Path, *args: str, stdin: Any = subprocess.PIPE) -> "subprocess.Popen[bytes]":
    return subprocess.Popen(
        [sys.executable, "-m", "spacy_pii.cli", "redact", "--model", str(model), *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


class LineQueue:
    """Reads a pipe's lines on a thread, so a test can wait for one with a timeout."""

    def __init__(self, pipe: Any) -> None:
        self.lines: "queue.Queue[bytes]" = queue.Queue()
        threading.Thread(target=self._read, args=(pipe,), daemon=True).start()

    def _read(self, pipe: Any) -> None:
        for line in iter(pipe.readline, b""):
            self.lines.put(line)

    def get(self, timeout: float) -> bytes:
        return self.lines.get(timeout=timeout)


# A liveness bound for a subprocess that must answer: it only fails a hung test, it never
# measures speed (a busy machine may take long, and the test still passes).
PATIENCE = 300.0


def test_subprocess_streams_line_by_line_then_ctrl_c(pii_model_path: Path) -> None:
    """Each line comes out while stdin stays open (so on --max-wait, not at the end of the
    input); SIGINT then stops the command with 130. stdin stays open until the process has
    exited: closing it (as communicate() does) would end the input and race the signal."""
    proc = spawn(pii_model_path)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    try:
        out = LineQueue(proc.stdout)
        for i, (line, redacted) in enumerate(
            [(b"first Jane Doe\n", b"first [PERSON]\n")]
            + [(b"next %d jane.doe@example.com\n" % i, b"next %d [EMAIL_ADDRESS]\n" % i) for i in range(3)]
        ):
            proc.stdin.write(line)
            proc.stdin.flush()
            assert out.get(timeout=PATIENCE) == redacted, i
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=PATIENCE)
        err = proc.stderr.read()  # the process is gone: read what it wrote, all of it
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdin.close()
    assert code == 130
    assert err == b""


def test_subprocess_sigpipe_is_quiet(pii_model_path: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"".join(b"%d Jane Doe at 10.1.2.3 writes jane.doe@example.com\n" % i for i in range(50_000)))
    with open(big, "rb") as stdin:
        proc = spawn(pii_model_path, "--stats", stdin=stdin)
        assert proc.stdout is not None and proc.stderr is not None
        try:
            first = proc.stdout.readline()  # `| head -n 1`
            proc.stdout.close()
            err = proc.stderr.read()
            proc.wait(timeout=300)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert first == b"0 [PERSON] at [IP_ADDRESS] writes [EMAIL_ADDRESS]\n"
    assert proc.returncode == 0
    assert b"Traceback" not in err and b"Exception ignored" not in err and b"Broken" not in err
    assert err.startswith(b"lines: ")  # only the --stats summary
    assert_no_values(err)



# --- files without a final newline ---------------------------------------------------


@pytest.mark.parametrize(
    "a,b,expected",
    [
        # the last line of a.log is its own line, with a.log's line ending
        (b"a1 Jane Doe\na2 Paris", b"b1 alice\n", b"a1 [PERSON]\na2 [LOCATION]\nb1 [PERSON]\n"),
        (b"a1\r\na2 Paris", b"b1\r\n", b"a1\r\na2 [LOCATION]\r\nb1\r\n"),
        (b"a1 Paris", b"b1", b"a1 [LOCATION]\nb1"),  # a missing newline kept at the very end only
        (b"a1 Paris", b"", b"a1 [LOCATION]"),  # an empty file after it adds no line
        (b"", b"b1", b"b1"),
        (b"a1\n", b"b1 Jane Doe", b"a1\nb1 [PERSON]"),
    ],
)
def test_missing_final_newline_does_not_join_files(
    pii_model_path: Path, tmp_path: Path, a: bytes, b: bytes, expected: bytes
) -> None:
    fa, fb = tmp_path / "a.log", tmp_path / "b.log"
    fa.write_bytes(a)
    fb.write_bytes(b)
    result = run(pii_model_path, [str(fa), str(fb)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == expected


def test_missing_final_newline_before_stdin_and_three_files(pii_model_path: Path, tmp_path: Path) -> None:
    files = [tmp_path / f"{n}.log" for n in "abc"]
    for f, data in zip(files, [b"a Jane Doe", b"", b"c Paris"]):
        f.write_bytes(data)
    result = run(pii_model_path, [str(files[0]), str(files[1]), "-", str(files[2])], b"s alice")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b"a [PERSON]\ns [PERSON]\nc [LOCATION]"

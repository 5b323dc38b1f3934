"""Tests for `spacy-pii restore`, and `redact --operator encrypt` -> `restore` round trips."""
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import orjson
import pytest
from typer.testing import CliRunner

from spacy_pii.cli import app
from spacy_pii.operators.crypto import MappingWriter, encrypt_value, read_mapping

runner = CliRunner()

KEY = "test-key-0123456789-abcdef"
OTHER_KEY = "other-key-0123456789-abcdef"
LINES = (
    b"Jane Doe wrote from jane.doe@example.com\n"
    b"login ok user=alice ip=10.1.2.3\r\n"
    b"bytes \xff\xfe stay, Acme Corp in Paris\n"
    b"\n"
    b"no newline at the end, John Smith"
)
VALUES = [b"Jane Doe", b"jane.doe@example.com", b"alice", b"10.1.2.3", b"Acme Corp", b"Paris", b"John Smith"]


def invoke(args: List[str], data: bytes, key: Optional[str] = KEY) -> Any:
    env: Dict[str, str] = {"SPACY_PII_KEY": key or ""}
    return runner.invoke(app, args, input=data, env=env)


def redact(model: Path, data: bytes, *args: str, key: Optional[str] = KEY) -> Any:
    return invoke(["redact", "--model", str(model), *args], data, key)


@pytest.mark.parametrize("operator_args", [["--operator", "encrypt"], ["--operator-for", "PERSON=encrypt", "--operator-for", "EMAIL_ADDRESS=encrypt"]])
def test_redact_encrypt_then_restore_round_trip(pii_model_path: Path, operator_args: List[str]) -> None:
    redacted = redact(pii_model_path, LINES, *operator_args)
    assert redacted.exit_code == 0, redacted.stderr
    assert b"[PERSON:enc." in redacted.stdout_bytes
    for value in [b"Jane Doe", b"jane.doe@example.com", b"John Smith"]:
        assert value not in redacted.stdout_bytes
    assert KEY not in redacted.stderr and KEY.encode() not in redacted.stdout_bytes
    restored = invoke(["restore"], redacted.stdout_bytes)
    assert restored.exit_code == 0, restored.stderr
    if operator_args[0] == "--operator":
        assert restored.stdout_bytes == LINES
    else:  # the other labels were tagged: only names and e-mails come back
        assert b"Jane Doe wrote from jane.doe@example.com\n" in restored.stdout_bytes


def test_jsonl_round_trip(pii_model_path: Path) -> None:
    data = b"".join(
        orjson.dumps(o) + b"\n"
        for o in [{"user": {"name": "Jane Doe", "mail": "jane.doe@example.com"}, "n": 3}, {"msg": "alice in Paris", "ok": True}]
    )
    redacted = redact(pii_model_path, data, "--jsonl", "--operator", "encrypt")
    assert redacted.exit_code == 0 and b"Jane Doe" not in redacted.stdout_bytes
    restored = invoke(["restore", "--jsonl"], redacted.stdout_bytes)
    assert restored.exit_code == 0, restored.stderr
    assert restored.stdout_bytes == data


def test_encrypt_without_key_is_usage_error(pii_model_path: Path) -> None:
    result = redact(pii_model_path, LINES, "--operator", "encrypt", key="")
    assert result.exit_code == 2
    assert "encrypt" in result.stderr and result.stdout_bytes == b""


@pytest.mark.parametrize(
    "args,key,code",
    [([], "", "E101"), ([], "short", "E501"), (["no-such-file"], KEY, "E204"), (["--key-file", "no-such-key"], KEY, "E102")],
)
def test_restore_usage_errors(args: List[str], key: str, code: str) -> None:
    result = invoke(["restore", *args], b"x\n", key=key)
    assert result.exit_code == 2, result.stderr
    assert code in result.stderr and result.stdout_bytes == b""


@pytest.mark.parametrize(
    "on_error,code,out",
    [("mask-line", 0, b"ok Jane Doe\n*** MASKED\nlast\n"), ("drop-line", 0, b"ok Jane Doe\nlast\n"), ("fail", 4, b"ok Jane Doe\n")],
)
def test_wrong_key_or_tampered_token(on_error: str, code: int, out: bytes) -> None:
    good = encrypt_value("Jane Doe", "PERSON", KEY)
    bad = encrypt_value("alice", "USERNAME", OTHER_KEY)
    result = invoke(["restore", "--on-error", on_error], f"ok {good}\nbad {bad}\nlast\n".encode())
    assert result.exit_code == code, result.stderr
    assert result.stdout_bytes == out.replace(b"MASKED", b"*" * len(bad))
    assert ("E504" if on_error == "fail" else "E503") in result.stderr and "<stdin>:2" in result.stderr
    for secret in [bad, bad.split(".", 1)[1], "alice", KEY, OTHER_KEY]:
        assert secret not in result.stderr


def test_old_key_file_for_rotation(tmp_path: Path) -> None:
    old = tmp_path / "old.key"
    old.write_text(OTHER_KEY + "\n")
    line = f"{encrypt_value('Jane Doe', 'PERSON', KEY)} {encrypt_value('alice', 'USERNAME', OTHER_KEY)}\n"
    result = invoke(["restore", "--old-key-file", str(old)], line.encode())
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b"Jane Doe alice\n"


def test_restore_stats_count_labels_only() -> None:
    line = f"{encrypt_value('Jane Doe', 'PERSON', KEY)}\n".encode()
    result = invoke(["restore", "--stats"], line)
    assert "spans: 1 (PERSON 1)" in result.stderr and "Jane" not in result.stderr


def test_surrogate_with_mapping_out(pii_model_path: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "map.enc"
    result = redact(pii_model_path, LINES, "--operator", "surrogate", "--mapping-out", str(mapping))
    assert result.exit_code == 0, result.stderr
    for value in VALUES:
        assert value not in result.stdout_bytes
    assert result.stdout_bytes.count(b"\n") == LINES.count(b"\n")
    assert b"@example." in result.stdout_bytes  # the e-mail is still an e-mail
    records = list(read_mapping(mapping, KEY))
    assert {r["value"] for r in records} >= {"Jane Doe", "jane.doe@example.com"}
    for r in records:
        assert r["surrogate"].encode() in result.stdout_bytes
    assert b"Jane Doe" not in mapping.read_bytes()
    again = redact(pii_model_path, LINES, "--operator", "surrogate")
    assert again.stdout_bytes == result.stdout_bytes


def test_mapping_out_needs_surrogate(pii_model_path: Path, tmp_path: Path) -> None:
    result = redact(pii_model_path, LINES, "--mapping-out", str(tmp_path / "m"))
    assert result.exit_code == 2 and "E507" in result.stderr


def test_subprocess_round_trip_same_tokens_as_in_process(pii_model_path: Path) -> None:
    env = {"SPACY_PII_KEY": KEY, "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "spacy_pii.cli", "redact", "--model", str(pii_model_path), "--operator", "encrypt"]
    first = subprocess.run(cmd, input=LINES, capture_output=True, env=env, check=True)
    in_process = redact(pii_model_path, LINES, "--operator", "encrypt")
    assert first.stdout == in_process.stdout_bytes
    back = subprocess.run(
        [sys.executable, "-m", "spacy_pii.cli", "restore"], input=first.stdout, capture_output=True, env=env, check=True
    )
    assert back.stdout == LINES
    assert KEY.encode() not in first.stderr + back.stderr


def test_mapping_writer_repr_hides_key(tmp_path: Path) -> None:
    with MappingWriter(tmp_path / "m", KEY) as writer:
        assert KEY not in repr(writer)

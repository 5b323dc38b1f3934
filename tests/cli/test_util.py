"""What the CLI commands share (cli/_util): the option parser, the debug switch."""
from pathlib import Path
from typing import Any, List, Optional, Tuple

import pytest
from typer.testing import CliRunner

from spacy_pii.cli import app
from spacy_pii.cli import redact as redact_module
from spacy_pii.cli import spark_redact as spark_redact_module
from spacy_pii.cli._util import DEBUG_ENV, EXIT_UNEXPECTED, UsageError, debug_enabled, parse_operator_for


def test_parse_operator_for() -> None:
    assert parse_operator_for(["person=mask", " EMAIL_ADDRESS = hash "]) == {
        "PERSON": "mask", "EMAIL_ADDRESS": "hash"}


@pytest.mark.parametrize(
    "value,error,code",
    [("PERSON", UsageError, "E203"), ("=mask", UsageError, "E203"),
     ("NOT_A_LABEL=mask", ValueError, "E001"), ("PERSON=shred", ValueError, "E10")],
)
def test_parse_operator_for_rejects(value: str, error: type, code: str) -> None:
    with pytest.raises(error, match=code):
        parse_operator_for([value])


# --- SPACY_PII_DEBUG: exactly "1", the same in every command ----------------------------

SECRET = "jane.doe@example.com"


@pytest.mark.parametrize(
    "value,on", [(None, False), ("", False), ("0", False), ("false", False), ("true", False), ("yes", False),
                 (" 1", False), ("1", True)],
)
def test_debug_enabled_means_exactly_1(monkeypatch: pytest.MonkeyPatch, value: Optional[str], on: bool) -> None:
    if value is None:
        monkeypatch.delenv(DEBUG_ENV, raising=False)
    else:
        monkeypatch.setenv(DEBUG_ENV, value)
    assert debug_enabled() is on


def _explode(*args: Any, **kwargs: Any) -> Any:
    raise KeyError(SECRET)  # an unexpected error whose message quotes input text


def _redact_args(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, model: Path) -> Tuple[List[str], bytes, str]:
    monkeypatch.setattr(redact_module.StreamRedactor, "run", _explode)
    return ["redact", "--model", str(model)], f"{SECRET}\n".encode(), "[E209]"


def _restore_args(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, model: Path) -> Tuple[List[str], bytes, str]:
    monkeypatch.setattr(redact_module.StreamRedactor, "run", _explode)
    key = tmp_path / "key"
    key.write_bytes(b"0123456789abcdef0123456789abcdef")
    return ["restore", "--key-file", str(key)], f"{SECRET}\n".encode(), "[E209]"


def _spark_args(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, model: Path) -> Tuple[List[str], bytes, str]:
    pytest.importorskip("pyspark")
    monkeypatch.setattr(spark_redact_module, "_session", _explode)  # fails after validation, before Spark
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "%s"}\n' % SECRET)
    return ["spark-redact", str(src), str(tmp_path / "out"), "--model", str(model)], b"", "[E411]"


COMMANDS = {"redact": _redact_args, "restore": _restore_args, "spark-redact": _spark_args}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("value", [None, "", "0", "false", "true", "1"])
def test_every_command_re_raises_only_with_debug_exactly_1(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pii_model_path: Path, command: str, value: Optional[str]
) -> None:
    args, data, code = COMMANDS[command](monkeypatch, tmp_path, pii_model_path)
    monkeypatch.delenv(DEBUG_ENV, raising=False)
    env = {} if value is None else {DEBUG_ENV: value}
    result = CliRunner().invoke(app, args, input=data, env=env)
    if value == "1":
        assert isinstance(result.exception, KeyError)  # the full error, message and all
        return
    assert result.exit_code == EXIT_UNEXPECTED, result.stderr
    assert code in result.stderr and SECRET not in result.stderr and SECRET not in result.stdout
    assert isinstance(result.exception, SystemExit)  # handled, not re-raised

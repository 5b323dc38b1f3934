"""Reliability and security of redaction: fail closed, no PII or key outside the output.

What tests/test_stream.py and tests/cli/test_redact_cli.py already cover (a detector that
raises -> mask-line / drop-line / fail, E207/E208 without the marker, E209 for a crash in
the loop) is not repeated here. This file adds: the library API raising instead of
returning text, an operator (not a detector) that raises, exception messages and warnings
that quote the input, BaseException subclasses, SPACY_PII_DEBUG, and the key never showing
in output, diagnostics, errors or a saved pipeline. Fuzzing is in test_fuzz.py, the soak in
test_soak.py.
"""
import dataclasses
import io
import os
import pickle
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import catalogue
import pytest
import spacy
from conftest import build_test_pipeline
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from spacy_pii import api
from spacy_pii.cli import app
from spacy_pii.cli import redact as redact_module
from spacy_pii.cli._util import DEBUG_ENV
from spacy_pii.errors import SpacyPIIError
from spacy_pii.operators import core as operators
from spacy_pii.operators.core import KEY_ENV, RedactionPolicy, load_key
from spacy_pii.operators.policy import build_policy
from spacy_pii.stream import InputSource, StreamConfig, StreamRedactor, nlp_redact_fn

runner = CliRunner()

KEY = b"Zebra-Key-7c1f9e-DO-NOT-LEAK"
PII = [b"Jane Doe", b"jane.doe@example.com", b"10.1.2.3", b"Paris", b"4111111111111111", b"alice"]

# A plugin imported by the CLI subprocess (and by this process) so that a pipeline saved
# to disk can hold a component that misbehaves the way a buggy one does: it puts the text
# it was given into its exception, its warning or its exit message.
PLUGIN = '''
import sys
import warnings

from spacy.language import Language


class PluginAbort(BaseException):
    """A library's own BaseException subclass (like asyncio.CancelledError)."""


@Language.component("reliability_misbehave")
def misbehave(doc):
    text = doc.text
    if "RAISE_TEXT" in text:
        raise RuntimeError("could not parse: " + text)
    if "RAISE_CHAINED" in text:
        try:
            {}[text]
        except KeyError as e:
            raise ValueError(f"lookup failed for {text!r}") from e
    if "WARN_TEXT" in text:
        warnings.warn("odd input: " + text)
    if "EXIT_TEXT" in text:
        sys.exit("fatal: " + text)
    if "ABORT_TEXT" in text:
        raise PluginAbort("aborted on: " + text)
    return doc
'''
PLUGIN_NAME = "reliability_plugin"


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    directory = tmp_path_factory.mktemp("plugin")
    (directory / f"{PLUGIN_NAME}.py").write_text(PLUGIN)
    sys.path.insert(0, str(directory))
    try:
        __import__(PLUGIN_NAME)
        yield directory
    finally:
        sys.path.remove(str(directory))


@pytest.fixture(scope="module")
def misbehaving_model(plugin_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The conftest pipeline with the misbehaving component first, saved to disk."""
    nlp = build_test_pipeline()
    nlp.add_pipe("reliability_misbehave", first=True)
    path = tmp_path_factory.mktemp("models") / "misbehaving"
    nlp.to_disk(path)
    return path


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "pii.key"
    path.write_bytes(KEY + b"\n")
    return path


@pytest.fixture(autouse=True)
def no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv(DEBUG_ENV, raising=False)


def cli(model: Path, args: List[str], data: bytes, env: Optional[Dict[str, str]] = None) -> Any:
    return runner.invoke(app, ["redact", "--model", str(model), *args], input=data, env=env)


def assert_clean(blob: bytes, *, key: bool = True) -> None:
    """No PII value, no key, no exception message or traceback."""
    for value in PII:
        assert value not in blob, value
    if key:
        assert KEY not in blob
    for marker in (b"Traceback", b"could not parse", b"lookup failed", b"odd input", b"fatal:", b"aborted on"):
        assert marker not in blob, marker


# --- fail closed: the library API ------------------------------------------------------


@Language.component("reliability_raise_with_text")
def raise_with_text(doc: Doc) -> Doc:
    raise RuntimeError("cannot handle " + doc.text)


@Language.component("reliability_unset_redacted")
def unset_redacted(doc: Doc) -> Doc:
    doc._.set("redacted", None)
    return doc


@pytest.mark.parametrize("options", [{}, {"operator": "mask"}])
@pytest.mark.parametrize("where", ["first", "last"])
def test_redact_raises_when_a_component_raises(options: Dict[str, Any], where: str) -> None:
    nlp = build_test_pipeline()
    nlp.add_pipe("reliability_raise_with_text", **{where: True})
    returned: List[str] = []
    with pytest.raises(RuntimeError):
        returned.append(api.redact("Jane Doe, jane.doe@example.com", nlp=nlp, **options))
    assert returned == []


def _override_operator(monkeypatch: pytest.MonkeyPatch, name: str, fn: operators.OperatorFn) -> None:
    """Replace a registered operator for one test (the registry entry is restored after)."""
    entry = (*operators.registry.operators.namespace, name)
    monkeypatch.setitem(catalogue.REGISTRY, entry, operators.Operator(name, fn))


@pytest.mark.parametrize("options", [{}, {"operator": "mask"}, {"operators": {"PERSON": "remove"}}])
def test_redact_raises_when_an_operator_raises(monkeypatch: pytest.MonkeyPatch, options: Dict[str, Any]) -> None:
    def broken(value: str, label: str, policy: RedactionPolicy) -> str:
        raise ZeroDivisionError("operator failed on " + value)

    for name in operators.OPERATOR_NAMES:
        _override_operator(monkeypatch, name, broken)
    with pytest.raises(ZeroDivisionError):
        api.redact("Jane Doe, jane.doe@example.com", nlp=build_test_pipeline(), **options)
    # Text without any span needs no operator: it comes back as it is.
    assert api.redact("nothing here", nlp=build_test_pipeline(), **options) == "nothing here"


# --- fail closed: an operator raising in the stream and the CLI ---------------------------


def _operator_failing_on_emails(monkeypatch: pytest.MonkeyPatch) -> None:
    tag = operators.get_operator("tag").replace

    def tag_unless_email(value: str, label: str, policy: RedactionPolicy) -> str:
        if label == "EMAIL_ADDRESS":
            raise RuntimeError(f"cannot tag {value}")  # a realistic bug: the value in the message
        return tag(value, label, policy)

    _override_operator(monkeypatch, "tag", tag_unless_email)


def test_stream_operator_failure_masks_the_line(monkeypatch: pytest.MonkeyPatch, pii_nlp: Any) -> None:
    _operator_failing_on_emails(monkeypatch)
    failures: List[Any] = []
    out = io.BytesIO()
    data = b"one Jane Doe\ntwo jane.doe@example.com in Paris\nthree 10.1.2.3\n"
    runner_ = StreamRedactor(nlp_redact_fn(pii_nlp), out, StreamConfig(batch_size=8), on_line_error=failures.append)
    stats = runner_.run([InputSource("<stdin>", stream=io.BytesIO(data))])
    assert out.getvalue() == b"one [PERSON]\n*** ******************** ** *****\nthree [IP_ADDRESS]\n"
    assert stats.failed == stats.masked == 1
    assert [(f.line, f.exc_type) for f in failures] == [(2, "RuntimeError")]


@pytest.mark.parametrize(
    "args,code,stdout",
    [
        ([], 0, b"one [PERSON]\n*** ******************** ** *****\nthree [IP_ADDRESS]\n"),
        (["--on-error", "drop-line"], 0, b"one [PERSON]\nthree [IP_ADDRESS]\n"),
        (["--on-error", "fail", "--batch-size", "1"], 4, b"one [PERSON]\n"),
    ],
)
def test_cli_operator_failure_fails_closed(
    monkeypatch: pytest.MonkeyPatch, pii_model_path: Path, args: List[str], code: int, stdout: bytes
) -> None:
    _operator_failing_on_emails(monkeypatch)
    data = b"one Jane Doe\ntwo jane.doe@example.com in Paris\nthree 10.1.2.3\n"
    result = cli(pii_model_path, ["--stats", *args], data)
    assert result.exit_code == code, result.stderr
    assert result.stdout_bytes == stdout
    assert "<stdin>:2: redaction failed (RuntimeError)" in result.stderr
    assert b"cannot tag" not in result.stderr_bytes
    assert_clean(result.stdout_bytes + result.stderr_bytes)


# --- no PII in diagnostics -------------------------------------------------------------


@pytest.mark.parametrize(
    "line,code,message",
    [
        (b"RAISE_TEXT Jane Doe jane.doe@example.com", 0, "[E207] <stdin>:2: redaction failed (RuntimeError)"),
        (b"RAISE_CHAINED Jane Doe jane.doe@example.com", 0, "[E207] <stdin>:2: redaction failed (ValueError)"),
        (b"EXIT_TEXT Jane Doe jane.doe@example.com", 1, "[E209] Unexpected error (SystemExit at reliability_plugin.py:"),
        (b"ABORT_TEXT Jane Doe jane.doe@example.com", 1, "[E209] Unexpected error (PluginAbort at reliability_plugin.py:"),
    ],
)
def test_exception_messages_never_reach_stderr(
    misbehaving_model: Path, line: bytes, code: int, message: str
) -> None:
    data = b"first Jane Doe\n" + line + b"\nlast 10.1.2.3\n"
    result = cli(misbehaving_model, ["--stats", "--batch-size", "1"], data)
    assert result.exit_code == code, result.stderr
    assert message in result.stderr
    assert result.stdout_bytes.startswith(b"first [PERSON]\n")
    assert_clean(result.stdout_bytes + result.stderr_bytes)


def test_warnings_that_quote_the_input_are_withheld(misbehaving_model: Path) -> None:
    result = cli(misbehaving_model, ["--stats"], b"WARN_TEXT Jane Doe at jane.doe@example.com\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b"WARN_TEXT [PERSON] at [EMAIL_ADDRESS]\n"
    assert "[W200] A UserWarning was raised at reliability_plugin.py:" in result.stderr
    assert_clean(result.stdout_bytes + result.stderr_bytes)


def test_spacy_warning_keeps_its_code(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: List[str] = []
    monkeypatch.setattr(redact_module, "err", shown.append)
    redact_module._show_warning_without_text(
        "[W102] Skipping unsupported user data 'k: Jane Doe'", UserWarning, "/x/doc.pyx", 7
    )
    assert shown == [
        "[W200] A UserWarning [W102] was raised at doc.pyx:7 while redacting; its message is "
        "withheld (it may quote input text). Set SPACY_PII_DEBUG=1 to see it."
    ]


@pytest.mark.parametrize("value", [None, "", "0", "false", "yes", "true"])
def test_debug_mode_is_off_unless_exactly_1(
    monkeypatch: pytest.MonkeyPatch, pii_model_path: Path, value: Optional[str]
) -> None:
    def explode(self: Any, sources: Any) -> None:
        raise KeyError("jane.doe@example.com")

    monkeypatch.setattr(redact_module.StreamRedactor, "run", explode)
    env = {} if value is None else {DEBUG_ENV: value}
    result = cli(pii_model_path, [], b"jane.doe@example.com\n", env=env)
    assert result.exit_code == 1
    assert "[E209]" in result.stderr and "it may contain input text" in result.stderr
    assert isinstance(result.exception, SystemExit)  # handled, not re-raised
    assert_clean(result.stdout_bytes + result.stderr_bytes)


def test_debug_mode_1_re_raises_and_is_documented_as_leaking(
    monkeypatch: pytest.MonkeyPatch, pii_model_path: Path
) -> None:
    def explode(self: Any, sources: Any) -> None:
        raise KeyError("jane.doe@example.com")

    monkeypatch.setattr(redact_module.StreamRedactor, "run", explode)
    result = cli(pii_model_path, [], b"jane.doe@example.com\n", env={DEBUG_ENV: "1"})
    assert isinstance(result.exception, KeyError)  # the full error, message and all
    doc = redact_module.__doc__ or ""
    assert "SPACY_PII_DEBUG=1" in doc and "off by default" in doc and "PII" in doc


def _spawn_cli(plugin_dir: Path, model: Path, args: List[str], data: bytes, env: Dict[str, str]) -> Any:
    launcher = (
        f"import sys; sys.path.insert(0, {str(plugin_dir)!r}); import {PLUGIN_NAME}; "
        "from spacy_pii.cli import app; app(prog_name='spacy-pii')"
    )
    full_env = {k: v for k, v in os.environ.items() if k not in (KEY_ENV, DEBUG_ENV)}
    full_env.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", **env})
    return subprocess.run(
        [sys.executable, "-c", launcher, "redact", "--model", str(model), *args],
        input=data,
        capture_output=True,
        env=full_env,
        timeout=900,
    )


def test_subprocess_stderr_has_codes_only(plugin_dir: Path, misbehaving_model: Path) -> None:
    """The real process, real stderr: exception messages, a chained traceback, a warning,
    a BaseException and the key (from the environment) never reach it."""
    data = (
        b"1 Jane Doe jane.doe@example.com\n"
        b"2 RAISE_TEXT Jane Doe 10.1.2.3\n"
        b"3 RAISE_CHAINED alice in Paris\n"
        b"4 WARN_TEXT alice 4111111111111111\n"
        b"5 ABORT_TEXT jane.doe@example.com\n"
        b"6 never reached Jane Doe\n"
    )
    result = _spawn_cli(
        plugin_dir,
        misbehaving_model,
        ["--stats", "--batch-size", "1", "--operator", "hash", "--operator-for", "PERSON=pseudonym"],
        data,
        {KEY_ENV: KEY.decode(), DEBUG_ENV: "0"},
    )
    assert result.returncode == 1, result.stderr
    out = result.stdout.splitlines()
    assert len(out) == 4
    assert out[0].startswith(b"1 <PERSON_") and b"[EMAIL_ADDRESS:" in out[0]
    assert out[1] == b"* ********** **** *** ********"
    assert out[2] == b"* ************* ***** ** *****"
    assert out[3].startswith(b"4 WARN_TEXT <PERSON_") and b"[CREDIT_CARD:" in out[3]
    err = result.stderr.decode()
    assert "[E207] <stdin>:2: redaction failed (RuntimeError); the line was masked." in err
    assert "[E207] <stdin>:3: redaction failed (ValueError); the line was masked." in err
    assert "[W200] A UserWarning was raised at reliability_plugin.py:" in err
    assert "[E209] Unexpected error (PluginAbort at reliability_plugin.py:" in err
    assert "failed lines: 2 (masked 2, dropped 0)" in err
    assert_clean(result.stdout + result.stderr)


def test_subprocess_on_error_fail_with_key_file(plugin_dir: Path, misbehaving_model: Path, key_file: Path) -> None:
    data = b"1 Jane Doe\n2 RAISE_CHAINED jane.doe@example.com\n3 alice\n"
    result = _spawn_cli(
        plugin_dir,
        misbehaving_model,
        ["--on-error", "fail", "--batch-size", "1", "--operator", "hash", "--key-file", str(key_file), "--stats"],
        data,
        {},
    )
    assert result.returncode == 4, result.stderr
    assert result.stdout.startswith(b"1 [PERSON:") and result.stdout.count(b"\n") == 1
    assert b"[E208] <stdin>:2: redaction failed (ValueError); stopping (--on-error fail)." in result.stderr
    assert_clean(result.stdout + result.stderr)


# --- keys ------------------------------------------------------------------------------


def test_no_key_means_no_hash(monkeypatch: pytest.MonkeyPatch, pii_model_path: Path) -> None:
    """Nothing supplies a default key: no file and no variable, and hash refuses everywhere."""
    assert load_key(None) is None
    assert RedactionPolicy().key is None
    with pytest.raises(SpacyPIIError, match=r"\[E101\]"):
        RedactionPolicy(operator="hash").apply("x", [])
    nlp = spacy.load(pii_model_path)
    assert nlp.get_pipe("pii_redactor").policy.key is None  # type: ignore[attr-defined]
    result = cli(pii_model_path, ["--operator", "hash"], b"Jane Doe\n", env={KEY_ENV: ""})
    assert result.exit_code == 2 and "[E101]" in result.stderr
    assert result.stdout_bytes == b""
    # One rule everywhere (operators.Operator.needs_key): pseudonym runs without a key, as
    # numbered placeholders, in the CLI as in the library and Spark.
    result = cli(pii_model_path, ["--operator", "pseudonym"], b"Jane Doe\n", env={KEY_ENV: ""})
    assert result.exit_code == 0 and result.stdout_bytes == b"<PERSON_1>\n"


@pytest.mark.parametrize(
    "operator,needs_key", [("tag", False), ("mask", False), ("hash", True), ("pseudonym", False), ("remove", False)]
)
def test_one_rule_for_keys(operator: str, needs_key: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry's needs_key is what the builder, the policy, the CLI and Spark check."""
    monkeypatch.delenv(KEY_ENV, raising=False)
    assert operators.get_operator(operator).needs_key is needs_key
    policy = build_policy(operators={"PERSON": operator}, require_key=False)
    assert policy.missing_key() == (["hash"] if needs_key else [])
    if needs_key:
        with pytest.raises(operators.MissingKeyError, match=r"\[E101\]"):
            build_policy(operators={"PERSON": operator})
    else:
        assert "Jane" not in build_policy(operators={"PERSON": operator}).apply("Jane", [(0, 4, "PERSON")])


def test_a_registered_operator_is_usable_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding an operator is one registration: names, validation and the key rule follow."""

    def shout(value: str, label: str, policy: RedactionPolicy) -> str:
        return value.upper()

    entry = (*operators.registry.operators.namespace, "shout")
    monkeypatch.setitem(catalogue.REGISTRY, entry, operators.Operator("shout", shout, needs_key=True))
    assert "shout" in operators.operator_names()
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(operators.MissingKeyError, match="shout"):
        build_policy(operator="shout")
    assert build_policy(operator="shout", key=KEY).apply("jane doe", [(0, 4, "PERSON")]) == "JANE doe"


@pytest.mark.parametrize("operator", operators.OPERATOR_NAMES)
@pytest.mark.parametrize("key", [KEY, KEY.decode()])
def test_key_absent_from_repr_str_and_error_paths(operator: str, key: Any) -> None:
    policy = RedactionPolicy(operator=operator, key=key)
    shown = [repr(policy), str(policy), f"{policy!r:>10}", repr({"p": [policy]})]
    for text in shown:
        assert KEY.decode() not in text
    failures: List[BaseException] = []  # SpacyPIIError, or ValueError from check_labels
    for bad in (
        lambda: dataclasses.replace(policy, mask_char="**"),
        lambda: dataclasses.replace(policy, hash_length=4),
        lambda: dataclasses.replace(policy, keep_last=-1),
        lambda: dataclasses.replace(policy, operator="nope"),
        lambda: dataclasses.replace(policy, per_label={"NOPE": "tag"}),
        lambda: RedactionPolicy(operator=operator, key=bytearray(KEY)),  # type: ignore[arg-type]
        lambda: RedactionPolicy(operator=operator, key=[KEY]),  # type: ignore[arg-type]
        lambda: policy.apply("Jane Doe", [(0, 99, "PERSON")]),
    ):
        with pytest.raises(ValueError) as info:
            bad()
        failures.append(info.value)
    for error in failures:
        # Every message of the chain (the frames' source lines are this file's, not data).
        rendered, cause = "", error
        while cause is not None:
            rendered += "".join(traceback.format_exception_only(type(cause), cause))
            cause = cause.__cause__ or cause.__context__
        assert KEY.decode() not in rendered and "Jane Doe" not in rendered


def test_key_survives_pickle_but_not_into_its_text() -> None:
    """n_process > 1 needs the key in the pickle; nothing printable shows it."""
    policy = RedactionPolicy(operator="hash", key=KEY)
    clone = pickle.loads(pickle.dumps(policy))
    assert clone.key == KEY and KEY.decode() not in repr(clone)
    assert clone.apply("Jane Doe", [(0, 8, "PERSON")]) == policy.apply("Jane Doe", [(0, 8, "PERSON")])


def test_key_never_written_with_the_pipeline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(KEY_ENV, KEY.decode())
    nlp = spacy.blank("en")
    nlp.add_pipe("pii_redactor", config={"operator": "hash"})
    assert nlp.get_pipe("pii_redactor").policy.key == KEY  # type: ignore[attr-defined]
    assert KEY not in nlp.to_bytes()
    assert KEY.decode() not in nlp.config.to_str()
    nlp.to_disk(tmp_path / "p")
    for path in (tmp_path / "p").rglob("*"):
        if path.is_file():
            assert KEY not in path.read_bytes(), path
    monkeypatch.delenv(KEY_ENV)
    with pytest.raises(SpacyPIIError, match=r"\[E101\]"):
        spacy.load(tmp_path / "p")("Jane Doe")  # the saved pipeline carries no key


@pytest.mark.parametrize("source", ["file", "env"])
@pytest.mark.parametrize("fail", [False, True])
def test_cli_key_never_in_stdout_or_stderr(
    misbehaving_model: Path, key_file: Path, source: str, fail: bool
) -> None:
    args = ["--stats", "--operator", "hash", "--operator-for", "PERSON=pseudonym", "--batch-size", "1"]
    env: Dict[str, str] = {}
    if source == "file":
        args += ["--key-file", str(key_file)]
    else:
        env[KEY_ENV] = KEY.decode()
    if fail:
        args += ["--on-error", "fail"]
    data = b"Jane Doe jane.doe@example.com\nRAISE_TEXT alice\nfrom 10.1.2.3\n"
    result = cli(misbehaving_model, args, data, env=env)
    assert result.exit_code == (4 if fail else 0), result.stderr
    assert result.stdout_bytes.startswith(b"<PERSON_")
    assert_clean(result.stdout_bytes + result.stderr_bytes)


def test_cli_usage_errors_never_show_the_key(pii_model_path: Path, key_file: Path) -> None:
    for args in (["--labels", "NOPE"], ["--mask-char", "ab"], ["--operator", "nope"], ["--key-file", str(key_file.parent)]):
        result = cli(pii_model_path, ["--key-file", str(key_file), *args], b"Jane Doe\n", env={KEY_ENV: KEY.decode()})
        assert result.exit_code == 2
        assert KEY not in result.stdout_bytes + result.stderr_bytes

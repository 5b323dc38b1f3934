"""Tests for `spacy_pii.operators.restore`: restoring a stream, and restore(redact(x, encrypt)) == x."""
import io
import re
from typing import Any, List

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spacy_pii.operators.crypto import encrypt_value
from spacy_pii.operators.policy import build_policy
from spacy_pii.operators.restore import restore_runner, restore_text
from spacy_pii.stream import (
    InputSource,
    LineFailure,
    LineRedactionError,
    OnError,
    StreamConfig,
    StreamRedactor,
    iter_lines,
    nlp_redact_fn,
)

KEY = b"test-key-0123456789-abcdef"
OTHER_KEY = b"other-key-0123456789-abcdef"
PII = ["Jane Doe", "jane.doe@example.com", "10.1.2.3", "Paris", "Acme Corp", "alice", "+1 212-555-0123"]


def enc(value: str, label: str = "PERSON") -> str:
    return encrypt_value(value, label, KEY)


def restore_bytes(data: bytes, key: Any = KEY, **config: Any) -> bytes:
    out = io.BytesIO()
    restore_runner(key, out, StreamConfig(**config)).run([InputSource("in", stream=io.BytesIO(data))])
    return out.getvalue()


def test_restores_lines_keeping_order_endings_and_bytes() -> None:
    lines = [
        f"user {enc('Jane Doe')} from {enc('10.1.2.3', 'IP_ADDRESS')}\r\n".encode(),
        b"no token here \xff\xfe not utf-8\n",
        b"\n",
        f"[PERSON] [PHONE_NUMBER:3fa94c0e9b2d7a61] {enc('Zoë 東京')}".encode(),
    ]
    expected = b"user Jane Doe from 10.1.2.3\r\nno token here \xff\xfe not utf-8\n\n[PERSON] [PHONE_NUMBER:3fa94c0e9b2d7a61] " + "Zoë 東京".encode()
    assert restore_bytes(b"".join(lines)) == expected


def test_restores_jsonl_values_with_escaping() -> None:
    value = 'Jane "JD" Doe\n'
    line = orjson.dumps({"user": {"name": enc(value)}, "n": 3, "tags": [enc("alice", "USERNAME")]}) + b"\n"
    out = restore_bytes(line, jsonl=True)
    assert orjson.loads(out) == {"user": {"name": value}, "n": 3, "tags": ["alice"]}


@pytest.mark.parametrize(
    "on_error,expected",
    [
        (OnError.MASK_LINE, [b"ok Jane Doe\n", b"*** MASKED\n", b"last\n"]),
        (OnError.DROP_LINE, [b"ok Jane Doe\n", b"last\n"]),
    ],
)
def test_wrong_token_line_masked_or_dropped_and_reported(on_error: OnError, expected: List[bytes]) -> None:
    bad = enc("alice").replace(":enc.", ":enc.A")  # altered
    expected = [e.replace(b"MASKED", b"*" * len(bad)) for e in expected]
    data = f"ok {enc('Jane Doe')}\nbad {bad}\nlast\n".encode()
    failures: List[LineFailure] = []
    out = io.BytesIO()
    runner = restore_runner(KEY, out, StreamConfig(on_error=on_error), on_line_error=failures.append)
    runner.run([InputSource("app.log", stream=io.BytesIO(data))])
    assert out.getvalue().splitlines(keepends=True) == expected
    assert [(f.source, f.line, f.exc_type) for f in failures] == [("app.log", 2, "TokenDecryptError")]


def test_wrong_key_fail_stops_at_the_line() -> None:
    data = f"{enc('Jane Doe')}\n{enc('alice')}\n".encode()
    out = io.BytesIO()
    with pytest.raises(LineRedactionError) as info:
        restore_runner(OTHER_KEY, out, StreamConfig(on_error=OnError.FAIL)).run([InputSource("in", stream=io.BytesIO(data))])
    assert info.value.line == 1
    assert out.getvalue() == b""
    assert "Jane" not in str(info.value)


def test_key_rotation_restores_tokens_of_either_key() -> None:
    old = encrypt_value("alice", "USERNAME", OTHER_KEY)
    assert restore_bytes(f"{enc('Jane Doe')} {old}\n".encode(), [KEY, OTHER_KEY]) == b"Jane Doe alice\n"


# --- restore(redact(x, encrypt)) == x ---------------------------------------------------------


def _redact(nlp: Any, data: bytes, jsonl: bool, key: bytes = KEY) -> bytes:
    out = io.BytesIO()
    policy = build_policy(operator="encrypt", key=key)
    runner = StreamRedactor(nlp_redact_fn(nlp, policy=policy), out, StreamConfig(jsonl=jsonl, batch_size=4))
    runner.run_lines(iter_lines([InputSource("in", stream=io.BytesIO(data))]))
    return out.getvalue()


def _restore(data: bytes, jsonl: bool) -> bytes:
    out = io.BytesIO()
    restore_runner(KEY, out, StreamConfig(jsonl=jsonl, batch_size=4)).run_lines(
        iter_lines([InputSource("in", stream=io.BytesIO(data))])
    )
    return out.getvalue()


# Noise between the PII values: any text, and bytes that are not UTF-8.
_noise = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=["Cs", "Zl", "Zp"], blacklist_characters="\r\n"), max_size=12),
    st.binary(max_size=4).map(lambda b: b.decode("utf-8", "surrogateescape")),
)
_line = st.lists(st.one_of(st.sampled_from(PII), _noise), max_size=6).map(" ".join)
_ending = st.sampled_from(["\n", "\r\n"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_line, _ending), min_size=1, max_size=6))
def test_restore_of_encrypt_is_identity_text(pii_nlp: Any, lines: List[Any]) -> None:
    data = "".join(t + e for t, e in lines).encode("utf-8", "surrogateescape")
    redacted = _redact(pii_nlp, data, jsonl=False)
    for value in PII:
        if value.isalpha():  # a bare word may also be noise text; check the multi-word values
            continue
        assert value.encode() not in redacted
    assert _restore(redacted, jsonl=False) == data


_json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-999, 999), _line),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(st.sampled_from(["a", "user", "msg"]), children, max_size=3)),
    max_leaves=6,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.dictionaries(st.sampled_from(["user", "msg", "ip", "n"]), _json_value, max_size=4), min_size=1, max_size=4))
def test_restore_of_encrypt_is_identity_jsonl(pii_nlp: Any, objects: List[Any]) -> None:
    try:
        lines = [orjson.dumps(o) for o in objects]
    except TypeError:  # a lone surrogate cannot be JSON; not a JSONL line to begin with
        return
    data = b"\n".join(lines) + b"\n"
    redacted = _redact(pii_nlp, data, jsonl=True)
    assert b"jane.doe@example.com" not in redacted
    assert _restore(redacted, jsonl=True) == data


def test_round_trip_tokens_differ_by_key(pii_nlp: Any) -> None:
    data = b"Jane Doe wrote from jane.doe@example.com\n"
    a, b = _redact(pii_nlp, data, False), _redact(pii_nlp, data, False, OTHER_KEY)
    assert a != b and b"[PERSON:enc." in a and a == _redact(pii_nlp, data, False)
    assert KEY not in a


# --- the API and the component config ---------------------------------------------------------


@pytest.mark.parametrize("operator", ["encrypt", "surrogate"])
def test_api_redact_with_keyed_operators(pii_nlp: Any, operator: str) -> None:
    from spacy_pii import redact

    text = "Jane Doe wrote from jane.doe@example.com"
    out = redact(text, nlp=pii_nlp, operator=operator, key=KEY)
    assert "Jane Doe" not in out and "jane.doe@example.com" not in out
    assert out == redact(text, nlp=pii_nlp, operator=operator, key=KEY)
    if operator == "encrypt":
        assert restore_text(out, KEY) == text
    else:
        assert re.search(r"@example\.(com|org|net)$", out)


def test_component_config_operators_with_env_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    import spacy
    from conftest import RULER_PATTERNS

    monkeypatch.setenv("SPACY_PII_KEY", KEY.decode())
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(RULER_PATTERNS)  # type: ignore[attr-defined]
    nlp.add_pipe("pii_redactor", config={"operator": "encrypt", "operators": {"EMAIL_ADDRESS": "surrogate"}})
    nlp.to_disk(tmp_path / "m")
    assert KEY not in (tmp_path / "m" / "config.cfg").read_bytes()
    loaded = spacy.load(tmp_path / "m")
    out = loaded("Jane Doe wrote from jane.doe@example.com")._.redacted
    assert out.startswith("[PERSON:enc.") and re.search(r"@example\.(com|org|net)$", out)
    assert restore_text(out, KEY).startswith("Jane Doe wrote from ")

"""Tests for the keys, the encrypt operator's tokens and the surrogate mapping file."""
import re
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacy_pii.errors import SpacyPIIError
from spacy_pii.operators.crypto import (
    TOKEN_PATTERN,
    Cipher,
    MappingWriter,
    TokenDecryptError,
    encrypt_value,
    find_tokens,
    read_mapping,
)
from spacy_pii.operators.keys import MIN_KEY_BYTES, derive_key
from spacy_pii.operators.restore import restore_text

KEY = b"test-key-0123456789-abcdef"
OTHER_KEY = b"other-key-0123456789-abcdef"


@pytest.mark.parametrize(
    "key,code",
    [(None, "E101"), (b"", "E101"), ("", "E101"), (b"short", "E501"), ("x" * (MIN_KEY_BYTES - 1), "E501"), (3, "E114")],
)
def test_bad_keys_are_refused(key: object, code: str) -> None:
    with pytest.raises(SpacyPIIError, match=code) as info:
        encrypt_value("jane@example.com", "EMAIL_ADDRESS", key)  # type: ignore[arg-type]
    assert "jane" not in str(info.value)


def test_purposes_get_different_keys() -> None:
    keys = {derive_key(KEY, purpose) for purpose in ["encrypt", "surrogate", "mapping"]}
    assert len(keys) == 3 and KEY not in keys


@pytest.mark.parametrize(
    "value",
    ["jane.doe@example.com", "Jane Doe", "", "ünïcödé 名前", "x" * 5000, "a]b[c:d", "lone \udcff surrogate"],
)
def test_encrypt_round_trip_and_format(value: str) -> None:
    out = encrypt_value(value, "PERSON", KEY)
    assert TOKEN_PATTERN.fullmatch(out)
    assert out == encrypt_value(value, "PERSON", KEY)  # deterministic
    assert restore_text(out, KEY) == value


def test_same_value_same_token_other_key_other_token_label_not_bound() -> None:
    a = encrypt_value("jane@example.com", "EMAIL_ADDRESS", KEY)
    b = encrypt_value("jane@example.com", "USERNAME", KEY)
    c = encrypt_value("jane@example.com", "EMAIL_ADDRESS", OTHER_KEY)
    token = lambda s: s.split(":", 1)[1]  # noqa: E731
    assert token(a) == token(b) != token(c)
    assert encrypt_value("jane@example.com", "EMAIL_ADDRESS", KEY) != encrypt_value("Jane@example.com", "EMAIL_ADDRESS", KEY)


def test_tokens_identical_in_another_process() -> None:
    values = ["jane@example.com", "+44 20 7946 0958", "Jane Doe"]
    code = (
        "import sys; from spacy_pii.operators.crypto import encrypt_value; "
        f"print('\\n'.join(encrypt_value(v, 'PERSON', {KEY!r}) for v in {values!r}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": "7"}
    ).stdout.split()
    assert out == [encrypt_value(v, "PERSON", KEY) for v in values]


def _flip(token: str, i: int) -> str:
    ch = token[i]
    return token[:i] + ("A" if ch != "A" else "B") + token[i + 1 :]


@pytest.mark.parametrize("how", ["flip-first", "flip-last", "cut", "extend", "empty"])
def test_tampered_token_fails_without_showing_it(how: str) -> None:
    value = "jane.doe@example.com"
    text = "login " + encrypt_value(value, "EMAIL_ADDRESS", KEY) + " ok"
    start, end, label, token = next(find_tokens(text))
    bad = {
        "flip-first": _flip(token, 0),
        "flip-last": _flip(token, len(token) - 1),
        "cut": token[:-3],
        "extend": token + "AAAA",
        "empty": "",
    }[how]
    tampered = text.replace(token, bad)
    with pytest.raises(TokenDecryptError, match="E502") as info:
        restore_text(tampered, KEY, where="app.log:3")
    message = str(info.value)
    assert "app.log:3" in message and "token 1" in message
    assert value not in message and token not in message
    assert not bad or bad not in message


def test_wrong_key_fails_and_rotation_tries_each_key() -> None:
    text = encrypt_value("Jane Doe", "PERSON", KEY)
    with pytest.raises(TokenDecryptError):
        restore_text(text, OTHER_KEY)
    assert restore_text(text, [OTHER_KEY, KEY]) == "Jane Doe"


def test_no_key_material_in_repr_or_errors() -> None:
    cipher = Cipher(KEY)
    assert KEY.decode() not in repr(cipher)
    with pytest.raises(TokenDecryptError) as info:
        restore_text(encrypt_value("v", "PERSON", KEY), OTHER_KEY)
    assert KEY.decode() not in str(info.value) and OTHER_KEY.decode() not in str(info.value)


def test_hash_tokens_and_tags_are_not_tokens() -> None:
    text = "[PHONE_NUMBER:3fa94c0e9b2d7a61] [PERSON] <PERSON_1> [PERSON:enc.]"
    assert [m[2] for m in find_tokens(text)] == ["PERSON"]
    assert restore_text("[PHONE_NUMBER:3fa94c0e9b2d7a61] [PERSON]", KEY) == "[PHONE_NUMBER:3fa94c0e9b2d7a61] [PERSON]"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_encrypt_round_trip_property(value: str) -> None:
    assert restore_text(encrypt_value(value, "CREDENTIAL", KEY), KEY) == value


# --- mapping file ------------------------------------------------------------------------


def test_mapping_file_round_trip_once_per_value_and_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "map.enc"
    rows = [("PERSON", "Jane Doe", "Maria Whitfield"), ("EMAIL_ADDRESS", "jane@acme.com", "maria@example.org")]
    with MappingWriter(path, KEY) as writer:
        for row in rows + rows:
            writer(*row)
        assert KEY.decode() not in repr(writer)
    data = path.read_bytes()
    assert data.count(b"\n") == 2
    for _, value, surrogate in rows:
        assert value.encode() not in data and surrogate.encode() not in data
    records = [(r["label"], r["value"], r["surrogate"]) for r in read_mapping(path, KEY)]
    assert records == rows
    with pytest.raises(SpacyPIIError, match=r"E505.*line 1"):
        list(read_mapping(path, OTHER_KEY))


def test_mapping_file_unwritable(tmp_path: Path) -> None:
    with pytest.raises(SpacyPIIError, match="E506"):
        MappingWriter(tmp_path / "no" / "such" / "dir" / "map", KEY)


def test_token_alphabet_is_url_safe() -> None:
    tokens: List[str] = [encrypt_value(chr(i) * i, "PERSON", KEY) for i in range(1, 200)]
    for t in tokens:
        assert re.fullmatch(r"\[PERSON:enc\.[A-Za-z0-9_-]+\]", t)


# --- as policy operators ------------------------------------------------------------------


@pytest.mark.parametrize("operator", ["encrypt", "surrogate"])
def test_policy_operators_need_a_long_enough_key(operator: str) -> None:
    from spacy_pii.operators.core import RedactionPolicy

    assert RedactionPolicy(operator=operator).missing_key() == [operator]
    with pytest.raises(SpacyPIIError, match="E501"):
        RedactionPolicy(per_label={"PERSON": operator}, key=b"short")
    policy = RedactionPolicy(operator=operator, key=KEY)
    out = policy.apply("hi Jane Doe!", [(3, 11, "PERSON")])
    assert "Jane" not in out and out.endswith("!") and KEY.decode() not in repr(policy)


def test_policy_surrogate_tells_the_mapping_hook() -> None:
    from spacy_pii.operators.core import RedactionPolicy

    seen: List[tuple] = []
    policy = RedactionPolicy(operator="surrogate", key=KEY, on_surrogate=lambda *row: seen.append(row))
    out = policy.apply("hi Jane Doe", [(3, 11, "PERSON")])
    assert seen == [("PERSON", "Jane Doe", out[3:])]

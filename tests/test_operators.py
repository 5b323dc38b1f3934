"""Table tests for the redaction operators, the policy and key loading."""
import pickle
import re
from pathlib import Path
from typing import List, Optional, Tuple

import pytest

from spacy_pii.errors import SpacyPIIError
from spacy_pii.operators.core import (
    KEY_ENV,
    OPERATOR_NAMES,
    Pseudonymizer,
    RedactionPolicy,
    hash_value,
    keyed_digest,
    load_key,
    mask_value,
    remove_value,
    tag_value,
)
from spacy_pii.pipeline.overlaps import resolve_overlaps

KEY = b"k3y-for-tests-0123456789abcdef"
Spans = List[Tuple[int, int, str]]


# --- single operators -------------------------------------------------------------------


@pytest.mark.parametrize(
    "label,expected",
    [("EMAIL_ADDRESS", "[EMAIL_ADDRESS]"), ("PERSON", "[PERSON]"), ("US_SSN", "[US_SSN]")],
)
def test_tag(label: str, expected: str) -> None:
    assert tag_value(label) == expected


@pytest.mark.parametrize(
    "value,char,keep,expected",
    [
        ("4111 1111 1111 1111", "*", 4, "**** **** **** 1111"),
        ("(415) 555-0199", "*", 4, "(***) ***-0199"),
        ("(415) 555-0199", "#", 0, "(###) ###-####"),
        ("jane.doe@example.com", "*", 0, "****.***@*******.***"),
        ("abc", "*", 4, "**c"),  # never more than half shown
        ("ab", "x", 10, "xb"),
        ("7", "*", 4, "*"),
        ("", "*", 4, ""),
        ("Zoë Ünal", "*", 0, "*** ****"),
    ],
)
def test_mask(value: str, char: str, keep: int, expected: str) -> None:
    assert mask_value(value, char, keep) == expected


@pytest.mark.parametrize(
    "value,label,length",
    [("+1 415 555 0199", "PHONE_NUMBER", 16), ("jane@example.com", "EMAIL_ADDRESS", 8), ("x", "PERSON", 64)],
)
def test_hash(value: str, label: str, length: int) -> None:
    out = hash_value(value, label, KEY, length)
    assert re.fullmatch(rf"\[{label}:[0-9a-f]{{{length}}}\]", out)
    assert out == hash_value(value, label, KEY, length)  # deterministic
    assert out != hash_value(value, label, b"another key", length)
    assert value not in out


def test_hash_normalizes_case_and_space() -> None:
    assert hash_value("Jane  Doe", "PERSON", KEY) == hash_value("jane doe", "PERSON", KEY)
    assert hash_value("Jane Doe", "PERSON", KEY) != hash_value("Jane Dow", "PERSON", KEY)


@pytest.mark.parametrize("key", [None, b""])
def test_hash_refuses_without_key(key: Optional[bytes]) -> None:
    with pytest.raises(SpacyPIIError, match=r"\[E101\].*--key-file.*SPACY_PII_KEY") as info:
        hash_value("jane@example.com", "EMAIL_ADDRESS", key)
    assert "jane" not in str(info.value)


def test_remove() -> None:
    assert remove_value() == ""


@pytest.mark.parametrize(
    "values,expected",
    [
        ([("Jane", "PERSON")], ["<PERSON_1>"]),
        ([("Jane", "PERSON"), ("Bob", "PERSON"), ("jane", "PERSON")], ["<PERSON_1>", "<PERSON_2>", "<PERSON_1>"]),
        ([("Jane", "PERSON"), ("Berlin", "LOCATION")], ["<PERSON_1>", "<LOCATION_1>"]),
        ([("sam", "PERSON"), ("sam", "USERNAME")], ["<PERSON_1>", "<USERNAME_1>"]),
    ],
)
def test_pseudonym_counters(values: List[Tuple[str, str]], expected: List[str]) -> None:
    pseudo = Pseudonymizer()
    assert [pseudo(v, label) for v, label in values] == expected


def test_pseudonym_keyed_is_stable_across_instances() -> None:
    a, b = Pseudonymizer(), Pseudonymizer()
    first = a("Jane Doe", "PERSON", KEY)
    assert re.fullmatch(r"<PERSON_[0-9a-f]{8}>", first)
    assert first == b("jane doe", "PERSON", KEY) == a("Jane Doe", "PERSON", KEY)
    assert first != a("Jane Doe", "PERSON", b"other key")
    assert first != a("Bob", "PERSON", KEY)
    assert a.counters == {}  # keyed mode keeps no table
    # hash and pseudonym digests are separated
    assert first[8:-1] != keyed_digest(KEY, "Jane Doe")[:8]


# --- resolve_overlaps -------------------------------------------------------------------

TEXT = "Jane Doe lives at jane@example.com in Berlin"


@pytest.mark.parametrize(
    "spans,priority,expected",
    [
        # disjoint spans are kept as they are
        ([(0, 8, "PERSON"), (38, 44, "LOCATION")], None, [(0, 8, "PERSON"), (38, 44, "LOCATION")]),
        # same label: union
        ([(0, 4, "PERSON"), (2, 8, "PERSON")], None, [(0, 8, "PERSON")]),
        # different labels: the longer wins, the shorter keeps only its outside part
        ([(0, 8, "PERSON"), (5, 14, "LOCATION")], None, [(0, 4, "PERSON"), (5, 14, "LOCATION")]),
        # a contained span of another label disappears
        ([(18, 34, "EMAIL_ADDRESS"), (18, 22, "PERSON")], None, [(18, 34, "EMAIL_ADDRESS")]),
        # priority beats length
        ([(18, 34, "PERSON"), (18, 22, "EMAIL_ADDRESS")], [0, 1], [(18, 22, "EMAIL_ADDRESS"), (23, 34, "PERSON")]),
        # empty spans are dropped
        ([(3, 3, "PERSON")], None, []),
        # the same span twice with two labels: one of them, once
        ([(0, 8, "PERSON"), (0, 8, "USERNAME")], None, [(0, 8, "PERSON")]),
    ],
)
def test_resolve_overlaps(spans: Spans, priority: Optional[List[int]], expected: Spans) -> None:
    got = [(s, e, label) for s, e, label, _ in resolve_overlaps(TEXT, spans, priority=priority)]
    assert got == expected


def test_resolve_overlaps_keeps_index_of_highest_tiebreak_member() -> None:
    spans = [(0, 4, "PERSON"), (2, 8, "PERSON")]
    assert resolve_overlaps(TEXT, spans, tiebreak=[0, 1]) == [(0, 8, "PERSON", 1)]
    assert resolve_overlaps(TEXT, spans, tiebreak=[1, 0]) == [(0, 8, "PERSON", 0)]


def test_resolve_overlaps_same_label_higher_priority_keeps_its_bounds() -> None:
    # Issue 17: no union across priorities; the lower one keeps its trimmed remainder.
    spans = [(0, 4, "PERSON"), (2, 8, "PERSON")]
    assert resolve_overlaps(TEXT, spans, priority=[0, 1]) == [(0, 2, "PERSON", 0), (2, 8, "PERSON", 1)]
    assert resolve_overlaps(TEXT, spans, priority=[1, 0]) == [(0, 4, "PERSON", 0), (5, 8, "PERSON", 1)]


# --- RedactionPolicy --------------------------------------------------------------------


@pytest.mark.parametrize(
    "policy_kwargs,spans,expected",
    [
        ({}, [(0, 8, "PERSON"), (18, 34, "EMAIL_ADDRESS")], "[PERSON] lives at [EMAIL_ADDRESS] in Berlin"),
        ({"operator": "remove"}, [(0, 9, "PERSON")], "lives at jane@example.com in Berlin"),
        ({"operator": "mask"}, [(38, 44, "LOCATION")], "Jane Doe lives at jane@example.com in ******"),
        # keep_last applies to number-like labels only, unless set per label
        ({"operator": "mask", "keep_last": 3}, [(0, 8, "PERSON")], "**** *** lives at jane@example.com in Berlin"),
        ({"operator": "mask", "keep_last_per_label": {"LOCATION": 2}}, [(38, 44, "LOCATION")],
         "Jane Doe lives at jane@example.com in ****in"),
        ({"per_label": {"LOCATION": "remove"}}, [(0, 8, "PERSON"), (37, 44, "LOCATION")],
         "[PERSON] lives at jane@example.com in"),
        ({"operator": "pseudonym"}, [(0, 4, "PERSON"), (18, 22, "PERSON")],
         "<PERSON_1> Doe lives at <PERSON_1>@example.com in Berlin"),
        # overlaps are resolved first: the e-mail wins over a PERSON inside it
        ({}, [(18, 22, "PERSON"), (18, 34, "EMAIL_ADDRESS")], "Jane Doe lives at [EMAIL_ADDRESS] in Berlin"),
        # unsorted input
        ({}, [(38, 44, "LOCATION"), (0, 4, "PERSON")], "[PERSON] Doe lives at jane@example.com in [LOCATION]"),
        ({}, [], TEXT),
    ],
)  # fmt: skip
def test_policy_apply(policy_kwargs: dict, spans: Spans, expected: str) -> None:
    assert RedactionPolicy(**policy_kwargs).apply(TEXT, spans) == expected


def test_policy_mask_card_keep_last() -> None:
    text = "card 4111 1111 1111 1111"
    out = RedactionPolicy(operator="mask", keep_last=4).apply(text, [(5, 24, "CREDIT_CARD")])
    assert out == "card **** **** **** 1111"


def test_policy_hash_refuses_without_key_even_with_no_span() -> None:
    with pytest.raises(SpacyPIIError, match=r"\[E101\]"):
        RedactionPolicy(per_label={"PHONE_NUMBER": "hash"}).apply("no spans", [])


def test_policy_hash_with_key() -> None:
    out = RedactionPolicy(operator="hash", key=KEY).apply(TEXT, [(0, 8, "PERSON")])
    assert re.fullmatch(r"\[PERSON:[0-9a-f]{16}\] lives at .*", out)


@pytest.mark.parametrize(
    "kwargs,code",
    [
        ({"operator": "shred"}, "E100"),
        ({"per_label": {"PERSON": "scramble"}}, "E100"),
        ({"per_label": {"NOT_A_LABEL": "tag"}}, "E001"),
        ({"mask_char": "**"}, "E104"),
        ({"mask_char": ""}, "E104"),
        ({"keep_last": -1}, "E105"),
        ({"hash_length": 4}, "E105"),
        ({"hash_length": 65}, "E105"),
        ({"key": 1234}, "E114"),
    ],
)
def test_policy_validation(kwargs: dict, code: str) -> None:
    with pytest.raises(ValueError, match=rf"\[{code}\]"):
        RedactionPolicy(**kwargs)


def test_unknown_operator_lists_valid_ones() -> None:
    with pytest.raises(SpacyPIIError) as info:
        RedactionPolicy(operator="shred")
    for name in [*OPERATOR_NAMES, "encrypt", "surrogate"]:
        assert name in str(info.value)


def test_policy_normalizes_names() -> None:
    policy = RedactionPolicy(operator="MASK", per_label={"person": "Hash"}, key="text key")  # type: ignore[arg-type]
    assert policy.operator == "mask"
    assert policy.per_label == {"PERSON": "hash"}
    assert policy.key == b"text key"


@pytest.mark.parametrize("spans", [[(-1, 2, "PERSON")], [(0, 100, "PERSON")], [(5, 4, "PERSON")]])
def test_policy_rejects_bad_offsets_without_text(spans: Spans) -> None:
    with pytest.raises(SpacyPIIError, match=r"\[E106\]") as info:
        RedactionPolicy().apply(TEXT, spans)
    assert "Jane" not in str(info.value)


def test_key_never_in_repr_str_or_errors() -> None:
    secret = b"very-secret-key-value"
    policy = RedactionPolicy(operator="hash", key=secret)
    for shown in (repr(policy), str(policy), f"{policy}", repr([policy])):
        assert "very-secret" not in shown
    with pytest.raises(SpacyPIIError) as info:
        RedactionPolicy(operator="nope", key=secret)
    assert "very-secret" not in str(info.value)


def test_policy_pickles_with_state() -> None:
    policy = RedactionPolicy(operator="pseudonym")
    assert policy.apply("Jane", [(0, 4, "PERSON")]) == "<PERSON_1>"
    clone = pickle.loads(pickle.dumps(policy))
    assert clone.apply("Bob and Jane", [(0, 3, "PERSON"), (8, 12, "PERSON")]) == "<PERSON_2> and <PERSON_1>"
    keyed = pickle.loads(pickle.dumps(RedactionPolicy(operator="hash", key=KEY)))
    assert keyed.key == KEY


def test_pseudonym_state_is_per_policy() -> None:
    a, b = RedactionPolicy(operator="pseudonym"), RedactionPolicy(operator="pseudonym")
    assert a.apply("Bob", [(0, 3, "PERSON")]) == "<PERSON_1>"
    assert a.apply("Jane", [(0, 4, "PERSON")]) == "<PERSON_2>"
    assert b.apply("Jane", [(0, 4, "PERSON")]) == "<PERSON_1>"


# --- load_key ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content,expected", [(b"secret\n", b"secret"), (b"secret\r\n", b"secret"), (b"se cret", b"se cret")]
)
def test_load_key_from_file(tmp_path: Path, content: bytes, expected: bytes) -> None:
    path = tmp_path / "key"
    path.write_bytes(content)
    assert load_key(path) == expected


def test_load_key_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.key"
    with pytest.raises(SpacyPIIError, match=r"\[E102\]") as info:
        load_key(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("content", [b"", b"\n", b"\r\n\n"])
def test_load_key_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.key"
    path.write_bytes(content)
    with pytest.raises(SpacyPIIError, match=r"\[E103\]") as info:
        load_key(path)
    assert str(path) in str(info.value)


def test_load_key_error_never_shows_content(tmp_path: Path) -> None:
    path = tmp_path / "dir.key"
    path.mkdir()  # unreadable as a file
    with pytest.raises(SpacyPIIError, match=r"\[E103\]"):
        load_key(path)


def test_load_key_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(KEY_ENV, "from-env\n")
    assert load_key(None) == b"from-env"
    path = tmp_path / "key"
    path.write_bytes(b"from-file")
    assert load_key(path) == b"from-file"  # the file wins
    monkeypatch.setenv(KEY_ENV, "")
    assert load_key(None) is None
    monkeypatch.delenv(KEY_ENV)
    assert load_key(None) is None

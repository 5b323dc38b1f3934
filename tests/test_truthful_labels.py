"""Labels that tell the truth (issue 17): a label with a shape or a checksum is given only to
a value that passes its check, whoever proposes it; USERNAME and CREDENTIAL from the model
need evidence in the line; a validated pattern span keeps its boundaries against a model
span of the same label.

The model is an entity_ruler proposing exactly the spans a test wants (the NER path: the
redactor reads `doc.ents` either way)."""
import importlib
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import pytest
import spacy
from spacy.language import Language

from spacy_pii.detectors import build_detector, registered_names
from spacy_pii.detectors.detector_set import checked_labels, validate_proposed
from spacy_pii.detectors.evidence import has_evidence
from spacy_pii.labels import LABELS, MODEL_LABELS
from spacy_pii.pipeline.overlaps import resolve_overlaps
from spacy_pii.pipeline.redactor import PIIRedactor

NOT_A_VALUE = "HiSyncOption"  # a class name from a real log: no check passes it


@lru_cache(maxsize=1)
def _pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler")
    nlp.add_pipe("pii_redactor")
    return nlp


def proposing(text: str, spans: Sequence[Tuple[str, str]], labels: Optional[List[str]] = None) -> Language:
    """A pipeline whose 'NER' proposes each (value, label) where the value's tokens occur
    (one pipeline, re-armed per test: building one per row costs more than the tests)."""
    nlp = _pipeline()
    tokens = nlp.make_doc(text)
    patterns: List[Dict[str, Any]] = []
    for value, label in spans:
        start = text.index(value)
        span = tokens.char_span(start, start + len(value))
        assert span is not None, "the test value must sit on token boundaries"
        patterns.append({"label": label, "pattern": [{"ORTH": t.text} for t in span]})
    ruler: Any = nlp.get_pipe("entity_ruler")
    ruler.clear()
    ruler.add_patterns(patterns)
    redactor = nlp.get_pipe("pii_redactor")
    assert isinstance(redactor, PIIRedactor)
    redactor.labels = labels
    return nlp


def ner_candidates(nlp: Language, text: str) -> List[Tuple[str, str]]:
    """(value, label) of the model spans the redactor takes as candidates (on a Doc the
    redactor has not annotated yet: its span scores would read back on the entities)."""
    doc = nlp(text, disable=["pii_redactor"])
    redactor = nlp.get_pipe("pii_redactor")
    assert isinstance(redactor, PIIRedactor)
    candidates, _ = redactor.candidates(doc)
    return [(text[c.start : c.end], c.label) for c in candidates if c.source == "ner"]


# --- the checked labels -------------------------------------------------------------------


def test_checked_labels_come_from_the_registry_and_the_scheme() -> None:
    checked = checked_labels()
    for label in ("EMAIL_ADDRESS", "IP_ADDRESS", "MAC_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "URL"):
        assert label in checked
    # Labels the check cannot decide: no detector, or a detector that says the model may
    # know better (spoken phone numbers) or that evidence decides (credentials).
    for label in ("PERSON", "LOCATION", "USERNAME", "CREDENTIAL", "PHONE_NUMBER", "DATE_TIME"):
        assert label not in checked
    # Every national-ID detector's label is checked (the other helper's new ones too).
    for name in registered_names():
        detector = build_detector(name)
        if detector.countries:
            assert detector.label in checked, name
    assert checked <= set(LABELS)


# (label, context with {} for the value, passing values, failing values). Failing values are
# the ones real system logs handed the model (issue 17).
TABLE: List[Tuple[str, str, List[str], List[str]]] = [
    ("EMAIL_ADDRESS", "mail to {} today",
     ["jane.doe@example.com", "jane%40example.com", "jane at example dot com", "jane [at] example [dot] org"],
     ["b1", "QuorumCnxManager$SendWorker@679", "NIOServerCnxn@1001", "jane at home"]),
    ("IP_ADDRESS", "client {} connected",
     ["10.1.2.3", "2001:db8::1", "203.0.113.77"],
     ["0.2267981", "1.2", "999.1.1.1"]),
    ("MAC_ADDRESS", "device {} registered",
     ["00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e"],
     ["11", "J15", "C"]),
    ("CREDIT_CARD", "card {} charged",
     ["4111 1111 1111 1111", "5500-0000-0000-0004"],
     ["4111 1111 1111 1112", "blk_-562725280853087685"]),
    ("IBAN_CODE", "iban {} paid",
     ["GB82 WEST 1234 5698 7654 32", "DE89370400440532013000"],
     ["GB82 WEST 1234 5698 7654 33", "blk_-562725280853087685"]),
    ("US_SSN", "SSN {} on file",
     ["123-45-6789"],
     ["R36-M1-N8", "000-12-3456", "666-12-3456"]),
    ("URL", "see {} now",
     ["https://www.example.com/a?b=c", "www.example.org"],
     ["httpd/conf/workers2.properties", "nova-compute.log.1.2017"]),
]
ROWS = [(label, context, value, ok) for label, context, good, bad in TABLE for ok, values in ((True, good), (False, bad)) for value in values]


@pytest.mark.parametrize("label,context,value,passes", ROWS)
def test_checked_label_keeps_a_passing_value_and_drops_a_failing_one(
    label: str, context: str, value: str, passes: bool
) -> None:
    text = context.format(value)
    nlp = proposing(text, [(value, label)], labels=[label])
    assert validate_proposed(label, text, text.index(value), text.index(value) + len(value)) is passes
    assert ((value, label) in ner_candidates(nlp, text)) is passes
    redacted = nlp(text)._.redacted
    if passes:
        assert redacted == context.format(f"[{label}]")
    else:
        assert value in redacted  # dropped, not given another label


def test_every_label_the_model_learns_with_a_check_has_a_table() -> None:
    tabled = {label for label, _, _, _ in TABLE}
    assert {label for label in MODEL_LABELS if label in checked_labels()} <= tabled


def _detector_rows() -> List[Any]:
    """A passing value per checked detector label, from the detector's own table
    (tests/detectors/test_detector_<name>.py: the first row whose value sits on tokens)."""
    sys.path.insert(0, str(Path(__file__).parent / "detectors"))
    tokenizer = spacy.blank("en")
    tabled = {label for label, _, _, _ in TABLE}
    rows = []
    for name in registered_names():
        label = build_detector(name).label
        if label not in checked_labels() or label in tabled:
            continue
        try:
            module = importlib.import_module(f"test_detector_{name}")
        except ImportError:
            continue
        for text, expected in getattr(module, "FOUND", []):
            value = expected[0][0]
            start = text.find(value)
            if start >= 0 and tokenizer.make_doc(text).char_span(start, start + len(value)) is not None:
                rows.append(pytest.param(label, text, value, id=name))
                break
    return rows


@pytest.mark.parametrize("label,text,value", _detector_rows())
def test_every_detector_label_refuses_a_failing_value(label: str, text: str, value: str) -> None:
    nlp = proposing(text, [(value, label)], labels=[label])
    assert (value, label) in ner_candidates(nlp, text)
    assert value not in nlp(text)._.redacted
    failing = text.replace(value, NOT_A_VALUE, 1)
    nlp = proposing(failing, [(NOT_A_VALUE, label)], labels=[label])
    assert ner_candidates(nlp, failing) == []
    assert NOT_A_VALUE in nlp(failing)._.redacted


def test_b1_is_no_email() -> None:
    text = "b1 jane@example.com"
    nlp = proposing(text, [("b1", "EMAIL_ADDRESS")])
    assert nlp(text)._.redacted == "b1 [EMAIL_ADDRESS]"


def test_a_failing_value_leaves_its_characters_to_another_label() -> None:
    # The model's e-mail is dropped; a detector's span on the same characters stays.
    text = "ip 10.1.2.3 up"
    nlp = proposing(text, [("10.1.2.3", "EMAIL_ADDRESS")])
    doc = nlp(text)
    assert doc._.redacted == "ip [IP_ADDRESS] up"
    assert [(m.label, m.source) for m in doc._.pii_matches] == [("IP_ADDRESS", "pattern")]


# --- the same-label boundary rule -----------------------------------------------------------


def test_validated_url_keeps_its_end_against_a_longer_model_url() -> None:
    text = 'host - - "GET / HTTP/1.1" 200 "https://www.google.com/" "Mozilla/5.0"'
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler")
    # The model's URL runs past the closing quote into the next field: `https://www.google.com/" "`
    ruler.add_patterns([{"label": "URL", "pattern": [{"TEXT": {"REGEX": "^https://"}}, {"ORTH": '"'}, {"ORTH": '"'}]}])
    nlp.add_pipe("pii_redactor", config={"labels": ["URL"]})
    doc = nlp(text)
    assert [text[s:e] for s, e in ((ent.start_char, ent.end_char) for ent in doc.ents)] == ['https://www.google.com/" "']
    assert doc._.redacted == 'host - - "GET / HTTP/1.1" 200 "[URL]" "Mozilla/5.0"'
    # By default URL is opt-in: a referer stays as it is.
    nlp.get_pipe("pii_redactor").labels = None
    assert nlp(text)._.redacted == text


@pytest.mark.parametrize(
    "spans,priority,expected",
    [
        # pattern (priority 1) and model (0) of one label: the pattern keeps its bounds, the
        # model's extra punctuation and space go
        ([(0, 26, "URL"), (0, 23, "URL")], [0, 1], [(0, 23, "URL", 1)]),
        # ... the model's extra letters stay as the trimmed remainder
        ([(0, 30, "URL"), (0, 23, "URL")], [0, 1], [(0, 23, "URL", 1), (26, 30, "URL", 0)]),
        # one priority: the union, as before
        ([(0, 26, "URL"), (0, 23, "URL")], [1, 1], [(0, 26, "URL", 0)]),
    ],
)
def test_same_label_boundary_rule(
    spans: List[Tuple[int, int, str]], priority: List[int], expected: List[Tuple[int, int, str, int]]
) -> None:
    text = 'https://www.google.com/" "Mozi'
    assert resolve_overlaps(text, spans, priority=priority) == expected


# --- USERNAME and CREDENTIAL need evidence ---------------------------------------------------

EVIDENCE: List[Tuple[str, str, str, bool]] = [
    # (label, text, value, kept)
    ("USERNAME", "auth.login user=jdoe ip=10.1.2.3", "jdoe", True),
    ("USERNAME", '{"login": "jdoe", "ok": true}', "jdoe", True),
    ("USERNAME", "Accepted password for jdoe from 10.0.0.1 port 22 ssh2", "jdoe", True),
    ("USERNAME", "Failed password for invalid user admin from 10.0.0.1 port 22", "admin", True),
    ("USERNAME", "pam_unix(sshd:session): session opened for user jdoe by (uid=0)", "jdoe", True),
    ("USERNAME", "sudo:    jdoe : TTY=pts/0 ; PWD=/home ; USER=root", "jdoe", True),
    ("USERNAME", "ticket reassigned by jdoe", "jdoe", True),
    ("USERNAME", "account jdoe locked", "jdoe", True),
    ("USERNAME", "uid=jdoe gid=staff", "jdoe", True),
    ("USERNAME", "thanks @jdoe for the fix", "@jdoe", True),
    ("USERNAME", "HiSyncOption init done", "HiSyncOption", False),
    ("USERNAME", "workerEnv.init() ok /etc/httpd/conf/workers2.properties", "workerEnv.init", False),
    ("USERNAME", "WindowsUpdateAgent started", "WindowsUpdateAgent", False),
    ("USERNAME", "QuorumCnxManager$SendWorker@679 interrupted", "QuorumCnxManager$SendWorker@679", False),
    ("USERNAME", "jdoe ok", "jdoe", False),
    ("CREDENTIAL", "config reload password=hunter2 retries=3", "hunter2", True),
    ("CREDENTIAL", '{"api_key": "k-123456789", "n": 1}', "k-123456789", True),
    ("CREDENTIAL", "token: 9f2c1e7abc", "9f2c1e7abc", True),
    ("CREDENTIAL", "Authorization: Bearer abc.def.ghi", "abc.def.ghi", True),
    ("CREDENTIAL", "Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz", True),
    ("CREDENTIAL", "key id AKIAIOSFODNN7EXAMPLE rotated", "AKIAIOSFODNN7EXAMPLE", True),
    ("CREDENTIAL", "onCreate WXEntryActivity", "WXEntryActivity", False),
    ("CREDENTIAL", "trace a94a8fe5ccb19ba61c4c0873d391e987982fbbd3 done", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3", False),
]


@pytest.mark.parametrize("label,text,value,kept", EVIDENCE)
def test_username_and_credential_need_evidence(label: str, text: str, value: str, kept: bool) -> None:
    start = text.index(value)
    assert has_evidence(label, text, start, start + len(value)) is kept
    nlp = proposing(text, [(value, label)])
    assert ((value, label) in ner_candidates(nlp, text)) is kept


def test_evidence_is_read_on_the_value_line_only() -> None:
    text = "user=\njdoe logged"
    start = text.index("jdoe")
    assert not has_evidence("USERNAME", text, start, start + 4)


def test_other_labels_need_no_evidence() -> None:
    text = "HiSyncOption"
    assert has_evidence("PERSON", text, 0, len(text))
    assert validate_proposed("PERSON", text, 0, len(text))


@pytest.mark.parametrize(
    "label,text,value",
    [
        ("CREDIT_CARD", "the card number is four one one one one one one one one one one one one one one one ok",
         "four one one one one one one one one one one one one one one one"),
        ("US_SSN", "social security number is four one two six eight zero nine three one and",
         "four one two six eight zero nine three one"),
        ("MAC_ADDRESS", "the mac address says zero zero one a two b three c four d five e", "zero zero one a two b three c four d five e"),
    ],
)
def test_spelled_out_values_pass_their_check(label: str, text: str, value: str) -> None:
    nlp = proposing(text, [(value, label)], labels=[label])
    assert (value, label) in ner_candidates(nlp, text)
    assert value not in nlp(text)._.redacted


def test_evidence_for_the_other_label_relabels() -> None:
    text = "sshd[22901]: Failed password for lhofmann from 2001:db8::1 port 22"
    nlp = proposing(text, [("lhofmann", "CREDENTIAL")])
    assert ner_candidates(nlp, text) == [("lhofmann", "USERNAME")]

"""The detector registry: third-party detectors, selection by name and country, priorities."""
import configparser
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Dict, Iterator, List

import catalogue
import pytest
import spacy

from spacy_pii.detectors import (
    Detector,
    PemCarry,
    build_detector,
    find_all,
    registered_names,
    select_detectors,
    words,
)
from spacy_pii.errors import SpacyPIIError
from spacy_pii.labels import LABELS
from spacy_pii.registry import registry

ROOT = Path(__file__).resolve().parents[2]


class ToyEmployeeId(Detector):
    """A detector a third party would write: not part of spacy_pii."""

    label = "USERNAME"
    pattern = re.compile(r"(?<![A-Z0-9])EMP-\d{6}(?![0-9])")
    context = words("employee")


@pytest.fixture
def toy_registered() -> Iterator[str]:
    name = "toy_employee_id"
    registry.detectors.register(name, func=ToyEmployeeId)
    try:
        yield name
    finally:
        del catalogue.REGISTRY[(*registry.detectors.namespace, name)]


def redact(text: str, **config: Any) -> str:
    nlp = spacy.blank("en")
    nlp.add_pipe("pii_redactor", config=config)
    return str(nlp(text)._.redacted)


def test_registered_detector_is_used_without_touching_the_package(toy_registered: str) -> None:
    assert toy_registered in registered_names()
    assert redact("badge EMP-123456 for jane@example.com") == "badge [USERNAME] for [EMAIL_ADDRESS]"
    assert redact("badge EMP-123456", detectors=[toy_registered]) == "badge [USERNAME]"
    toy = build_detector(toy_registered)
    scores = [m.score for text in ("employee EMP-123456", "badge EMP-654321") for m in toy.find(text)]
    assert scores == [0.85, 0.6]  # context-confirmed above bare shape


def test_entry_point_detector_in_a_fresh_interpreter(tmp_path: Path) -> None:
    (tmp_path / "toy_pkg.py").write_text(
        textwrap.dedent(
            """
            import re
            from spacy_pii.detectors import Detector

            class Toy(Detector):
                label = "USERNAME"
                pattern = re.compile(r"TOY-\\d{4}")
            """
        )
    )
    dist = tmp_path / "toy_pkg-0.0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-pkg\nVersion: 0.0.1\n")
    (dist / "entry_points.txt").write_text("[spacy_pii_detectors]\ntoy = toy_pkg:Toy\n")
    code = (
        "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('pii_redactor'); "
        "print(nlp('code TOY-1234')._.redacted)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "code [USERNAME]"


def test_every_detector_is_declared_as_an_entry_point() -> None:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    declared = dict(
        (part.strip() for part in line.split("=", 1))
        for line in cfg["options.entry_points"]["spacy_pii_detectors"].strip().splitlines()
    )
    ours = {
        n: f"{cls.__module__}:{cls.__name__}"
        for n in registered_names()
        for cls in [registry.detectors.get(n)]
        if cls.__module__.startswith("spacy_pii.")
    }
    # the registry (filled by importing every module of spacy_pii.detectors) is the one list:
    # each entry point names the same detector, module and class
    assert declared == ours


@pytest.mark.parametrize("name", registered_names())
def test_every_detector_has_a_label_of_the_scheme_and_a_table(name: str) -> None:
    detector = build_detector(name)
    assert detector.label in LABELS and detector.name == name
    assert all(len(c) == 2 and c.isupper() for c in detector.countries)
    module = type(detector).__module__
    if module.startswith("spacy_pii.detectors.") and name not in {
        "email", "ip_address", "mac_address", "credit_card", "iban", "us_ssn", "credential", "phone"
    }:  # fmt: skip  (the eight moved from patterns.py keep their tables in tests/test_patterns.py)
        assert (Path(__file__).parent / f"test_detector_{name}.py").exists()


TEXT = (
    "jane@example.com SSN 219-09-9999 passport 912803456 NHS 943 476 5919 "
    "PESEL 44051401359 card 4111 1111 1111 1111"
)


@pytest.mark.parametrize(
    "config,expected",
    [
        ({}, {"EMAIL_ADDRESS", "US_SSN", "US_PASSPORT", "UK_NHS", "PL_PESEL", "CREDIT_CARD"}),
        # without UK_NHS, "943 476 5919" is a phone number
        ({"countries": []}, {"EMAIL_ADDRESS", "CREDIT_CARD", "PHONE_NUMBER"}),
        ({"countries": ["UK"]}, {"EMAIL_ADDRESS", "UK_NHS", "CREDIT_CARD"}),
        ({"countries": ["us", "PL"]},
         {"EMAIL_ADDRESS", "US_SSN", "US_PASSPORT", "PL_PESEL", "CREDIT_CARD", "PHONE_NUMBER"}),
        ({"detectors": ["email", "uk_nhs"]}, {"EMAIL_ADDRESS", "UK_NHS"}),
        ({"detectors": ["email", "uk_nhs"], "countries": ["US"]}, {"EMAIL_ADDRESS"}),
        ({"detectors": ["email", "phone"], "countries": ["US"]}, {"EMAIL_ADDRESS", "PHONE_NUMBER"}),
        ({"use_patterns": False}, set()),
    ],
)  # fmt: skip
def test_select_by_name_and_country(config: Dict[str, Any], expected: set) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("pii_redactor", config=config)
    assert {m.label for m in nlp(TEXT)._.pii_matches} == expected


@pytest.mark.parametrize(
    "config,code",
    [({"detectors": ["email", "no_such_detector"]}, "E430"), ({"countries": ["XX"]}, "E433")],
)
def test_selection_errors(config: Dict[str, Any], code: str) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(SpacyPIIError, match=rf"\[{code}\]"):
        nlp.add_pipe("pii_redactor", config=config)


def test_old_config_keys_still_load() -> None:
    config = {
        "use_patterns": True,
        "phone_regions": ["US", "GB"],
        "patterns": [{"label": "USERNAME", "pattern": r"E-\d{5}"}],
        "pattern_score": 0.85,
    }
    out = redact("E-12345 mail jane@example.com", **config)
    assert out == "[USERNAME] mail [EMAIL_ADDRESS]"


@pytest.mark.parametrize(
    "text,value,label",
    [
        ("My passport number is 912803456 and", "912803456", "US_PASSPORT"),  # not PHONE_NUMBER
        ("NHS number 943 476 5919", "943 476 5919", "UK_NHS"),
        ("call 943 476 5919", "943 476 5919", "PHONE_NUMBER"),
        ("SSN 219099999", "219099999", "US_SSN"),
    ],
)
def test_phone_yields_to_higher_priority_detectors(text: str, value: str, label: str) -> None:
    found = [(text[m.start : m.end], m.label) for m in find_all(text)]
    assert found == [(value, label)]


def test_validated_value_keeps_the_detector_label_over_the_ner() -> None:
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PHONE_NUMBER", "pattern": "912803456"},
            {"label": "PERSON", "pattern": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"},
        ]
    )
    nlp.add_pipe("pii_redactor")
    doc = nlp("passport 912803456 to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT")
    assert doc._.redacted == "passport [US_PASSPORT] to [CRYPTO]"


def test_priority_breaks_ties_between_equally_long_matches() -> None:
    # 16 digits: a valid card, and a bank number after "account number": the card wins.
    text = "account number 4111111111111111"
    labels = [m.label for m in find_all(text)]
    assert labels == ["CREDIT_CARD"]
    assert select_detectors().names[0] == "credential"  # highest priority runs first
    assert select_detectors().names[-1] == "phone"  # yields: runs last


@pytest.mark.parametrize(
    "lines,body",
    [
        (["-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA", "abc+/=", "-----END RSA PRIVATE KEY-----", "x"],
         [False, True, True, False, False]),
        (["-----BEGIN PRIVATE KEY----- MIIE -----END PRIVATE KEY-----", "MIIEowIBAAKCAQEA"], [False, False]),
        (["-----BEGIN PRIVATE KEY-----", "MIIEowIBAAKCAQEA", "not base64: a line of text", "MIIE"],
         [False, True, False, False]),
        (["plain", "MIIEowIBAAKCAQEA"], [False, False]),
    ],
)  # fmt: skip
def test_pem_carry_marks_key_body_lines(lines: List[str], body: List[bool]) -> None:
    carry = PemCarry()
    assert [carry.is_body(line.encode()) for line in lines] == body

"""Tests for the surrogate operator's generator: format validity on generated values, one
surrogate per value, keyed, and the per-label shapes."""
import ipaddress
import re
import subprocess
import sys
from collections import defaultdict
from typing import Callable, Dict, List

import phonenumbers
import pytest

from spacy_pii.detectors.checksums import luhn_valid, mod97
from spacy_pii.generate import generate_split
from spacy_pii.operators.surrogates import SurrogateGenerator, surrogate_value

KEY = b"test-key-0123456789-abcdef"
OTHER_KEY = b"other-key-0123456789-abcdef"
GEN = SurrogateGenerator(KEY)

# RFC 5322 dot-atom local part, and one of the reserved example domains.
EMAIL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@example\.(?:com|org|net)")
DOC_NETS = [ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")]


def _phone_valid(value: str) -> bool:
    text = "+" + value.strip()[2:] if value.strip().startswith("00") else value
    regions = [None] if text.strip().startswith("+") else list(GEN.phone_regions)
    for region in regions:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
                return True
        except phonenumbers.NumberParseException:
            pass
    return False


def _iban_valid(value: str) -> bool:
    compact = re.sub(r"\s", "", value)
    return mod97(compact[4:] + compact[:4]) == 1


def _ssn_valid(value: str) -> bool:
    d = re.sub(r"\D", "", value)
    return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


def _ip_valid(value: str) -> bool:
    addr = ipaddress.ip_address(value)
    return any(addr in net for net in DOC_NETS)


VALIDATORS: Dict[str, Callable[[str], bool]] = {
    "EMAIL_ADDRESS": lambda v: bool(EMAIL.fullmatch(v.replace("%40", "@"))),
    "PHONE_NUMBER": _phone_valid,
    "CREDIT_CARD": lambda v: luhn_valid(re.sub(r"\D", "", v)),
    "IBAN_CODE": _iban_valid,
    "US_SSN": _ssn_valid,
    "IP_ADDRESS": _ip_valid,
}


@pytest.fixture(scope="module")
def generated() -> Dict[str, List[str]]:
    """Values of each label from a generated test split."""
    by_label: Dict[str, List[str]] = defaultdict(list)
    for example in generate_split("test", 400, seed=0):
        for start, end, label in example.spans:
            by_label[label].append(example.text[start:end])
    return by_label


@pytest.mark.parametrize("label", sorted(VALIDATORS))
def test_surrogates_pass_format_validators(generated: Dict[str, List[str]], label: str) -> None:
    values = generated[label]
    assert len(values) >= 20
    built = 0
    for value in values:
        out = GEN(value, label)
        if out == f"[{label}]":
            # Only spoken forms ("four one one ...") and URL-encoded values ("%28654%29+408...",
            # corpus v3) are tagged: they have no plain format to keep. Tagged is still redacted.
            assert sum(c.isdigit() for c in value) < 4 or re.search(r"%[0-9A-F]{2}|\d\+\d", value), (label, value)
            continue
        built += 1
        assert VALIDATORS[label](out), (label, value, out)
        assert out != value
    assert built >= 20


def test_same_value_same_surrogate_other_key_other_surrogate(generated: Dict[str, List[str]]) -> None:
    other = SurrogateGenerator(OTHER_KEY)
    again = SurrogateGenerator(KEY)
    differ = 0
    total = 0
    for label, values in generated.items():
        for value in values[:30]:
            out = GEN(value, label)
            assert again(value, label) == out == GEN(value, label)
            if out != f"[{label}]":
                total += 1
                differ += other(value, label) != out
    # Another key gives other surrogates (a few may coincide: small pools, like 762 IPv4s).
    assert differ > 0.9 * total


def test_surrogates_identical_in_another_process() -> None:
    values = [("Jane Doe", "PERSON"), ("+44 20 7946 0958", "PHONE_NUMBER"), ("4111 1111 1111 1111", "CREDIT_CARD"),
              ("March 3, 2021", "DATE_TIME"), ("Paris", "LOCATION")]  # fmt: skip
    code = (
        "from spacy_pii.operators.surrogates import surrogate_value; "
        f"print('\\n'.join(surrogate_value(v, l, {KEY!r}) for v, l in {values!r}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": "11"}
    ).stdout.splitlines()
    assert out == [surrogate_value(v, label, KEY) for v, label in values]


@pytest.mark.parametrize(
    "value,label,pattern",
    [
        ("Jane Doe", "PERSON", r"[A-Z][a-z'-]+ [A-Z][a-z'-]+"),
        ("JANE DOE", "PERSON", r"[A-Z'-]+ [A-Z'-]+"),
        ("Dr. Jane Doe", "PERSON", r"Dr\. \S+ \S+"),
        ("Иван Петров", "PERSON", r"[А-Яа-яЁё-]+ [А-Яа-яЁё-]+"),
        ("(415) 555-2671", "PHONE_NUMBER", r"\(\d{3}\) \d{3}-\d{4}"),
        ("+44 20 7946 0958", "PHONE_NUMBER", r"\+44 .*"),
        ("4111-1111-1111-1111", "CREDIT_CARD", r"4\d{3}-\d{4}-\d{4}-\d{4}"),
        ("378282246310005", "CREDIT_CARD", r"3782\d{11}"),
        ("DE89 3704 0044 0532 0130 00", "IBAN_CODE", r"DE\d\d \d{4} \d{4} \d{4} \d{4} \d\d"),
        ("GB82WEST12345698765432", "IBAN_CODE", r"GB\d\d[A-Z]{4}\d{14}"),
        ("078-05-1120", "US_SSN", r"\d{3}-\d{2}-\d{4}"),
        ("10.1.2.3", "IP_ADDRESS", r"(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+"),
        ("2001:4860:4860::8888", "IP_ADDRESS", r"2001:db8:.*"),
        ("00:1A:2B:3C:4D:5E", "MAC_ADDRESS", r"[0-9A-F]{2}(:[0-9A-F]{2}){5}"),
        ("2021-03-04", "DATE_TIME", r"\d{4}-\d{2}-\d{2}"),
        ("March 3rd, 2021", "DATE_TIME", r"[A-Z][a-z]+ \d{1,2}(st|nd|rd|th), \d{4}"),
        ("the 13th of October 1967", "DATE_TIME", r"the \d{1,2}(st|nd|rd|th) of [A-Z][a-z]+ \d{4}"),
        ("3/7/2021", "DATE_TIME", r"\d{1,2}/\d{1,2}/\d{4}"),
        ("at two pm", "DATE_TIME", r"\[DATE_TIME\]"),
        ("AKIAIOSFODNN7EXAMPLE", "CREDENTIAL", r"AKIA[A-Z0-9]{16}"),
        ("ghp_abcDEF123", "CREDENTIAL", r"ghp_[a-z]{3}[A-Z]{3}\d{3}"),
        ("hunter2!", "CREDENTIAL", r"[a-z]{6}\d!"),
        ("jsmith42", "USERNAME", r"[a-z]+\d\d"),
        ("a 67-year-old", "AGE", r"a \d\d-year-old"),
        ("jane.doe@acme.com", "EMAIL_ADDRESS", r"[a-z]+\.[a-z]+@example\.(com|org|net)"),
        ("jane.doe%40acme.com", "EMAIL_ADDRESS", r"[a-z]+\.[a-z]+%40example\.(com|org|net)"),
        ("jane at acme dot com", "EMAIL_ADDRESS", r"\[EMAIL_ADDRESS\]"),
        ("passport X123", "US_PASSPORT", r"[a-z]{8} [A-Z]\d{3}"),
    ],
)
def test_shapes(value: str, label: str, pattern: str) -> None:
    out = GEN(value, label)
    assert re.fullmatch(pattern, out), out
    assert out != value


def test_person_words_map_consistently_with_emails() -> None:
    full = GEN("Jane Doe", "PERSON")
    first, last = full.split()
    assert GEN("Doe", "PERSON") == last
    assert GEN("jane", "PERSON") == first.lower()
    assert GEN("jane.doe@acme.com", "EMAIL_ADDRESS").split("@")[0] == f"{first}.{last}".lower()


def test_dates_keep_intervals() -> None:
    a, b = GEN("2021-03-01", "DATE_TIME"), GEN("2021-03-11", "DATE_TIME")
    from datetime import date

    assert (date.fromisoformat(b) - date.fromisoformat(a)).days == 10
    assert GEN.date_shift.days != 0 and abs(GEN.date_shift.days) <= 365


def test_weekday_moves_with_the_date() -> None:
    from datetime import datetime

    out = GEN("Monday, March 1, 2021", "DATE_TIME")
    weekday, rest = out.split(", ", 1)
    assert datetime.strptime(rest, "%B %d, %Y").strftime("%A") == weekday


def test_mapping_hook_and_repr_without_key() -> None:
    seen: List[tuple] = []
    gen = SurrogateGenerator(KEY, on_replace=lambda *row: seen.append(row))
    out = gen("Jane Doe", "PERSON")
    assert seen == [("PERSON", "Jane Doe", out)]
    assert KEY.decode() not in repr(gen)

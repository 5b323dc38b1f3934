"""The label scheme: one table, everything derived from it, the README lists every label."""
import re
from pathlib import Path

import pytest

from spacy_pii.labels import (
    DISPLACY_COLORS,
    LABEL_DESCRIPTIONS,
    LABEL_SCHEME,
    LABELS,
    MODEL_LABELS,
    NUMBER_LIKE_LABELS,
    SCHEME,
    check_labels,
    create_labels,
)
from spacy_pii.operators.core import KEEP_LAST_LABELS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_everything_derives_from_the_one_table() -> None:
    assert LABELS == tuple(row[0] for row in LABEL_SCHEME)
    assert len(set(LABELS)) == len(LABELS)
    assert list(LABEL_DESCRIPTIONS) == list(DISPLACY_COLORS) == list(LABELS)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in DISPLACY_COLORS.values())
    assert KEEP_LAST_LABELS == NUMBER_LIKE_LABELS
    assert {"CREDIT_CARD", "PHONE_NUMBER", "IBAN_CODE", "US_SSN"} <= NUMBER_LIKE_LABELS
    assert create_labels() == list(MODEL_LABELS)
    assert all(label.description for label in SCHEME)


def test_readme_label_table_lists_every_label_once() -> None:
    section = README.read_text(encoding="utf8").split("## Labels", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([A-Z_]+) \|", section, flags=re.M)
    assert rows == list(LABELS)


@pytest.mark.parametrize("given,expected", [(["person", " url "], ["PERSON", "URL"]), ([""], [])])
def test_check_labels(given: list, expected: list) -> None:
    assert check_labels(given) == expected


def test_check_labels_unknown() -> None:
    with pytest.raises(ValueError, match=r"\[E001\]"):
        check_labels(["NOT_A_LABEL"])

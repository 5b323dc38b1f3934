"""Score thresholds: checks, per-label overrides, the --threshold-for parser."""
from typing import Dict

import pytest

from spacy_pii.errors import SpacyPIIError
from spacy_pii.thresholds import Thresholds, check_threshold, parse_threshold_for


@pytest.mark.parametrize("value", [-0.1, 1.01, float("nan"), "0.5", True, None])
def test_bad_threshold(value: object) -> None:
    with pytest.raises(SpacyPIIError, match="E603"):
        check_threshold(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "default,per_label,label,score,kept",
    [
        (0.0, {}, "PERSON", 0.0, True),  # the default keeps everything
        (0.5, {}, "PERSON", 0.49, False),
        (0.5, {}, "PERSON", 0.5, True),  # at the threshold: kept
        (0.5, {"PERSON": 0.9}, "PERSON", 0.85, False),  # per label overrides
        (0.5, {"PERSON": 0.9}, "EMAIL_ADDRESS", 0.85, True),
        (0.9, {"email_address": 0.0}, "EMAIL_ADDRESS", 0.1, True),  # labels normalised
    ],
)
def test_thresholds_keep(default: float, per_label: Dict[str, float], label: str, score: float, kept: bool) -> None:
    assert Thresholds(default, per_label).keeps(label, score) is kept


@pytest.mark.parametrize(
    "default,per_label,active", [(0.0, {}, False), (0.0, {"PERSON": 0.0}, False), (0.0, {"PERSON": 0.2}, True), (0.3, {}, True)]
)
def test_thresholds_active(default: float, per_label: Dict[str, float], active: bool) -> None:
    assert Thresholds(default, per_label).active is active


def test_thresholds_unknown_label() -> None:
    with pytest.raises(ValueError, match="E001"):
        Thresholds(0.0, {"NOT_A_LABEL": 0.5})


@pytest.mark.parametrize(
    "values,expected",
    [([], {}), (["PERSON=0.9"], {"PERSON": 0.9}), (["person=0", "IP_ADDRESS=1"], {"PERSON": 0.0, "IP_ADDRESS": 1.0})],
)
def test_parse_threshold_for(values: list, expected: Dict[str, float]) -> None:
    assert parse_threshold_for(values) == expected


@pytest.mark.parametrize("value,code", [("PERSON", "E604"), ("=0.5", "E604"), ("PERSON=x", "E604"), ("PERSON=1.5", "E604"), ("NOPE=0.5", "E001")])
def test_parse_threshold_for_errors(value: str, code: str) -> None:
    with pytest.raises(ValueError, match=code):
        parse_threshold_for([value])

"""Score thresholds: checks, per-label overrides, the --threshold-for parser."""
from typing import Dict, List

import pytest

from spacy_pii.errors import SpacyPIIError
from spacy_pii.operators.thresholds import Thresholds, check_threshold, parse_threshold_for


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


# --- in the pipeline: pii_redactor config, the API, the CLI ----------------------------------

import spacy  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from spacy_pii import redact  # noqa: E402
from spacy_pii.cli import app  # noqa: E402
from spacy_pii.pipeline.redactor import register_extensions  # noqa: E402

TEXT = "Ann met Bob in Rome and Paris"
# word -> (label, score), as a scoring NER (pii_ner) would set them
ENTS = {"Ann": ("PERSON", 0.95), "Bob": ("PERSON", 0.4), "Rome": ("LOCATION", 0.7), "Paris": ("LOCATION", 0.2)}


@Language.component("test_scored_ents")
def scored_ents(doc: Doc) -> Doc:
    register_extensions()
    doc.ents = [Span(doc, t.i, t.i + 1, label=ENTS[t.text][0]) for t in doc if t.text in ENTS]
    for ent in doc.ents:
        ent._.pii_score = ENTS[ent.text][1]
    return doc


def pipeline(**config: object) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_scored_ents")
    nlp.add_pipe("pii_redactor", config={"use_patterns": False, **config})
    return nlp


def found(nlp: Language, text: str = TEXT) -> Dict[str, float]:
    return {text[m.start : m.end]: m.score for m in nlp(text)._.pii_matches}


def test_ner_scores_reach_the_matches() -> None:
    assert found(pipeline()) == {w: s for w, (_, s) in ENTS.items()}


@pytest.mark.parametrize(
    "threshold,thresholds,kept",
    [
        (0.0, {}, {"Ann", "Bob", "Rome", "Paris"}),  # the default: today's behaviour
        (0.5, {}, {"Ann", "Rome"}),
        (0.5, {"PERSON": 0.3}, {"Ann", "Bob", "Rome"}),  # per label lowers one label's bar
        (0.0, {"LOCATION": 0.8}, {"Ann", "Bob"}),  # and raises another's
        (0.96, {"LOCATION": 0.0}, {"Rome", "Paris"}),
    ],
)
def test_per_label_thresholds_apply(threshold: float, thresholds: Dict[str, float], kept: set) -> None:
    nlp = pipeline(threshold=threshold, thresholds=thresholds)
    doc = nlp(TEXT)
    assert set(found(nlp)) == kept
    for word in set(ENTS) - kept:
        assert word in doc._.redacted
    for word in kept:
        assert word not in doc._.redacted


@settings(max_examples=30, deadline=None)
@given(st.floats(0, 1), st.floats(0, 1), st.sampled_from(["PERSON", "LOCATION"]), st.floats(0, 1))
def test_raising_the_threshold_never_adds_spans(t1: float, t2: float, label: str, per: float) -> None:
    low, high = sorted([t1, t2])
    spans_low = set(found(pipeline(threshold=low, thresholds={label: per})))
    spans_high = set(found(pipeline(threshold=high, thresholds={label: max(per, high)})))
    assert spans_high <= spans_low


@pytest.mark.parametrize("config,code", [({"threshold": 1.5}, "E603"), ({"thresholds": {"PERSON": -1}}, "E603")])
def test_bad_config(config: Dict[str, object], code: str) -> None:
    with pytest.raises(Exception, match=code):
        pipeline(**config)


@pytest.mark.parametrize(
    "options,kept",
    [({}, set(ENTS)), ({"threshold": 0.5}, {"Ann", "Rome"}), ({"threshold": 0.5, "thresholds": {"PERSON": 0.0}}, {"Ann", "Bob", "Rome"})],
)
def test_api_thresholds(options: Dict[str, object], kept: set) -> None:
    out = redact(TEXT, nlp=pipeline(), **options)
    assert {w for w in ENTS if w not in out} == kept


@pytest.fixture(scope="module")
def scored_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("model") / "scored"
    pipeline(threshold=0.3).to_disk(path)
    return str(path)


@pytest.mark.parametrize(
    "options,redacted",
    [
        ([], {"Ann", "Bob", "Rome"}),  # the model's own threshold (0.3)
        (["--threshold", "0.5"], {"Ann", "Rome"}),
        (["--threshold", "0.5", "--threshold-for", "LOCATION=0.1"], {"Ann", "Rome", "Paris"}),
        (["--threshold-for", "PERSON=0.9"], {"Ann", "Rome"}),  # the model's 0.3 for the others
        (["--threshold", "0"], set(ENTS)),
    ],
)
def test_redact_cli_thresholds(scored_model: str, options: List[str], redacted: set) -> None:
    result = CliRunner().invoke(app, ["redact", "-m", scored_model, *options], input=TEXT + "\n")
    assert result.exit_code == 0, result.stderr
    for word in ENTS:
        assert (word not in result.stdout) == (word in redacted), word


@pytest.mark.parametrize("options", [["--threshold-for", "PERSON"], ["--threshold-for", "NOPE=0.5"], ["--threshold", "2"]])
def test_redact_cli_bad_thresholds(scored_model: str, options: List[str]) -> None:
    result = CliRunner().invoke(app, ["redact", "-m", scored_model, *options], input=TEXT + "\n")
    assert result.exit_code == 2

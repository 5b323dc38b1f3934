"""Evaluation: label maps, overlap F1, leak rate per gold label, the threshold grid, the
reliability table, and `evaluate` / `review --label-map` on a Presidio-labelled fixture."""
from pathlib import Path
from typing import List, Tuple

import orjson
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spacy_pii.cli import app
from spacy_pii.errors import SpacyPIIError
from spacy_pii.evaluation.evaluate import (
    ScoredExample,
    Scores,
    reliability_table,
    score_doc,
    suggest_threshold,
    threshold_table,
)
from spacy_pii.evaluation.label_map import PRESETS, LabelMap, parse_label_map
from spacy_pii.evaluation.review import Mark, render_doc_text

DATA = Path(__file__).resolve().parent / "data"
PRESIDIO_FIXTURE = DATA / "presidio_labels.jsonl"
runner = CliRunner()


# --- label maps ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "specs,label,expected",
    [
        ([], "PERSON", "PERSON"),  # ours map to themselves
        ([], "GPE", None),  # unmapped
        (["presidio"], "GPE", "LOCATION"),
        (["presidio"], "TITLE", None),
        (["presidio"], "ORG", "ORGANIZATION"),
        (["ontonotes"], "NORP", "NRP"),
        (["ontonotes"], "CARDINAL", None),
        (["ontonotes", "DATE="], "DATE", None),  # later specs override
        (["ontonotes", "DATE=date_time"], "DATE", "DATE_TIME"),  # targets upper-cased
        (["PERSON=ORGANIZATION"], "PERSON", "ORGANIZATION"),  # ours can be remapped too
        (["Person = PERSON"], "Person", "PERSON"),
    ],
)
def test_label_map(specs: List[str], label: str, expected: str) -> None:
    assert parse_label_map(specs).map_label(label) == expected


def test_label_map_file(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_bytes(orjson.dumps({"PER": "PERSON", "MISC": None, "EVENT": ""}))
    mapping = parse_label_map([str(path)])
    spans = [(0, 3, "PER"), (4, 8, "MISC"), (9, 12, "EVENT"), (13, 15, "X"), (16, 18, "X")]
    assert mapping.map_spans(spans) == [(0, 3, "PERSON")]
    assert dict(mapping.ignored) == {"MISC": 1, "EVENT": 1}
    assert dict(mapping.unmapped) == {"X": 2}


@pytest.mark.parametrize(
    "content,code",
    [(b"[1, 2]", "E602"), (b"{\"A\": 3}", "E602"), (b"{not json", "E602"), (b"{\"A\": \"NOPE\"}", "E601")],
)
def test_label_map_file_errors(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "map.json"
    path.write_bytes(content)
    with pytest.raises(SpacyPIIError, match=code):
        parse_label_map([str(path)])


@pytest.mark.parametrize("spec,code", [("nopreset", "E600"), ("=PERSON", "E600"), ("GPE=CITY", "E601")])
def test_label_map_spec_errors(spec: str, code: str) -> None:
    with pytest.raises(SpacyPIIError, match=code):
        parse_label_map([spec])


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_presets_target_the_scheme(preset: str) -> None:
    LabelMap(PRESETS[preset])  # raises E601 on a target outside the scheme


# --- overlap F1 and leak per label -----------------------------------------------------------

TEXT = "Jane Doe Smith lives in Paris."
#       0    5   9    14    20 23   29


@pytest.mark.parametrize(
    "gold,pred,exact_f,overlap_f,leaks",
    [
        ([(0, 14, "PERSON")], [(0, 14, "PERSON")], 1.0, 1.0, {"PERSON": 0.0}),
        # boundary disagreement: exact misses, overlap counts it; "Smith" (5 chars of 12) leaks
        ([(0, 14, "PERSON")], [(0, 8, "PERSON")], 0.0, 1.0, {"PERSON": 5 / 12}),
        # wrong label: neither view counts it, but the characters are redacted (label-blind)
        ([(24, 29, "LOCATION")], [(24, 29, "ORGANIZATION")], 0.0, 0.0, {"LOCATION": 0.0}),
        # a miss leaks the whole span
        ([(0, 14, "PERSON"), (24, 29, "LOCATION")], [(0, 14, "PERSON")], 2 / 3, 2 / 3, {"PERSON": 0.0, "LOCATION": 1.0}),
    ],
)
def test_overlap_and_leak_by_label(
    gold: List[Tuple[int, int, str]], pred: List[Tuple[int, int, str]], exact_f: float, overlap_f: float, leaks: dict
) -> None:
    scores = Scores()
    score_doc(scores, TEXT, gold, pred)
    assert scores.micro().f == pytest.approx(exact_f)
    assert scores.overlap_micro().f == pytest.approx(overlap_f)
    assert scores.leak_rate_by_label() == pytest.approx(leaks)


# --- thresholds ------------------------------------------------------------------------------

EXAMPLES = [
    ScoredExample(TEXT, [(0, 14, "PERSON"), (24, 29, "LOCATION")], [(0, 14, "PERSON", 0.9), (24, 29, "LOCATION", 0.4)]),
    ScoredExample("call 555 0100 now", [], [(5, 13, "PHONE_NUMBER", 0.3)]),
]


@pytest.mark.parametrize(
    "threshold,p,r,leak",
    [(0.0, 2 / 3, 1.0, 0.0), (0.35, 1.0, 1.0, 0.0), (0.5, 1.0, 0.5, 5 / 17), (0.95, 0.0, 0.0, 1.0)],
)
def test_threshold_table(threshold: float, p: float, r: float, leak: float) -> None:
    (row,) = threshold_table(EXAMPLES, [threshold])
    assert (row.p, row.r, row.leak_rate) == pytest.approx((p, r, leak))


@pytest.mark.parametrize("max_leak,expected", [(0.0, 0.35), (0.3, 0.5), (1.0, 0.95)])
def test_suggest_threshold(max_leak: float, expected: float) -> None:
    rows = threshold_table(EXAMPLES, [0.0, 0.35, 0.5, 0.95])
    suggested = suggest_threshold(rows, max_leak)
    assert suggested is not None and suggested.threshold == expected


def test_suggest_threshold_none() -> None:
    rows = threshold_table([ScoredExample("Jane", [(0, 4, "PERSON")], [])], [0.0, 0.5])
    assert suggest_threshold(rows, 0.01) is None


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.floats(0, 1)), max_size=6),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_raising_the_threshold_never_adds_spans(preds: list, t1: float, t2: float) -> None:
    text = "a b c d e f g h i j k l"
    example = ScoredExample(text, [], [(2 * i, 2 * i + 1, "PERSON", s) for i, s in preds])
    low, high = threshold_table([example], sorted([t1, t2]))
    assert high.spans <= low.spans


# --- reliability -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "pairs,bins,ece",
    [
        ([], [], 0.0),
        # perfectly calibrated: half of the 0.5s right, all of the 1.0s right
        ([(0.5, True), (0.5, False), (1.0, True)], [(5, 2, 0.5, 0.5), (9, 1, 1.0, 1.0)], 0.0),
        # overconfident: scores 0.9, half right -> ECE 0.4
        ([(0.9, True), (0.9, False)], [(9, 2, 0.9, 0.5)], 0.4),
        # score 0 falls in the first bin
        ([(0.0, False), (0.05, True)], [(0, 2, 0.025, 0.5)], 0.475),
    ],
)
def test_reliability_table(pairs: list, bins: list, ece: float) -> None:
    table, got = reliability_table(pairs, 10)
    assert [(round(b.low * 10), b.n, b.mean_score, b.precision) for b in table] == [
        (i, n, pytest.approx(m), pytest.approx(p)) for i, n, m, p in bins
    ]
    assert got == pytest.approx(ece)


# --- the CLI on a Presidio-labelled fixture --------------------------------------------------

@pytest.fixture(scope="module")
def ruler_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small pipeline: an entity ruler for the fixture's names, and pii_redactor."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([  # type: ignore[attr-defined]
        {"label": "PERSON", "pattern": "Jane Doe"},
        {"label": "LOCATION", "pattern": "Berlin"},
    ])
    nlp.add_pipe("pii_redactor")
    path = tmp_path_factory.mktemp("model") / "ruler"
    nlp.to_disk(path)
    return path


def test_evaluate_cli_presidio_labels(ruler_model: Path, tmp_path: Path) -> None:
    out = tmp_path / "metrics.json"
    args = ["evaluate", str(ruler_model), str(PRESIDIO_FIXTURE), "--label-map", "presidio", "-o", str(out), "--max-leak", "1"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "DOMAIN_NAME (1)" in result.stderr and "W600" in result.stderr
    assert "TITLE (1)" in result.stderr and "W601" in result.stderr
    assert "Suggested threshold" in result.stderr and "ECE" in result.stderr
    metrics = orjson.loads(out.read_bytes())
    assert metrics["unmapped_labels"] == {"DOMAIN_NAME": 1}
    # PERSON x2, LOCATION (GPE), EMAIL_ADDRESS found; ORGANIZATION (ORG) and DATE_TIME missed
    assert metrics["per_label"]["PERSON"]["r"] == 1.0
    assert metrics["per_label"]["LOCATION"]["r"] == 1.0
    assert metrics["per_label"]["ORGANIZATION"]["r"] == 0.0
    assert metrics["leak_rate_by_label"]["ORGANIZATION"] == 1.0
    assert metrics["overlap"]["micro"]["r"] == pytest.approx(4 / 6)
    assert [row["threshold"] for row in metrics["thresholds"]][0] == 0.0
    assert metrics["reliability"]["bins"]
    # no value of the data reaches stderr
    for value in ("Jane", "Berlin", "jane.doe", "Globex"):
        assert value not in result.stderr


def test_evaluate_cli_without_map_lists_unmapped(ruler_model: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(ruler_model), str(PRESIDIO_FIXTURE)])
    assert result.exit_code == 0, result.stderr
    for label in ("GPE (1)", "ORG (1)", "TITLE (1)", "DATE (1)", "DOMAIN_NAME (1)"):
        assert label in result.stderr


@pytest.mark.parametrize("command", ["evaluate", "review"])
def test_cli_bad_label_map(ruler_model: Path, tmp_path: Path, command: str) -> None:
    args = (
        ["evaluate", str(ruler_model), str(PRESIDIO_FIXTURE)]
        if command == "evaluate"
        else ["review", str(PRESIDIO_FIXTURE), "-o", str(tmp_path / "r.html"), "-m", str(ruler_model)]
    )
    result = runner.invoke(app, args + ["--label-map", "GPE=CITY"])
    assert result.exit_code == 2
    assert "E601" in result.stderr


def test_review_cli_presidio_labels(ruler_model: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = ["review", str(PRESIDIO_FIXTURE), "-o", str(out), "-m", str(ruler_model), "--label-map", "presidio"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "DOMAIN_NAME (1)" in result.stderr
    html = out.read_text(encoding="utf-8")
    assert "LOCATION" in html and "GPE" not in html
    assert "Jane" not in result.stderr


# --- the review report shows each span's score -----------------------------------------------

@pytest.mark.parametrize(
    "mark,shown",
    [
        (Mark(0, 4, "PERSON", "pred", None, "ner", 0.42), True),
        (Mark(0, 4, "PERSON", "tp", (0, 4, "PERSON"), "pattern", 0.851), True),
        (Mark(0, 4, "PERSON", "pred"), False),  # no score known
    ],
)
def test_review_marks_show_scores(mark: Mark, shown: bool) -> None:
    out = render_doc_text("Jane is here", [mark])
    assert ('class="was sc"' in out) == shown
    assert ("data-score=" in out) == shown
    if shown:
        assert f"{mark.score:.2f}</span>" in out

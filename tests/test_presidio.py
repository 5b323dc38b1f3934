"""EnPiiRecognizer inside Presidio's AnalyzerEngine: hermetic (no spaCy model download, no
network: sockets are refused) and checked against the pipeline's own matches."""
import socket
from pathlib import Path
from typing import Any, List, Tuple

import pytest
import spacy

pytest.importorskip("presidio_analyzer", reason="the presidio extra is not installed")

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider, NoOpNlpEngine  # noqa: E402
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer  # noqa: E402

from spacy_pii.errors import SpacyPIIError  # noqa: E402
from spacy_pii.labels import LABELS  # noqa: E402
from spacy_pii.presidio import EnPiiRecognizer  # noqa: E402

SENTENCES = [
    "Jane Doe (jane.doe@acme-corp.com) paid with 4111 1111 1111 1111 in Paris.",
    "ssh login for user=alice from 192.168.10.24, mac 3c:22:fb:9a:10:7e",
    "Wire it to GB82 WEST 1234 5698 7654 32 for John Smith at Globex; SSN 536-22-1847.",
    "Call +1 415-555-0132 about the New York office of Acme Corp",
    "Nothing personal in this sentence at all.",
]

Result = Tuple[str, int, int, float]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection attempt fails the test (tldextract, spacy download, hub look-ups...)."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("network access attempted during a hermetic Presidio test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def noop_engine() -> NoOpNlpEngine:
    return NoOpNlpEngine([{"lang_code": "en", "model_name": "none"}])


def analyzer_with(*recognizers: Any, nlp_engine: Any = None) -> AnalyzerEngine:
    return AnalyzerEngine(
        nlp_engine=nlp_engine if nlp_engine is not None else noop_engine(),
        registry=RecognizerRegistry(list(recognizers)),
    )


def presidio_results(analyzer: AnalyzerEngine, text: str, **kwargs: Any) -> List[Result]:
    return sorted(
        (r.entity_type, r.start, r.end, r.score) for r in analyzer.analyze(text, language="en", **kwargs)
    )


def pipeline_results(nlp: Any, text: str) -> List[Result]:
    return sorted((m.label, m.start, m.end, m.score) for m in nlp(text)._.pii_matches)


def test_supported_entities_are_the_scheme(pii_nlp: Any) -> None:
    recognizer = EnPiiRecognizer(pii_nlp)
    assert recognizer.get_supported_entities() == list(LABELS)
    assert recognizer.supported_language == "en"
    assert recognizer.name == "EnPiiRecognizer"


@pytest.mark.parametrize("text", SENTENCES)
def test_analyzer_equals_pipeline(pii_nlp: Any, text: str) -> None:
    analyzer = analyzer_with(EnPiiRecognizer(pii_nlp))
    assert presidio_results(analyzer, text) == pipeline_results(pii_nlp, text)


def test_scores_are_the_redactors_not_constant(pii_nlp: Any) -> None:
    # A checksum-validated card (1.0), a model span (1.0), a shape-only e-mail (pattern_score).
    analyzer = analyzer_with(EnPiiRecognizer(pii_nlp))
    scores = {t: s for t, _, _, s in presidio_results(analyzer, SENTENCES[0])}
    assert scores["CREDIT_CARD"] == 1.0
    assert scores["PERSON"] == 1.0
    assert scores["EMAIL_ADDRESS"] == pii_nlp.get_pipe("pii_redactor").pattern_score < 1.0


def test_explanation_and_metadata(pii_nlp: Any) -> None:
    recognizer = EnPiiRecognizer(pii_nlp)
    results = recognizer.analyze(SENTENCES[0], entities=[])
    assert results
    for r in results:
        assert r.recognition_metadata["recognizer_name"] == "EnPiiRecognizer"
        assert r.recognition_metadata["recognizer_identifier"] == recognizer.id
        assert r.analysis_explanation.original_score == r.score
        assert r.analysis_explanation.textual_explanation in ("spacy-pii ner match", "spacy-pii pattern match")


def test_entities_filter(pii_nlp: Any) -> None:
    analyzer = analyzer_with(EnPiiRecognizer(pii_nlp))
    got = presidio_results(analyzer, SENTENCES[0], entities=["PERSON", "CREDIT_CARD"])
    assert [t for t, *_ in got] == ["CREDIT_CARD", "PERSON"]


def test_supported_entities_restrict(pii_nlp: Any) -> None:
    analyzer = analyzer_with(EnPiiRecognizer(pii_nlp, supported_entities=["LOCATION"]))
    assert presidio_results(analyzer, SENTENCES[0]) == [("LOCATION", 67, 72, 1.0)]


def test_model_loaded_lazily_by_path(pii_model_path: Path, pii_nlp: Any) -> None:
    recognizer = EnPiiRecognizer(model=str(pii_model_path))
    assert recognizer._nlp is None  # constructing (and registering) loads nothing
    analyzer = analyzer_with(recognizer)
    assert recognizer._nlp is None
    assert presidio_results(analyzer, SENTENCES[1]) == pipeline_results(pii_nlp, SENTENCES[1])
    assert recognizer._nlp is not None
    loaded = recognizer._nlp
    presidio_results(analyzer, SENTENCES[2])
    assert recognizer._nlp is loaded


def test_spacy_nlp_engine_with_a_local_blank_model(tmp_path: Path, pii_nlp: Any) -> None:
    # The usual Presidio set-up (a spaCy NlpEngine), pointed at a local pipeline so nothing
    # is downloaded; the registry holds our recognizer only.
    blank_dir = tmp_path / "blank_en"
    spacy.blank("en").to_disk(blank_dir)
    engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": str(blank_dir)}],
        }
    ).create_engine()
    analyzer = analyzer_with(EnPiiRecognizer(pii_nlp), nlp_engine=engine)
    for text in SENTENCES:
        assert presidio_results(analyzer, text) == pipeline_results(pii_nlp, text)


def test_beside_a_presidio_builtin(pii_nlp: Any) -> None:
    # Presidio's own card recognizer finds the same span: its duplicate removal keeps one.
    analyzer = analyzer_with(EnPiiRecognizer(pii_nlp), CreditCardRecognizer())
    got = analyzer.analyze(SENTENCES[0], language="en")
    assert sorted((r.entity_type, r.start, r.end) for r in got) == sorted(
        (t, s, e) for t, s, e, _ in pipeline_results(pii_nlp, SENTENCES[0])
    )
    assert {r.recognition_metadata["recognizer_name"] for r in got} >= {"EnPiiRecognizer"}


def test_missing_model_is_a_coded_error(tmp_path: Path) -> None:
    recognizer = EnPiiRecognizer(model=str(tmp_path / "no_such_model"))
    with pytest.raises(SpacyPIIError, match=r"\[E115\]"):
        recognizer.analyze("Jane Doe", entities=[])


def test_pipeline_without_redactor_is_a_coded_error() -> None:
    with pytest.raises(SpacyPIIError, match=r"\[E111\]"):
        EnPiiRecognizer(spacy.blank("en")).analyze("Jane Doe", entities=[])


@pytest.mark.skipif(not spacy.util.is_package("en_pii"), reason="en_pii is not installed")
def test_en_pii_by_name() -> None:
    recognizer = EnPiiRecognizer()  # model="en_pii", loaded on first use
    analyzer = analyzer_with(recognizer)
    for text in SENTENCES:
        assert presidio_results(analyzer, text) == pipeline_results(recognizer.nlp, text)
    got = presidio_results(analyzer, SENTENCES[0])
    assert {"PERSON", "EMAIL_ADDRESS", "CREDIT_CARD"} <= {t for t, *_ in got}

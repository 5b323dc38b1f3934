"""`pii_ner`: spaCy's EntityRecognizer with entity probabilities, on a tiny trained pipeline."""
import random
from pathlib import Path
from typing import List, Tuple

import numpy
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import fix_random_seed

from spacy_pii.corpus import Record
from spacy_pii.errors import SpacyPIIError
from spacy_pii.evaluation.calibration import fit_temperature
from spacy_pii.pipeline.encoder import DOC_TENSOR_ARCHITECTURE
from spacy_pii.pipeline.scored_ner import ScoredEntityRecognizer, scored_from
from spacy_pii.presidio import EnPiiRecognizer

TRAIN = [
    ("Jane Doe lives in Paris.", [(0, 8, "PERSON"), (18, 23, "LOCATION")]),
    ("Call John Smith in Berlin now.", [(5, 15, "PERSON"), (19, 25, "LOCATION")]),
    ("Mary Major moved to Rome last May.", [(0, 10, "PERSON"), (20, 24, "LOCATION")]),
    ("Nothing here at all.", []),
]
# the training lines (easy: the model has seen them) and unseen ones
EASY = [text for text, _ in TRAIN]
UNSEEN = ["Jane Doe met John Smith in Paris.", "Ask Mary in Berlin or Rome.", "x  y", ""]
Ents = List[List[Tuple[int, int, str]]]


def train(factory: str, steps: int = 30) -> Language:
    fix_random_seed(0)
    random.seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe(factory, name="ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    nlp.initialize(lambda: examples)
    for _ in range(steps):
        random.shuffle(examples)
        nlp.update(examples)
    return nlp


@pytest.fixture(scope="module")
def greedy() -> Language:
    return train("ner")


def ents(nlp: Language, texts: List[str]) -> Ents:
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


def scored(greedy: Language, beam_width: int) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    nlp.from_bytes(greedy.to_bytes())
    scored_from(nlp, beam_width=beam_width)
    return nlp


@pytest.mark.parametrize("beam_width", [1, 2, 4])
def test_same_entities_as_greedy_and_scores_in_unit_interval(greedy: Language, beam_width: int) -> None:
    nlp = scored(greedy, beam_width)
    assert isinstance(nlp.get_pipe("ner"), ScoredEntityRecognizer)
    assert ents(nlp, EASY) == ents(greedy, EASY)
    if beam_width == 1:  # greedy decoding: the same parse on any text
        assert ents(nlp, UNSEEN) == ents(greedy, UNSEEN)
    scores = [e._.pii_score for doc in nlp.pipe(EASY + UNSEEN) for e in doc.ents]
    assert scores and all(0.0 <= s <= 1.0 for s in scores)
    assert min(scores) < 0.9 < max(scores)  # they vary: seen lines sure, an unseen one not


@pytest.mark.parametrize("beam_width", [1, 4])
def test_call_and_pipe_agree(greedy: Language, beam_width: int) -> None:
    nlp = scored(greedy, beam_width)
    piped = [[(e.start, e.end, e.label_, e._.pii_score) for e in d.ents] for d in nlp.pipe(EASY + UNSEEN, batch_size=3)]
    called = [[(e.start, e.end, e.label_, e._.pii_score) for e in nlp(t).ents] for t in EASY + UNSEEN]
    assert piped == called


def test_trains_like_ner(greedy: Language) -> None:
    """Same default model, same greedy update: trained from scratch with the same seed, pii_ner
    at beam width 1 finds what ner finds."""
    nlp = train("pii_ner")
    nlp.get_pipe("ner").score_beam_width = 1  # type: ignore[attr-defined]
    assert ents(nlp, EASY + UNSEEN) == ents(greedy, EASY + UNSEEN)


def test_disk_round_trip(greedy: Language, tmp_path: Path) -> None:
    nlp = scored(greedy, 2)
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.get_pipe("ner").score_beam_width == 2  # type: ignore[attr-defined]
    doc_a, doc_b = nlp(UNSEEN[1]), loaded(UNSEEN[1])
    assert [(e.start, e.end, e.label_, e._.pii_score) for e in doc_a.ents] == [
        (e.start, e.end, e.label_, e._.pii_score) for e in doc_b.ents
    ]


def test_preset_entities_parse_greedily_without_scores(greedy: Language) -> None:
    nlp = scored(greedy, 4)
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns([{"label": "LOCATION", "pattern": "Paris"}])  # type: ignore[attr-defined]
    doc = nlp(EASY[0])
    assert ("Paris", "LOCATION") in [(e.text, e.label_) for e in doc.ents]
    assert all(e._.pii_score is None for e in doc.ents)


@pytest.mark.parametrize("beam_width", [0, -1, True, 1.5])
def test_bad_beam_width(beam_width: object) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(SpacyPIIError, match="E605"):
        ScoredEntityRecognizer(nlp.vocab, spacy.blank("en").add_pipe("ner").model, score_beam_width=beam_width)  # type: ignore[arg-type]


def test_redactor_and_presidio_carry_the_probabilities(greedy: Language) -> None:
    nlp = scored(greedy, 4)
    nlp.add_pipe("pii_redactor", config={"use_patterns": False})
    text = UNSEEN[1]
    doc = nlp(text)
    by_offsets = {(e.start_char, e.end_char): e._.pii_score for e in doc.ents}
    matches = {(m.start, m.end): m.score for m in doc._.pii_matches}
    assert matches == by_offsets and len(set(matches.values())) > 1
    results = EnPiiRecognizer(nlp).analyze(text, [])
    assert {(r.start, r.end): r.score for r in results} == by_offsets


@Language.component("test_fake_encoder")
def fake_encoder(doc: Doc) -> Doc:
    """A stand-in for pii_encoder: a fixed 8-wide vector per lower-cased word in doc.tensor."""
    vectors = [numpy.random.RandomState(sum(map(ord, t.lower_))).standard_normal(8) for t in doc]
    doc.tensor = numpy.asarray(vectors, dtype="float32").reshape(len(doc), 8)
    return doc


DOC_TENSOR_NER = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 16,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {"@architectures": DOC_TENSOR_ARCHITECTURE, "width": 8},
    }
}


def test_shipped_layout_encoder_then_ner() -> None:
    """The shipped layout: an encoder sets doc.tensor, the ner reads it (spacy-pii.DocTensor.v1);
    scored_from keeps its weights and, at beam width 1, its parses."""
    fix_random_seed(0)

    def build() -> Language:
        nlp = spacy.blank("en")
        nlp.add_pipe("test_fake_encoder")
        nlp.add_pipe("ner", config=DOC_TENSOR_NER)
        examples = [Example.from_dict(fake_encoder(nlp.make_doc(t)), {"entities": e}) for t, e in TRAIN]
        nlp.initialize(lambda: examples)
        return nlp

    greedy, nlp = build(), build()
    nlp.get_pipe("ner").from_bytes(greedy.get_pipe("ner").to_bytes(exclude=["vocab"]), exclude=["vocab"])
    scored_from(nlp, beam_width=1)
    assert ents(nlp, EASY + UNSEEN) == ents(greedy, EASY + UNSEEN)
    scores = [e._.pii_score for doc in nlp.pipe(EASY + UNSEEN) for e in doc.ents]
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_temperature_softens_without_changing_the_greedy_parse(greedy: Language) -> None:
    texts = EASY + UNSEEN
    runs = []
    for temperature in (0.5, 1.0, 2.0):
        nlp = scored(greedy, 1)
        nlp.get_pipe("ner").temperature = temperature  # type: ignore[attr-defined]
        runs.append([(e.start, e.end, e.label_, e._.pii_score) for d in nlp.pipe(texts) for e in d.ents])
    assert [r[:3] for r in runs[0]] == [r[:3] for r in runs[1]] == [r[:3] for r in runs[2]]
    for sharp, soft in zip(runs, runs[1:]):
        assert all(a[3] >= b[3] for a, b in zip(sharp, soft))
    assert runs[0] != runs[2]


@pytest.mark.parametrize("temperature", [0, -1.0, True])
def test_bad_temperature(temperature: object) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(SpacyPIIError, match="E606"):
        ScoredEntityRecognizer(nlp.vocab, nlp.add_pipe("ner").model, temperature=temperature)  # type: ignore[arg-type]


def test_fit_temperature(greedy: Language) -> None:
    nlp = scored(greedy, 1)
    records = [Record(t, spans, i) for i, (t, spans) in enumerate(TRAIN + [(UNSEEN[1], [(4, 8, "PERSON")])])]
    best, tried = fit_temperature(nlp, records, grid=[0.5, 1.0, 3.0])
    assert [t for t, _ in tried] == [0.5, 1.0, 3.0]
    assert best == min(tried, key=lambda te: te[1])[0] == nlp.get_pipe("ner").temperature  # type: ignore[attr-defined]
    assert nlp.config["components"]["ner"]["temperature"] == best
    assert all(0.0 <= ece <= 1.0 for _, ece in tried)
    with pytest.raises(SpacyPIIError, match="E607"):
        fit_temperature(greedy, records)

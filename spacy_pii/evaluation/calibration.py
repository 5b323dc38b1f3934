"""Calibration of `pii_ner`'s probabilities: fit its temperature on gold records.

Tooling, not runtime: it reads the corpus and the evaluation tables, which the pipeline
component (`spacy_pii.pipeline.scored_ner`) never imports.
"""
from typing import List, Sequence, Tuple

from spacy.language import Language

from ..corpus import Record
from ..errors import Errors, SpacyPIIError
from ..pipeline.scored_ner import DEFAULT_TEMPERATURES, ScoredEntityRecognizer, scored_from
from .evaluate import DEFAULT_BINS, predicted_scored_spans, reliability_table


def fit_temperature(
    nlp: Language,
    records: Sequence[Record],
    name: str = "ner",
    grid: Sequence[float] = DEFAULT_TEMPERATURES,
    bins: int = DEFAULT_BINS,
) -> Tuple[float, List[Tuple[float, float]]]:
    """The temperature of a `pii_ner` whose entity probabilities are best calibrated on gold
    records (lowest Expected Calibration Error of exact-span precision), set in the pipeline's
    config (the component is rebuilt with it, same weights).

    The components before the NER run once; the NER runs once per temperature. Use held-out
    data (the dev split), never the data you report calibration on.

    nlp (Language): the pipeline, its NER a `pii_ner` (see `scored_from`).
    records (Sequence[Record]): gold records (labels of the scheme).
    name (str): the NER component's name.
    grid (Sequence[float]): temperatures to try (> 0).
    bins (int): reliability bins.
    RETURNS (Tuple[float, List[Tuple[float, float]]]): the chosen temperature, and (temperature,
        ECE) for every temperature tried.
    """
    ner = nlp.get_pipe(name)
    if not isinstance(ner, ScoredEntityRecognizer):
        raise SpacyPIIError(Errors.E607.format(name=name, factory=nlp.get_pipe_meta(name).factory))
    upstream = nlp.pipe_names[: nlp.pipe_names.index(name)]
    with nlp.select_pipes(enable=upstream):
        docs = list(nlp.pipe(r.text for r in records))
    tried: List[Tuple[float, float]] = []
    for temperature in grid:
        ner.temperature = float(temperature)
        for doc in docs:
            doc.set_ents([], default="missing")  # no preset entities: the beam path scores
        pairs: List[Tuple[float, bool]] = []
        for record, doc in zip(records, ner.pipe(docs)):
            gold = set(record.spans)
            pairs.extend((score, (s, e, label) in gold) for s, e, label, score in predicted_scored_spans(doc, ner_only=True))
        tried.append((float(temperature), reliability_table(pairs, bins)[1]))
    best = min(tried, key=lambda te: te[1])[0]
    # Through the config, so that nlp.to_disk keeps it.
    scored_from(nlp, name, beam_width=ner.score_beam_width, temperature=best)
    return best, tried

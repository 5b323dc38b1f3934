"""Scoring a pipeline against gold spans: exact-span P/R/F1 and the character-level redaction view.

Two views:
- *spans*: per-label precision, recall and F1 on exact (start, end, label) matches, micro and
  macro averaged;
- *redaction*, label-blind and by character: the leak rate (share of gold PII characters left
  unredacted) and over-redaction (share of redacted characters that were not PII). Whitespace
  characters are not counted on either side.
"""
import time
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from .corpus import Record
from .labels import LABELS

CharSpan = Tuple[int, int, str]


@dataclass
class LabelScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """The result of `score_spans`: per-label counts and the character-level redaction view."""

    per_label: Dict[str, LabelScore] = field(default_factory=dict)
    gold_chars: int = 0
    leaked_chars: int = 0
    redacted_chars: int = 0
    over_chars: int = 0
    docs: int = 0
    seconds: float = 0.0

    def micro(self) -> LabelScore:
        total = LabelScore()
        for s in self.per_label.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total

    def macro_f(self) -> float:
        scored = [s for s in self.per_label.values() if s.tp + s.fn > 0]
        return sum(s.f for s in scored) / len(scored) if scored else 0.0

    @property
    def leak_rate(self) -> float:
        return self.leaked_chars / self.gold_chars if self.gold_chars else 0.0

    @property
    def over_redaction(self) -> float:
        return self.over_chars / self.redacted_chars if self.redacted_chars else 0.0

    def to_dict(self) -> Dict[str, object]:
        micro = self.micro()
        return {
            "docs": self.docs,
            "micro": {"p": micro.p, "r": micro.r, "f": micro.f},
            "macro_f": self.macro_f(),
            "leak_rate": self.leak_rate,
            "over_redaction": self.over_redaction,
            "gold_chars": self.gold_chars,
            "redacted_chars": self.redacted_chars,
            "per_label": {
                label: {"p": s.p, "r": s.r, "f": s.f, "tp": s.tp, "fp": s.fp, "fn": s.fn}
                for label, s in sorted(self.per_label.items())
            },
            "seconds": self.seconds,
            "docs_per_second": self.docs / self.seconds if self.seconds else 0.0,
        }


def _chars(text: str, spans: Iterable[CharSpan]) -> Set[int]:
    return {i for start, end, _ in spans for i in range(start, end) if not text[i].isspace()}


def score_doc(scores: Scores, text: str, gold: Sequence[CharSpan], pred: Sequence[CharSpan]) -> None:
    """Add one document's gold and predicted spans to `scores`."""
    scores.docs += 1
    gold_set, pred_set = set(gold), set(pred)
    for start, end, label in gold_set | pred_set:
        s = scores.per_label.setdefault(label, LabelScore())
        in_gold = (start, end, label) in gold_set
        in_pred = (start, end, label) in pred_set
        if in_gold and in_pred:
            s.tp += 1
        elif in_gold:
            s.fn += 1
        else:
            s.fp += 1
    g, r = _chars(text, gold), _chars(text, pred)
    scores.gold_chars += len(g)
    scores.leaked_chars += len(g - r)
    scores.redacted_chars += len(r)
    scores.over_chars += len(r - g)


def predicted_spans(doc: Doc, spans_key: str = "pii", ner_only: bool = False) -> List[CharSpan]:
    """The character spans a pipeline redacts in `doc` (or, with ner_only, its entities).

    When the redactor recorded exact character offsets (`doc._.pii_matches`), those are used:
    they are what the redacted text replaces.
    """
    if ner_only:
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]
    matches = getattr(doc._, "pii_matches", None) if doc.has_extension("pii_matches") else None
    if matches is not None:
        return [(m[0], m[1], m[2]) for m in matches]
    return [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(spans_key, [])]


def evaluate(
    nlp: Language,
    records: Iterable[Record],
    *,
    ner_only: bool = False,
    spans_key: str = "pii",
    batch_size: int = 64,
    limit: Optional[int] = None,
) -> Scores:
    """Run a pipeline over gold records and score it.

    nlp (Language): the pipeline (with `pii_redactor` unless ner_only).
    records (Iterable[Record]): gold records, e.g. from `corpus.read_jsonl`.
    ner_only (bool): score `doc.ents` instead of the redactor's final spans.
    spans_key (str): the redactor's spans key.
    batch_size (int): `nlp.pipe` batch size.
    limit (Optional[int]): score at most this many records.
    RETURNS (Scores): the scores.
    """
    recs = list(records)[:limit] if limit else list(records)
    scores = Scores()
    start = time.perf_counter()
    disable = ["pii_redactor"] if ner_only and "pii_redactor" in nlp.pipe_names else []
    with nlp.select_pipes(disable=disable):
        docs = nlp.pipe((r.text for r in recs), batch_size=batch_size)
        for record, doc in zip(recs, docs):
            score_doc(scores, record.text, record.spans, predicted_spans(doc, spans_key, ner_only))
    scores.seconds = time.perf_counter() - start
    return scores

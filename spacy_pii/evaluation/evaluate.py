"""Scoring a pipeline against gold spans: exact-span P/R/F1 and the character-level redaction view.

Views:
- *spans*: per-label precision, recall and F1 on exact (start, end, label) matches, micro and
  macro averaged;
- *overlap* ("lenient"): a prediction is right when it overlaps a gold span of its label, a gold
  span is found when a prediction of its label overlaps it (datasets disagree on boundaries);
- *redaction*, label-blind and by character: the leak rate (share of gold PII characters left
  unredacted), overall and per gold label, and over-redaction (share of redacted characters that
  were not PII). Whitespace characters are not counted on either side;
- *scores*: the same over a grid of score thresholds (a precision-recall table, with the
  threshold that keeps the leak rate under a bound), and a reliability table (score bins against
  observed exact-span precision) with its Expected Calibration Error.
"""
import time
from dataclasses import dataclass, field, fields
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple, TypeVar

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..corpus import Record
from ..labels import LABELS

CharSpan = Tuple[int, int, str]
# (start, end, label, score)
ScoredSpan = Tuple[int, int, str, float]
DEFAULT_GRID: Tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99)
DEFAULT_MAX_LEAK = 0.01
DEFAULT_BINS = 10


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


class _F1:
    """F1 from a subclass's precision `p` and recall `r`."""

    @property
    def p(self) -> float:
        raise NotImplementedError

    @property
    def r(self) -> float:
        raise NotImplementedError

    @property
    def f(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class LabelScore(_F1):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def r(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)


@dataclass
class OverlapScore(_F1):
    """Overlap ("lenient") counts of one label: predictions that overlap a gold span of the
    label, and gold spans that a prediction of the label overlaps."""

    pred_hit: int = 0
    pred: int = 0
    gold_hit: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return _ratio(self.pred_hit, self.pred)

    @property
    def r(self) -> float:
        return _ratio(self.gold_hit, self.gold)


Counts = TypeVar("Counts", LabelScore, OverlapScore)


def _summed(total: Counts, items: Iterable[Counts]) -> Counts:
    """`total` with every count field of `items` added to it (micro averages)."""
    for item in items:
        for f in fields(item):
            setattr(total, f.name, getattr(total, f.name) + getattr(item, f.name))
    return total


@dataclass
class ScoredExample:
    """One scored document, kept for the threshold grid: its text, gold and scored predictions."""

    text: str
    gold: List[CharSpan]
    pred: List[ScoredSpan]


@dataclass
class Scores:
    """The result of `evaluate`: per-label counts and the character-level redaction view."""

    per_label: Dict[str, LabelScore] = field(default_factory=dict)
    overlap: Dict[str, OverlapScore] = field(default_factory=dict)
    gold_chars: int = 0
    leaked_chars: int = 0
    redacted_chars: int = 0
    over_chars: int = 0
    # per gold label: its non-space characters, and those no prediction (of any label) covers
    gold_chars_by_label: Dict[str, int] = field(default_factory=dict)
    leaked_by_label: Dict[str, int] = field(default_factory=dict)
    # (score, exact match) of every prediction that came with a score
    calibration: List[Tuple[float, bool]] = field(default_factory=list)
    examples: List[ScoredExample] = field(default_factory=list, repr=False)
    docs: int = 0
    # documents without gold PII, and those of them the redactor changed (any prediction)
    clean_docs: int = 0
    clean_docs_changed: int = 0
    seconds: float = 0.0

    def micro(self) -> LabelScore:
        return _summed(LabelScore(), self.per_label.values())

    def overlap_micro(self) -> OverlapScore:
        return _summed(OverlapScore(), self.overlap.values())

    def leak_rate_by_label(self) -> Dict[str, float]:
        """Label-blind leak rate of each gold label's characters."""
        return {
            label: self.leaked_by_label.get(label, 0) / n if n else 0.0
            for label, n in sorted(self.gold_chars_by_label.items())
        }

    def macro_f(self) -> float:
        scored = [s for s in self.per_label.values() if s.tp + s.fn > 0]
        return sum(s.f for s in scored) / len(scored) if scored else 0.0

    @property
    def leak_rate(self) -> float:
        return self.leaked_chars / self.gold_chars if self.gold_chars else 0.0

    @property
    def over_redaction(self) -> float:
        return self.over_chars / self.redacted_chars if self.redacted_chars else 0.0

    @property
    def clean_changed_rate(self) -> float:
        """Share of the documents without gold PII that the redactor changed: what a user sees
        first on logs that hold none ("it rewrote my log lines")."""
        return self.clean_docs_changed / self.clean_docs if self.clean_docs else 0.0

    def to_dict(self) -> Dict[str, object]:
        micro = self.micro()
        lenient = self.overlap_micro()
        return {
            "docs": self.docs,
            "micro": {"p": micro.p, "r": micro.r, "f": micro.f},
            "macro_f": self.macro_f(),
            "overlap": {
                "micro": {"p": lenient.p, "r": lenient.r, "f": lenient.f},
                "per_label": {
                    label: {"p": s.p, "r": s.r, "f": s.f} for label, s in sorted(self.overlap.items())
                },
            },
            "leak_rate": self.leak_rate,
            "leak_rate_by_label": self.leak_rate_by_label(),
            "over_redaction": self.over_redaction,
            "clean_docs": self.clean_docs,
            "clean_changed_rate": self.clean_changed_rate,
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


def _overlap(a: CharSpan, b: CharSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] == b[2]


def score_doc(
    scores: Scores,
    text: str,
    gold: Sequence[CharSpan],
    pred: Sequence[CharSpan],
    pred_scores: Optional[Sequence[float]] = None,
) -> None:
    """Add one document's gold and predicted spans to `scores`.

    scores (Scores): the scores to add to.
    text (str): the document's text.
    gold (Sequence[CharSpan]): the gold spans.
    pred (Sequence[CharSpan]): the predicted spans.
    pred_scores (Optional[Sequence[float]]): each prediction's score, for the reliability table.
    """
    scores.docs += 1
    gold_set, pred_set = set(gold), set(pred)
    if not gold_set:
        scores.clean_docs += 1
        scores.clean_docs_changed += bool(pred_set)
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
    for p in pred_set:
        o = scores.overlap.setdefault(p[2], OverlapScore())
        o.pred += 1
        o.pred_hit += any(_overlap(p, g) for g in gold_set)
    for g in gold_set:
        o = scores.overlap.setdefault(g[2], OverlapScore())
        o.gold += 1
        o.gold_hit += any(_overlap(g, p) for p in pred_set)
    if pred_scores is not None:
        scores.calibration.extend((float(sc), p in gold_set) for p, sc in zip(pred, pred_scores))
    g_chars, r = _chars(text, gold), _chars(text, pred)
    scores.gold_chars += len(g_chars)
    scores.leaked_chars += len(g_chars - r)
    scores.redacted_chars += len(r)
    scores.over_chars += len(r - g_chars)
    for span in gold_set:
        own = _chars(text, [span])
        label = span[2]
        scores.gold_chars_by_label[label] = scores.gold_chars_by_label.get(label, 0) + len(own)
        scores.leaked_by_label[label] = scores.leaked_by_label.get(label, 0) + len(own - r)


def predicted_scored_spans(doc: Doc, spans_key: str = "pii", ner_only: bool = False) -> List[ScoredSpan]:
    """`predicted_spans` with each span's score: the redactor's `PIIMatch.score`, else the
    span's `pii_score` extension, else 1.0."""
    if ner_only:
        return [
            (e.start_char, e.end_char, e.label_, _span_score(e)) for e in doc.ents if e.label_ in LABELS
        ]
    matches = getattr(doc._, "pii_matches", None) if doc.has_extension("pii_matches") else None
    if matches is not None:
        # PIIMatch, or a plain list after Doc.to_bytes: (start, end, label, source, score)
        return [(m[0], m[1], m[2], float(m[4])) for m in matches]
    return [(s.start_char, s.end_char, s.label_, _span_score(s)) for s in doc.spans.get(spans_key, [])]


def _span_score(span: Span) -> float:
    score = span._.get("pii_score") if span.has_extension("pii_score") else None
    return 1.0 if score is None else float(score)


def predicted_spans(doc: Doc, spans_key: str = "pii", ner_only: bool = False) -> List[CharSpan]:
    """The character spans a pipeline redacts in `doc` (or, with ner_only, its entities).

    When the redactor recorded exact character offsets (`doc._.pii_matches`), those are used:
    they are what the redacted text replaces.
    """
    return [(s, e, label) for s, e, label, _ in predicted_scored_spans(doc, spans_key, ner_only)]


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
            pred = predicted_scored_spans(doc, spans_key, ner_only)
            score_doc(
                scores, record.text, record.spans, [p[:3] for p in pred], [p[3] for p in pred]
            )
            scores.examples.append(ScoredExample(record.text, list(record.spans), pred))
    scores.seconds = time.perf_counter() - start
    return scores


@dataclass
class ThresholdRow:
    """Exact-span micro P/R/F1 and the leak rate when spans scoring under `threshold` are dropped."""

    threshold: float
    p: float
    r: float
    f: float
    leak_rate: float
    over_redaction: float
    spans: int


def threshold_table(examples: Sequence[ScoredExample], grid: Sequence[float] = DEFAULT_GRID) -> List[ThresholdRow]:
    """Score the same predictions at each threshold of `grid` (spans with score < threshold are
    dropped, as `pii_redactor` drops them after resolving overlaps).

    examples (Sequence[ScoredExample]): from `Scores.examples`.
    grid (Sequence[float]): thresholds, each from 0 to 1.
    RETURNS (List[ThresholdRow]): one row per threshold, in grid order.
    """
    rows = []
    for t in grid:
        at = Scores()
        kept = 0
        for ex in examples:
            pred = [(s, e, label) for s, e, label, score in ex.pred if score >= t]
            kept += len(pred)
            score_doc(at, ex.text, ex.gold, pred)
        micro = at.micro()
        rows.append(ThresholdRow(t, micro.p, micro.r, micro.f, at.leak_rate, at.over_redaction, kept))
    return rows


def suggest_threshold(rows: Sequence[ThresholdRow], max_leak: float = DEFAULT_MAX_LEAK) -> Optional[ThresholdRow]:
    """The row with the highest threshold whose leak rate is at most `max_leak` (None: none is).

    rows (Sequence[ThresholdRow]): from `threshold_table`.
    max_leak (float): the largest acceptable leak rate.
    RETURNS (Optional[ThresholdRow]): the suggested row.
    """
    ok = [row for row in rows if row.leak_rate <= max_leak]
    return max(ok, key=lambda row: row.threshold) if ok else None


@dataclass
class ReliabilityBin:
    """One score bin [low, high): how many predictions, their mean score, their precision."""

    low: float
    high: float
    n: int
    mean_score: float
    precision: float


def reliability_table(
    pairs: Sequence[Tuple[float, bool]], bins: int = DEFAULT_BINS
) -> Tuple[List[ReliabilityBin], float]:
    """Reliability table and Expected Calibration Error of (score, correct) pairs.

    Bins are equal-width over [0, 1] (a score of 1.0 falls in the last bin); ECE is the
    count-weighted mean of |precision - mean score| over the bins.

    pairs (Sequence[Tuple[float, bool]]): each prediction's score and whether it was right.
    bins (int): the number of bins.
    RETURNS (Tuple[List[ReliabilityBin], float]): the non-empty bins, and the ECE (0.0 when
        there are no pairs).
    """
    counts = [0] * bins
    score_sums = [0.0] * bins
    correct = [0] * bins
    for score, ok in pairs:
        i = min(int(score * bins), bins - 1) if score > 0 else 0
        counts[i] += 1
        score_sums[i] += score
        correct[i] += bool(ok)
    table: List[ReliabilityBin] = []
    ece = 0.0
    total = len(pairs)
    for i in range(bins):
        if not counts[i]:
            continue
        mean, precision = score_sums[i] / counts[i], correct[i] / counts[i]
        table.append(ReliabilityBin(i / bins, (i + 1) / bins, counts[i], mean, precision))
        ece += counts[i] / total * abs(precision - mean)
    return table, ece

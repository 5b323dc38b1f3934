"""A self-contained HTML review report of what a pipeline redacts, and what it gets wrong.

`review(nlp, records)` runs a pipeline over JSONL records and compares its final spans (what
`pii_redactor` replaces) with the gold spans; `render_html(review)` writes one HTML file with no
external resource (inline CSS and JS, a Content-Security-Policy that forbids any fetch).

Each predicted span is a `<mark>`, classed by how it relates to the gold spans:
- `tp`: exact offsets and label;
- `label`: same offsets, another label (redacted, with the wrong tag);
- `boundary`: overlaps a gold span without matching its offsets;
- `fp`: overlaps no gold span (over-redaction).
The characters of a gold span that no prediction covers are a `leak` mark: that text would
be left readable. Records without gold spans (no "spans"/"entities"/"span_labels" key) are
not scored: the report then shows what would be redacted, for a policy review.

The report holds the raw text of every document: it is the review artifact, and as
sensitive as the data it was built from.
"""
import html
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import orjson
from spacy.language import Language
from spacy.tokens import Doc

from ..api import find_redactor
from ..corpus import Record, parse_record
from ..errors import Errors, SpacyPIIError
from ..labels import DISPLACY_COLORS, LABELS
from .evaluate import CharSpan, Scores, predicted_spans, score_doc

# Error kinds, worst first: the order of the filters, the badges and the document sort.
ERROR_KINDS: Tuple[str, ...] = ("leak", "label", "boundary", "fp")
KIND_TITLES: Dict[str, str] = {
    "leak": "leak (missed PII)",
    "label": "wrong label",
    "boundary": "wrong boundary",
    "fp": "false positive",
    "ok": "no errors",
    # documents without gold spans: is anything redacted at all?
    "redacts": "something to redact",
    "untouched": "nothing to redact",
}
# (singular, plural) for counts: "1 leak", "3 leaks".
KIND_COUNTS: Dict[str, Tuple[str, str]] = {
    "leak": ("leak", "leaks"),
    "label": ("wrong label", "wrong labels"),
    "boundary": ("wrong boundary", "wrong boundaries"),
    "fp": ("false positive", "false positives"),
}
GOLD_KEYS = ("spans", "entities", "span_labels")
DEFAULT_COLOR = "#ddd"
# Confusion kinds: a prediction with a gold span's offsets but not its label, or one that
# overlaps a gold span without matching its offsets.
SAME_SPAN = "same span"
OVERLAP = "overlap"


@dataclass
class ReviewInput:
    """One record to review: its text, and its gold spans or None when it has none."""

    text: str
    gold: Optional[List[CharSpan]]
    line: int = 0


@dataclass
class Mark:
    """One highlighted stretch of text: a prediction, or the leaked part of a gold span."""

    start: int
    end: int
    label: str
    kind: str  # tp, label, boundary, fp, leak, pred (no gold)
    gold: Optional[CharSpan] = None  # the gold span it is judged against (label, boundary, leak)
    source: str = ""  # "ner" / "pattern" for predictions
    score: Optional[float] = None


@dataclass
class DocReview:
    """One document's review: its marks and error counts."""

    index: int
    line: int
    text: str
    gold: Optional[List[CharSpan]]
    marks: List[Mark]
    errors: Dict[str, int] = field(default_factory=dict)

    @property
    def scored(self) -> bool:
        return self.gold is not None

    @property
    def kinds(self) -> List[str]:
        """The filter kinds of the document: its error kinds, else "ok"; without gold spans,
        "redacts" or "untouched"."""
        found = [k for k in ERROR_KINDS if self.errors.get(k)]
        if found:
            return found
        if self.scored:
            return ["ok"]
        return ["redacts"] if self.marks else ["untouched"]

    @property
    def labels(self) -> List[str]:
        """Every label on the document, gold or predicted, in scheme order."""
        seen = {m.label for m in self.marks} | {label for _, _, label in self.gold or []}
        return _ordered(seen)

    def sort_key(self) -> Tuple[int, int]:
        # Leaks first (text left readable), then other errors, then the rest; stable by input.
        rank = 0 if self.errors.get("leak") else 1 if any(self.errors.values()) else 2
        return (rank, self.index)


@dataclass
class Review:
    """The result of `review`: every document, span scores over the scored ones, confusions."""

    docs: List[DocReview] = field(default_factory=list)
    scores: Scores = field(default_factory=Scores)
    # (gold label, predicted label) -> {SAME_SPAN: n, OVERLAP: n}
    confusions: Dict[Tuple[str, str], Dict[str, int]] = field(default_factory=dict)
    pred_counts: Dict[str, int] = field(default_factory=dict)
    leak_counts: Dict[str, int] = field(default_factory=dict)

    @property
    def scored_docs(self) -> int:
        return sum(1 for d in self.docs if d.scored)

    def error_counts(self) -> Dict[str, int]:
        """Errors by kind over all documents."""
        return {k: sum(d.errors.get(k, 0) for d in self.docs) for k in ERROR_KINDS}

    def docs_with_errors(self) -> int:
        return sum(1 for d in self.docs if any(d.errors.values()))

    def labels(self) -> List[str]:
        """Every label in the report, gold or predicted, in scheme order."""
        seen: Set[str] = set()
        for d in self.docs:
            seen.update(d.labels)
        return _ordered(seen)


def count_kind(kind: str, n: int) -> str:
    """`n` errors of a kind in words: "1 leak", "3 wrong labels"."""
    one, many = KIND_COUNTS[kind]
    return f"{n} {one if n == 1 else many}"


def _ordered(labels: Iterable[str]) -> List[str]:
    order = {label: i for i, label in enumerate(LABELS)}
    return sorted(set(labels), key=lambda label: (order.get(label, len(order)), label))


def read_review_jsonl(
    path: Path, limit: Optional[int] = None, labels: Optional[Sequence[str]] = LABELS
) -> List[ReviewInput]:
    """Read a JSONL file for review: records with gold spans, or text-only records.

    path (Path): the file; each line `{"text": ..., "spans": [...]}` (see `corpus`), the
        spans key may be absent.
    limit (Optional[int]): read at most this many records.
    labels (Optional[Sequence[str]]): the allowed gold labels, or None to accept any.
    RETURNS (List[ReviewInput]): the records, gold None where the record has no spans key.
    """
    path = Path(path)
    if not path.is_file():
        raise SpacyPIIError(Errors.E204.format(path=path))
    out: List[ReviewInput] = []
    with path.open("rb") as f:
        for i, raw in enumerate(f, start=1):
            if limit is not None and len(out) >= limit:
                break
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            record: Record = parse_record(raw, str(path), i, labels)
            # parse_record validated the line; here only: does it carry a gold key at all?
            has_gold = any(key in orjson.loads(raw) for key in GOLD_KEYS)
            out.append(ReviewInput(record.text, list(record.spans) if has_gold else None, i))
    return out


def _pred_marks(doc: Doc, spans_key: str) -> List[Mark]:
    matches = doc._.get("pii_matches") if doc.has_extension("pii_matches") else None
    if matches is not None:
        # PIIMatch, or a plain list after Doc.to_bytes: (start, end, label, source, score)
        return [Mark(m[0], m[1], m[2], "pred", None, m[3], float(m[4])) for m in matches]
    return [Mark(s, e, label, "pred") for s, e, label in predicted_spans(doc, spans_key)]


def _overlaps(a: Tuple[int, int], b: Tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _uncovered(text: str, start: int, end: int, covered: Sequence[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """The stretches of [start, end) no covered range touches, trimmed of whitespace."""
    pieces: List[Tuple[int, int]] = []
    pos = start
    for s, e in sorted(covered):
        if e <= pos or s >= end:
            continue
        if s > pos:
            pieces.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        pieces.append((pos, end))
    out = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def review_doc(result: Review, index: int, item: ReviewInput, preds: List[Mark]) -> DocReview:
    """Judge one document's predictions against its gold spans and add it to `result`.

    result (Review): the review to add to (scores, confusions, counts).
    index (int): the document's position in the input.
    item (ReviewInput): the record.
    preds (List[Mark]): the predicted spans (kind "pred"), non-overlapping.
    RETURNS (DocReview): the document's review (also appended to `result.docs`).
    """
    text = item.text
    for m in preds:
        result.pred_counts[m.label] = result.pred_counts.get(m.label, 0) + 1
    if item.gold is None:
        doc_review = DocReview(index, item.line, text, None, sorted(preds, key=lambda m: m.start))
        result.docs.append(doc_review)
        return doc_review
    gold = sorted(item.gold)
    score_doc(result.scores, text, gold, [(m.start, m.end, m.label) for m in preds])
    gold_exact = set(gold)
    gold_by_offsets = {(s, e): (s, e, label) for s, e, label in gold}
    errors = {k: 0 for k in ERROR_KINDS}
    marks: List[Mark] = []
    for m in preds:
        key = (m.start, m.end, m.label)
        if key in gold_exact:
            m.kind = "tp"
        elif (m.start, m.end) in gold_by_offsets:
            m.kind, m.gold = "label", gold_by_offsets[(m.start, m.end)]
            _confuse(result, m.gold[2], m.label, SAME_SPAN)
        else:
            hit = [g for g in gold if _overlaps((g[0], g[1]), (m.start, m.end))]
            if hit:
                m.kind, m.gold = "boundary", hit[0]
                for g in hit:
                    _confuse(result, g[2], m.label, OVERLAP)
            else:
                m.kind = "fp"
        if m.kind != "tp":
            errors[m.kind] += 1
        marks.append(m)
    covered = [(m.start, m.end) for m in preds]
    pred_exact = {(m.start, m.end, m.label) for m in preds}
    for g in gold:
        if g in pred_exact:
            continue
        leaked = _uncovered(text, g[0], g[1], covered)
        for s, e in leaked:
            marks.append(Mark(s, e, g[2], "leak", g))
        if leaked:
            errors["leak"] += 1
            result.leak_counts[g[2]] = result.leak_counts.get(g[2], 0) + 1
    marks.sort(key=lambda m: (m.start, m.end))
    doc_review = DocReview(index, item.line, text, gold, marks, errors)
    result.docs.append(doc_review)
    return doc_review


def _confuse(result: Review, gold_label: str, pred_label: str, kind: str) -> None:
    cell = result.confusions.setdefault((gold_label, pred_label), {SAME_SPAN: 0, OVERLAP: 0})
    cell[kind] += 1


def review(
    nlp: Language, items: Iterable[ReviewInput], *, batch_size: int = 64
) -> Review:
    """Run a pipeline over records and review its redactions against their gold spans.

    nlp (Language): a pipeline with a pii_redactor.
    items (Iterable[ReviewInput]): the records, e.g. from `read_review_jsonl`.
    batch_size (int): `nlp.pipe` batch size.
    RETURNS (Review): documents with errors first (leaks, then other errors), then the rest.
    """
    _, redactor = find_redactor(nlp)
    inputs = list(items)
    result = Review()
    docs = nlp.pipe((item.text for item in inputs), batch_size=batch_size)
    for index, (item, doc) in enumerate(zip(inputs, docs)):
        review_doc(result, index, item, _pred_marks(doc, redactor.spans_key))
    result.docs.sort(key=DocReview.sort_key)
    return result


# --- HTML -------------------------------------------------------------------------------------

def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _color(label: str) -> str:
    return DISPLACY_COLORS.get(label, DEFAULT_COLOR)


def _mark_html(text: str, m: Mark, attrs: bool = True) -> str:
    tag = _e(m.label)
    title = [m.label, KIND_TITLES.get(m.kind, m.kind)]
    if m.kind == "label" and m.gold is not None:
        tag = f"{_e(m.label)} <span class=\"was\">gold {_e(m.gold[2])}</span>"
        title = [m.label, f"gold label {m.gold[2]}"]
    elif m.kind == "boundary" and m.gold is not None:
        was = f"gold {m.gold[2]}" if m.gold[2] != m.label else "gold differs"
        tag = f"{_e(m.label)} <span class=\"was\">{_e(was)}</span>"
        title.append(f"gold {m.gold[2]} at {m.gold[0]}-{m.gold[1]}")
    elif m.kind == "leak":
        tag = f"{_e(m.label)} <span class=\"was\">leak</span>"
    elif m.kind == "fp":
        title.append("not in gold")
    if m.source:
        title.append(m.source + (f" {m.score:.2f}" if m.score is not None else ""))
    if m.score is not None and m.kind != "leak":
        # Each prediction shows its score, so a reviewer can judge a threshold by eye.
        tag += f' <span class="was sc">{m.score:.2f}</span>'
    title.append(f"{m.start}-{m.end}")
    # The legend's samples carry no data attributes: filters and tests see document marks only.
    data = f' data-label="{_e(m.label)}" data-kind="{_e(m.kind)}"' if attrs else ""
    if attrs and m.score is not None:
        data += f' data-score="{m.score:.4f}"'
    return (
        f'<mark class="entity k-{_e(m.kind)}"{data} '
        f'style="--c:{_e(_color(m.label))}" title="{_e(" · ".join(title))}">'
        f'<span class="t">{_e(text[m.start:m.end])}</span><span class="lbl">{tag}</span></mark>'
    )


def render_doc_text(text: str, marks: Sequence[Mark]) -> str:
    """The text as HTML, every mark highlighted, everything escaped.

    text (str): the document text.
    marks (Sequence[Mark]): non-overlapping marks.
    RETURNS (str): HTML.
    """
    out: List[str] = []
    pos = 0
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        if m.start < pos:  # never expected (predictions and leaks are disjoint); never lose text
            continue
        out.append(_e(text[pos:m.start]))
        out.append(_mark_html(text, m))
        pos = m.end
    out.append(_e(text[pos:]))
    return "".join(out)


def _swatch(label: str) -> str:
    return f'<span class="sw" style="--c:{_e(_color(label))}"></span>{_e(label)}'


def _pct(x: float) -> str:
    return f"{x:.3f}"


def _scores_html(result: Review) -> str:
    s = result.scores
    rows = []
    for label in _ordered(set(s.per_label) | set(result.pred_counts)):
        ls = s.per_label.get(label)
        if ls is None:
            continue
        rows.append(
            f"<tr><th scope=row>{_swatch(label)}</th><td>{ls.tp + ls.fn}</td><td>{ls.tp + ls.fp}</td>"
            f"<td>{ls.tp}</td><td>{ls.fp}</td><td>{ls.fn}</td><td>{result.leak_counts.get(label, 0)}</td>"
            f"<td>{_pct(ls.p)}</td><td>{_pct(ls.r)}</td><td>{_pct(ls.f)}</td></tr>"
        )
    micro = s.micro()
    leaks = sum(result.leak_counts.values())
    rows.append(
        f'<tr class="total"><th scope=row>micro</th><td>{micro.tp + micro.fn}</td>'
        f"<td>{micro.tp + micro.fp}</td><td>{micro.tp}</td><td>{micro.fp}</td><td>{micro.fn}</td>"
        f"<td>{leaks}</td><td>{_pct(micro.p)}</td><td>{_pct(micro.r)}</td><td>{_pct(micro.f)}</td></tr>"
    )
    head = "".join(
        f"<th scope=col>{h}</th>"
        for h in ("label", "gold", "pred", "TP", "FP", "FN", "leaks", "P", "R", "F1")
    )
    return (
        '<div class="card scores"><h2>Scores <small>exact spans, '
        f"{result.scored_docs} documents with gold</small></h2>"
        f'<table id="scores"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="rates">macro F1 <b>{_pct(s.macro_f())}</b> · leak rate <b>{s.leak_rate:.2%}</b> '
        f"of gold PII characters · over-redaction <b>{s.over_redaction:.2%}</b> of redacted "
        "characters</p></div>"
    )


def _confusion_html(result: Review) -> str:
    cells = sorted(
        result.confusions.items(), key=lambda kv: (-(kv[1][SAME_SPAN] + kv[1][OVERLAP]), kv[0])
    )
    if not cells:
        body = '<tr><td colspan=5 class="none">no label mix-ups or boundary errors</td></tr>'
    else:
        body = "".join(
            f"<tr><td>{_swatch(g)}</td><td>{_swatch(p)}</td><td>{c[SAME_SPAN]}</td>"
            f"<td>{c[OVERLAP]}</td><td>{c[SAME_SPAN] + c[OVERLAP]}</td></tr>"
            for (g, p), c in cells
        )
    return (
        '<div class="card"><h2>Confusions <small>predictions touching a gold span they do not '
        "match</small></h2>"
        '<table id="confusions"><thead><tr><th scope=col>gold</th><th scope=col>predicted</th>'
        f'<th scope=col title="same offsets, different label">same span</th>'
        f'<th scope=col title="overlapping, offsets differ">overlap</th><th scope=col>total</th>'
        f"</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _policy_html(result: Review) -> str:
    docs_with: Dict[str, int] = {}
    for d in result.docs:
        for label in {m.label for m in d.marks if m.kind != "leak"}:
            docs_with[label] = docs_with.get(label, 0) + 1
    rows = "".join(
        f"<tr><th scope=row>{_swatch(label)}</th><td>{result.pred_counts[label]}</td>"
        f"<td>{docs_with.get(label, 0)}</td></tr>"
        for label in _ordered(result.pred_counts)
    ) or '<tr><td colspan=3 class="none">nothing would be redacted</td></tr>'
    return (
        '<div class="card"><h2>Would be redacted <small>all documents</small></h2>'
        '<table id="redactions"><thead><tr><th scope=col>label</th><th scope=col>spans</th>'
        f"<th scope=col>documents</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _legend_html(scored: bool) -> str:
    sample, gold = "Jane Doe", (0, 8, "PERSON")
    if scored:
        items = [
            (Mark(0, 8, "PERSON", "tp"), "correct"),
            (Mark(0, 8, "PERSON", "leak", gold), "leak: gold PII left readable"),
            (Mark(0, 8, "ORGANIZATION", "label", gold), "redacted, wrong label"),
            (Mark(0, 4, "PERSON", "boundary", gold), "offsets differ from gold"),
            (Mark(0, 8, "PERSON", "fp"), "false positive: no gold span"),
        ]
    else:
        items = [(Mark(0, 8, "PERSON", "pred"), "would be redacted (hover: source, score)")]
    parts = "".join(f"<li>{_mark_html(sample, m, attrs=False)} {_e(desc)}</li>" for m, desc in items)
    return f'<div class="card"><h2>Reading the marks</h2><ul class="legend">{parts}</ul></div>'


def _filters_html(result: Review) -> str:
    counts: Dict[str, int] = {}
    for d in result.docs:
        for k in d.kinds:
            counts[k] = counts.get(k, 0) + 1
    kinds = [k for k in (*ERROR_KINDS, "ok", "redacts", "untouched") if counts.get(k)]
    kind_boxes = "".join(
        f'<label class="k-{k}"><input type="checkbox" name="kind" value="{k}" checked> '
        f"{_e(KIND_TITLES[k])} <small>({counts[k]})</small></label>"
        for k in kinds
    )
    label_boxes = "".join(
        f'<label><input type="checkbox" name="label" value="{_e(label)}" checked> {_swatch(label)}</label>'
        for label in result.labels()
    )
    return (
        '<nav id="filters" aria-label="filters">'
        f'<fieldset id="filter-kind"><legend>Documents with</legend>{kind_boxes}</fieldset>'
        f'<fieldset id="filter-label"><legend>Labels <button type="button" data-all="1">all</button>'
        f'<button type="button" data-all="0">none</button></legend>{label_boxes}</fieldset>'
        '<output id="shown" aria-live="polite"></output></nav>'
    )


def _doc_html(d: DocReview) -> str:
    badges = "".join(
        f'<span class="badge k-{k}">{_e(count_kind(k, n))}</span>'
        for k, n in d.errors.items()
        if n
    )
    if not badges:
        if d.scored:
            badges = '<span class="badge k-ok">correct</span>'
        else:
            what = f"{len(d.marks)} to redact" if d.marks else KIND_TITLES["untouched"]
            badges = f'<span class="badge k-{d.kinds[0]}">{_e(what)}</span>'
    where = f"line {d.line}" if d.line else f"#{d.index + 1}"
    return (
        f'<article class="doc" id="doc-{d.index + 1}" data-kinds="{" ".join(d.kinds)}" '
        f'data-labels="{_e(" ".join(d.labels))}"><header><a href="#doc-{d.index + 1}">{_e(where)}</a>'
        f"{badges}</header><div class=\"text\">{render_doc_text(d.text, d.marks)}</div></article>"
    )


def asset(name: str) -> str:
    """The text of a file of the report's page (package data in spacy_pii/assets).

    name (str): the file name, e.g. "review.css".
    RETURNS (str): its text.
    """
    return resources.files("spacy_pii").joinpath("assets").joinpath(name).read_text(encoding="utf-8")



# No fetch of any kind: styles and the script are inline, nothing else may load.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def render_html(result: Review, *, data_name: str = "", model_name: str = "") -> str:
    """The review as one self-contained HTML page (inline CSS and JS, no network).

    result (Review): from `review`.
    data_name (str): the data file's name, for the heading.
    model_name (str): the pipeline's name or path, for the heading.
    RETURNS (str): the HTML. It contains the raw text of every document.
    """
    scored = result.scored_docs > 0
    errors = result.error_counts()
    n = len(result.docs)
    summary = [f"{n} documents"]
    if scored:
        summary.append(f"{result.scored_docs} with gold spans")
        summary.append(f"{result.docs_with_errors()} with errors")
        summary.append(", ".join(count_kind(k, errors[k]) for k in ERROR_KINDS))
    else:
        summary.append("no gold spans: showing what would be redacted")
    if scored:
        side = _confusion_html(result) + _legend_html(True)
        cards = _scores_html(result) + f'<div class="side">{side}</div>'
    else:
        cards = _policy_html(result) + f'<div class="side">{_legend_html(False)}</div>'

    heading = "PII review" + (f": {data_name}" if data_name else "")
    model = f" · model {_e(model_name)}" if model_name else ""
    return "".join(
        [
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{_e(heading)}</title><style>{asset('review.css')}</style></head>\n<body>\n<main>",
            f"<header><h1>{_e(heading)}</h1><p class=\"meta\">{_e(' · '.join(summary))}{model}</p>",
            '<p class="sensitive">This report contains the raw text of every document: treat it '
            "as sensitive, like the data it was built from.</p></header>\n",
            f'<section class="cards">{cards}</section>\n',
            _filters_html(result),
            '<section id="docs">\n',
            "\n".join(_doc_html(d) for d in result.docs),
            "\n</section></main>\n",
            f"<script>{asset('review.js')}</script>\n</body></html>\n",
        ]
    )


def write_report(path: Path, html_text: str) -> None:
    """Write the report (UTF-8), creating its folder.

    path (Path): the output file.
    html_text (str): from `render_html`.
    """
    from ..corpus import write_atomic

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, html_text.encode("utf-8"))

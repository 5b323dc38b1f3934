"""JSONL <-> Doc conversion and the registered JSONL corpus reader.

A JSONL record is `{"text": str, "spans": [{"start": int, "end": int, "label": str}]}`. The
layouts people already have are accepted too: `"entities"` with the same objects, and
`"span_labels"` as `[start, end, label]` triples. Errors name the file, line and span index,
never the text of a span.
"""
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import orjson
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.util import registry
from spacy.vocab import Vocab

from .errors import Errors, SpacyPIIError
from .labels import LABELS

ALIGNMENT_MODES = ("expand", "contract", "strict")

# (start, end, label)
RawSpan = Tuple[int, int, str]


@dataclass
class Record:
    """One validated JSONL record."""

    text: str
    spans: List[RawSpan]
    line: int
    meta: Dict[str, Any] = field(default_factory=dict)


@dataclass
class ConvertSummary:
    """What a conversion did: counts and positions only, never text."""

    docs: int = 0
    spans: int = 0
    snapped: int = 0
    dropped: int = 0
    # (line, span index) of every snapped or dropped span, for the report
    snapped_at: List[Tuple[int, int]] = field(default_factory=list)
    dropped_at: List[Tuple[int, int]] = field(default_factory=list)
    label_counts: Dict[str, int] = field(default_factory=dict)

    def add(self, other: "ConvertSummary") -> None:
        self.docs += other.docs
        self.spans += other.spans
        self.snapped += other.snapped
        self.dropped += other.dropped
        self.snapped_at.extend(other.snapped_at)
        self.dropped_at.extend(other.dropped_at)
        for label, n in other.label_counts.items():
            self.label_counts[label] = self.label_counts.get(label, 0) + n


def _raw_spans(obj: Dict[str, Any], path: str, line: int) -> List[RawSpan]:
    spans: List[RawSpan] = []
    if "span_labels" in obj:
        items = obj["span_labels"]
        if not isinstance(items, list):
            raise SpacyPIIError(Errors.E012.format(path=path, line=line, index=0))
        for i, item in enumerate(items):
            ok = (
                isinstance(item, (list, tuple))
                and len(item) == 3
                and isinstance(item[0], int)
                and isinstance(item[1], int)
                and isinstance(item[2], str)
            )
            if not ok:
                raise SpacyPIIError(Errors.E012.format(path=path, line=line, index=i))
            spans.append((item[0], item[1], item[2]))
        return spans
    key = "spans" if "spans" in obj else "entities" if "entities" in obj else None
    if key is None:
        return spans
    items = obj[key]
    if not isinstance(items, list):
        raise SpacyPIIError(Errors.E012.format(path=path, line=line, index=0))
    for i, item in enumerate(items):
        ok = (
            isinstance(item, dict)
            and isinstance(item.get("start"), int)
            and isinstance(item.get("end"), int)
            and isinstance(item.get("label"), str)
        )
        if not ok:
            raise SpacyPIIError(Errors.E012.format(path=path, line=line, index=i))
        spans.append((item["start"], item["end"], item["label"]))
    return spans


def parse_record(
    raw: bytes, path: str, line: int, labels: Optional[Sequence[str]] = LABELS
) -> Record:
    """Parse and validate one JSONL line.

    raw (bytes): the line, without its ending.
    path (str): the file name, for messages.
    line (int): the 1-based line number, for messages.
    labels (Optional[Sequence[str]]): the allowed labels, or None to accept any.
    RETURNS (Record): the validated record, spans sorted by offset.
    """
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        raise SpacyPIIError(
            Errors.E010.format(path=path, line=line, col=e.colno, reason=e.msg)
        ) from None
    if not isinstance(obj, dict):
        raise SpacyPIIError(Errors.E019.format(path=path, line=line, kind=type(obj).__name__))
    text = obj.get("text")
    if not isinstance(text, str):
        raise SpacyPIIError(Errors.E011.format(path=path, line=line))
    spans = _raw_spans(obj, path, line)
    allowed = set(labels) if labels is not None else None
    indexed = sorted(enumerate(spans), key=lambda item: (item[1][0], item[1][1]))
    prev: Optional[Tuple[int, RawSpan]] = None
    for i, (start, end, label) in indexed:
        if not 0 <= start < end <= len(text):
            raise SpacyPIIError(
                Errors.E013.format(
                    path=path, line=line, index=i, start=start, end=end, length=len(text)
                )
            )
        if allowed is not None and label not in allowed:
            raise SpacyPIIError(Errors.E015.format(path=path, line=line, index=i, label=label))
        if prev is not None and start < prev[1][1]:
            j, (ostart, oend, _) = prev
            raise SpacyPIIError(
                Errors.E014.format(
                    path=path, line=line, index=i, start=start, end=end,
                    other=j, ostart=ostart, oend=oend,
                )
            )
        prev = (i, (start, end, label))
    meta = {k: v for k, v in obj.items() if k not in ("text", "spans", "entities", "span_labels")}
    return Record(text=text, spans=[s for _, s in indexed], line=line, meta=meta)


def read_jsonl(path: Path, labels: Optional[Sequence[str]] = LABELS) -> Iterator[Record]:
    """Read and validate a JSONL corpus file, one record per non-empty line.

    path (Path): the file.
    labels (Optional[Sequence[str]]): the allowed labels, or None to accept any.
    YIELDS (Record): validated records.
    """
    path = Path(path)
    if not path.exists():
        raise SpacyPIIError(Errors.E017.format(path=path, what="JSONL corpus"))
    with path.open("rb") as f:
        for i, raw in enumerate(f, start=1):
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            yield parse_record(raw, str(path), i, labels)


def record_to_doc(
    vocab_or_nlp: Any, record: Record, alignment: str = "expand", path: str = "<input>"
) -> Tuple[Doc, ConvertSummary]:
    """Build a Doc whose entities are the record's spans, snapped to tokens.

    vocab_or_nlp (Union[Language, Vocab]): a pipeline (its tokenizer is used) or a vocab
        (the log tokenizer of a blank English pipeline is used).
    record (Record): a validated record.
    alignment (str): "expand", "contract" or "strict".
    path (str): the file name, for messages.
    RETURNS (Tuple[Doc, ConvertSummary]): the doc and what snapping did.
    """
    if alignment not in ALIGNMENT_MODES:
        raise SpacyPIIError(Errors.E018.format(mode=alignment))
    nlp = vocab_or_nlp if isinstance(vocab_or_nlp, Language) else blank_nlp(vocab_or_nlp)
    doc = nlp.make_doc(record.text)
    summary = ConvertSummary(docs=1)
    ents: List[Span] = []
    for i, (start, end, label) in enumerate(record.spans):
        summary.spans += 1
        span = doc.char_span(start, end, label=label)
        if span is None:
            if alignment == "strict":
                raise SpacyPIIError(
                    Errors.E016.format(
                        path=path, line=record.line, index=i, start=start, end=end, label=label
                    )
                )
            span = doc.char_span(start, end, label=label, alignment_mode=alignment)
            span = _trim_whitespace(span)
            if span is None or (ents and span.start < ents[-1].end):
                summary.dropped += 1
                summary.dropped_at.append((record.line, i))
                continue
            summary.snapped += 1
            summary.snapped_at.append((record.line, i))
        ents.append(span)
        summary.label_counts[label] = summary.label_counts.get(label, 0) + 1
    doc.ents = ents
    return doc, summary


def _trim_whitespace(span: Optional[Span]) -> Optional[Span]:
    # Snapping may pull in a whitespace token ("\n"); an entity must not start or end on one.
    if span is None:
        return None
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end:
        return None
    return Span(doc, start, end, label=span.label_)


_BLANK: Dict[int, Language] = {}


def blank_nlp(vocab: Optional[Vocab] = None) -> Language:
    """A blank English pipeline with the log tokenizer the training configs use (cached)."""
    import spacy

    key = id(vocab)
    if key not in _BLANK:
        # the tokenizer the training configs use, so converted docs match what spacy train sees
        config = {"nlp": {"tokenizer": {"@tokenizers": "spacy-pii.LogTokenizer.v1"}}}
        nlp = spacy.blank("en", config=config) if vocab is None else spacy.blank("en", vocab=vocab, config=config)
        _BLANK[key] = nlp
    return _BLANK[key]


def doc_to_record(doc: Doc, spans_key: Optional[str] = None) -> Dict[str, Any]:
    """The JSONL record of a Doc: its text and entities (or the spans under a key).

    doc (Doc): the doc.
    spans_key (Optional[str]): read `doc.spans[spans_key]` instead of `doc.ents`.
    RETURNS (Dict[str, Any]): `{"text", "spans": [{"start", "end", "label"}]}`.
    """
    spans = doc.spans[spans_key] if spans_key is not None else doc.ents
    return {
        "text": doc.text,
        "spans": [
            {"start": s.start_char, "end": s.end_char, "label": s.label_} for s in spans
        ],
    }


def convert(
    in_path: Path,
    out_path: Path,
    alignment: str = "expand",
    labels: Optional[Sequence[str]] = LABELS,
    nlp: Optional[Language] = None,
) -> ConvertSummary:
    """Convert a JSONL corpus to a DocBin file. Nothing is written unless every line is valid.

    in_path (Path): the JSONL file.
    out_path (Path): the `.spacy` file to write.
    alignment (str): how spans off token boundaries are snapped: expand, contract, strict.
    labels (Optional[Sequence[str]]): the allowed labels, or None to accept any.
    nlp (Optional[Language]): the tokenizer to use; by default a blank English pipeline with
        the log tokenizer the training configs use.
    RETURNS (ConvertSummary): counts of docs, spans, snapped and dropped spans.
    """
    if alignment not in ALIGNMENT_MODES:
        raise SpacyPIIError(Errors.E018.format(mode=alignment))
    nlp = nlp if nlp is not None else blank_nlp(None)
    summary = ConvertSummary()
    docbin = DocBin(store_user_data=False)
    for record in read_jsonl(in_path, labels):
        doc, doc_summary = record_to_doc(nlp, record, alignment, str(in_path))
        summary.add(doc_summary)
        docbin.add(doc)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out_path, docbin.to_bytes())
    return summary


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside `path`, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class JsonlCorpus:
    """Yield Examples from a JSONL corpus file, for `spacy train`.

    path (Path): the JSONL file.
    alignment (str): how spans off token boundaries are snapped.
    limit (int): stop after this many examples (0: no limit).
    """

    def __init__(self, path: Path, *, alignment: str = "expand", limit: int = 0) -> None:
        if alignment not in ALIGNMENT_MODES:
            raise SpacyPIIError(Errors.E018.format(mode=alignment))
        self.path = Path(path)
        self.alignment = alignment
        self.limit = limit

    def __call__(self, nlp: Language) -> Iterator[Example]:
        if not self.path.exists():
            raise SpacyPIIError(Errors.E017.format(path=self.path, what="spacy-pii.JsonlCorpus.v1"))
        for i, record in enumerate(read_jsonl(self.path)):
            if self.limit and i >= self.limit:
                break
            reference, _ = record_to_doc(nlp, record, self.alignment, str(self.path))
            yield Example(nlp.make_doc(record.text), reference)


@registry.readers("spacy-pii.JsonlCorpus.v1")
def create_jsonl_corpus(
    path: Optional[Path], alignment: str = "expand", limit: int = 0
) -> Callable[[Language], Iterable[Example]]:
    """Registered reader: `[corpora.train] @readers = "spacy-pii.JsonlCorpus.v1"`.

    path (Optional[Path]): the JSONL file (usually `${paths.train}`).
    alignment (str): expand, contract or strict.
    limit (int): stop after this many examples (0: no limit).
    RETURNS (Callable[[Language], Iterable[Example]]): the corpus.
    """
    if path is None:
        raise SpacyPIIError(Errors.E017.format(path=None, what="spacy-pii.JsonlCorpus.v1"))
    return JsonlCorpus(Path(path), alignment=alignment, limit=limit)

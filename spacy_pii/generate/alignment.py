"""How many spans fall off token boundaries: the share the trainer would have to snap."""
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Mapping, Optional, Union

from spacy.tokens import Doc

from .core import Example

Tokenize = Callable[[str], Doc]


@dataclass
class AlignmentReport:
    """Spans checked and spans off token boundaries, overall and per label."""

    total: int = 0
    misaligned: int = 0
    by_label: Dict[str, Dict[str, int]] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.misaligned / self.total if self.total else 0.0


def check_alignment(
    examples: Iterable[Union[Example, Mapping[str, Any]]], tokenize: Optional[Tokenize] = None
) -> AlignmentReport:
    """Count spans that `doc.char_span(..., alignment_mode="strict")` rejects.

    examples (Iterable[Union[Example, Mapping[str, Any]]]): examples or JSONL records.
    tokenize (Optional[Tokenize]): text -> Doc; default: the tokenizer the training configs
        use (`corpus.blank_nlp`, spacy-pii.LogTokenizer.v1).
    RETURNS (AlignmentReport): the counts (no text, no values).
    """
    if tokenize is None:
        from ..corpus import blank_nlp

        tokenize = blank_nlp().make_doc
    report = AlignmentReport()
    for eg in examples:
        if isinstance(eg, Example):
            text, spans = eg.text, eg.spans
        else:
            text, spans = eg["text"], [(s["start"], s["end"], s["label"]) for s in eg["spans"]]
        if not spans:
            continue
        doc = tokenize(text)
        for start, end, label in spans:
            counts = report.by_label.setdefault(label, {"total": 0, "misaligned": 0})
            counts["total"] += 1
            report.total += 1
            if doc.char_span(start, end, alignment_mode="strict") is None:
                counts["misaligned"] += 1
                report.misaligned += 1
    return report

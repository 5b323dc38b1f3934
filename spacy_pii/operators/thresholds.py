"""Score thresholds: a span scoring under its label's threshold is not redacted.

`pii_redactor` takes `threshold` (every label) and `thresholds` (per label, overriding it) from
its config; `spacy-pii redact` takes `--threshold X` and `--threshold-for LABEL=X`. Spans are
dropped after overlaps are resolved, as Presidio's `score_threshold` drops results after
de-duplication: so raising a threshold never adds a span, and `spacy-pii evaluate`'s threshold
table predicts what the redactor will do. The default, 0, keeps every span.
"""
from typing import Dict, Mapping, Optional, Sequence

from ..errors import Errors, SpacyPIIError
from ..labels import check_labels


def check_threshold(value: float, name: str = "threshold") -> float:
    """A score threshold, checked: a number from 0 to 1.

    value (float): the threshold.
    name (str): its name, for the message.
    RETURNS (float): the threshold as a float.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise SpacyPIIError(Errors.E603.format(name=name, value=value))
    return float(value)


class Thresholds:
    """The score each label's spans need to be kept.

    default (float): the threshold of every label not in `per_label`.
    per_label (Optional[Mapping[str, float]]): label -> threshold.
    """

    def __init__(self, default: float = 0.0, per_label: Optional[Mapping[str, float]] = None) -> None:
        self.default = check_threshold(default)
        self.per_label: Dict[str, float] = {}
        for label, value in (per_label or {}).items():
            (checked,) = check_labels([label])
            self.per_label[checked] = check_threshold(value, f"thresholds[{checked}]")

    def __call__(self, label: str) -> float:
        """The threshold of `label`."""
        return self.per_label.get(label, self.default)

    def keeps(self, label: str, score: float) -> bool:
        """Whether a span of `label` scoring `score` is kept (score >= its threshold)."""
        return score >= self.per_label.get(label, self.default)

    @property
    def active(self) -> bool:
        """Whether any span can be dropped (some threshold above 0)."""
        return self.default > 0.0 or any(v > 0.0 for v in self.per_label.values())


def parse_threshold_for(values: Sequence[str]) -> Dict[str, float]:
    """`--threshold-for LABEL=X` values (repeatable) -> {LABEL: X}, labels and numbers checked.

    values (Sequence[str]): the option values.
    RETURNS (Dict[str, float]): label -> threshold. RAISES SpacyPIIError (E604, malformed) or
        ValueError (E001, a label outside the scheme).
    """
    out: Dict[str, float] = {}
    for value in values:
        label, sep, number = value.partition("=")
        try:
            score = float(number)
        except ValueError:
            score = -1.0
        if not sep or not label.strip() or not 0.0 <= score <= 1.0:
            raise SpacyPIIError(Errors.E604.format(value=value))
        (checked,) = check_labels([label])  # E001 for a label outside the scheme
        out[checked] = score
    return out

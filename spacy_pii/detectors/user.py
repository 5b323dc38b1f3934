"""User patterns: regexes from the `pii_redactor` config, each with a label of the scheme."""
import re
from functools import lru_cache
from typing import Iterator, List, Mapping, NamedTuple, Pattern, Sequence

from ..errors import Errors, SpacyPIIError
from ..labels import check_labels
from .base import SCORE_SHAPE, Match


class UserPattern(NamedTuple):
    """A user regex from config. A group named `value` narrows the span to that group."""

    label: str
    regex: Pattern[str]


def compile_user_patterns(specs: Sequence[Mapping[str, str]]) -> List[UserPattern]:
    """Compile `[{"label": ..., "pattern": ...}]` from config.

    specs (Sequence[Mapping[str, str]]): label (from the scheme) and regex per pattern.
    RETURNS (List[UserPattern]): compiled patterns. Errors name the pattern by index and
        label, never by its text (a pattern may spell out a real value).
    """
    out = []
    for i, spec in enumerate(specs):
        if not isinstance(spec, Mapping) or set(spec) != {"label", "pattern"}:
            keys = ", ".join(sorted(map(str, spec))) if isinstance(spec, Mapping) else type(spec).__name__
            raise SpacyPIIError(Errors.E108.format(index=i, keys=keys))
        (label,) = check_labels([str(spec["label"])])
        try:
            regex = re.compile(spec["pattern"])
        except re.error as e:
            raise SpacyPIIError(
                Errors.E107.format(index=i, label=label, reason=f"{e.msg} at position {e.pos}")
            ) from None
        out.append(UserPattern(label, regex))
    return out


def find_user_patterns(
    text: str, patterns: Sequence[UserPattern], score: float = SCORE_SHAPE
) -> Iterator[Match]:
    """Run user regexes.

    text (str): the text to search.
    patterns (Sequence[UserPattern]): compiled patterns; a group named `value` is the span.
    score (float): the score of every match (a user regex has no evidence of its own).
    YIELDS (Match): non-empty matches with the pattern's label.
    """
    for pattern in patterns:
        has_value = "value" in pattern.regex.groupindex
        for m in pattern.regex.finditer(text):
            start, end = m.span("value") if has_value else m.span()
            if start >= 0 and end > start:
                yield Match(start, end, pattern.label, score)


@lru_cache(maxsize=256)
def _compile_cached(label: str, pattern: str) -> UserPattern:
    return compile_user_patterns([{"label": label, "pattern": pattern}])[0]


def compile_one(spec: Mapping[str, str]) -> UserPattern:
    if not isinstance(spec, Mapping) or set(spec) != {"label", "pattern"}:
        return compile_user_patterns([spec])[0]  # raises the coded error
    return _compile_cached(str(spec["label"]), str(spec["pattern"]))

"""Choosing detectors from the registry (by name and by country) and running them together."""
import inspect
from functools import lru_cache
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import phonenumbers

from ..errors import Errors, SpacyPIIError
from ..labels import LABELS
from ..pipeline.overlaps import resolve_overlaps
from ..pipeline.views import decode_view
from ..registry import registry
from .base import SCORE_VALIDATED, Detector, Match, SpanIndex
from .phone import DEFAULT_PHONE_REGIONS
from .user import UserPattern, compile_one, find_user_patterns

# The score of user patterns, and of every unvalidated detector match when a config still
# sets `pattern_score` (spacy-pii <= 0.2 configs: one score for every shape-only match).
DEFAULT_PATTERN_SCORE = 0.85
# Country aliases people write: Presidio's UK_* entities are the ISO code GB.
COUNTRY_ALIASES: Dict[str, str] = {"UK": "GB"}


def registered_names() -> List[str]:
    """Names of every registered detector (ours and entry points), sorted."""
    return sorted(registry.detectors.get_all())


def build_detector(name: str, **options: Any) -> Detector:
    """Build one registered detector.

    name (str): its registered name.
    options: settings a detector factory may take by keyword (`regions` for phones); a
        factory gets only the ones its signature names.
    RETURNS (Detector): the detector.
    """
    factory: Callable[..., Detector] = registry.detectors.get(name)
    try:
        params = inspect.signature(factory).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    accepted = {k: v for k, v in options.items() if k in params}
    detector = factory(**accepted)
    if not isinstance(detector, Detector):
        raise SpacyPIIError(Errors.E431.format(name=name, type=type(detector).__name__))
    if detector.label not in LABELS:
        raise SpacyPIIError(Errors.E432.format(name=name, label=detector.label))
    detector._name = name  # type: ignore[attr-defined]
    return detector


def check_countries(countries: Iterable[str]) -> List[str]:
    """Validate country codes (ISO 3166-1 alpha-2; "UK" is taken for GB).

    countries (Iterable[str]): codes, any case.
    RETURNS (List[str]): the ISO codes, upper-cased.
    """
    out = [COUNTRY_ALIASES.get(c.strip().upper(), c.strip().upper()) for c in countries if c.strip()]
    unknown = [c for c in out if c not in phonenumbers.SUPPORTED_REGIONS]
    if unknown:
        raise SpacyPIIError(Errors.E433.format(countries=", ".join(unknown)))
    return out


class DetectorSet:
    """The detectors one component runs, in priority order, and how they run together.

    detectors (Sequence[Detector]): the detectors.
    """

    def __init__(self, detectors: Sequence[Detector]) -> None:
        # Highest priority first: a detector that `yields` sees the matches of all before it.
        self.detectors: List[Detector] = sorted(detectors, key=lambda d: (-d.priority, d.name))

    @property
    def names(self) -> List[str]:
        """The detectors' names, in run order."""
        return [d.name for d in self.detectors]

    def find(self, text: str, labels: Optional[Iterable[str]] = None) -> List[Match]:
        """Every detector's matches, overlaps NOT resolved (see `find_all`).

        text (str): the text to search.
        labels (Optional[Iterable[str]]): labels to return (None: all).
        RETURNS (List[Match]): matches, each with its detector's priority.
        """
        wanted = None if labels is None else set(labels)
        # A detector that yields needs every detector before it, wanted or not.
        floor = max(
            (d.priority for d in self.detectors if d.yields and (wanted is None or d.label in wanted)),
            default=None,
        )
        out: List[Match] = []
        for d in self.detectors:
            if (
                wanted is not None
                and d.label not in wanted
                and not d.emits & wanted
                and (floor is None or d.priority <= floor)
            ):
                continue
            blocked = SpanIndex((m.start, m.end) for m in out) if d.yields else None
            out.extend(d.find(text, blocked))
        return out if wanted is None else [m for m in out if m.label in wanted]


@lru_cache(maxsize=64)
def _select_cached(
    names: Optional[Tuple[str, ...]],
    countries: Optional[Tuple[str, ...]],
    regions: Tuple[str, ...],
    known: Tuple[str, ...],
) -> DetectorSet:
    if names is None:
        chosen = list(known)
    else:
        unknown = [n for n in names if n not in known]
        if unknown:
            raise SpacyPIIError(Errors.E430.format(names=", ".join(unknown), known=", ".join(known)))
        chosen = list(dict.fromkeys(names))
    wanted_countries = None if countries is None else set(check_countries(countries))
    built = [build_detector(name, regions=regions) for name in chosen]
    keep = [
        d for d in built if not d.countries or wanted_countries is None or d.countries & wanted_countries
    ]
    return DetectorSet(keep)


def select_detectors(
    names: Optional[Sequence[str]] = None,
    countries: Optional[Sequence[str]] = None,
    regions: Sequence[str] = DEFAULT_PHONE_REGIONS,
) -> DetectorSet:
    """The registered detectors a config selects.

    names (Optional[Sequence[str]]): registered names (None: every registered detector,
        entry points included).
    countries (Optional[Sequence[str]]): a country-specific detector runs only if one of its
        countries is listed (None: every country; []: global detectors only).
    regions (Sequence[str]): phone regions (see `PhoneDetector`).
    RETURNS (DetectorSet): the detectors, built once per distinct selection.
    """
    return _select_cached(
        None if names is None else tuple(names),
        None if countries is None else tuple(countries),
        tuple(regions),
        tuple(registered_names()),  # a detector registered later makes a new selection
    )


class ProposalCheck:
    """The labels a check decides and the detectors that check them: which of the values
    someone else proposes (the NER) may keep their label. Built from the registry, whatever
    a component selects (a value is a card whatever countries one redacts).

    detectors (Sequence[Detector]): the registered detectors.
    """

    def __init__(self, detectors: Sequence[Detector]) -> None:
        by_label: Dict[str, List[Detector]] = {}
        for d in detectors:
            by_label.setdefault(d.label, []).append(d)
        # A label is checked only if every detector of it checks it (one that does not,
        # the phone detector, says the NER may know better).
        self.checkers: Dict[str, List[Detector]] = {
            label: ds for label, ds in by_label.items() if all(d.is_label_check for d in ds)
        }
        self.labels: FrozenSet[str] = frozenset(self.checkers)

    def validates(self, label: str, text: str, start: int, end: int) -> bool:
        """Whether a value proposed under a label passes its check (True for a label no
        check decides).

        label (str): the proposed label.
        text (str): the whole text.
        start (int): start of the value. end (int): its end.
        RETURNS (bool): True to keep the value under this label.
        """
        checkers = self.checkers.get(label)
        return checkers is None or any(d.accepts(text, start, end) for d in checkers)


@lru_cache(maxsize=8)
def _proposal_check(known: Tuple[str, ...]) -> ProposalCheck:
    return ProposalCheck(select_detectors().detectors)


def proposal_check() -> ProposalCheck:
    """The `ProposalCheck` of every registered detector (built once per registry state)."""
    return _proposal_check(tuple(registered_names()))


def checked_labels() -> FrozenSet[str]:
    """Labels with a shape or a checksum that decides them (EMAIL_ADDRESS, IP_ADDRESS,
    CREDIT_CARD, IBAN_CODE, US_SSN, URL, the national IDs...): derived from the registered
    detectors and the label scheme (`Detector.is_label_check`).

    RETURNS (FrozenSet[str]): the labels.
    """
    return proposal_check().labels


def validate_proposed(label: str, text: str, start: int, end: int) -> bool:
    """The entry point to validate a value proposed under a label (by the NER): the
    registered detectors of a checked label decide (`Detector.accepts`); other labels pass.

    label (str): the proposed label.
    text (str): the whole text. start (int), end (int): the value's offsets.
    RETURNS (bool): True to keep the value under this label.
    """
    return proposal_check().validates(label, text, start, end)


def find_candidates(
    text: str,
    labels: Optional[Iterable[str]] = None,
    regions: Sequence[str] = DEFAULT_PHONE_REGIONS,
    extra_patterns: Sequence[Union[UserPattern, Mapping[str, str]]] = (),
    pattern_score: Optional[float] = None,
    detectors: Optional[DetectorSet] = None,
) -> List[Match]:
    """Every detector and user-pattern match with its final score, overlaps NOT resolved:
    for a caller that resolves them once with other spans (`PIIRedactor.find`, with the
    model's). The arguments are those of `find_all`.

    RETURNS (List[Match]): the matches, each with its detector's priority (user patterns: 0).
    """
    chosen = detectors if detectors is not None else select_detectors(regions=regions)
    matches = chosen.find(text, labels)
    # Escaped values (`jane%40example.com`, `\u0040`, `&#64;`): the detectors read the decoded
    # view too, and each match is mapped back to raw offsets covering whole escapes. Without
    # escapes there is no view, and this costs a few `str.find` calls.
    view = decode_view(text)
    if view is not None:
        seen = {(m.start, m.end, m.label) for m in matches}
        for m in chosen.find(view.text, labels):
            start, end = view.to_raw(m.start, m.end)
            if (start, end, m.label) not in seen:
                seen.add((start, end, m.label))
                matches.append(m._replace(start=start, end=end))
    user = [p if isinstance(p, UserPattern) else compile_one(p) for p in extra_patterns]
    wanted = None if labels is None else set(labels)
    user_score = DEFAULT_PATTERN_SCORE if pattern_score is None else pattern_score
    matches.extend(
        m for m in find_user_patterns(text, user, user_score) if wanted is None or m.label in wanted
    )
    if pattern_score is None:
        return matches
    return [m._replace(score=pattern_score) if m.score < SCORE_VALIDATED else m for m in matches]


def find_all(
    text: str,
    labels: Optional[Iterable[str]] = None,
    regions: Sequence[str] = DEFAULT_PHONE_REGIONS,
    extra_patterns: Sequence[Union[UserPattern, Mapping[str, str]]] = (),
    pattern_score: Optional[float] = None,
    detectors: Optional[DetectorSet] = None,
) -> List[Match]:
    """Run the detectors and user patterns, and resolve overlaps between their matches.

    Overlaps: matches of one label that overlap are merged; otherwise the longer match wins
    (ties: the higher detector `priority`; user patterns have 0) and the loser keeps only its
    characters outside the winner.

    text (str): the text to search.
    labels (Optional[Iterable[str]]): labels to return (None: all).
    regions (Sequence[str]): phone regions (when `detectors` is None).
    extra_patterns (Sequence[Union[UserPattern, Mapping[str, str]]]): user regexes, compiled
        or as `{"label": ..., "pattern": ...}`.
    pattern_score (Optional[float]): None: each match keeps its detector's score (user
        patterns: DEFAULT_PATTERN_SCORE); a number: the score of every match below 1.0.
    detectors (Optional[DetectorSet]): the detectors (None: every registered one).
    RETURNS (List[Match]): non-overlapping matches sorted by start.
    """
    matches = find_candidates(text, labels, regions, extra_patterns, pattern_score, detectors)
    resolved = resolve_overlaps(
        text, [(m.start, m.end, m.label) for m in matches], tiebreak=[m.priority for m in matches]
    )
    return [Match(start, end, label, matches[i].score, matches[i].priority) for start, end, label, i in resolved]

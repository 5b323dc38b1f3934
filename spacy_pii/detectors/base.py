"""The detector base class, the match tuple and the score scale every detector uses.

A detector is a small class: a regex proposes candidates, `validate` decides, optional
context words in a character window before the candidate either raise its score or are
required, and an explicit `priority` breaks ties between overlapping matches of different
detectors. Subclass it, set the class attributes, override `validate` (and, for detectors
that need more than one regex, `find`), and register the class:

    from spacy_pii.detectors import Detector
    from spacy_pii.registry import registry

    @registry.detectors("employee_id")
    class EmployeeId(Detector):
        label = "USERNAME"
        pattern = re.compile(r"(?<![A-Z0-9])E-\\d{6}(?![0-9])")
        context = words("employee", "staff")

Linear time: every regex starts only at the beginning of a run (a negative lookbehind on its
own first character class) and uses bounded or possessive repetition, so a 100 kB
adversarial line costs one pass. The fuzz and 100 kB tests run every registered detector.
"""
import bisect
import re
from typing import ClassVar, FrozenSet, Iterable, Iterator, List, NamedTuple, Optional, Pattern, Tuple

from ..labels import NUMBER_LIKE_LABELS, SCHEME
from ..pipeline.views import decode_view, spoken_forms

# Scores: what the evidence for a match is worth (see `Detector`).
SCORE_VALIDATED = 1.0  # a checksum, a parser or a strict structure decided
SCORE_STRONG_SHAPE = 0.9  # a distinctive shape that rarely means anything else (e-mail, AWS key id)
SCORE_CONTEXT = 0.85  # a plausible shape confirmed by a context word
SCORE_SHAPE = 0.6  # a plausible shape, nothing else
SCORE_WEAK_SHAPE = 0.4  # a shape that is often something else
# Labels the scheme gives a validation (a detector's check); `Detector.is_label_check`.
VALIDATED_LABELS: FrozenSet[str] = frozenset(label.name for label in SCHEME if label.validation)
# Characters after a proposed value that `Detector.accepts` reads too: a regex's lookahead
# and a value the proposal cut short ("jane@example.com" of "jane@example.community").
ACCEPT_AFTER = 64


class Match(NamedTuple):
    """One detector hit: character offsets into the text, label, confidence, tie priority."""

    start: int
    end: int
    label: str
    score: float
    priority: int = 0


def words(*phrases: str) -> Pattern[str]:
    """A case-insensitive regex matching any of the phrases as whole words.

    phrases (str): words or phrases; spaces match any run of whitespace, '-' or '_'.
    RETURNS (Pattern[str]): the compiled regex.
    """
    parts = sorted((re.escape(p).replace(r"\ ", r"[\s_-]+") for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(parts) + r")(?![A-Za-z0-9])", re.IGNORECASE)


class Detector:
    """Finds one kind of PII: a regex proposes, `validate` decides, context words help.

    Class attributes (set in a subclass):
    - `label` (str): the label of its matches (from `spacy_pii.labels`).
    - `pattern` (Pattern): the candidate regex; a group named `value` narrows the span.
    - `context` (Optional[Pattern]): words that make the candidate more likely (see `words`),
      searched in the `context_window` characters before the candidate and the
      `context_after` characters after it.
    - `context_required` (bool): without a context word the candidate is dropped (bare digit
      runs with a weak checksum: log lines are full of IDs and epoch timestamps).
    - `priority` (int): between overlapping matches of different detectors of the same
      length, the higher priority wins (`find_all`), and a detector with `yields` set drops
      its candidates that overlap a match of any detector with a higher priority.
    - `yields` (bool): see `priority` (the phone detector: a card or an IP is no phone).
    - `countries` (FrozenSet[str]): ISO 3166-1 alpha-2 codes of the countries whose
      identifiers it finds; empty for a global detector. `pii_redactor(countries=...)` picks.
    - `number_like` (Optional[bool]): None: from the label scheme (mask's keep_last).
    - `emits` (FrozenSet[str]): labels other than `label` its matches may carry (the URL
      detector's parts: a name in a query string is a PERSON).
    - `checks_label` (Optional[bool]): its check is what the label claims (a shape or a
      checksum), so a value the NER proposes under its label is kept only if `accepts` says
      so (`spacy_pii.detectors.detector_set.validate_proposed`). None: from the label scheme
      (a label with a validation). False for a detector whose label the NER may give to
      values it cannot see (spoken phone numbers; credentials, which need evidence instead:
      `spacy_pii.detectors.evidence`).

    Scores, from the evidence (`span._.pii_score` carries them):
    - SCORE_VALIDATED (1.0): a checksum (Luhn, mod-97, Verhoeff, base58check...), a parser
      (ipaddress) or a strict structure decided; `base_score` of such detectors.
    - SCORE_STRONG_SHAPE (0.9): a distinctive shape that rarely means anything else.
    - SCORE_CONTEXT (0.85): a plausible shape with a context word; a detector's score with a
      context word is `max(base_score, context_score)`; a weak checksum (1 in 10 random
      numbers pass) plus a required context word scores `context_score` = 0.95.
    - SCORE_SHAPE (0.6) and SCORE_WEAK_SHAPE (0.4): a plausible shape, nothing else.
    So a validated match scores higher than a context-confirmed one, which scores higher
    than a bare shape.
    """

    label: ClassVar[str] = ""
    pattern: ClassVar[Optional[Pattern[str]]] = None
    context: ClassVar[Optional[Pattern[str]]] = None
    context_window: ClassVar[int] = 32
    context_after: ClassVar[int] = 0
    context_required: ClassVar[bool] = False
    priority: ClassVar[int] = 50
    yields: ClassVar[bool] = False
    countries: ClassVar[FrozenSet[str]] = frozenset()
    number_like: ClassVar[Optional[bool]] = None
    checks_label: ClassVar[Optional[bool]] = None
    emits: ClassVar[FrozenSet[str]] = frozenset()
    base_score: ClassVar[float] = SCORE_SHAPE
    context_score: ClassVar[float] = SCORE_CONTEXT

    @property
    def name(self) -> str:
        """The registered name (set by `spacy_pii.detectors.build`), or the class name."""
        return getattr(self, "_name", type(self).__name__)

    @property
    def is_label_check(self) -> bool:
        """Whether this detector's check decides its label for values the NER proposes."""
        return self.label in VALIDATED_LABELS if self.checks_label is None else self.checks_label

    @property
    def is_number_like(self) -> bool:
        """Whether the mask operator's keep_last applies to this detector's values."""
        return self.label in NUMBER_LIKE_LABELS if self.number_like is None else self.number_like

    def validate(self, value: str) -> bool:
        """Whether a candidate is a real value (a checksum, a field rule...).

        value (str): the candidate text.
        RETURNS (bool): True to keep it.
        """
        return True

    def candidates(self, text: str) -> Iterator[Tuple[int, int]]:
        """Character spans the regex proposes (the `value` group when there is one).

        text (str): the text to search.
        YIELDS (Tuple[int, int]): (start, end) of each candidate.
        """
        if self.pattern is None:
            return
        has_value = "value" in self.pattern.groupindex
        for m in self.pattern.finditer(text):
            start, end = m.span("value") if has_value else m.span()
            if start < end:
                yield start, end

    def has_context(self, text: str, start: int, end: int) -> bool:
        """Whether a context word lies within the window around [start, end).

        text (str): the text. start (int), end (int): the candidate's offsets.
        RETURNS (bool): True if `context` matches before (or, with `context_after`, after).
        """
        if self.context is None:
            return False
        if self.context.search(text, max(0, start - self.context_window), start):
            return True
        return self.context_after > 0 and self.context.search(text, end, end + self.context_after) is not None

    def score(self, context: bool) -> float:
        """The score of a validated candidate, with or without a context word."""
        return max(self.base_score, self.context_score) if context else self.base_score

    def search(self, text: str) -> Iterator[Match]:
        """Candidates that pass `validate` and the context rule, with their scores.

        Detectors whose search needs more than one regex override this (it stays a
        generator of `Match`; `find` adds the priority).

        text (str): the text to search.
        YIELDS (Match): matches, possibly overlapping each other.
        """
        for start, end in self.candidates(text):
            if not self.validate(text[start:end]):
                continue
            context = self.has_context(text, start, end)
            if self.context_required and not context:
                continue
            yield Match(start, end, self.label, self.score(context))

    def rescore(self, text: str, match: Match) -> float:
        """The score `find` gives a match of `search` (default: the one `search` gave)."""
        return match.score

    def find(self, text: str, blocked: Optional["SpanIndex"] = None) -> Iterator[Match]:
        """Find this detector's matches.

        text (str): the text to search.
        blocked (Optional[SpanIndex]): spans of higher-priority detectors; a detector with
            `yields` set drops candidates that overlap them.
        YIELDS (Match): matches with this detector's label and priority.
        """
        for m in self.search(text):
            if self.yields and blocked is not None and blocked.overlaps(m.start, m.end):
                continue
            match = self.match(m.start, m.end, self.rescore(text, m))
            yield match._replace(label=m.label) if m.label in self.emits else match

    def match(self, start: int, end: int, score: float) -> Match:
        """A Match with this detector's label and priority."""
        return Match(start, end, self.label, score, self.priority)

    def accepts(self, text: str, start: int, end: int) -> bool:
        """Whether a value someone else proposed (the NER) at [start, end) of a text is a value
        of this detector's label: `find`, run over the value with its context window (so a
        required context word counts), on its decoded view, or on its written form when it
        is spelled out (`spacy_pii.pipeline.views`), yields a match of this label covering the value's
        letters and digits.

        text (str): the whole text (context words are read in it).
        start (int): start of the proposed value.
        end (int): end of the proposed value.
        RETURNS (bool): True when the value passes this detector's check.
        """
        core_start, core_end = start, end
        while core_start < core_end and not text[core_start].isalnum():
            core_start += 1
        while core_end > core_start and not text[core_end - 1].isalnum():
            core_end -= 1
        if core_start >= core_end:
            return False
        lo = max(0, start - self.context_window)
        window = text[lo : min(len(text), end + max(self.context_after, ACCEPT_AFTER))]
        core_start, core_end = core_start - lo, core_end - lo
        for m in self.find(window):
            if m.label == self.label and m.start <= core_start and core_end <= m.end:
                return True
        view = decode_view(window)
        if view is not None:
            for m in self.find(view.text):
                if m.label == self.label:
                    raw_start, raw_end = view.to_raw(m.start, m.end)
                    if raw_start <= core_start and core_end <= raw_end:
                        return True
        # A value spelled out ("four one one one ..."): checked as written, after its context.
        before = text[lo:start]
        for form in spoken_forms(text[start:end]):
            written = before + " " + form
            if any(m.label == self.label and m.start <= len(before) + 1 and m.end == len(written)
                   for m in self.find(written)):
                return True
        return False


class SpanIndex:
    """Answers "does [start, end) overlap any of these spans?" in O(log n)."""

    def __init__(self, spans: Iterable[Tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.ends = [e for _, e in ordered]
        self.max_end: List[int] = []
        running = -1
        for _, e in ordered:
            running = max(running, e)
            self.max_end.append(running)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps any span."""
        k = bisect.bisect_left(self.starts, end)  # spans starting before `end`
        return k > 0 and self.max_end[k - 1] > start

    def overlapping(self, start: int, end: int) -> List[Tuple[int, int]]:
        """The spans overlapping [start, end)."""
        out = []
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.max_end[k] > start:
            if self.ends[k] > start:
                out.append((self.starts[k], self.ends[k]))
            k -= 1
        return out


def digits_of(value: str) -> str:
    """The ASCII digits of a value, in order."""
    return "".join(ch for ch in value if "0" <= ch <= "9")

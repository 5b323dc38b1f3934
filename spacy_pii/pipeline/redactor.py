"""The `pii_redactor` pipeline component: merge NER and pattern spans, redact the text."""
import dataclasses
import re
from typing import Any, Callable, Dict, FrozenSet, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import minibatch, registry

from ..detectors import (
    DEFAULT_PATTERN_SCORE,
    DEFAULT_PHONE_REGIONS,
    DetectorSet,
    UserPattern,
    check_regions,
    compile_user_patterns,
    select_detectors,
)
from ..detectors.detector_set import ProposalCheck, find_candidates, proposal_check
from ..detectors.evidence import evidenced_label, looks_like_code
from ..errors import Errors, SpacyPIIError
from ..labels import LABEL_DESCRIPTIONS, LABELS, NUMBER_LIKE_LABELS, check_labels
from ..operators.core import RedactionPolicy
from ..operators.policy import build_policy
from .overlaps import resolve_overlaps

NER_SCORE = 1.0
MATCHES_ATTR = "pii_matches"
SOURCE_ATTR = "pii_source"
SCORE_ATTR = "pii_score"

DEFAULT_CONFIG: Dict[str, Any] = {
    "labels": None,
    "spans_key": "pii",
    "redacted_attr": "redacted",
    "operator": "tag",
    "operators": {},
    "mask_char": "*",
    "keep_last": 0,
    "allow_list": [],
    "patterns": [],
    "use_ner": True,
    "use_patterns": True,
    "phone_regions": list(DEFAULT_PHONE_REGIONS),
    "pattern_score": DEFAULT_PATTERN_SCORE,
    "detectors": None,
    "countries": None,
    "threshold": 0.0,
    "thresholds": {},
    "confident_ner": 0.5,
    "scorer": {"@scorers": "spacy-pii.redactor_scorer.v1"},
}
# What the component writes and reads (spaCy's pipe analysis); `redacted_attr` and
# `spans_key` are configurable, the defaults are listed.
ASSIGNS = ["doc.spans", "doc._.redacted", f"doc._.{MATCHES_ATTR}", f"span._.{SOURCE_ATTR}", f"span._.{SCORE_ATTR}"]
REQUIRES = ["doc.ents"]
# Reported by `spacy evaluate` and in training, weighted 0: they do not change which model
# training keeps (the NER's own scores do).
SCORE_WEIGHTS: Dict[str, Optional[float]] = {"pii_f": 0.0, "pii_p": 0.0, "pii_r": 0.0, "pii_per_type": None}


class PIIMatch(NamedTuple):
    """A final span with its exact character offsets (what the redacted text replaced).

    After `Doc.to_bytes` (e.g. from `nlp.pipe(..., n_process=2)`) these come back as lists.
    """

    start: int
    end: int
    label: str
    source: str  # "ner" or "pattern"
    score: float


@Language.factory(
    "pii_redactor",
    default_config=DEFAULT_CONFIG,
    assigns=ASSIGNS,
    requires=REQUIRES,
    default_score_weights=SCORE_WEIGHTS,
)
def make_pii_redactor(
    nlp: Language,
    name: str,
    *,
    labels: Optional[List[str]],
    spans_key: str,
    redacted_attr: str,
    operator: str,
    operators: Dict[str, str],
    mask_char: str,
    keep_last: int,
    allow_list: List[str],
    patterns: List[Dict[str, str]],
    use_ner: bool,
    use_patterns: bool,
    phone_regions: List[str],
    pattern_score: Optional[float],
    detectors: Optional[List[str]] = None,
    countries: Optional[List[str]] = None,
    threshold: float = 0.0,
    thresholds: Optional[Dict[str, float]] = None,
    confident_ner: float = 0.5,
    scorer: Optional[Callable[..., Dict[str, Any]]] = None,
) -> "PIIRedactor":
    """Build the pii_redactor component (see `PIIRedactor`).

    labels (Optional[List[str]]): labels to redact; None: every label in the scheme.
    spans_key (str): `doc.spans` key of the final spans.
    redacted_attr (str): Doc extension for the redacted text (`doc._.redacted`).
    operator (str): default operator: tag, mask, hash, pseudonym or remove.
    operators (Dict[str, str]): label -> operator overrides.
    mask_char (str): character the mask operator writes.
    keep_last (int): characters the mask operator leaves visible at the end.
    allow_list (List[str]): values never redacted (exact match, case-insensitive).
    patterns (List[Dict[str, str]]): extra regexes, `{"label": ..., "pattern": ...}`.
    use_ner (bool): take spans from `doc.ents`.
    use_patterns (bool): run the validated detectors and user patterns.
    phone_regions (List[str]): regions for phone numbers written without a country code.
    pattern_score (Optional[float]): score of user patterns; a number also replaces the
        score of every detector match below 1.0 (0.2 configs); None: each detector's own.
    detectors (Optional[List[str]]): registered detector names to run (None: all registered,
        entry points included; see `spacy_pii.detectors`).
    countries (Optional[List[str]]): countries whose national-ID detectors run, e.g.
        ["US", "UK"] (None: every country; []: global detectors only).
    threshold (float): spans scoring under it are not redacted (0: all are; see
        `spacy_pii.operators.thresholds`).
    thresholds (Optional[Dict[str, float]]): label -> threshold, overriding `threshold`.
    confident_ner (float): a model span whose probability (`pii_ner`) is at least this
        keeps its label without the check and evidence rules (they decide the less certain
        ones). On the corpus v3 test split with en_pii 0.4.0: 0.9 leaked 1.9% of PII
        characters, 0.5 0.66%, 0 0.42%, at the same F1 and the same 1.0% of PII-free
        system-log lines changed; 0.5 still drops `b1` proposed as a CREDENTIAL at 0.33.
        1.01 applies the rules to every model span.
    scorer (Optional[Callable]): scores the final spans against the reference (see
        `redactor_score`); None: the component is not scored.
    RETURNS (PIIRedactor): the component. The key for hash/pseudonym comes from the
        SPACY_PII_KEY environment variable (never from config); a missing key fails when a
        Doc is redacted, since the CLI, the API and Spark redact with their own policy.
    """
    # The component's whole rule (labels and allow-list included) is one policy; every
    # entry point derives its own from it (`spacy_pii.operators.policy.effective_policy`).
    policy = build_policy(
        operator=operator,
        operators=operators,
        mask_char=mask_char,
        keep_last=keep_last,
        labels=labels,
        allow_list=allow_list,
        threshold=threshold,
        thresholds=thresholds or {},
        require_key=False,
    )
    return PIIRedactor(
        name,
        labels=labels,
        spans_key=spans_key,
        redacted_attr=redacted_attr,
        policy=policy,
        patterns=patterns,
        use_ner=use_ner,
        use_patterns=use_patterns,
        phone_regions=phone_regions,
        pattern_score=pattern_score,
        detectors=detectors,
        countries=countries,
        scorer=scorer,
        confident_ner=confident_ner,
    )


class PIIRedactor:
    """Find PII with the NER model and the validated detectors, and redact it.

    Labels that tell the truth (before any overlap): a model span whose label a check decides
    (EMAIL_ADDRESS, IP_ADDRESS, MAC_ADDRESS, CREDIT_CARD, IBAN_CODE, US_SSN, URL, the national
    IDs: `spacy_pii.detectors.detector_set.checked_labels`, derived from the registered
    detectors) is kept only if its value passes that label's detector check (spoken and
    encoded e-mails included); a failing one is dropped, not relabelled (`b1` proposed as an
    e-mail is left as it is). A model USERNAME or CREDENTIAL needs evidence in its line
    (`spacy_pii.detectors.evidence`); with evidence only for the other of the two, it takes
    that label.

    Conflict rule, when spans overlap:
    - same label and same source: the union of the spans is taken;
    - same label, a pattern span and a model span: the pattern span keeps its boundaries; the
      model span's extra characters are dropped when only punctuation, quotes or space, else
      they stay as the trimmed remainder;
    - a pattern span (a detector validated it) beats a model span of another label;
    - between two model spans, or two pattern spans, the longer one wins (ties: the
      detectors' `priority`, then the earlier start);
    - the loser keeps only its characters outside the winner (trimmed to letters and digits),
      so nothing either source flagged is left readable.
    Labels the policy does not redact (`RedactionPolicy.selects_label`: by default every
    label but the opt-in URL) and allow-listed values (and any candidate lying inside one)
    are dropped before resolution, which runs once per Doc over the model and detector spans
    together (`spacy_pii.pipeline.overlaps`): so an unselected whole-URL span never hides the e-mail
    or the name in its query string.

    Scores (`span._.pii_score`, `PIIMatch.score`): for model spans the entity's own
    `ent._.pii_score` when the NER sets one (`pii_ner`: its probability), else 1.0 (spaCy's
    greedy `ner` has no per-span probability); for pattern spans the detector's score. The
    policy's `threshold` / `thresholds` drop spans scoring under them after overlaps are
    resolved, so raising a threshold never adds a span.

    Output per Doc:
    - `doc.spans[spans_key]`: token-aligned spans (pattern matches expanded to token bounds)
      with `span._.pii_source` ("ner"/"pattern") and `span._.pii_score`;
    - `doc._.pii_matches`: `PIIMatch` tuples with the exact character offsets replaced;
    - `doc._.<redacted_attr>`: the text, with each match replaced per `policy`. A pattern
      match replaces exactly its characters (`user=[CREDENTIAL]` keeps `user=`).

    Serialization: none. The config rebuilds the component whole; the key (from the
    environment or the CLI) and the pseudonym table are never written to disk.
    """

    def __init__(
        self,
        name: str = "pii_redactor",
        *,
        labels: Optional[Sequence[str]] = None,
        spans_key: str = "pii",
        redacted_attr: str = "redacted",
        policy: Optional[RedactionPolicy] = None,
        allow_list: Optional[Iterable[str]] = None,
        patterns: Sequence[Dict[str, str]] = (),
        use_ner: bool = True,
        use_patterns: bool = True,
        phone_regions: Sequence[str] = DEFAULT_PHONE_REGIONS,
        pattern_score: Optional[float] = DEFAULT_PATTERN_SCORE,
        detectors: Optional[Sequence[str]] = None,
        countries: Optional[Sequence[str]] = None,
        scorer: Optional[Callable[..., Dict[str, Any]]] = None,
        confident_ner: float = 0.5,
    ) -> None:
        self.name = name
        self.scorer = scorer
        self.confident_ner = float(confident_ner)
        self.spans_key = spans_key
        self.redacted_attr = redacted_attr
        self.policy: RedactionPolicy = policy if policy is not None else RedactionPolicy()
        if labels is not None or allow_list is not None:
            self.policy = build_policy(self.policy, labels=labels, allow_list=allow_list, key_from_env=False,
                                       require_key=False)
        self.user_patterns: List[UserPattern] = compile_user_patterns(list(patterns))
        self.use_ner = use_ner
        self.use_patterns = use_patterns
        self.phone_regions: List[str] = check_regions(phone_regions)
        if pattern_score is not None and not 0.0 <= pattern_score <= 1.0:
            raise SpacyPIIError(
                Errors.E105.format(name="pattern_score", expected="a number from 0 to 1", value=pattern_score)
            )
        self.pattern_score = None if pattern_score is None else float(pattern_score)
        self.detector_set: DetectorSet = select_detectors(detectors, countries, self.phone_regions)
        # Every registered detector, whatever this component runs: a value is a card whatever
        # countries one redacts. Built once (listing the registry reads entry points).
        self.proposal_check: ProposalCheck = proposal_check()
        register_extensions(redacted_attr)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
        """Score the final spans (`doc.spans[spans_key]`) against the reference entities.

        examples (Iterable[Example]): predicted and reference Docs.
        RETURNS (Dict[str, Any]): `pii_p`, `pii_r`, `pii_f` and `pii_per_type` ({} without
            a scorer).
        """
        if self.scorer is None:
            return {}
        return self.scorer(examples, spans_key=self.spans_key, **kwargs)

    @property
    def labels(self) -> List[str]:
        """Labels redacted (unless set, all of the scheme but the opt-in ones): the policy's.
        Settable; set None for the default. spaCy lists these in the pipeline's meta, so this
        is always a list."""
        return [label for label in LABELS if self.policy.selects_label(label)]

    @labels.setter
    def labels(self, labels: Optional[Sequence[str]]) -> None:
        checked = None if labels is None else tuple(check_labels(list(labels)))
        self.policy = dataclasses.replace(self.policy, labels=checked)

    @property
    def allow_list(self) -> FrozenSet[str]:
        """Values never redacted (case-folded): the policy's."""
        return self.policy.allow_list

    @property
    def attr(self) -> str:
        """The Doc extension holding the redacted text (same as `redacted_attr`)."""
        return self.redacted_attr

    def __call__(self, doc: Doc) -> Doc:
        """Redact one Doc (through `pipe`, so both take the same path).

        doc (Doc): the Doc, after `ner` if the pipeline has one.
        RETURNS (Doc): the same Doc, with spans, matches and redacted text set.
        """
        return next(self.pipe([doc], batch_size=1))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Redact a stream of Docs.

        stream (Iterable[Doc]): the Docs.
        batch_size (int): Docs per batch.
        YIELDS (Doc): each Doc, in order.
        """
        # Again here, not only in __init__: a component unpickled in a worker process
        # (n_process > 1 with spawn) never ran __init__ there.
        register_extensions(self.redacted_attr)
        for batch in minibatch(stream, size=batch_size):
            yield from self._redact_batch(batch)

    def _redact_batch(self, docs: List[Doc]) -> List[Doc]:
        for doc in docs:
            redacted, matches = self.redact(doc)
            self.set_annotations(doc, matches, redacted)
        return docs

    def redact(self, doc: Doc, policy: Optional[RedactionPolicy] = None) -> Tuple[str, List[PIIMatch]]:
        """Find the PII of a Doc and replace it per a policy, without changing the Doc: the
        one redact-with-policy path (the component itself and `spacy_pii.runner.Runner`,
        which the API, the CLI, Spark and the service call).

        doc (Doc): the Doc, after `ner` if the pipeline has one.
        policy (Optional[RedactionPolicy]): the whole rule (labels, allow-list, thresholds,
            operators); None: the component's own. Derive one from the component's with
            `spacy_pii.operators.policy.effective_policy` so its labels narrow, never widen.
        RETURNS (Tuple[str, List[PIIMatch]]): the redacted text and the matches it replaced.
        """
        policy = self.policy if policy is None else policy
        matches = self.find(doc, policy)
        return policy.replace_disjoint(doc.text, [(m.start, m.end, m.label) for m in matches]), matches

    def find(self, doc: Doc, policy: Optional[RedactionPolicy] = None) -> List[PIIMatch]:
        """The final, non-overlapping PII matches of a Doc under a policy, without changing it:
        labels selected and allow-listed values dropped, overlaps resolved once, then
        thresholds applied once.

        doc (Doc): the Doc.
        policy (Optional[RedactionPolicy]): None: the component's own.
        RETURNS (List[PIIMatch]): the matches, sorted by start.
        """
        policy = self.policy if policy is None else policy
        text = doc.text
        candidates, ranks = self.candidates(doc)
        # Labels first: a span the policy leaves (the opt-in URL) must not trim away, in the
        # overlap resolution, the spans inside it that the policy redacts.
        allowed = _not_allowed(text, candidates, policy.allow_list)
        keep = [i for i in allowed if policy.selects_label(candidates[i].label)]
        candidates = [candidates[i] for i in keep]
        # The one overlap resolution of the Doc: model and detector spans together.
        resolved = resolve_overlaps(
            text,
            [(c.start, c.end, c.label) for c in candidates],
            priority=[int(c.source == "pattern") for c in candidates],
            tiebreak=[ranks[i] for i in keep],
        )
        out = []
        for start, end, label, index in resolved:
            source = candidates[index]
            if not policy.score_rule.keeps(label, source.score):
                continue
            out.append(PIIMatch(start, end, label, source.source, source.score))
        return out

    def candidates(self, doc: Doc) -> Tuple[List[PIIMatch], List[int]]:
        """Every span the NER and the detectors propose, before any selection; a model span
        is proposed only if its label tells the truth: a checked label's value passes the
        check (`spacy_pii.detectors.detector_set.validate_proposed`), a USERNAME or CREDENTIAL
        has evidence in its line, or takes the other of the two if the evidence says so
        (`spacy_pii.detectors.evidence.evidenced_label`). The NER reads
        the raw text; the detectors also read its decoded view (`spacy_pii.pipeline.views`).

        doc (Doc): the Doc.
        RETURNS (Tuple[List[PIIMatch], List[int]]): the candidates and, for each, its
            detector priority (the tie-break between pattern spans; 0 for the NER).
        """
        text = doc.text
        candidates: List[PIIMatch] = []
        ranks: List[int] = []
        if self.use_ner:
            check = self.proposal_check
            for ent in doc.ents:
                label, start, end = ent.label_, ent.start_char, ent.end_char
                # Labels outside the scheme (a generic model's ORG, GPE...) are not ours.
                if label not in LABEL_DESCRIPTIONS:
                    continue
                raw_score = ent._.get(SCORE_ATTR)
                score = NER_SCORE if raw_score is None else float(raw_score)
                # A model without probabilities (spaCy's greedy ner, a ruler) is never "sure".
                if raw_score is None or score < self.confident_ner:
                    # A failing value is dropped: its characters may still be another span's.
                    if not check.validates(label, text, start, end):
                        continue
                    evidenced = evidenced_label(label, text, start, end)
                    if evidenced is None:
                        continue
                    label = evidenced
                elif looks_like_code(label, text, start, end) or not _could_be_number(label, text[start:end]):
                    continue
                candidates.append(PIIMatch(start, end, label, "ner", score))
                ranks.append(0)
        if self.use_patterns:
            for m in find_candidates(
                text,
                regions=self.phone_regions,
                extra_patterns=self.user_patterns,
                pattern_score=self.pattern_score,
                detectors=self.detector_set,
            ):
                candidates.append(PIIMatch(m.start, m.end, m.label, "pattern", m.score))
                ranks.append(m.priority)
        return candidates, ranks

    def set_annotations(self, doc: Doc, matches: Sequence[PIIMatch], redacted: str) -> None:
        """Write spans, matches and the redacted text to a Doc.

        doc (Doc): the Doc.
        matches (Sequence[PIIMatch]): the replaced matches, from `redact`.
        redacted (str): the redacted text, from `redact`.
        """
        spans: List[Span] = []
        meta: List[Tuple[str, float]] = []
        for m in matches:
            span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                meta.append((m.source, m.score))
        doc.spans[self.spans_key] = spans
        for span, (source, score) in zip(doc.spans[self.spans_key], meta):
            span._.set(SOURCE_ATTR, source)
            span._.set(SCORE_ATTR, score)
        doc._.set(MATCHES_ATTR, list(matches))
        doc._.set(self.redacted_attr, redacted)


# A number-like label's value holds a digit or a spoken number ("four one one ..."); a sure
# model span without either (`) VALUES` as US_SSN) is no such value, however sure.
_NUMBER_EVIDENCE = re.compile(
    r"\d|\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|double|triple)\b",
    re.IGNORECASE,
)


def _could_be_number(label: str, value: str) -> bool:
    return label not in NUMBER_LIKE_LABELS or _NUMBER_EVIDENCE.search(value) is not None


def _not_allowed(text: str, candidates: List[PIIMatch], allow_list: FrozenSet[str]) -> List[int]:
    """Indices of the candidates that are not allow-listed values, nor inside one."""
    everything = list(range(len(candidates)))
    if not allow_list:
        return everything
    allowed = [(c.start, c.end) for c in candidates if text[c.start : c.end].strip().casefold() in allow_list]
    if not allowed:
        return everything
    # A model span inside an allowed e-mail ("acme.com" as ORGANIZATION) goes too.
    return [i for i, c in enumerate(candidates) if not any(s <= c.start and c.end <= e for s, e in allowed)]


def redactor_score(examples: Iterable[Example], *, spans_key: str = "pii", **kwargs: Any) -> Dict[str, Any]:
    """P/R/F1 of what the redactor replaces, overall and per label.

    The predicted spans are `doc.spans[spans_key]`; the reference's are its spans under the
    same key when it has them, else its entities (the corpus format).

    examples (Iterable[Example]): predicted and reference Docs.
    spans_key (str): the component's `spans_key`.
    RETURNS (Dict[str, Any]): `pii_p`, `pii_r`, `pii_f`, `pii_per_type`.
    """

    def spans(doc: Doc, attr: str) -> Iterable[Span]:
        return doc.spans[spans_key] if spans_key in doc.spans else doc.ents

    def annotated(doc: Doc) -> bool:
        return spans_key in doc.spans or doc.has_annotation("ENT_IOB")

    return Scorer.score_spans(examples, "pii", getter=spans, has_annotation=annotated, allow_overlap=True)


@registry.scorers("spacy-pii.redactor_scorer.v1")
def make_redactor_scorer() -> Callable[..., Dict[str, Any]]:
    """The pii_redactor scorer (`redactor_score`), for the config's `scorer` key."""
    return redactor_score


def find_redactor(nlp: Language) -> Tuple[str, PIIRedactor]:
    """The (first) pii_redactor of a pipeline.

    nlp (Language): the pipeline.
    RETURNS (Tuple[str, PIIRedactor]): its name and the component.
    RAISES (SpacyPIIError): E111, the pipeline has none.
    """
    for name, proc in nlp.pipeline:
        if isinstance(proc, PIIRedactor):
            return name, proc
    raise SpacyPIIError(Errors.E111.format(pipes=", ".join(nlp.pipe_names) or "none"))


def register_extensions(redacted_attr: str = "redacted") -> None:
    """Register the Doc and Span extensions once; a no-op when they exist.

    redacted_attr (str): name of the Doc extension for the redacted text.
    """
    # default=None, never a shared mutable default: every Doc gets its own list when set.
    for name in (redacted_attr, MATCHES_ATTR):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in (SOURCE_ATTR, SCORE_ATTR):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)

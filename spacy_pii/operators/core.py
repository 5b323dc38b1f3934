"""Redaction operators and the policy that applies them.

Each operator is a small function that turns one value into its replacement:

- `tag`: `[EMAIL_ADDRESS]`.
- `mask`: every letter and digit becomes the mask character, except the last `keep_last`
  ones (never more than half of them; by default only for cards, phones, IBANs and SSNs);
  separators stay, so `**** **** **** 1111`.
- `hash`: `[PHONE_NUMBER:3fa94c0e9b2d7a61]`, a keyed HMAC-SHA256 of the normalized value
  (whitespace collapsed, case folded), truncated to `hash_length` hex characters. Refuses to
  run without a key: an unkeyed hash of a phone number or a name is reversible by brute force.
- `pseudonym`: `<PERSON_1>`, `<PERSON_2>`... numbered per label in the order values are first
  seen by one policy object; with a key, `<PERSON_5f2a9c1b>` derived from an HMAC, so the same
  value gets the same pseudonym in every run and every process.
- `remove`: the empty string.
- `encrypt` (`spacy_pii.operators.crypto`) and `surrogate` (`spacy_pii.operators.surrogates`): reversible tokens
  and format-keeping surrogates, registered through the `spacy_pii_operators` entry points.

Operators live in a registry (`registry.operators`, entry-point group `spacy_pii_operators`):
adding one is one `@register_operator(name, needs_key=...)` function. `needs_key` is the one
rule for keys: a policy that may use such an operator refuses to run without a key
(`MissingKeyError`, E101), and the CLI and Spark check it up front (`RedactionPolicy.missing_key`).

`RedactionPolicy` says which labels are replaced and how. `RedactionPolicy.apply` replaces
each span by its character offsets in the original text (as Presidio's anonymizer does),
building the output in one pass, so the cost stays linear in the text and the number of
spans; spans that overlap are resolved first (`spacy_pii.pipeline.overlaps`).
"""
import hashlib
import hmac
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple

import catalogue

from ..errors import Errors, SpacyPIIError
from ..labels import NUMBER_LIKE_LABELS, OPT_IN_LABELS, check_labels
from ..pipeline.overlaps import is_disjoint, resolve_overlaps
from ..registry import registry
from .thresholds import Thresholds

KEY_ENV = "SPACY_PII_KEY"
PSEUDONYM_HEX = 8
# Labels whose values are numbers, where showing the last digits is common practice ("card
# ending 1111"): the number-like labels of the scheme. The global keep_last applies to these
# only, so it never reveals the end of a name or an address; keep_last_per_label can still
# set any label.
KEEP_LAST_LABELS: FrozenSet[str] = NUMBER_LIKE_LABELS


class MissingKeyError(SpacyPIIError):
    """Operators that need a key and no key: `operators` names them (never a value)."""

    def __init__(self, operators: Sequence[str]) -> None:
        self.operators = list(operators)
        what = "The operator" + ("s " if len(self.operators) > 1 else " ") + ", ".join(self.operators)
        super().__init__(Errors.E101.format(what=what))


# --- operators --------------------------------------------------------------------------


def _normalize(value: str) -> bytes:
    # The same person written "Jane  Doe" or "jane doe" gets one hash / pseudonym.
    return " ".join(value.split()).casefold().encode("utf-8")


def keyed_digest(key: bytes, value: str, label: str = "", purpose: str = "hash") -> str:
    """HMAC-SHA256 of a normalized value, as hex.

    key (bytes): the secret key.
    value (str): the value; whitespace is collapsed and case folded first.
    label (str): mixed in for pseudonyms, so PERSON and USERNAME "sam" differ.
    purpose (str): domain separation between operators.
    RETURNS (str): 64 hex characters.
    """
    message = purpose.encode() + b"\x00" + label.encode() + b"\x00" + _normalize(value)
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def tag_value(label: str) -> str:
    """`[LABEL]`."""
    return f"[{label}]"


def mask_value(value: str, mask_char: str = "*", keep_last: int = 0) -> str:
    """Mask every letter and digit, keeping separators and the last `keep_last` letters/digits.

    value (str): the value to mask.
    mask_char (str): the replacement character.
    keep_last (int): letters/digits left visible at the end; capped at half of them, so a
        short value is never shown whole.
    RETURNS (str): the masked value, same length.
    """
    n_alnum = sum(ch.isalnum() for ch in value)
    keep = min(keep_last, n_alnum // 2)
    out = []
    seen = 0
    for ch in value:
        if ch.isalnum():
            seen += 1
            out.append(ch if seen > n_alnum - keep else mask_char)
        else:
            out.append(ch)
    return "".join(out)


def hash_value(value: str, label: str, key: Optional[bytes], length: int = 16) -> str:
    """`[LABEL:hex]`, hex = HMAC-SHA256(key, normalized value)[:length].

    value (str): the value.
    label (str): the label shown in the output (not part of the hash: one value hashes the
        same whatever label it got, so records can be joined on it).
    key (Optional[bytes]): the secret key; None raises.
    length (int): hex characters kept.
    RETURNS (str): the replacement.
    """
    if not key:
        raise MissingKeyError(["hash"])
    return f"[{label}:{keyed_digest(key, value)[:length]}]"


def remove_value() -> str:
    """The empty string."""
    return ""


class Pseudonymizer:
    """Gives each distinct value of a label a stable pseudonym.

    Without a key: `<PERSON_1>`, `<PERSON_2>` in order of first sight; the table lives in this
    object (one per policy, so per stream), grows with the number of distinct values, and is
    not shared between processes. With a key: `<PERSON_5f2a9c1b>`, from an HMAC, needing no
    table and stable across runs and processes.
    """

    def __init__(self) -> None:
        self.counters: Dict[str, Dict[bytes, int]] = {}

    def __call__(self, value: str, label: str, key: Optional[bytes] = None) -> str:
        if key:
            return f"<{label}_{keyed_digest(key, value, label, 'pseudonym')[:PSEUDONYM_HEX]}>"
        seen = self.counters.setdefault(label, {})
        norm = _normalize(value)
        if norm not in seen:
            seen[norm] = len(seen) + 1
        return f"<{label}_{seen[norm]}>"


# (value, label, policy) -> replacement
OperatorFn = Callable[[str, str, "RedactionPolicy"], str]


@dataclass(frozen=True)
class Operator:
    """A redaction operator.

    name (str): the name used in options and config (`--operator NAME`).
    replace (OperatorFn): (value, label, policy) -> the replacement text.
    needs_key (bool): refuses to run without the policy's key (the one rule for keys).
    min_key_bytes (int): a policy with a shorter key is refused when it is built (E501).
    """

    name: str
    replace: OperatorFn
    needs_key: bool = False
    min_key_bytes: int = 0


def register_operator(
    name: str, *, needs_key: bool = False, min_key_bytes: int = 0
) -> Callable[[OperatorFn], OperatorFn]:
    """Decorator: register a `(value, label, policy) -> str` function as an operator.

    name (str): the operator's name (lower case).
    needs_key (bool): whether it needs the policy's key.
    min_key_bytes (int): the shortest key it accepts.
    RETURNS (Callable): the decorator; it returns the function unchanged.
    """

    def register(fn: OperatorFn) -> OperatorFn:
        registry.operators.register(name, func=Operator(name, fn, needs_key, min_key_bytes))
        return fn

    return register


def operator_names() -> Tuple[str, ...]:
    """RETURNS (Tuple[str, ...]): every registered operator name (entry points included)."""
    return tuple(sorted(registry.operators.get_all()))


def get_operator(name: str) -> Operator:
    """The registered operator of a name (a plain function registered counts as keyless).

    Called for every replaced value, so it is a dict look-up: an entry point (another
    package's operator) is loaded and registered the first time its name is asked for.

    name (str): the operator name, lower case.
    RETURNS (Operator): the operator.
    RAISES (SpacyPIIError): E100, for a name nobody registered.
    """
    found: Any = catalogue.REGISTRY.get((*registry.operators.namespace, name))
    if found is None:
        found = registry.operators.get_entry_point(name)
        if found is None:
            raise SpacyPIIError(Errors.E100.format(name=name, where="", valid=", ".join(operator_names())))
        registry.operators.register(name, func=found)
    if isinstance(found, Operator):
        return found
    return Operator(name, found, bool(getattr(found, "needs_key", False)))


@register_operator("tag")
def _tag(value: str, label: str, policy: "RedactionPolicy") -> str:
    return tag_value(label)


@register_operator("mask")
def _mask(value: str, label: str, policy: "RedactionPolicy") -> str:
    return mask_value(value, policy.mask_char, policy.keep_for(label))


@register_operator("hash", needs_key=True)
def _hash(value: str, label: str, policy: "RedactionPolicy") -> str:
    return hash_value(value, label, policy.key, policy.hash_length)


@register_operator("pseudonym")
def _pseudonym(value: str, label: str, policy: "RedactionPolicy") -> str:
    # Without a key: numbered per policy object (so per stream, per worker process).
    return policy.pseudonyms(value, label, policy.key)


@register_operator("remove")
def _remove(value: str, label: str, policy: "RedactionPolicy") -> str:
    return remove_value()


# The built-in operators (`operator_names()` lists every registered one).
OPERATOR_NAMES: Tuple[str, ...] = ("tag", "mask", "hash", "pseudonym", "remove")


def check_operator(name: str, where: str = "") -> str:
    """Validate an operator name.

    name (str): the name, any case.
    where (str): context for the message, e.g. " for label EMAIL_ADDRESS".
    RETURNS (str): the lower-cased name.
    """
    op = name.strip().lower()
    try:
        get_operator(op)
    except SpacyPIIError:
        raise SpacyPIIError(
            Errors.E100.format(name=name, where=where, valid=", ".join(operator_names()))
        ) from None
    return op


# --- policy -----------------------------------------------------------------------------


@dataclass
class RedactionPolicy:
    """Which found spans are replaced and how: an operator per label, its settings, the key
    and the pseudonym table. Picklable (for `nlp.pipe(..., n_process=2)`); the key never
    shows in repr, str or any error. Build one from options with `spacy_pii.operators.policy.build_policy`.

    operator (str): operator for labels without an entry in `per_label`.
    per_label (Dict[str, str]): label -> operator name.
    mask_char (str): the character `mask` writes.
    keep_last (int): letters/digits `mask` leaves visible at the end of the number-like
        labels (KEEP_LAST_LABELS: cards, phones, IBANs, SSNs, ...); other labels keep none.
    keep_last_per_label (Dict[str, int]): label -> keep_last, for any label.
    hash_length (int): hex characters `hash` keeps (8-64).
    key (Optional[bytes]): secret key for the operators that need one, and keyed `pseudonym`.
    labels (Optional[Tuple[str, ...]]): replace only spans of these labels (None: every label
        except the opt-in ones, `spacy_pii.labels.OPT_IN_LABELS`: URL; see `selects_label`).
        On a component this narrows its own `labels`; it cannot widen them.
    allow_list (FrozenSet[str]): values never replaced (exact match, case-insensitive).
    threshold (float): spans scoring under it are not replaced (0: every span is).
    thresholds (Dict[str, float]): label -> threshold, overriding `threshold`.
    on_surrogate (Optional[Callable[[str, str, str], None]]): told (label, value, surrogate)
        by the `surrogate` operator (`--mapping-out`); not compared, not shown.
    """

    operator: str = "tag"
    per_label: Dict[str, str] = field(default_factory=dict)
    mask_char: str = "*"
    keep_last: int = 0
    keep_last_per_label: Dict[str, int] = field(default_factory=dict)
    hash_length: int = 16
    key: Optional[bytes] = field(default=None, repr=False)
    labels: Optional[Tuple[str, ...]] = None
    allow_list: FrozenSet[str] = frozenset()
    threshold: float = 0.0
    thresholds: Dict[str, float] = field(default_factory=dict)
    on_surrogate: Optional[Callable[[str, str, str], None]] = field(default=None, repr=False, compare=False)
    score_rule: Thresholds = field(default_factory=Thresholds, init=False, repr=False, compare=False)
    pseudonyms: Pseudonymizer = field(
        default_factory=Pseudonymizer, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self.operator = check_operator(self.operator)
        per_label = {}
        for label, name in self.per_label.items():
            (checked,) = check_labels([label])
            per_label[checked] = check_operator(name, f" for label {checked}")
        self.per_label = per_label
        self.keep_last_per_label = {
            check_labels([label])[0]: n for label, n in self.keep_last_per_label.items()
        }
        if not isinstance(self.mask_char, str) or len(self.mask_char) != 1:
            length = len(self.mask_char) if isinstance(self.mask_char, str) else "no"
            raise SpacyPIIError(Errors.E104.format(length=length))
        for name, value in [("keep_last", self.keep_last), *self.keep_last_per_label.items()]:
            if not isinstance(value, int) or value < 0:
                raise SpacyPIIError(Errors.E105.format(name=name, expected="an integer >= 0", value=value))
        if not isinstance(self.hash_length, int) or not 8 <= self.hash_length <= 64:
            raise SpacyPIIError(
                Errors.E105.format(name="hash_length", expected="an integer from 8 to 64", value=self.hash_length)
            )
        if isinstance(self.key, str):
            self.key = self.key.encode("utf-8")
        if self.key is not None and not isinstance(self.key, bytes):
            raise SpacyPIIError(Errors.E114.format(type=type(self.key).__name__))
        if self.key == b"":
            self.key = None
        if self.key is not None:
            used = [get_operator(name) for name in sorted({self.operator, *self.per_label.values()})]
            short = [op for op in used if len(self.key) < op.min_key_bytes]
            if short:
                what = "the " + ", ".join(op.name for op in short) + " operator"
                raise SpacyPIIError(Errors.E501.format(what=what, min_bytes=max(op.min_key_bytes for op in short)))
        if self.labels is not None:
            self.labels = tuple(check_labels(list(self.labels)))
        self.allow_list = frozenset(v.strip().casefold() for v in self.allow_list if v.strip())
        self.score_rule = Thresholds(self.threshold, self.thresholds)
        self.threshold, self.thresholds = self.score_rule.default, dict(self.score_rule.per_label)

    def operator_for(self, label: str) -> str:
        """The operator name used for a label."""
        return self.per_label.get(label, self.operator)

    def keep_for(self, label: str) -> int:
        """Letters/digits `mask` leaves visible at the end of a value of this label."""
        if label in self.keep_last_per_label:
            return self.keep_last_per_label[label]
        return self.keep_last if label in KEEP_LAST_LABELS else 0

    def uses(self, operator: str) -> bool:
        """Whether any label may be replaced with this operator."""
        return operator == self.operator or operator in self.per_label.values()

    def missing_key(self) -> List[str]:
        """The operators this policy may use that need a key, when it has none.

        RETURNS (List[str]): sorted names; empty when nothing is missing.
        """
        if self.key:
            return []
        used = {self.operator, *self.per_label.values()}
        return sorted(name for name in used if get_operator(name).needs_key)

    def selects_label(self, label: str) -> bool:
        """Whether spans of a label are replaced: the one place that says what `labels=None`
        means (every label except the opt-in ones, which are replaced only when named).

        label (str): the label.
        RETURNS (bool): True if the policy redacts this label.
        """
        if self.labels is None:
            return label not in OPT_IN_LABELS
        return label in self.labels

    def selects(self, value: str, label: str, score: float = 1.0) -> bool:
        """Whether a span of this label, value and score is replaced (its label is selected,
        its score reaches the label's threshold and the value is not allow-listed).

        value (str): the span's text.
        label (str): its label.
        score (float): its score (`PIIMatch.score`).
        RETURNS (bool): True to replace it.
        """
        if not self.selects_label(label):
            return False
        if not self.score_rule.keeps(label, score):
            return False
        return not self.allow_list or value.strip().casefold() not in self.allow_list

    def replace(self, value: str, label: str) -> str:
        """The replacement of one value.

        value (str): the value.
        label (str): its label.
        RETURNS (str): the replacement text.
        """
        return get_operator(self.operator_for(label)).replace(value, label, self)

    def apply(self, text: str, spans: Sequence[Tuple[int, int, str]]) -> str:
        """Redact the spans of a text.

        text (str): the text.
        spans (Sequence[Tuple[int, int, str]]): (start, end, label), offsets in characters;
            the ones `selects` turns down are left as they are; spans that overlap are
            resolved first (see `spacy_pii.pipeline.overlaps.resolve_overlaps`).
        RETURNS (str): the redacted text.
        RAISES (MissingKeyError): an operator of the policy needs a key and it has none.
        """
        missing = self.missing_key()
        if missing:
            # Refuse up front, even with no span to hash: fail on the first text, not the
            # first phone number, hours into a stream.
            raise MissingKeyError(missing)
        for i, (start, end, _) in enumerate(spans):
            if not 0 <= start <= end <= len(text):
                raise SpacyPIIError(Errors.E106.format(index=i, start=start, end=end, length=len(text)))
        # Selection before overlap resolution: a span of a label not redacted (an opt-in URL)
        # must not trim away the spans inside it that are.
        spans = [s for s in spans if self.selects(text[s[0] : s[1]], s[2])]
        if not is_disjoint(spans):
            spans = [(s, e, label) for s, e, label, _ in resolve_overlaps(text, spans)]
        return self.replace_disjoint(text, spans)

    def replace_disjoint(self, text: str, spans: Sequence[Tuple[int, int, str]]) -> str:
        """Replace spans already selected and resolved (sorted, disjoint): the last step of
        `apply`, and all that `PIIRedactor.redact` needs after its one selection pass.

        text (str): the text.
        spans (Sequence[Tuple[int, int, str]]): sorted, disjoint (start, end, label).
        RETURNS (str): the redacted text.
        """
        missing = self.missing_key()
        if missing:
            raise MissingKeyError(missing)
        # Replacements are computed left to right (pseudonym numbers follow reading order),
        # all against the original offsets. The output is built in one join: splicing one
        # span at a time copies the whole text per span, quadratic on a 1 MB log line with
        # tens of thousands of spans.
        pieces: List[str] = []
        pos = 0
        for start, end, label in spans:
            pieces.append(text[pos:start])
            pieces.append(self.replace(text[start:end], label))
            pos = end
        pieces.append(text[pos:])
        return "".join(pieces)


def load_key(key_file: Optional[Path] = None) -> Optional[bytes]:
    """Load the secret key: from a file, else the SPACY_PII_KEY environment variable.

    key_file (Optional[Path]): a file holding the key; a trailing newline is stripped.
    RETURNS (Optional[bytes]): the key, or None if no file is given and the variable is unset
        or empty.
    """
    if key_file is not None:
        path = Path(key_file)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SpacyPIIError(Errors.E102.format(path=path)) from None
        except OSError as e:
            raise SpacyPIIError(Errors.E103.format(path=path, reason=type(e).__name__)) from None
        key = data.rstrip(b"\r\n")
        if not key:
            raise SpacyPIIError(Errors.E103.format(path=path, reason="the file is empty"))
        return key
    env = os.environ.get(KEY_ENV, "").rstrip("\r\n")
    return env.encode("utf-8") if env else None

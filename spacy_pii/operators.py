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

`RedactionPolicy.apply` resolves overlapping spans first, then replaces each span by its
character offsets in the original text (as Presidio's anonymizer does, right to left), building
the output in one pass, so the cost stays linear in the text and the number of spans.
"""
import bisect
import hashlib
import hmac
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from .errors import Errors, SpacyPIIError
from .labels import check_labels

KEY_ENV = "SPACY_PII_KEY"
PSEUDONYM_HEX = 8
# Labels whose values are numbers, where showing the last digits is common practice ("card
# ending 1111"). The global keep_last applies to these only, so it never reveals the end of
# a name or an address; keep_last_per_label can still set any label.
KEEP_LAST_LABELS = frozenset({"CREDIT_CARD", "PHONE_NUMBER", "IBAN_CODE", "US_SSN"})


# --- overlap resolution -----------------------------------------------------------------


def resolve_overlaps(
    text: str,
    spans: Sequence[Tuple[int, int, str]],
    priority: Optional[Sequence[int]] = None,
    tiebreak: Optional[Sequence[int]] = None,
) -> List[Tuple[int, int, str, int]]:
    """Turn possibly overlapping spans into non-overlapping ones, losing no flagged character.

    1. Spans of the same label that overlap are merged into their union (it keeps the index of
       its highest-priority member).
    2. The rest are taken best first: higher `priority`, then longer, then higher `tiebreak`,
       then earlier start. A span overlapping ones already taken keeps only its pieces outside
       them, trimmed to letters and digits at both ends; pieces with neither are dropped.
       So the winner takes the overlap, and every character that some span flagged and that
       holds a letter or digit stays covered.

    text (str): the text the offsets point into.
    spans (Sequence[Tuple[int, int, str]]): (start, end, label) character spans.
    priority (Optional[Sequence[int]]): per span; higher wins before length is compared.
    tiebreak (Optional[Sequence[int]]): per span; higher wins between equally long spans.
    RETURNS (List[Tuple[int, int, str, int]]): (start, end, label, index of the input span
        it came from), sorted by start.
    """
    prio = list(priority) if priority is not None else [0] * len(spans)
    tie = list(tiebreak) if tiebreak is not None else [0] * len(spans)
    merged = _merge_same_label(spans, prio, tie)
    merged.sort(key=lambda m: (-prio[m[3]], m[0] - m[1], -tie[m[3]], m[0]))
    taken_starts: List[int] = []
    taken: List[Tuple[int, int, str, int]] = []
    for start, end, label, index in merged:
        for piece_start, piece_end in _subtract(taken_starts, taken, start, end):
            piece_start, piece_end = _trim(text, piece_start, piece_end, start, end)
            if piece_start < piece_end:
                k = bisect.bisect_left(taken_starts, piece_start)
                taken_starts.insert(k, piece_start)
                taken.insert(k, (piece_start, piece_end, label, index))
    return taken


def _merge_same_label(
    spans: Sequence[Tuple[int, int, str]], prio: Sequence[int], tie: Sequence[int]
) -> List[Tuple[int, int, str, int]]:
    order = sorted(
        (i for i, (s, e, _) in enumerate(spans) if s < e), key=lambda i: (spans[i][2], spans[i][0])
    )
    out: List[Tuple[int, int, str, int]] = []
    for i in order:
        start, end, label = spans[i]
        if out and out[-1][2] == label and start < out[-1][1]:
            p_start, p_end, _, p_index = out[-1]
            best = i if (prio[i], tie[i]) > (prio[p_index], tie[p_index]) else p_index
            out[-1] = (p_start, max(p_end, end), label, best)
        else:
            out.append((start, end, label, i))
    return out


def _subtract(
    starts: List[int], taken: List[Tuple[int, int, str, int]], start: int, end: int
) -> List[Tuple[int, int]]:
    """Parts of [start, end) not covered by the (non-overlapping, sorted) taken spans."""
    k = bisect.bisect_left(starts, start)
    if k > 0 and taken[k - 1][1] > start:
        k -= 1
    pieces = []
    pos = start
    while k < len(taken) and taken[k][0] < end:
        t_start, t_end = taken[k][0], taken[k][1]
        if t_start > pos:
            pieces.append((pos, t_start))
        pos = max(pos, t_end)
        k += 1
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _trim(text: str, start: int, end: int, orig_start: int, orig_end: int) -> Tuple[int, int]:
    if (start, end) == (orig_start, orig_end):
        return start, end  # an untouched span keeps its exact bounds
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


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
        raise SpacyPIIError(Errors.E101.format(env=KEY_ENV))
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


# name -> (value, label, policy) -> replacement
OperatorFn = Callable[[str, str, "RedactionPolicy"], str]

OPERATORS: Dict[str, OperatorFn] = {
    "tag": lambda value, label, policy: tag_value(label),
    "mask": lambda value, label, policy: mask_value(value, policy.mask_char, policy.keep_for(label)),
    "hash": lambda value, label, policy: hash_value(value, label, policy.key, policy.hash_length),
    "pseudonym": lambda value, label, policy: policy.pseudonyms(value, label, policy.key),
    "remove": lambda value, label, policy: remove_value(),
}
OPERATOR_NAMES: Tuple[str, ...] = tuple(OPERATORS)


def check_operator(name: str, where: str = "") -> str:
    """Validate an operator name.

    name (str): the name, any case.
    where (str): context for the message, e.g. " for label EMAIL_ADDRESS".
    RETURNS (str): the lower-cased name.
    """
    op = name.strip().lower()
    if op not in OPERATORS:
        raise SpacyPIIError(
            Errors.E100.format(name=name, where=where, valid=", ".join(OPERATOR_NAMES))
        )
    return op


# --- policy -----------------------------------------------------------------------------


@dataclass
class RedactionPolicy:
    """How found spans are replaced: an operator per label, its settings, the key and the
    pseudonym table. Picklable (for `nlp.pipe(..., n_process=2)`); the key never shows in
    repr, str or any error.

    operator (str): operator for labels without an entry in `per_label`.
    per_label (Dict[str, str]): label -> operator name.
    mask_char (str): the character `mask` writes.
    keep_last (int): letters/digits `mask` leaves visible at the end of the number-like
        labels (KEEP_LAST_LABELS: cards, phones, IBANs, SSNs); other labels keep none.
    keep_last_per_label (Dict[str, int]): label -> keep_last, for any label.
    hash_length (int): hex characters `hash` keeps (8-64).
    key (Optional[bytes]): secret key for `hash` and keyed `pseudonym`.
    """

    operator: str = "tag"
    per_label: Dict[str, str] = field(default_factory=dict)
    mask_char: str = "*"
    keep_last: int = 0
    keep_last_per_label: Dict[str, int] = field(default_factory=dict)
    hash_length: int = 16
    key: Optional[bytes] = field(default=None, repr=False)
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

    def replace(self, value: str, label: str) -> str:
        """The replacement of one value.

        value (str): the value.
        label (str): its label.
        RETURNS (str): the replacement text.
        """
        return OPERATORS[self.operator_for(label)](value, label, self)

    def apply(self, text: str, spans: Sequence[Tuple[int, int, str]]) -> str:
        """Redact the spans of a text.

        text (str): the text.
        spans (Sequence[Tuple[int, int, str]]): (start, end, label), may overlap (see
            `resolve_overlaps`); offsets are characters.
        RETURNS (str): the redacted text.
        """
        if self.uses("hash") and not self.key:
            # Refuse up front, even with no span to hash: fail on the first text, not the
            # first phone number, hours into a stream.
            raise SpacyPIIError(Errors.E101.format(env=KEY_ENV))
        for i, (start, end, _) in enumerate(spans):
            if not 0 <= start <= end <= len(text):
                raise SpacyPIIError(Errors.E106.format(index=i, start=start, end=end, length=len(text)))
        resolved = resolve_overlaps(text, spans)
        # Replacements are computed left to right (pseudonym numbers follow reading order),
        # all against the original offsets. The output is built in one join: splicing one
        # span at a time copies the whole text per span, quadratic on a 1 MB log line with
        # tens of thousands of spans.
        pieces: List[str] = []
        pos = 0
        for start, end, label, _ in resolved:
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

"""Build a `RedactionPolicy` from options: the one builder the API, the CLI, Spark and the
component factory use, so an option means the same thing everywhere."""
import dataclasses
from pathlib import Path
from typing import Any, Dict, Iterable, Mapping, Optional, Sequence, Tuple, Union

from ..errors import Errors, SpacyPIIError
from ..labels import check_labels
from .core import MissingKeyError, RedactionPolicy, load_key

# The options `build_policy` takes (and `spacy_pii.redact` accepts as keywords).
POLICY_OPTIONS: Tuple[str, ...] = (
    "operator",
    "operators",
    "mask_char",
    "keep_last",
    "hash_length",
    "key",
    "key_file",
    "labels",
    "allow_list",
    "threshold",
    "thresholds",
)


def build_policy(
    base: Optional[RedactionPolicy] = None,
    *,
    operator: Optional[str] = None,
    operators: Optional[Mapping[str, str]] = None,
    mask_char: Optional[str] = None,
    keep_last: Optional[int] = None,
    hash_length: Optional[int] = None,
    key: Optional[Union[bytes, str]] = None,
    key_file: Optional[Union[str, Path]] = None,
    labels: Optional[Sequence[str]] = None,
    allow_list: Optional[Iterable[str]] = None,
    threshold: Optional[float] = None,
    thresholds: Optional[Mapping[str, float]] = None,
    key_from_env: bool = True,
    require_key: bool = True,
) -> RedactionPolicy:
    """A new policy from options; an option left None keeps the base's setting.

    base (Optional[RedactionPolicy]): the settings to start from (e.g. a component's own
        policy); None: the defaults. It is never changed, and the new policy has its own
        pseudonym table.
    operator (Optional[str]): default operator.
    operators (Optional[Mapping[str, str]]): label -> operator.
    mask_char (Optional[str]): the character `mask` writes.
    keep_last (Optional[int]): letters/digits `mask` leaves visible on number-like labels.
    hash_length (Optional[int]): hex characters `hash` keeps.
    key (Optional[Union[bytes, str]]): the secret key.
    key_file (Optional[Union[str, Path]]): a file holding the key (not with `key`).
    labels (Optional[Sequence[str]]): replace only these labels.
    allow_list (Optional[Iterable[str]]): values never replaced.
    threshold (Optional[float]): spans scoring under it are not replaced.
    thresholds (Optional[Mapping[str, float]]): label -> threshold, overriding `threshold`.
    key_from_env (bool): without key, key_file or a key on the base, read SPACY_PII_KEY.
    require_key (bool): raise now if an operator needs a key and there is none; False
        defers that to `RedactionPolicy.apply` (or to a check of `missing_key()`).
    RETURNS (RedactionPolicy): the validated policy.
    RAISES (MissingKeyError): E101, with require_key and no key for a keyed operator.
    """
    if key is not None and key_file is not None:
        raise SpacyPIIError(Errors.E404)
    changes: Dict[str, Any] = {}
    for name, value in (
        ("operator", operator),
        ("per_label", dict(operators) if operators is not None else None),
        ("mask_char", mask_char),
        ("keep_last", keep_last),
        ("hash_length", hash_length),
        ("labels", tuple(labels) if labels is not None else None),
        ("allow_list", frozenset(allow_list) if allow_list is not None else None),
        ("threshold", threshold),
        ("thresholds", dict(thresholds) if thresholds is not None else None),
    ):
        if value is not None:
            changes[name] = value
    if key_file is not None:
        changes["key"] = load_key(Path(key_file))
    elif key is not None:
        changes["key"] = key
    elif key_from_env and (base is None or base.key is None):
        changes["key"] = load_key(None)
    # replace() runs the validation again and gives the copy its own pseudonym table.
    policy = dataclasses.replace(base, **changes) if base is not None else RedactionPolicy(**changes)
    if require_key:
        missing = policy.missing_key()
        if missing:
            raise MissingKeyError(missing)
    return policy


def effective_policy(
    base: RedactionPolicy,
    *,
    labels: Optional[Sequence[str]] = None,
    allow_list: Optional[Iterable[str]] = None,
    thresholds: Optional[Mapping[str, float]] = None,
    **overrides: Any,
) -> RedactionPolicy:
    """The policy an entry point redacts with: a component's own policy (its config) plus
    a caller's overrides. The one rule every entry point follows (`spacy_pii.redact`, the
    `redact` CLI, Spark workers, the service), so one text is redacted the same way by each.

    - operator, operators, mask_char, keep_last, hash_length, key, key_file, threshold:
      an override replaces the component's setting; left None, the component's holds.
    - labels: narrow the component's labels (the intersection), never widen them.
    - allow_list: added to the component's.
    - thresholds: merged over the component's, label by label.

    base (RedactionPolicy): the component's policy (`PIIRedactor.policy`).
    labels (Optional[Sequence[str]]): redact only these (within the component's).
    allow_list (Optional[Iterable[str]]): more values never replaced.
    thresholds (Optional[Mapping[str, float]]): label -> threshold, over the component's.
    **overrides: the other keywords of `build_policy` (key_from_env, require_key included).
    RETURNS (RedactionPolicy): a new policy; `base` is never changed.
    """
    unknown = sorted(set(overrides) - set(POLICY_OPTIONS) - {"key_from_env", "require_key"})
    if unknown:
        raise SpacyPIIError(Errors.E112.format(names=", ".join(unknown), valid=", ".join(POLICY_OPTIONS)))
    if labels is not None:
        wanted = check_labels(list(labels))
        labels = [lb for lb in wanted if base.labels is None or lb in base.labels]
    if allow_list is not None:
        allow_list = set(base.allow_list) | {v.strip().casefold() for v in allow_list if v.strip()}
    if thresholds is not None:
        thresholds = {**base.thresholds, **thresholds}
    return build_policy(base, labels=labels, allow_list=allow_list, thresholds=thresholds, **overrides)

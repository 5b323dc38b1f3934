"""What replaces a found span, and with which rule: the operators (tag, mask, hash,
pseudonym, remove; encrypt and surrogate from `crypto` and `surrogates`, registered by entry
point), the `RedactionPolicy` that picks one per label, the one policy rule
(`policy.effective_policy`), score thresholds, keys, and `restore`.

The names most callers need are re-exported here (`from spacy_pii.operators import
RedactionPolicy`); the modules import one another only downwards: core <- thresholds,
keys; policy <- core; crypto, surrogates <- keys, core; restore <- crypto.
"""
from .core import (
    KEY_ENV,
    OPERATOR_NAMES,
    MissingKeyError,
    Operator,
    RedactionPolicy,
    check_operator,
    get_operator,
    load_key,
    register_operator,
)

__all__ = [
    "KEY_ENV", "OPERATOR_NAMES", "MissingKeyError", "Operator", "RedactionPolicy",
    "check_operator", "get_operator", "load_key", "register_operator",
]  # fmt: skip

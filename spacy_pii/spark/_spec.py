"""What the driver sends the workers: `WorkerSpec`, the one options dataclass, checked on
the driver by `make_spec`; and the result types both sides agree on."""
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Optional, Sequence, Tuple, Union

from ..api import DEFAULT_MODEL
from ..errors import Errors, SpacyPIIError
from ..operators.core import KEY_ENV, MissingKeyError, RedactionPolicy
from ..operators.policy import build_policy, effective_policy

# The struct the UDF returns with with_spans=True; offsets are characters (code points),
# the same unit as Spark's substring().
SPANS_TYPE = "array<struct<label:string,start:int,end:int,score:double>>"
RESULT_TYPE = f"struct<redacted:string,spans:{SPANS_TYPE}>"
SHIPPED_PREFIX = "spacy_pii_model-"
_RESULT_COL = "__spacy_pii_result"


def require_spark() -> None:
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as e:
        raise SpacyPIIError(Errors.E400.format(reason=f"{type(e).__name__}: {e.name}")) from None


# --- what the driver sends --------------------------------------------------------------


@dataclass(frozen=True)
class WorkerSpec:
    """Everything a worker needs to redact: plain values only, pickled into the UDF.

    model (str): package name or directory; with `shipped`, the SparkFiles name of the archive.
    shipped (bool): whether `model` names an archive added with `SparkContext.addFile`.
    operator (Optional[str]): default operator; None: the model's configured one.
    operators (Tuple[Tuple[str, str], ...]): (label, operator) overrides.
    labels (Optional[Tuple[str, ...]]): redact only these (narrows the component's labels).
    mask_char (Optional[str]): for `mask`; None: the policy default.
    keep_last (Optional[int]): for `mask`; None: the policy default.
    key (Optional[bytes]): the key itself (visible in the closure; prefer key_file).
    key_file (Optional[str]): path of the key, read on the executor.
    batch_size (int): texts per `nlp.pipe` batch.
    threads (int): encoder threads in the worker (its share of the executor's cores).
    """

    model: str
    shipped: bool = False
    operator: Optional[str] = None
    operators: Tuple[Tuple[str, str], ...] = ()
    labels: Optional[Tuple[str, ...]] = None
    mask_char: Optional[str] = None
    keep_last: Optional[int] = None
    key: Optional[bytes] = field(default=None, repr=False)
    key_file: Optional[str] = None
    batch_size: int = 64
    threads: int = 1

    def policy_key(self) -> Tuple[Any, ...]:
        """The cache key of the policy: the options, with the key as a digest only."""
        key_digest = hashlib.sha256(self.key).hexdigest() if self.key else None
        return (
            self.model, self.shipped, self.operator, self.operators, self.labels,
            self.mask_char, self.keep_last, key_digest, self.key_file, self.batch_size,
        )

    def policy(self, base: Optional[RedactionPolicy] = None, with_key: bool = True) -> RedactionPolicy:
        """The policy: the model's own (`base`, its pii_redactor's config) with these options
        over it (`effective_policy`, the rule every entry point follows), with the key from
        `key`, else `key_file`, else SPACY_PII_KEY.

        base (Optional[RedactionPolicy]): the component's policy; None: the defaults.
        with_key (bool): False builds it without a key (to validate options on the driver,
            where the key may not be: the executors read key_file or their environment).
        """
        return effective_policy(
            base if base is not None else RedactionPolicy(),
            operator=self.operator,
            operators=dict(self.operators) or None,
            labels=self.labels,
            mask_char=self.mask_char,
            keep_last=self.keep_last,
            key=self.key,
            key_file=self.key_file if with_key else None,
            key_from_env=with_key,
            require_key=with_key,
        )


def make_spec(
    model: Union[str, Path] = DEFAULT_MODEL,
    *,
    operator: Optional[str] = None,
    operators: Optional[Dict[str, str]] = None,
    labels: Optional[Sequence[str]] = None,
    mask_char: Optional[str] = None,
    keep_last: Optional[int] = None,
    key: Optional[Union[bytes, str]] = None,
    key_file: Optional[Union[str, Path]] = None,
    batch_size: int = 64,
    threads: int = 1,
    shipped: bool = False,
    executor_env_key: bool = False,
) -> WorkerSpec:
    """Validate the options on the driver (so a typo fails before any task runs).

    executor_env_key (bool): whether the executors are known to have SPACY_PII_KEY set.
    RETURNS (WorkerSpec): the spec for the workers.
    """
    if key is not None and key_file is not None:
        raise SpacyPIIError(Errors.E404)
    # Validated here with the one policy builder; the key is looked for on the executors.
    checked = build_policy(
        operator=operator, operators=operators, labels=labels, mask_char=mask_char,
        keep_last=keep_last, key=key, key_from_env=False, require_key=False,
    )
    missing = checked.missing_key()
    if missing and key_file is None and not os.environ.get(KEY_ENV) and not executor_env_key:
        raise MissingKeyError(missing)
    for name, value in (("batch_size", batch_size), ("threads", threads)):
        if not isinstance(value, int) or value < 1:
            raise SpacyPIIError(Errors.E105.format(name=name, expected="an integer >= 1", value=value))
    return WorkerSpec(
        model=str(model),
        shipped=shipped,
        operator=operator,
        operators=tuple(sorted(checked.per_label.items())),
        labels=checked.labels,
        mask_char=mask_char,
        keep_last=keep_last,
        key=checked.key,
        key_file=str(key_file) if key_file is not None else None,
        batch_size=batch_size,
        threads=threads,
    )



"""`redact(text)`: the one-call API."""
from functools import lru_cache
from typing import Any, Optional

from spacy.language import Language

from .errors import Errors, SpacyPIIError
from .operators.policy import POLICY_OPTIONS, effective_policy
from .pipeline.redactor import find_redactor
from .runner import Runner

__all__ = ["DEFAULT_MODEL", "redact", "load_default_pipeline", "find_redactor"]

# The pipeline used when none is given (the API, every CLI command, Spark, Presidio).
DEFAULT_MODEL = "en_pii"


@lru_cache(maxsize=1)
def load_default_pipeline() -> Language:
    """Load the default pipeline (`en_pii`) once per process.

    RETURNS (Language): the pipeline.
    """
    import spacy

    try:
        return spacy.load(DEFAULT_MODEL)
    except OSError as e:
        # spaCy's message names the package only, no input text; keep just its type.
        raise SpacyPIIError(Errors.E110.format(reason=type(e).__name__)) from None


def redact(text: str, nlp: Optional[Language] = None, **options: Any) -> str:
    """Redact PII in a text.

    text (str): the text.
    nlp (Optional[Language]): a pipeline with a pii_redactor; None loads `en_pii` (once).
    **options: override the component's policy for this call only, never changing it:
        operator (str), operators (Dict[str, str], label -> operator), mask_char (str),
        keep_last (int), hash_length (int), key (bytes or str), key_file (Path),
        labels (List[str], redact only these: narrows the component's own `labels`, cannot
        widen them), allow_list (List[str], never redact these), threshold (float, leave
        spans scoring under it), thresholds (Dict[str, float], label -> threshold).
        With options, a `pseudonym` numbering starts afresh at each call.
    RETURNS (str): the redacted text. Anything going wrong raises; unredacted text is never
        returned.
    """
    unknown = sorted(set(options) - set(POLICY_OPTIONS))
    if unknown:
        raise SpacyPIIError(Errors.E112.format(names=", ".join(unknown), valid=", ".join(POLICY_OPTIONS)))
    if nlp is None:
        nlp = load_default_pipeline()
    runner = Runner(nlp)
    # With options, a policy for this call (its own key, labels, pseudonym table) derived
    # from the component's by the one rule; nothing shared changes.
    policy = effective_policy(runner.policy, **options) if options else None
    (result,) = runner.redact([text], policy)
    return result.text

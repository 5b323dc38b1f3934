"""`redact(text)`: the one-call API."""
import dataclasses
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

from spacy.language import Language

from .errors import Errors, SpacyPIIError
from .labels import check_labels
from .operators import RedactionPolicy, load_key
from .redactor import PIIRedactor

DEFAULT_MODEL = "en_pii"
# redact() option -> RedactionPolicy field (None: not a policy field)
OPTIONS: Dict[str, Optional[str]] = {
    "operator": "operator",
    "operators": "per_label",
    "mask_char": "mask_char",
    "keep_last": "keep_last",
    "hash_length": "hash_length",
    "key": "key",
    "key_file": None,
    "labels": None,
    "allow_list": None,
}


@lru_cache(maxsize=1)
def load_default_pipeline() -> Language:
    """Load `en_pii` once per process.

    RETURNS (Language): the pipeline.
    """
    import spacy

    try:
        return spacy.load(DEFAULT_MODEL)
    except OSError as e:
        # spaCy's message names the package only, no input text; keep just its type.
        raise SpacyPIIError(Errors.E110.format(reason=type(e).__name__)) from None


def find_redactor(nlp: Language) -> Tuple[str, PIIRedactor]:
    """The (first) pii_redactor of a pipeline.

    nlp (Language): the pipeline.
    RETURNS (Tuple[str, PIIRedactor]): its name and the component.
    """
    for name, proc in nlp.pipeline:
        if isinstance(proc, PIIRedactor):
            return name, proc
    raise SpacyPIIError(Errors.E111.format(pipes=", ".join(nlp.pipe_names) or "none"))


def redact(text: str, nlp: Optional[Language] = None, **options: Any) -> str:
    """Redact PII in a text.

    text (str): the text.
    nlp (Optional[Language]): a pipeline with a pii_redactor; None loads `en_pii` (once).
    **options: override the component's policy for this call only, never changing it:
        operator (str), operators (Dict[str, str], label -> operator), mask_char (str),
        keep_last (int), hash_length (int), key (bytes or str), key_file (Path),
        labels (List[str], redact only these: narrows the component's own `labels`, cannot
        widen them), allow_list (List[str], never redact these).
        With options, a `pseudonym` numbering starts afresh at each call.
    RETURNS (str): the redacted text. Anything going wrong raises; unredacted text is never
        returned.
    """
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise SpacyPIIError(Errors.E112.format(names=", ".join(unknown), valid=", ".join(OPTIONS)))
    if nlp is None:
        nlp = load_default_pipeline()
    name, component = find_redactor(nlp)
    if not options:
        # The memory zone frees what this text added to the vocab (see `stream.nlp_redact_fn`):
        # a service calling redact() for ever keeps a flat memory. Only a str leaves it.
        with nlp.memory_zone():
            redacted = nlp(text)._.get(component.redacted_attr)
        if not isinstance(redacted, str):
            raise SpacyPIIError(Errors.E113.format(component=name, attr=component.redacted_attr))
        return redacted
    policy = _policy_for(component.policy, options)
    # Run the pipeline without the redactor (its own policy may need a key this call brings),
    # then find and replace with the call's policy. Nothing shared is mutated.
    with nlp.memory_zone():
        matches = component.find(nlp(text, disable=[name]))
    if options.get("labels") is not None:
        wanted = set(check_labels(list(options["labels"])))
        matches = [m for m in matches if m.label in wanted]
    if options.get("allow_list"):
        allowed = {v.strip().casefold() for v in options["allow_list"]}
        matches = [m for m in matches if text[m.start : m.end].strip().casefold() not in allowed]
    return policy.apply(text, [(m.start, m.end, m.label) for m in matches])


def _policy_for(base: RedactionPolicy, options: Dict[str, Any]) -> RedactionPolicy:
    changes: Dict[str, Any] = {}
    for option, value in options.items():
        field_name = OPTIONS[option]
        if field_name is not None and value is not None:
            changes[field_name] = value
    if options.get("key_file") is not None:
        changes["key"] = load_key(Path(options["key_file"]))
    # replace() builds a new policy (validated, with its own pseudonym table).
    return dataclasses.replace(base, **changes)

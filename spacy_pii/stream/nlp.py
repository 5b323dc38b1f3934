"""The stream's redaction from a spaCy pipeline: a `RedactFn` over `nlp.pipe`."""
from typing import Any, List

from .loop import RedactFn, RedactResult


def nlp_redact_fn(
    nlp: Any,
    *,
    attr: str = "redacted",
    matches_attr: str = "pii_matches",
) -> RedactFn:
    """Build a RedactFn from a pipeline that has a pii_redactor component.

    nlp (Language): the pipeline.
    attr (str): the Doc extension holding the redacted text.
    matches_attr (str): the Doc extension holding the replaced matches (label at index 2).
    RETURNS (RedactFn): the function; it raises nlp.max_length as a long text needs.
    """

    def redact(texts: List[str]) -> List[RedactResult]:
        longest = max((len(t) for t in texts), default=0)
        if longest >= nlp.max_length:
            # A long line is redacted whole, never cut: PII at its end counts too.
            nlp.max_length = longest + 1
        out: List[RedactResult] = []
        # A memory zone frees the strings and lexemes the batch added to the vocab when it
        # ends: without it, every new token of a stream (ids, addresses, e-mails) stays in
        # the StringStore for good and memory grows with the length of the input. Nothing
        # of the Docs is used after the zone; the results are plain strings.
        with nlp.memory_zone():
            for doc in nlp.pipe(texts, batch_size=max(1, len(texts))):
                redacted = doc._.get(attr)
                matches = doc._.get(matches_attr)
                if not isinstance(redacted, str) or not isinstance(matches, list):
                    # Fail closed: without both, the text may not be redacted.
                    raise TypeError("the pipeline did not set the redacted text")
                out.append((redacted, [str(m[2]) for m in matches]))
        return out

    return redact

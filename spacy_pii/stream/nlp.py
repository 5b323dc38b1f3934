"""The stream's redaction from a spaCy pipeline: a `RedactFn` over `nlp.pipe`."""
from dataclasses import dataclass
from typing import Any, List, Optional

from ..operators import RedactionPolicy
from ..redactor import find_redactor
from .loop import RedactFn, RedactResult


def nlp_redact_fn(nlp: Any, *, policy: Optional[RedactionPolicy] = None) -> RedactFn:
    """Build a RedactFn from a pipeline that has a pii_redactor component.

    The pipeline runs without its pii_redactor; the component then redacts each Doc with
    `policy` (`PIIRedactor.redact`), so the loaded component is never changed.

    nlp (Language): the pipeline.
    policy (Optional[RedactionPolicy]): how to redact; None: the component's own policy.
    RETURNS (RedactFn): the function; it raises nlp.max_length as a long text needs.
    """
    name, component = find_redactor(nlp)

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
            for doc in nlp.pipe(texts, batch_size=max(1, len(texts)), disable=[name]):
                redacted, matches = component.redact(doc, policy)
                out.append((redacted, [m.label for m in matches]))
        return out

    return redact


@dataclass(frozen=True)
class PipelineRedactFn:
    """A picklable recipe for a RedactFn: what each `--workers` process calls once to load
    its own pipeline.

    model (str): package name or pipeline directory.
    policy (Optional[RedactionPolicy]): how to redact; None: the component's own policy.
    threads (int): encoder threads in this process (0: the runtime's default).
    """

    model: str
    policy: Optional[RedactionPolicy] = None
    threads: int = 0

    def __call__(self) -> RedactFn:
        import spacy

        from ..encoder import set_encoder_threads

        nlp = spacy.load(self.model)
        set_encoder_threads(nlp, self.threads)
        return nlp_redact_fn(nlp, policy=self.policy)

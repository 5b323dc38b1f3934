"""The stream's redaction from a spaCy pipeline: a `RedactFn` over `nlp.pipe`."""
from dataclasses import dataclass
from typing import Any, List, Optional

from ..operators.core import RedactionPolicy
from ..runner import Runner
from .loop import RedactFn, RedactResult


def nlp_redact_fn(nlp: Any, *, policy: Optional[RedactionPolicy] = None) -> RedactFn:
    """Build a RedactFn from a pipeline that has a pii_redactor component: the one runner
    (`spacy_pii.runner.Runner`) with the stream's result shape.

    nlp (Language): the pipeline.
    policy (Optional[RedactionPolicy]): how to redact; None: the component's own policy.
    RETURNS (RedactFn): the function.
    """
    runner = Runner(nlp, policy=policy)

    def redact(texts: List[str]) -> List[RedactResult]:
        return [(r.text, [m.label for m in r.matches]) for r in runner.redact(texts)]

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
        runner = Runner.load(self.model, threads=self.threads, policy=self.policy)
        return nlp_redact_fn(runner.nlp, policy=runner.policy)

"""The one runner: texts in, redacted texts and their matches out, for a loaded pipeline and
a policy. The stream (`spacy-pii redact`, its `--workers`), Spark workers, the Python API
and the service all call it, so what a long-lived process needs is done once, here:

- a memory zone per batch: the strings and lexemes a batch adds to the vocab are freed when
  it ends, so a process that redacts for ever keeps a flat memory;
- `nlp.max_length` raised for a long text: it is redacted whole, never cut;
- the encoder's threads set for this process's share of the cores (`share_of_cores`), so N
  processes on a machine do not each take every core;
- the pipeline runs without its pii_redactor, which then redacts each Doc with the policy
  (`PIIRedactor.redact`): one loaded pipeline serves every option set, unchanged.
"""
import os
from typing import TYPE_CHECKING, Any, List, NamedTuple, Optional, Sequence

from .operators.core import RedactionPolicy
from .pipeline.redactor import PIIMatch, find_redactor

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Redaction", "Runner", "share_of_cores"]


class Redaction(NamedTuple):
    """One text's result: the redacted text and the matches it replaced (character offsets
    into the input text)."""

    text: str
    matches: List[PIIMatch]


def share_of_cores(processes: int, cpus: Optional[int] = None) -> int:
    """Encoder threads for one of `processes` processes sharing this machine's cores.

    processes (int): how many processes run a pipeline at once (>= 1).
    cpus (Optional[int]): cores to share; None: those this process may use.
    RETURNS (int): at least 1.
    """
    if cpus is None:
        try:
            cpus = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            cpus = os.cpu_count() or 1
    return max(1, cpus // max(1, processes))


def set_threads(nlp: "Language", threads: int) -> None:
    """Give the pipeline's encoders `threads` intra-op threads (0: the runtime's default),
    and torch as many when a torch-backed pipeline is loaded."""
    from .pipeline.encoder import set_encoder_threads

    set_encoder_threads(nlp, threads)
    if threads > 0:
        import sys

        torch = sys.modules.get("torch")  # never imported here: only limited when in use
        if torch is not None and torch.get_num_threads() != threads:
            torch.set_num_threads(threads)


class Runner:
    """A loaded pipeline with a pii_redactor, and the one way to redact texts with it.

    nlp (Language): the pipeline.
    policy (Optional[RedactionPolicy]): the default policy of `redact`; None: the
        component's own (its config).
    threads (int): encoder threads in this process (0: leave the runtime's default).
    batch_size (int): texts per `nlp.pipe` batch.
    """

    def __init__(
        self,
        nlp: "Language",
        *,
        policy: Optional[RedactionPolicy] = None,
        threads: int = 0,
        batch_size: int = 64,
    ) -> None:
        self.nlp = nlp
        self.name, self.component = find_redactor(nlp)
        self.policy: RedactionPolicy = self.component.policy if policy is None else policy
        self.batch_size = max(1, batch_size)
        if threads:
            set_threads(nlp, threads)

    @classmethod
    def load(cls, model: Any, *, threads: int = 0, **kwargs: Any) -> "Runner":
        """Load a pipeline (package name or directory) and wrap it.

        model (Union[str, Path]): what `spacy.load` takes.
        threads (int): encoder threads (0: the default).
        **kwargs: `policy`, `batch_size`.
        RETURNS (Runner): the runner.
        """
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import spacy

        return cls(spacy.load(model), threads=threads, **kwargs)

    def redact(self, texts: Sequence[str], policy: Optional[RedactionPolicy] = None) -> List[Redaction]:
        """Redact texts, in order.

        texts (Sequence[str]): the texts.
        policy (Optional[RedactionPolicy]): the whole rule for this call; None: the
            runner's. Derive it with `spacy_pii.operators.policy.effective_policy`.
        RETURNS (List[Redaction]): one per text, in order. Only plain strings and tuples
            leave the memory zone.
        """
        policy = self.policy if policy is None else policy
        nlp = self.nlp
        longest = max((len(t) for t in texts), default=0)
        if longest >= nlp.max_length:
            # A long line is redacted whole, never cut: PII at its end counts too.
            nlp.max_length = longest + 1
        out: List[Redaction] = []
        with nlp.memory_zone():
            for doc in nlp.pipe(texts, batch_size=min(self.batch_size, max(1, len(texts))), disable=[self.name]):
                redacted, matches = self.component.redact(doc, policy)
                out.append(Redaction(redacted, matches))
        return out

"""Picklable redact-function factories for the --workers tests (imported in worker processes)."""
import os
import re
from typing import Callable, List, Tuple

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
RedactResult = Tuple[str, List[str]]


def fake_redact(texts: List[str]) -> List[RedactResult]:
    """E-mails become <EMAIL_ADDRESS>; the pid of the worker is never shown."""
    return [(EMAIL.sub("<EMAIL_ADDRESS>", t), ["EMAIL_ADDRESS"] * len(EMAIL.findall(t))) for t in texts]


def make_fake() -> Callable[[List[str]], List[RedactResult]]:
    return fake_redact


def make_failing(marker: str) -> Callable[[List[str]], List[RedactResult]]:
    def redact(texts: List[str]) -> List[RedactResult]:
        if any(marker in t for t in texts):
            raise RuntimeError("detector exploded")
        return fake_redact(texts)

    return redact


def make_crashing(marker: str) -> Callable[[List[str]], List[RedactResult]]:
    def redact(texts: List[str]) -> List[RedactResult]:
        if any(marker in t for t in texts):
            os._exit(13)  # the worker process dies mid-batch
        return fake_redact(texts)

    return redact


def make_unloadable() -> Callable[[List[str]], List[RedactResult]]:
    raise OSError("model not found")

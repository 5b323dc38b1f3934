"""The `spacy-pii` command line: one typer app, one module per command.

Importing a command module registers it on `app`.
"""
import os

# Nothing may be fetched from a model hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from . import benchmark, convert, evaluate, generate, quantize, redact, restore, review, serve, spark_redact  # noqa: E402,F401
from ._app import app  # noqa: E402

__all__ = ["app"]

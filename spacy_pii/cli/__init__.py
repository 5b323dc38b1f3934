"""The `spacy-pii` command line: one typer app, one module per command.

Importing a command module registers it on `app`.
"""
import os

# Nothing may be fetched from a model hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from ._app import app  # noqa: E402
from . import generate, convert, redact, restore, evaluate, quantize, benchmark, review, spark_redact, serve  # noqa: E402,F401

__all__ = ["app"]

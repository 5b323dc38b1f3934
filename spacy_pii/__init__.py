"""spacy-pii: streaming PII redaction for spaCy."""
from . import redactor  # noqa: F401  (registers the pii_redactor factory)
from .api import redact
from .pipeline import tokenizer  # noqa: F401  (registers spacy-pii.LogTokenizer.v1, .v2)

__all__ = ["redact"]

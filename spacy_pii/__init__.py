"""spacy-pii: streaming PII redaction for spaCy."""
from .api import redact
from .pipeline import (
    redactor,  # noqa: F401  (registers the pii_redactor factory)
    tokenizer,  # noqa: F401  (registers spacy-pii.LogTokenizer.v1, .v2)
)

__all__ = ["redact"]

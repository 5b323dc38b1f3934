"""spacy-pii: streaming PII redaction for spaCy."""
from . import redactor  # noqa: F401  (registers the pii_redactor factory)
from .api import redact

__all__ = ["redact"]

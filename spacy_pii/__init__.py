"""spacy-pii: streaming PII redaction for spaCy."""

"""spacy-pii redact (being written)."""

"""spacy-pii convert (being written)."""

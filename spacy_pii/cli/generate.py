"""spacy-pii generate (being written)."""

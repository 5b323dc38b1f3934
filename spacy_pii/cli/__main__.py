"""`python -m spacy_pii.cli`: the same app as the `spacy-pii` console script."""
from . import app

app(prog_name="spacy-pii")

"""Shared fixtures: a small PII pipeline saved to disk, loadable by path like a real model."""
from pathlib import Path
from typing import Any, Dict, List

import pytest
import spacy

# entity_ruler stands in for the trained NER: a few names, places and companies.
RULER_PATTERNS: List[Dict[str, Any]] = [
    {"label": "PERSON", "pattern": "Jane Doe"},
    {"label": "PERSON", "pattern": "John Smith"},
    {"label": "PERSON", "pattern": [{"LOWER": "alice"}]},
    {"label": "LOCATION", "pattern": "Paris"},
    {"label": "LOCATION", "pattern": "New York"},
    {"label": "ORGANIZATION", "pattern": "Acme Corp"},
    {"label": "ORGANIZATION", "pattern": "Globex"},
]


def build_test_pipeline() -> Any:
    """`spacy.blank("en")` + entity_ruler + pii_redactor (tag operator, every label)."""
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(RULER_PATTERNS)
    nlp.add_pipe("pii_redactor")
    return nlp


@pytest.fixture(scope="session")
def pii_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory of the test pipeline, for `--model PATH` and `spacy.load(PATH)`."""
    path = tmp_path_factory.mktemp("models") / "pii_test_model"
    build_test_pipeline().to_disk(path)
    return path


@pytest.fixture(scope="session")
def pii_nlp(pii_model_path: Path) -> Any:
    """The test pipeline loaded back from disk (the same way the CLI loads it)."""
    return spacy.load(pii_model_path)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "spark: Spark tests on local[2] (need java and the [spark] extra, else skipped)"
    )

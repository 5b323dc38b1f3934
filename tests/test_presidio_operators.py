"""spacy-pii's encrypt/decrypt/surrogate as Presidio anonymizer operators."""
import re
from typing import List

import pytest

pytest.importorskip("presidio_anonymizer")

from presidio_anonymizer import AnonymizerEngine, DeanonymizeEngine  # noqa: E402
from presidio_anonymizer.entities import InvalidParamError, OperatorConfig, OperatorResult, RecognizerResult  # noqa: E402

from spacy_pii.operators.crypto import encrypt_value  # noqa: E402
from spacy_pii.operators.restore import restore_text  # noqa: E402
from spacy_pii.operators.surrogates import surrogate_value  # noqa: E402
from spacy_pii.presidio import SpacyPiiDecrypt, SpacyPiiEncrypt, SpacyPiiSurrogate  # noqa: E402

KEY = "test-key-0123456789-abcdef"
TEXT = "Call Jane Doe at +44 20 7946 0958 or jane.doe@example.com"
RESULTS: List[RecognizerResult] = [
    RecognizerResult("PERSON", 5, 13, 1.0),
    RecognizerResult("PHONE_NUMBER", 17, 33, 1.0),
    RecognizerResult("EMAIL_ADDRESS", 37, 57, 1.0),
]


def _engine() -> AnonymizerEngine:
    engine = AnonymizerEngine()
    engine.add_anonymizer(SpacyPiiEncrypt)
    engine.add_anonymizer(SpacyPiiSurrogate)
    return engine


def test_encrypt_then_deanonymize_and_restore() -> None:
    result = _engine().anonymize(TEXT, RESULTS, {"DEFAULT": OperatorConfig("spacy_pii_encrypt", {"key": KEY})})
    assert result.text.startswith("Call [PERSON:enc.")
    assert "Jane" not in result.text
    # The same tokens as spacy-pii's own operator, so `spacy-pii restore` reads Presidio output.
    assert encrypt_value("Jane Doe", "PERSON", KEY) in result.text
    assert restore_text(result.text, KEY) == TEXT
    deanonymizer = DeanonymizeEngine()
    deanonymizer.add_deanonymizer(SpacyPiiDecrypt)
    entities = [OperatorResult(i.start, i.end, i.entity_type, i.text, i.operator) for i in result.items]
    back = deanonymizer.deanonymize(result.text, entities, {"DEFAULT": OperatorConfig("spacy_pii_decrypt", {"key": KEY})})
    assert back.text == TEXT


def test_surrogate_operator_matches_library() -> None:
    result = _engine().anonymize(TEXT, RESULTS, {"DEFAULT": OperatorConfig("spacy_pii_surrogate", {"key": KEY})})
    expected = TEXT
    for r in sorted(RESULTS, key=lambda r: -r.start):
        expected = expected[: r.start] + surrogate_value(TEXT[r.start : r.end], r.entity_type, KEY) + expected[r.end :]
    assert result.text == expected
    assert re.search(r"@example\.(com|org|net)$", result.text)


@pytest.mark.parametrize("params", [{}, {"key": ""}, {"key": 3}])
def test_missing_key_is_an_invalid_param(params: dict) -> None:
    with pytest.raises(InvalidParamError, match="E508"):
        _engine().anonymize(TEXT, RESULTS, {"DEFAULT": OperatorConfig("spacy_pii_encrypt", params)})

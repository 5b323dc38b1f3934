"""The option parser `redact` and `spark-redact` share."""
import pytest

from spacy_pii.cli._util import UsageError, parse_operator_for


def test_parse_operator_for() -> None:
    assert parse_operator_for(["person=mask", " EMAIL_ADDRESS = hash "]) == {
        "PERSON": "mask", "EMAIL_ADDRESS": "hash"}


@pytest.mark.parametrize(
    "value,error,code",
    [("PERSON", UsageError, "E203"), ("=mask", UsageError, "E203"),
     ("NOT_A_LABEL=mask", ValueError, "E001"), ("PERSON=shred", ValueError, "E10")],
)
def test_parse_operator_for_rejects(value: str, error: type, code: str) -> None:
    with pytest.raises(error, match=code):
        parse_operator_for([value])

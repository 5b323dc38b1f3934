"""Presidio's REST API semantics without HTTP: /anonymize against Presidio's own engine (tables
from Presidio's e2e tests and a property test), the encrypt format both ways, /deanonymize,
and the analyzer's post-processing and ad-hoc recognizers."""
import json
from typing import Any, Dict, List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spacy_pii.pipeline.redactor import PIIMatch
from spacy_pii.serve import presidio_api as pa
from spacy_pii.serve import presidio_crypto

KEY16 = "1111111111111111"
LABELS = ["PERSON", "LOCATION", "PHONE_NUMBER"]


def run_anonymize(body: Dict[str, Any], keyed: Any = None) -> Dict[str, Any]:
    return pa.anonymize(*pa.parse_anonymize_body(json.loads(json.dumps(body))), keyed=keyed)


def result(start: int, end: int, entity_type: str, score: float = 0.8) -> Dict[str, Any]:
    return {"start": start, "end": end, "entity_type": entity_type, "score": score}


GW = "I'm George Washington Square Park"
JANE = "hello world, my name is Jane Doe. My number is: 034453334"

# (text, anonymizers, analyzer_results, expected text, expected items as (start, end, type, text, operator))
OVERLAP_TABLE = [
    # Presidio e2e: a span inside another is dropped (FIRST_NAME, LAST_NAME inside NAME)
    (
        JANE,
        {"DEFAULT": {"type": "replace", "new_value": "ANONYMIZED"},
         "PHONE_NUMBER": {"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": True}},
        [result(24, 32, "NAME"), result(24, 28, "FIRST_NAME"), result(29, 32, "LAST_NAME", 0.6),
         result(48, 57, "PHONE_NUMBER", 0.95)],
        "hello world, my name is ANONYMIZED. My number is: 03445****",
        [(50, 59, "PHONE_NUMBER", "03445****", "mask"), (24, 34, "NAME", "ANONYMIZED", "replace")],
    ),
    # partial overlaps of two types: both applied, the later one cut where the earlier starts
    (
        GW,
        {"NAME": {"type": "keep"}, "LOCATION": {"type": "replace"}},
        [result(4, 21, "NAME"), result(11, 33, "LOCATION")],
        "I'm George Washington<LOCATION>",
        [(21, 31, "LOCATION", "<LOCATION>", "replace"), (4, 21, "NAME", "George Washington", "keep")],
    ),
    (
        GW,
        {"NAME": {"type": "replace"}, "LOCATION": {"type": "keep"}},
        [result(4, 21, "NAME"), result(11, 33, "LOCATION")],
        "I'm <NAME>Washington Square Park",
        [(10, 32, "LOCATION", "Washington Square Park", "keep"), (4, 10, "NAME", "<NAME>", "replace")],
    ),
    (
        GW,
        {"DEFAULT": {"type": "keep"}},
        [result(4, 21, "NAME"), result(11, 33, "LOCATION")],
        "I'm George WashingtonWashington Square Park",
        [(21, 43, "LOCATION", "Washington Square Park", "keep"), (4, 21, "NAME", "George Washington", "keep")],
    ),
    # equal spans: the higher score wins, whatever the type
    (
        GW,
        {},
        [result(4, 10, "NAME", 0.4), result(4, 10, "LOCATION", 0.9)],
        "I'm <LOCATION> Washington Square Park",
        [(4, 14, "LOCATION", "<LOCATION>", "replace")],
    ),
    # overlapping results of one type merge into their union
    (
        GW,
        {},
        [result(4, 15, "LOCATION", 0.5), result(11, 33, "LOCATION", 0.7)],
        "I'm <LOCATION>",
        [(4, 14, "LOCATION", "<LOCATION>", "replace")],
    ),
    # same type, only spaces between: merged
    (
        "Jane  Doe left",
        {"PERSON": {"type": "redact"}},
        [result(0, 4, "PERSON"), result(6, 9, "PERSON")],
        " left",
        [(0, 0, "PERSON", "", "redact")],
    ),
    # empty text, no results
    ("", {"DEFAULT": {"type": "replace", "new_value": "ANONYMIZED"}}, [], "", []),
]


@pytest.mark.parametrize("text,anonymizers,results,expected_text,expected_items", OVERLAP_TABLE)
def test_anonymize_overlaps_as_presidio(
    text: str, anonymizers: Dict[str, Any], results: List[Dict[str, Any]], expected_text: str, expected_items: List[Any]
) -> None:
    out = run_anonymize({"text": text, "anonymizers": anonymizers, "analyzer_results": results})
    assert out["text"] == expected_text
    assert [(i["start"], i["end"], i["entity_type"], i["text"], i["operator"]) for i in out["items"]] == expected_items
    for item in out["items"]:
        assert out["text"][item["start"] : item["end"]] == item["text"] or item["operator"] == "keep"


@pytest.mark.parametrize("text,anonymizers,results,expected_text,expected_items", OVERLAP_TABLE)
def test_anonymize_table_matches_presidio_engine(
    text: str, anonymizers: Dict[str, Any], results: List[Dict[str, Any]], expected_text: str, expected_items: List[Any]
) -> None:
    presidio = _presidio_anonymize(text, results, anonymizers)
    ours = run_anonymize({"text": text, "anonymizers": anonymizers, "analyzer_results": results})
    assert ours == presidio


def _presidio_anonymize(text: str, results: List[Dict[str, Any]], anonymizers: Dict[str, Any]) -> Dict[str, Any]:
    engine_mod = pytest.importorskip("presidio_anonymizer")
    from presidio_anonymizer.services.app_entities_convertor import AppEntitiesConvertor

    engine = engine_mod.AnonymizerEngine()
    out = engine.anonymize(
        text=text,
        analyzer_results=AppEntitiesConvertor.analyzer_results_from_json(json.loads(json.dumps(results))),
        operators=AppEntitiesConvertor.operators_config_from_json(json.loads(json.dumps(anonymizers))),
    )
    return json.loads(out.to_json())


_spans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 8), st.sampled_from(["A", "B", "C"]), st.sampled_from([0.3, 0.5, 0.9])),
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(spans=_spans, text=st.text(alphabet="ab  .", min_size=30, max_size=40))
def test_anonymize_matches_presidio_on_random_results(spans: List[Any], text: str) -> None:
    results = [result(s, min(s + n, len(text)), t, score) for s, n, t, score in spans]
    anonymizers = {"A": {"type": "replace"}, "B": {"type": "mask", "masking_char": "#", "chars_to_mask": 3, "from_end": False},
                   "DEFAULT": {"type": "redact"}}
    assert run_anonymize({"text": text, "anonymizers": anonymizers, "analyzer_results": results}) == _presidio_anonymize(
        text, results, anonymizers
    )


@pytest.mark.parametrize(
    "body,status,message",
    [
        ({}, 400, "Invalid request json"),
        ({"text": "x", "anonymizers": {"DEFAULT": {"type": "custom", "new_value": "lambda x: x"}}, "analyzer_results": []},
         400, "Custom type anonymizer is not supported"),
        ({"text": "x"}, 422, "Invalid input, request must contain analyzer results"),
        ({"text": "abc", "analyzer_results": [result(0, 9, "A")]}, 422,
         "Invalid analyzer result, start: 0 and end: 9, while text length is only 3."),
        ({"text": "abc", "analyzer_results": [{"start": 0, "end": 1, "entity_type": "A"}]}, 422,
         "Invalid input, analyzer result must contain score"),
        ({"text": "abc", "analyzer_results": [result(2, 1, "A")]}, 422,
         "Invalid input, start index '2' must be smaller than end index '1'"),
        ({"text": "abc", "anonymizers": {"DEFAULT": {"type": "nope"}}, "analyzer_results": [result(0, 1, "A")]}, 422,
         "Invalid operator class 'nope'."),
        ({"text": "abc", "anonymizers": {"DEFAULT": {"type": "mask", "masking_char": "**", "chars_to_mask": 1,
                                                      "from_end": True}}, "analyzer_results": [result(0, 1, "A")]}, 422,
         "Invalid input, masking_char must be a character"),
        ({"text": "abc", "anonymizers": {"DEFAULT": {"type": "hash", "hash_type": "md5"}}, "analyzer_results": [result(0, 1, "A")]},
         422, "Parameter hash_type value md5 is not in range of values ['sha256', 'sha512']"),
        ({"text": "abc", "anonymizers": {"DEFAULT": {"type": "encrypt", "key": "short"}}, "analyzer_results": [result(0, 1, "A")]},
         422, "Invalid input, key must be of length 128, 192 or 256 bits"),
    ],
)
def test_anonymize_errors_as_presidio(body: Dict[str, Any], status: int, message: str) -> None:
    with pytest.raises(pa.PresidioError) as info:
        run_anonymize(body)
    assert (info.value.status, info.value.message) == (status, message)


def test_hash_with_salt_is_presidios_and_without_is_salted() -> None:
    presidio_ops = pytest.importorskip("presidio_anonymizer.operators")
    salt = "0123456789abcdef-salt"
    for hash_type in ("sha256", "sha512"):
        params = {"hash_type": hash_type, "salt": salt, "entity_type": "A"}
        assert pa._hash("Jane Doe", params) == presidio_ops.Hash().operate("Jane Doe", dict(params))
    # no salt: a random one per value, as Presidio >= 2.2.358 does
    assert pa._hash("Jane Doe", {}) != pa._hash("Jane Doe", {})


def test_encrypt_interop_with_presidio_both_ways() -> None:
    presidio_ops = pytest.importorskip("presidio_anonymizer.operators")
    for key in (KEY16, "k" * 24, "K" * 32):
        theirs = presidio_ops.Encrypt().operate("Jane Doe ☃", {"key": key})
        assert presidio_crypto.decrypt(key, theirs) == "Jane Doe ☃"
        ours = presidio_crypto.encrypt(key, "Jane Doe ☃")
        assert presidio_ops.Decrypt().operate(ours, {"key": key}) == "Jane Doe ☃"
    # Presidio's own e2e value
    assert presidio_crypto.decrypt(KEY16, "e6HnOMnIxbd4a8Qea44LshQDnjvxwzBIaAz+YqHNnMW2mC5r3AWoay8Spsoajyyy") == (
        "text_for_encryption"
    )


def test_decrypt_with_a_wrong_key_fails_without_the_value() -> None:
    token = presidio_crypto.encrypt(KEY16, "Jane Doe")
    with pytest.raises(presidio_crypto.PresidioDecryptError) as info:
        presidio_crypto.decrypt("2" * 16, token)
    assert "Jane" not in str(info.value) and KEY16 not in str(info.value)


def test_encrypt_then_deanonymize_round_trip() -> None:
    text = "Lorem Ipsum is a Software Engineer"
    anonymized = run_anonymize(
        {"text": text, "anonymizers": {"DEFAULT": {"type": "encrypt", "key": KEY16},
                                       "TITLE": {"type": "encrypt", "key": "2" * 16}},
         "analyzer_results": [result(0, 12, "NAME"), result(18, len(text), "TITLE")]}
    )
    back = pa.deanonymize(
        {"text": anonymized["text"], "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": KEY16},
                                                       "TITLE": {"type": "decrypt", "key": "2" * 16}},
         "anonymizer_results": [{k: i[k] for k in ("start", "end", "entity_type")} for i in anonymized["items"]]}
    )
    assert back["text"] == text
    assert sorted(i["text"] for i in back["items"]) == ["Lorem Ipsum ", "oftware Engineer"]


@pytest.mark.parametrize(
    "body,expected",
    [
        ({"text": "abc"}, {"text": "abc", "items": []}),
        ({"key": KEY16}, {"text": "", "items": []}),
    ],
)
def test_deanonymize_without_results(body: Dict[str, Any], expected: Dict[str, Any]) -> None:
    assert pa.deanonymize(body) == expected


def test_deanonymize_empty_body_and_bad_key() -> None:
    with pytest.raises(pa.PresidioError) as info:
        pa.deanonymize({})
    assert (info.value.status, info.value.message) == (400, "Invalid request json")
    with pytest.raises(pa.PresidioError) as info:
        pa.deanonymize({"text": "abc", "deanonymizers": {"N": {"type": "decrypt", "key": "invalidkey"}},
                        "anonymizer_results": [{"start": 0, "end": 3, "entity_type": "N"}]})
    assert (info.value.status, info.value.message) == (422, "Invalid input, key must be of length 128, 192 or 256 bits")


def test_keyed_operators_take_the_server_key_only() -> None:
    keyed = pa.KeyedOperators(b"server-key-0123456789-abcdefghij")
    body = {"text": "Call Jane Doe now", "anonymizers": {"PERSON": {"type": "pseudonym"}},
            "analyzer_results": [result(5, 13, "PERSON")]}
    first = run_anonymize(body, keyed)
    assert first == run_anonymize(body, keyed)  # keyed: the same value, the same pseudonym
    assert first["text"].startswith("Call <PERSON_") and "Jane" not in first["text"]
    body["anonymizers"] = {"PERSON": {"type": "pseudonym", "key": "from-the-request-0123456789"}}
    with pytest.raises(pa.PresidioError) as info:
        run_anonymize(body, keyed)
    assert info.value.status == 422 and "from-the-request" not in info.value.message
    body["anonymizers"] = {"PERSON": {"type": "surrogate"}}
    with pytest.raises(pa.PresidioError) as info:
        run_anonymize(body, pa.KeyedOperators(None))
    assert info.value.status == 422 and "E809" in info.value.message


# --- analyzer -------------------------------------------------------------------------------


def analyze(body: Dict[str, Any], matches: List[PIIMatch]) -> List[Dict[str, Any]]:
    request = pa.parse_analyze_request(json.loads(json.dumps(body)), LABELS)
    return pa.analyze_text(request.texts[0], request, matches)


DL = "John Smith drivers license is AC432223. Zip code: 10023"
ZIP = {"name": "Zip code Recognizer", "supported_language": "en",
       "patterns": [{"name": "zip code (weak)", "regex": "(\\b\\d{5}(?:\\-\\d{4})?\\b)", "score": 0.01}],
       "supported_entity": "ZIP"}


def test_analyze_sorted_by_score_with_presidio_fields() -> None:
    out = analyze({"text": DL, "language": "en", "ad_hoc_recognizers": [ZIP]}, [PIIMatch(0, 10, "PERSON", "ner", 0.85)])
    assert [(r["entity_type"], r["start"], r["end"], r["score"]) for r in out] == [
        ("PERSON", 0, 10, 0.85), ("ZIP", 50, 55, 0.01)
    ]
    assert set(out[0]) == {"entity_type", "start", "end", "score", "analysis_explanation"}
    assert out[0]["analysis_explanation"] is None


def test_ad_hoc_context_raises_the_score_as_presidio() -> None:
    out = analyze({"text": DL, "language": "en", "ad_hoc_recognizers": [dict(ZIP, context=["zip", "code"])],
                   "return_decision_process": True}, [])
    assert [(r["entity_type"], r["score"]) for r in out] == [("ZIP", 0.4)]
    explanation = out[0]["analysis_explanation"]
    assert explanation["supportive_context_word"] == "zip" and explanation["original_score"] == 0.01
    assert explanation["recognizer"] == "Zip code Recognizer"


def test_ad_hoc_deny_list() -> None:
    rec = {"name": "Mr. Recognizer", "supported_language": "en", "deny_list": ["Mr.", "Mister"], "supported_entity": "MR_TITLE"}
    out = analyze({"text": "Mr. John Smith's drivers license", "language": "en", "ad_hoc_recognizers": [rec]},
                  [PIIMatch(4, 14, "PERSON", "ner", 0.85)])
    assert [(r["entity_type"], r["start"], r["end"], r["score"]) for r in out] == [
        ("MR_TITLE", 0, 3, 1.0), ("PERSON", 4, 14, 0.85)
    ]


def test_threshold_entities_and_allow_list() -> None:
    matches = [PIIMatch(0, 10, "PERSON", "ner", 0.85), PIIMatch(30, 38, "LOCATION", "ner", 0.5)]
    assert [r["entity_type"] for r in analyze({"text": DL, "language": "en", "score_threshold": 0.7}, matches)] == ["PERSON"]
    assert [r["entity_type"] for r in analyze({"text": DL, "language": "en", "allow_list": ["John Smith"]}, matches)] == [
        "LOCATION"
    ]
    assert [r["entity_type"] for r in analyze({"text": DL, "language": "en", "allow_list": ["^john"],
                                               "allow_list_match": "regex"}, matches)] == ["LOCATION"]
    # exact allow-listing is case-sensitive, as Presidio's
    assert len(analyze({"text": DL, "language": "en", "allow_list": ["john smith"]}, matches)) == 2
    request = pa.parse_analyze_request({"text": DL, "language": "en", "entities": ["PERSON", "ZIP"]}, LABELS)
    assert pa.model_labels(request, LABELS) == ["PERSON"]


def test_contained_same_type_result_dropped() -> None:
    matches = [PIIMatch(0, 10, "PERSON", "ner", 0.85)]
    rec = {"supported_entity": "PERSON", "deny_list": ["John"]}
    out = analyze({"text": DL, "language": "en", "ad_hoc_recognizers": [dict(rec, deny_list_score=0.5)]}, matches)
    assert [(r["start"], r["end"]) for r in out] == [(0, 10)]


@pytest.mark.parametrize(
    "body,status,message",
    [
        ({}, 500, "No text provided"),
        ({"language": "en"}, 500, "No text provided"),
        ({"text": "", "language": "en"}, 500, "No text provided"),
        ({"text": "John"}, 500, "No language provided"),
        ({"text": "John", "language": "zz"}, 500, "No matching recognizers were found to serve the request."),
        ({"text": "John", "language": "en", "entities": ["NOPE"]}, 500,
         "No matching recognizers were found to serve the request."),
        ({"text": "John", "language": "en", "ad_hoc_recognizers": [
            {"name": "Zip", "patterns": [{"type": "zip", "bebex": "\\d", "confidence": 0.01}], "supported_entity": "ZIP"}]},
         400, "Failed to parse /analyze request for AnalyzerEngine.analyze(). "
              "Pattern.__init__() got an unexpected keyword argument 'type'"),
        ([1, 2], 400, pa.BAD_REQUEST),
    ],
)
def test_analyze_errors_as_presidio(body: Any, status: int, message: str) -> None:
    with pytest.raises(pa.PresidioError) as info:
        pa.parse_analyze_request(body, LABELS)
    assert (info.value.status, info.value.message) == (status, message)


def test_remove_duplicates_matches_presidio() -> None:
    presidio = pytest.importorskip("presidio_analyzer")
    raw = [("A", 0, 10, 0.5), ("A", 2, 5, 0.4), ("A", 2, 5, 0.6), ("B", 2, 5, 0.3), ("A", 0, 10, 0.5), ("B", 8, 12, 0.0),
           ("B", 1, 3, 0.9), ("A", 9, 14, 0.7)]
    ours = pa.remove_duplicates([pa.AnalyzerResult(t, s, e, sc, None, "x") for t, s, e, sc in raw])
    theirs = presidio.EntityRecognizer.remove_duplicates([presidio.RecognizerResult(t, s, e, sc) for t, s, e, sc in raw])
    assert [(r.entity_type, r.start, r.end, r.score) for r in ours] == [
        (r.entity_type, r.start, r.end, r.score) for r in theirs
    ]

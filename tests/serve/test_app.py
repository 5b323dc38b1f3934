"""The service in process (Starlette's TestClient, a small pipeline built in the test): each
endpoint's request and response shape with errors and empty input, /redact's forms and
options, limits, auth, readiness, and that no request text reaches a log or an error body."""
import logging
import sys
import threading
import warnings
from pathlib import Path
from typing import Any, Iterator, List, Optional, Sequence

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from conftest import build_test_pipeline  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x prefers httpx2 for its test client
    from starlette.testclient import TestClient  # noqa: E402

from spacy_pii.runner import Redaction, Runner  # noqa: E402
from spacy_pii.serve.app import ServeSettings, create_app  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SECRET = "Jane Doe"
TEXT = f"Call {SECRET} at jane.doe@example.com in Paris"
KEY = b"server-key-0123456789-abcdefghijklmnop"
WAIT = 600  # most polls of 0.05 s for a state change (30 s), never a timing assertion


class GatedRunner(Runner):
    """A runner that holds every batch with a text containing GATE until released."""

    def __init__(self, nlp: Any) -> None:
        super().__init__(nlp)
        self.entered = threading.Event()
        self.release = threading.Event()

    def redact(self, texts: Sequence[str], policy: Any = None) -> List[Redaction]:
        if any("GATE" in t for t in texts):
            self.entered.set()
            self.release.wait(30)
        return super().redact(texts, policy)


@pytest.fixture(scope="module")
def runner() -> GatedRunner:
    return GatedRunner(build_test_pipeline())


def make_client(runner: Runner, **settings: Any) -> TestClient:
    return TestClient(create_app(ServeSettings(runner=runner, **settings)))


def wait_ready(client: TestClient) -> None:
    for _ in range(WAIT):
        if client.get("/health").status_code == 200:
            return
        threading.Event().wait(0.05)
    raise AssertionError("the service never became ready")


@pytest.fixture(scope="module")
def client(runner: GatedRunner) -> Iterator[TestClient]:
    with make_client(runner, key=KEY) as c:
        wait_ready(c)
        yield c


# --- analyzer ---------------------------------------------------------------------------------


def test_health(client: TestClient) -> None:
    r = client.get("/health")
    assert (r.status_code, r.text) == (200, "spacy-pii service is up")


def test_analyze_shape_and_order(client: TestClient) -> None:
    r = client.post("/analyze", json={"text": TEXT, "language": "en"})
    assert r.status_code == 200
    results = r.json()
    assert {tuple(sorted(x)) for x in results} == {("analysis_explanation", "end", "entity_type", "score", "start")}
    assert {(x["entity_type"], TEXT[x["start"] : x["end"]]) for x in results} == {
        ("PERSON", SECRET), ("EMAIL_ADDRESS", "jane.doe@example.com"), ("LOCATION", "Paris")
    }
    scores = [(-x["score"], x["start"]) for x in results]
    assert scores == sorted(scores)
    assert all(x["analysis_explanation"] is None for x in results)


def test_analyze_batch_entities_threshold_and_decision_process(client: TestClient) -> None:
    r = client.post("/analyze", json={"text": [TEXT, "nothing here"], "language": "en", "entities": ["PERSON"],
                                      "return_decision_process": True, "correlation_id": "abc"})
    assert r.status_code == 200
    first, second = r.json()
    assert [x["entity_type"] for x in first] == ["PERSON"] and second == []
    assert first[0]["analysis_explanation"]["recognizer"] == "EnPiiRecognizer"
    r = client.post("/analyze", json={"text": TEXT, "language": "en", "score_threshold": 0.9})
    assert all(x["score"] >= 0.9 for x in r.json())


def test_analyze_ad_hoc_recognizer_beside_the_model(client: TestClient) -> None:
    zip_rec = {"name": "Zip", "supported_language": "en", "supported_entity": "ZIP", "context": ["zip"],
               "patterns": [{"name": "zip", "regex": "\\b\\d{5}\\b", "score": 0.01}]}
    r = client.post("/analyze", json={"text": f"{SECRET}, zip 10023", "language": "en", "ad_hoc_recognizers": [zip_rec]})
    assert r.status_code == 200
    assert [(x["entity_type"], x["score"]) for x in r.json()] == [("PERSON", 1.0), ("ZIP", 0.4)]


@pytest.mark.parametrize(
    "body,status,error",
    [
        ({}, 500, "No text provided"),
        ({"text": "", "language": "en"}, 500, "No text provided"),
        ({"text": []}, 500, "No text provided"),
        ({"text": TEXT}, 500, "No language provided"),
        ({"text": TEXT, "language": "de"}, 500, "No matching recognizers were found to serve the request."),
    ],
)
def test_analyze_errors(client: TestClient, body: Any, status: int, error: str) -> None:
    r = client.post("/analyze", json=body)
    assert (r.status_code, r.json()) == (status, {"error": error})


def test_bad_json_is_400_without_the_body(client: TestClient) -> None:
    for path in ("/analyze", "/anonymize", "/redact"):
        r = client.post(path, content=f'{{"text": "{SECRET}",'.encode(), headers={"content-type": "application/json"})
        assert r.status_code == 400 and SECRET not in r.text and "error" in r.json()


def test_recognizers_and_supported_entities(client: TestClient) -> None:
    assert client.get("/recognizers").json() == ["EnPiiRecognizer"]
    entities = client.get("/supportedentities", params={"language": "en"}).json()
    assert {"PERSON", "EMAIL_ADDRESS", "CREDIT_CARD"} <= set(entities)
    r = client.get("/supportedentities", params={"language": "he"})
    assert (r.status_code, r.json()) == (500, {"error": "No matching recognizers were found to serve the request."})


# --- anonymizer -------------------------------------------------------------------------------


def test_anonymize_presidio_example(client: TestClient) -> None:
    body = {
        "text": "hello world, my name is Jane Doe. My number is: 034453334",
        "anonymizers": {"DEFAULT": {"type": "replace", "new_value": "ANONYMIZED"},
                        "PHONE_NUMBER": {"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": True}},
        "analyzer_results": [{"start": 24, "end": 32, "score": 0.8, "entity_type": "NAME"},
                             {"start": 24, "end": 28, "score": 0.8, "entity_type": "FIRST_NAME"},
                             {"start": 48, "end": 57, "score": 0.95, "entity_type": "PHONE_NUMBER"}],
    }
    r = client.post("/anonymize", json=body)
    assert r.status_code == 200
    assert r.json() == {
        "text": "hello world, my name is ANONYMIZED. My number is: 03445****",
        "items": [
            {"start": 50, "end": 59, "entity_type": "PHONE_NUMBER", "text": "03445****", "operator": "mask", "score": 0.95},
            {"start": 24, "end": 34, "entity_type": "NAME", "text": "ANONYMIZED", "operator": "replace", "score": 0.8},
        ],
    }


def test_anonymize_empty_text_and_errors(client: TestClient) -> None:
    r = client.post("/anonymize", json={"text": "", "anonymizers": {}, "analyzer_results": []})
    assert (r.status_code, r.json()) == (200, {"text": "", "items": []})
    r = client.post("/anonymize", json={})
    assert (r.status_code, r.json()) == (400, {"error": "Invalid request json"})
    r = client.post("/anonymize", json={"text": "abc", "anonymizers": {"DEFAULT": {"type": "mask"}},
                                        "analyzer_results": [{"start": 0, "end": 2, "score": 1, "entity_type": "X"}]})
    assert (r.status_code, r.json()) == (422, {"error": "Expected parameter masking_char"})


def test_encrypt_then_deanonymize_over_http(client: TestClient) -> None:
    key = "1111111111111111"
    r = client.post("/anonymize", json={"text": TEXT, "anonymizers": {"DEFAULT": {"type": "encrypt", "key": key}},
                                        "analyzer_results": [{"start": 5, "end": 13, "score": 1, "entity_type": "PERSON"}]})
    anonymized = r.json()
    assert SECRET not in anonymized["text"]
    item = anonymized["items"][0]
    r = client.post("/deanonymize", json={
        "text": anonymized["text"], "deanonymizers": {"PERSON": {"type": "decrypt", "key": key}},
        "anonymizer_results": [{"start": item["start"], "end": item["end"], "entity_type": "PERSON"}]})
    assert r.status_code == 200 and r.json()["text"] == TEXT
    r = client.post("/deanonymize", json={
        "text": anonymized["text"], "deanonymizers": {"PERSON": {"type": "decrypt", "key": "2" * 16}},
        "anonymizer_results": [{"start": item["start"], "end": item["end"], "entity_type": "PERSON"}]})
    assert r.status_code == 500 and SECRET not in r.text


def test_operator_lists(client: TestClient) -> None:
    assert client.get("/anonymizers").json() == ["encrypt", "hash", "keep", "mask", "redact", "replace",
                                                  "surrogate", "pseudonym"]
    assert client.get("/deanonymizers").json() == ["decrypt", "deanonymize_keep"]


# --- /redact ----------------------------------------------------------------------------------


def test_redact_text_and_texts(client: TestClient) -> None:
    r = client.post("/redact", json={"text": TEXT})
    assert r.json() == {"text": "Call [PERSON] at [EMAIL_ADDRESS] in [LOCATION]"}
    r = client.post("/redact", json={"texts": [TEXT, "", "Alice"], "labels": ["PERSON"]})
    assert r.json() == {"texts": ["Call [PERSON] at jane.doe@example.com in Paris", "", "[PERSON]"]}
    r = client.post("/redact", params={"operator": "mask", "labels": "LOCATION"}, json={"text": TEXT})
    assert r.json() == {"text": f"Call {SECRET} at jane.doe@example.com in *****"}
    assert client.post("/redact", json={"text": ""}).json() == {"text": ""}


def test_redact_keyed_operator_uses_the_server_key(client: TestClient, runner: Runner) -> None:
    r = client.post("/redact", json={"text": TEXT, "operator": "pseudonym", "labels": ["PERSON"]})
    first = r.json()["text"]
    assert first.startswith("Call <PERSON_") and SECRET not in first
    assert client.post("/redact", json={"text": TEXT, "operator": "pseudonym", "labels": ["PERSON"]}).json()["text"] == first
    with make_client(runner) as no_key:
        wait_ready(no_key)
        r = no_key.post("/redact", json={"text": TEXT, "operator": "hash"})
        assert r.status_code == 400 and "E809" in r.json()["error"]


@pytest.mark.parametrize(
    "params,body,fragment",
    [
        ({"operator": "nope"}, {"text": TEXT}, "E100"),
        ({"labels": "NOT_A_LABEL"}, {"text": TEXT}, "E001"),
        ({"threshold": "2"}, {"text": TEXT}, "threshold"),
        ({}, {"texts": "not a list"}, "texts"),
        ({}, {"nothing": 1}, "text"),
    ],
)
def test_redact_bad_options_are_400(client: TestClient, params: Any, body: Any, fragment: str) -> None:
    r = client.post("/redact", params=params, json=body)
    assert r.status_code == 400 and fragment in r.json()["error"] and SECRET not in r.text


def test_redact_ndjson_lines_in_order(client: TestClient) -> None:
    lines = [f'"{SECRET} {i}"' if i % 3 == 0 else
             (f'{{"user": "{SECRET}", "n": {i}}}' if i % 3 == 1 else f"plain {SECRET} {i}")
             for i in range(150)]
    r = client.post("/redact", content=("\n".join(lines) + "\n").encode(), headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    out = r.text.split("\n")
    assert out[-1] == "" and len(out) == 151
    for i, line in enumerate(out[:-1]):
        if i % 3 == 0:
            assert line == f'"[PERSON] {i}"'
        elif i % 3 == 1:
            assert line == f'{{"user":"[PERSON]","n":{i}}}'
        else:
            assert line == f'"plain [PERSON] {i}"'
    empty = client.post("/redact", content=b"", headers={"content-type": "application/x-ndjson"})
    assert (empty.status_code, empty.text) == (200, "")


def test_redact_order_under_concurrent_requests(client: TestClient) -> None:
    n = 24
    answers: List[Optional[Any]] = [None] * n

    def call(i: int) -> None:
        names = ["Alice", SECRET, "John Smith"]
        answers[i] = client.post("/redact", json={"texts": [f"{i} {names[j % 3]} {j}" for j in range(i % 5 + 1)]}).json()

    threads = [threading.Thread(target=call, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for i, answer in enumerate(answers):
        assert answer == {"texts": [f"{i} [PERSON] {j}" for j in range(i % 5 + 1)]}


# --- limits, auth, readiness, logs ------------------------------------------------------------


def test_body_and_line_limits_are_413(runner: Runner) -> None:
    with make_client(runner, max_body_bytes=200, max_line_chars=50) as c:
        wait_ready(c)
        r = c.post("/redact", json={"text": SECRET + " " * 300})
        assert r.status_code == 413 and "E800" in r.json()["error"] and SECRET not in r.text
        r = c.post("/redact", json={"texts": ["ok", SECRET + "x" * 60]})
        assert r.status_code == 413 and "E801" in r.json()["error"] and SECRET not in r.text
        r = c.post("/analyze", json={"text": SECRET + "x" * 60, "language": "en"})
        assert r.status_code == 413
        r = c.post("/redact", content=("x\n" + "y" * 60 + "\n").encode(), headers={"content-type": "application/x-ndjson"})
        assert r.status_code == 413 and "E801" in r.json()["error"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it comes
            for _ in range(10):
                yield b"x" * 50

        r = c.post("/redact", content=chunks(), headers={"content-type": "application/x-ndjson"})
        assert r.status_code == 413


def test_concurrency_limit_is_503_with_retry_after(runner: GatedRunner) -> None:
    runner.entered.clear()
    runner.release.clear()
    with make_client(runner, max_concurrency=1) as c:
        wait_ready(c)
        held: List[Any] = []
        t = threading.Thread(target=lambda: held.append(c.post("/redact", json={"text": f"GATE {SECRET}"})))
        t.start()
        try:
            assert runner.entered.wait(30)
            r = c.post("/redact", json={"text": SECRET})
            assert r.status_code == 503 and r.headers["retry-after"] == "1" and "E802" in r.json()["error"]
            assert c.get("/health").status_code == 200  # probes are never refused
        finally:
            runner.release.set()
            t.join(30)
        assert held[0].json() == {"text": "GATE [PERSON]"}
        assert c.post("/redact", json={"text": SECRET}).status_code == 200


def test_bearer_auth(runner: Runner, tmp_path: Path) -> None:
    with make_client(runner, api_key=b"s3cret-token") as c:
        assert c.get("/health").status_code in (200, 503)  # probes need no key
        wait_ready(c)
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret-token"}):
            r = c.post("/redact", json={"text": SECRET}, headers=headers)
            assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
            assert SECRET not in r.text
        r = c.post("/redact", json={"text": SECRET}, headers={"Authorization": "Bearer s3cret-token"})
        assert r.json() == {"text": "[PERSON]"}
        assert c.get("/supportedentities").status_code == 401


def test_health_is_503_until_the_model_is_loaded() -> None:
    from spacy_pii.serve import app as app_module

    loaded = threading.Event()

    def slow_runner() -> Runner:
        loaded.wait(30)
        return Runner(build_test_pipeline())

    service_app = app_module.create_app(ServeSettings(runner=None, workers=0))
    service_app.state.service.pool._factory = slow_runner
    with TestClient(service_app) as c:
        r = c.get("/health")
        assert r.status_code == 503 and r.headers["retry-after"] == "1" and "E804" in r.json()["error"]
        r = c.post("/redact", json={"text": SECRET})
        assert r.status_code == 503 and r.headers["retry-after"] == "1" and SECRET not in r.text
        loaded.set()
        wait_ready(c)
        assert c.post("/redact", json={"text": SECRET}).json() == {"text": "[PERSON]"}


def test_no_request_text_in_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        client.post("/redact", params={"operator": "mask"}, json={"text": TEXT})
        client.post("/analyze", json={"text": TEXT, "language": "en"})
        client.post("/anonymize", json={"text": TEXT, "analyzer_results": [{"start": 0, "end": 999, "score": 1,
                                                                            "entity_type": "X"}]})
        client.post("/redact", content=TEXT.encode(), headers={"content-type": "text/plain"})
    # the server's records (the test client's own httpx log shows the URL it sent)
    messages = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    assert any("POST /redact 200" in m for m in messages)
    assert any("POST /redact 415" in m for m in messages)
    assert not [m for m in messages if SECRET in m or "jane.doe" in m or "operator=" in m]


def test_forward_url_passes_on_only_redacted_lines(runner: Runner) -> None:
    import http.server

    received: List[bytes] = []
    answers = [200]

    class Sink(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            received.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(answers[0])
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    sink = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    thread = threading.Thread(target=sink.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{sink.server_address[1]}/in"
        with make_client(runner, forward_url=url) as c:
            wait_ready(c)
            body = f'{{"msg": "{SECRET} logged in"}}\n"{SECRET}"\n'.encode()
            r = c.post("/redact", content=body, headers={"content-type": "application/x-ndjson"})
            assert r.status_code == 200
            assert received == [b'{"msg":"[PERSON] logged in"}\n"[PERSON]"\n'] == [r.content]
            answers[0] = 503  # the next hop refuses: 502, so the shipper retries
            r = c.post("/redact", content=body, headers={"content-type": "application/x-ndjson"})
            assert r.status_code == 502 and "E818" in r.json()["error"] and SECRET not in r.text
    finally:
        sink.shutdown()
        sink.server_close()
    with make_client(runner, forward_url="http://127.0.0.1:9/nothing-listens") as c:
        wait_ready(c)
        r = c.post("/redact", content=f"{SECRET}\n".encode(), headers={"content-type": "application/x-ndjson"})
        assert r.status_code == 502 and SECRET not in r.text

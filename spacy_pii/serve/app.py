"""The `spacy-pii serve` ASGI app: Presidio's analyzer and anonymizer REST APIs on one server,
and POST /redact for log shippers.

Starlette, served by uvicorn: a small ASGI toolkit with streaming request and response
bodies, lifespan hooks and a test client, and nothing on the request path that we do not
call ourselves (no pydantic models to validate and re-serialize each body: Presidio's
loose field rules are kept by hand in `presidio_api`, and bodies are parsed with orjson).
FastAPI would add that layer and its schema generation for no gain here.

Every route is wrapped so that an unexpected exception becomes a 500 whose body and log line
carry the exception's type only: an exception message, a traceback or an access log may
quote a request's text, and none of them is ever written. The access log has the method,
the path (no query string), the status and the time.
"""
import asyncio
import hmac
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Errors
from ..labels import LABELS
from ..operators.core import MissingKeyError
from ..operators.policy import build_policy
from ..runner import Redaction, Runner
from ..stream.jsonl import PreparedLine
from ..stream.reading import Line
from . import presidio_api as pa
from .batching import InProcessPool, MicroBatcher, PolicySpec, ProcessPool, WorkerFailed, make_spec

logger = logging.getLogger("spacy_pii.serve")
access_logger = logging.getLogger("spacy_pii.serve.access")

NDJSON_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines", "application/ndjson")
HEALTH_PATH = "/health"
HEALTH_TEXT = "spacy-pii service is up"
RETRY_AFTER_SECONDS = "1"
_NDJSON_WINDOW = 4  # NDJSON chunks in flight at once, per request


@dataclass
class ServeSettings:
    """What `spacy-pii serve` runs with.

    model (str): pipeline to load in each worker (package name or directory).
    workers (int): worker processes; 0 runs one runner on a thread of the server.
    runner (Optional[Runner]): a runner to use in-process (tests, embedding); overrides model.
    api_key (Optional[bytes]): every request but /health needs `Authorization: Bearer KEY`.
    key (Optional[bytes]): the key of keyed operators (hash, encrypt, surrogate, pseudonym).
    max_body_bytes (int): larger bodies get 413.
    max_line_chars (int): a longer text or NDJSON line gets 413.
    max_concurrency (int): requests in flight beyond it get 503 with Retry-After.
    batch_wait_ms (float): how long a batch waits for more texts.
    max_batch (int): most texts per batch.
    threads (int): encoder threads per worker (0: a fair share of the cores).
    forward_url (Optional[str]): NDJSON bodies of /redact, once redacted, are POSTed there
        and answered only when it took them (a redacting hop between a shipper's HTTP output
        and its HTTP input); 502 when it did not, so the shipper retries.
    forward_timeout (float): seconds to wait for the forward.
    """

    model: str = "en_pii"
    workers: int = 1
    runner: Optional[Runner] = None
    api_key: Optional[bytes] = field(default=None, repr=False)
    key: Optional[bytes] = field(default=None, repr=False)
    max_body_bytes: int = 10 * 1024 * 1024
    max_line_chars: int = 100_000
    max_concurrency: int = 64
    batch_wait_ms: float = 2.0
    max_batch: int = 64
    threads: int = 0
    forward_url: Optional[str] = None
    forward_timeout: float = 30.0


class HTTPError(Exception):
    """An answer other than 200: status, `{"error": message}`, extra headers."""

    def __init__(self, status: int, message: str, headers: Optional[Dict[str, str]] = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def json_response(data: Any, status: int = 200, headers: Optional[Dict[str, str]] = None, sort_keys: bool = False) -> Response:
    option = orjson.OPT_SORT_KEYS if sort_keys else 0
    return Response(orjson.dumps(data, option=option), status_code=status, media_type="application/json",
                    headers=headers)


def error_response(status: int, message: str, headers: Optional[Dict[str, str]] = None) -> Response:
    return json_response({"error": message}, status, headers)


class Service:
    """The state behind the routes: the pool, the batcher, the limits."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        if settings.runner is not None:
            runner = settings.runner
            self.pool: Any = InProcessPool(lambda: runner, key=settings.key)
        elif settings.workers <= 0:
            model = settings.model
            self.pool = InProcessPool(lambda: Runner.load(model, threads=settings.threads), key=settings.key,
                                      model=model)
        else:
            self.pool = ProcessPool(settings.model, settings.workers, key=settings.key, threads=settings.threads)
        self.batcher = MicroBatcher(self.pool, max_batch=settings.max_batch, wait_ms=settings.batch_wait_ms)
        self.keyed = pa.KeyedOperators(settings.key)
        self.on_failure: Optional[Callable[[str], None]] = None
        self._monitor: "Optional[asyncio.Task[None]]" = None

    @property
    def entities(self) -> List[str]:
        """The entity types the model reports (its component's labels)."""
        found = self.pool.entities
        return list(found) if found is not None else list(LABELS)

    async def startup(self) -> None:
        self.pool.start()
        await self.batcher.start()
        self._monitor = asyncio.get_running_loop().create_task(self._watch_failure())

    async def _watch_failure(self) -> None:
        # A model that does not load in a worker stops the server (the CLI exits non-zero).
        while self.pool.failure is None:
            await asyncio.sleep(0.2)
        if self.on_failure is not None:
            self.on_failure(self.pool.failure)

    async def shutdown(self) -> None:
        if self._monitor is not None:
            self._monitor.cancel()
        await self.batcher.stop()
        await asyncio.to_thread(self.pool.close)

    def check_lengths(self, texts: Sequence[str]) -> None:
        limit = self.settings.max_line_chars
        for i, text in enumerate(texts):
            if len(text) > limit:
                raise HTTPError(413, Errors.E801.format(index=i, limit=limit))

    async def redact(self, texts: Sequence[str], spec: PolicySpec) -> List[Redaction]:
        loading = self.pool.loading
        if loading >= self.pool.size:  # no worker has the model yet: come back, as /health says
            raise HTTPError(503, Errors.E804.format(waiting=loading, workers=self.pool.size),
                            {"Retry-After": RETRY_AFTER_SECONDS})
        try:
            return await self.batcher.redact(texts, spec)
        except WorkerFailed as e:
            raise HTTPError(500, str(e)) from None


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 past `limit` bytes (by its Content-Length, or as it comes)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPError(413, Errors.E800.format(limit=limit))
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPError(413, Errors.E800.format(limit=limit))
        chunks.append(chunk)
    return b"".join(chunks)


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


Endpoint = Callable[[Request], Awaitable[Response]]


def guarded(endpoint: Endpoint) -> Endpoint:
    """Turn every exception into an answer with no request text (see the module doc)."""

    async def run(request: Request) -> Response:
        try:
            return await endpoint(request)
        except HTTPError as e:
            return error_response(e.status, e.message, e.headers)
        except pa.PresidioError as e:
            return error_response(e.status, e.message)
        except Exception as e:  # noqa: BLE001 - its message may quote a text: type only
            logger.error("%s %s failed: %s (message withheld)", request.method, request.url.path, type(e).__name__)
            return error_response(500, pa.INTERNAL_ERROR)

    run.__name__ = endpoint.__name__
    return run


def _parse_json(raw: bytes, message: str) -> Any:
    try:
        return orjson.loads(raw) if raw.strip() else None
    except orjson.JSONDecodeError:
        raise HTTPError(400, message) from None


# --- Presidio analyzer -----------------------------------------------------------------------


async def health(request: Request) -> Response:
    service = _service(request)
    loading = service.pool.loading
    if loading or service.pool.failure is not None:
        return error_response(503, Errors.E804.format(waiting=loading, workers=service.pool.size),
                              {"Retry-After": RETRY_AFTER_SECONDS})
    return PlainTextResponse(HEALTH_TEXT)


async def analyze(request: Request) -> Response:
    service = _service(request)
    body = _parse_json(await read_body(request, service.settings.max_body_bytes), pa.BAD_REQUEST)
    entities = service.entities
    req = pa.parse_analyze_request(body, entities)
    service.check_lengths(req.texts)
    labels = pa.model_labels(req, entities)
    if labels == []:
        matches: List[List[Any]] = [[] for _ in req.texts]
    else:
        # The model's spans, with the component's own rules (its allow-list, thresholds),
        # narrowed to the entities asked for; tag never needs a key.
        spec = make_spec(operator="tag", operators={}, labels=labels)
        matches = [r.matches for r in await service.redact(req.texts, spec)]

    def build() -> List[List[Dict[str, Any]]]:
        return [pa.analyze_text(text, req, m) for text, m in zip(req.texts, matches, strict=True)]

    # Ad-hoc and allow-list regexes are the request's own: off the event loop.
    slow = bool(req.ad_hoc_recognizers) or (req.allow_list and req.allow_list_match == "regex")
    results = await asyncio.to_thread(build) if slow else build()
    return json_response(results if req.batch else results[0], sort_keys=True)


async def recognizers(request: Request) -> Response:
    language = request.query_params.get("language")
    if language is not None and language not in pa.SUPPORTED_LANGUAGES:
        return error_response(500, pa.NO_RECOGNIZERS)
    return json_response([pa.MODEL_RECOGNIZER])


async def supported_entities(request: Request) -> Response:
    language = request.query_params.get("language")
    if language is not None and language not in pa.SUPPORTED_LANGUAGES:
        return error_response(500, pa.NO_RECOGNIZERS)
    return json_response(_service(request).entities)


# --- Presidio anonymizer ---------------------------------------------------------------------


async def anonymize(request: Request) -> Response:
    service = _service(request)
    body = _parse_json(await read_body(request, service.settings.max_body_bytes), pa.BAD_REQUEST)
    text, results, operators = pa.parse_anonymize_body(body)
    service.check_lengths([text])
    return json_response(pa.anonymize(text, results, operators, service.keyed))


async def deanonymize(request: Request) -> Response:
    service = _service(request)
    body = _parse_json(await read_body(request, service.settings.max_body_bytes), pa.BAD_REQUEST)
    if isinstance(body, dict) and isinstance(body.get("text"), str):
        service.check_lengths([body["text"]])
    return json_response(pa.deanonymize(body))


async def anonymizers(request: Request) -> Response:
    service = _service(request)
    ours = list(pa.OUR_ANONYMIZERS) if service.settings.key else []
    return json_response(list(pa.PRESIDIO_ANONYMIZERS) + ours)


async def deanonymizers(request: Request) -> Response:
    return json_response(list(pa.DEANONYMIZERS))


# --- POST /redact -----------------------------------------------------------------------------


def redact_spec(service: Service, query: Any, body: Optional[Dict[str, Any]]) -> PolicySpec:
    """The policy spec of a /redact request: `operator`, `labels`, `threshold` from the JSON
    body or the query string; checked here, so a bad option is a 400 before any work."""
    source: Dict[str, Any] = dict(query)
    if body:
        source.update({k: body[k] for k in ("operator", "labels", "threshold") if k in body})
    operator = source.get("operator")
    labels = source.get("labels")
    threshold = source.get("threshold")
    if operator is not None and not isinstance(operator, str):
        raise HTTPError(400, Errors.E807.format(field="operator", expected="a string"))
    if isinstance(labels, str):
        labels = [lb.strip() for lb in labels.split(",") if lb.strip()]
    if labels is not None and not (isinstance(labels, list) and all(isinstance(lb, str) for lb in labels)):
        raise HTTPError(400, Errors.E807.format(field="labels", expected="a list of labels or a comma-separated string"))
    if threshold is not None:
        try:
            threshold = float(threshold)
        except (TypeError, ValueError):
            raise HTTPError(400, Errors.E807.format(field="threshold", expected="a number from 0 to 1")) from None
        if not 0.0 <= threshold <= 1.0:
            raise HTTPError(400, Errors.E807.format(field="threshold", expected="a number from 0 to 1"))
    try:
        build_policy(operator=operator, labels=labels, threshold=threshold, key=service.settings.key,
                     key_from_env=False)
    except MissingKeyError as e:
        raise HTTPError(400, Errors.E809.format(operator=", ".join(e.operators))) from None
    except ValueError as e:  # SpacyPIIError and check_labels' E001: coded, options only
        raise HTTPError(400, str(e)) from None
    return make_spec(operator=operator, labels=labels, threshold=threshold)


async def redact(request: Request) -> Response:
    service = _service(request)
    ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    raw = await read_body(request, service.settings.max_body_bytes)
    if ctype in NDJSON_TYPES:
        spec = redact_spec(service, request.query_params, None)
        if service.settings.forward_url:
            return await _redact_and_forward(service, raw, spec)
        return await _redact_ndjson(service, raw, spec)
    if ctype not in ("application/json", "text/json", ""):
        raise HTTPError(415, Errors.E813.format(ctype=ctype))
    body = _parse_json(raw, Errors.E815)
    if not isinstance(body, dict):
        raise HTTPError(400, Errors.E807.format(field="the body", expected='{"text": ...} or {"texts": [...]}'))
    spec = redact_spec(service, request.query_params, body)
    if "texts" in body:
        texts = body["texts"]
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise HTTPError(400, Errors.E807.format(field="texts", expected="a list of strings"))
        service.check_lengths(texts)
        return json_response({"texts": [r.text for r in await service.redact(texts, spec)]})
    text = body.get("text")
    if not isinstance(text, str):
        raise HTTPError(400, Errors.E807.format(field="text", expected='a string (or "texts": a list of strings)'))
    service.check_lengths([text])
    (done,) = await service.redact([text], spec) if text else [Redaction("", [])]
    return json_response({"text": done.text})


class _NdjsonLine:
    """One NDJSON line: a JSON string (answered as a JSON string), a JSON object (redacted as
    `spacy-pii redact --jsonl` redacts it, keys and structure kept), or anything else,
    redacted as plain text and answered as a JSON string."""

    def __init__(self, number: int, content: bytes) -> None:
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPError(400, Errors.E814.format(line=number)) from None
        self.prepared: Optional[PreparedLine] = None
        try:
            value = orjson.loads(content)
        except orjson.JSONDecodeError:
            value = None
        if isinstance(value, str):
            self.texts = [value]
        elif isinstance(value, dict):
            self.prepared = PreparedLine(Line("body", number, content, b"\n"), jsonl=True)
            self.texts = self.prepared.texts
        else:
            self.texts = [text]

    def render(self, redacted: Sequence[str]) -> bytes:
        if self.prepared is not None:
            return self.prepared.render(redacted)
        return orjson.dumps(redacted[0]) + b"\n"


def _ndjson_chunks(service: Service, raw: bytes) -> List[List[_NdjsonLine]]:
    """An NDJSON body as lines (413 for one too long), cut into batches of --max-batch."""
    pieces = raw.split(b"\n")
    if pieces and pieces[-1] == b"":
        pieces.pop()
    limit = service.settings.max_line_chars
    lines = []
    for number, piece in enumerate(pieces, 1):
        piece = piece[:-1] if piece.endswith(b"\r") else piece
        if len(piece) > limit and len(piece.decode("utf-8", "replace")) > limit:
            raise HTTPError(413, Errors.E801.format(index=number - 1, limit=limit))
        lines.append(_NdjsonLine(number, piece))
    size = max(1, service.settings.max_batch)
    return [lines[i : i + size] for i in range(0, len(lines), size)]


async def _run_chunk(service: Service, chunk: List[_NdjsonLine], spec: PolicySpec) -> bytes:
    texts = [t for line in chunk for t in line.texts]
    done = iter(r.text for r in await service.redact(texts, spec)) if texts else iter(())
    return b"".join(line.render([next(done) for _ in line.texts]) for line in chunk)


async def _redact_ndjson(service: Service, raw: bytes, spec: PolicySpec) -> Response:
    chunks = _ndjson_chunks(service, raw)
    if not chunks:
        return Response(b"", media_type="application/x-ndjson")
    # The first chunk is redacted before the answer starts, so its failure is a real status.
    tasks = [asyncio.ensure_future(_run_chunk(service, c, spec)) for c in chunks[:_NDJSON_WINDOW]]
    try:
        first = await tasks[0]
    except BaseException:
        for task in tasks:
            task.cancel()
        raise

    async def stream() -> Any:
        yield first
        pending = tasks[1:]
        following = iter(chunks[_NDJSON_WINDOW:])
        try:
            while pending:
                task = pending.pop(0)
                nxt = next(following, None)
                if nxt is not None:
                    pending.append(asyncio.ensure_future(_run_chunk(service, nxt, spec)))
                try:
                    yield await task
                except (HTTPError, WorkerFailed) as e:
                    # The status is sent: end with an error record, never unredacted text.
                    yield orjson.dumps({"error": getattr(e, "message", str(e))}) + b"\n"
                    return
                except Exception as e:  # noqa: BLE001 - its message may quote a text
                    logger.error("POST /redact failed while streaming: %s (message withheld)", type(e).__name__)
                    yield orjson.dumps({"error": pa.INTERNAL_ERROR}) + b"\n"
                    return
        finally:
            for task in pending:
                task.cancel()

    return StreamingResponse(stream(), media_type="application/x-ndjson")


async def _redact_and_forward(service: Service, raw: bytes, spec: PolicySpec) -> Response:
    """Redact an NDJSON body whole, POST it to --forward-url, answer once it was taken: the
    shipper retries on a 5xx, so a line is passed on at least once, and only redacted."""
    chunks = _ndjson_chunks(service, raw)
    body = b"".join(await asyncio.gather(*[_run_chunk(service, c, spec) for c in chunks]))
    url = service.settings.forward_url
    assert url is not None
    if body:
        status = await asyncio.to_thread(_post, url, body, service.settings.forward_timeout)
        if not 200 <= status < 300:
            raise HTTPError(502, Errors.E818.format(status=status or "no answer"))
    return Response(body, media_type="application/x-ndjson")


def _post(url: str, body: bytes, timeout: float) -> int:
    """POST NDJSON; the status, or 0 when the target did not answer (its error's text may
    name the URL only, and is not logged)."""
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/x-ndjson"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as answer:
            answer.read()
            return int(answer.status)
    except urllib.error.HTTPError as e:
        return int(e.code)
    except (OSError, ValueError):
        return 0


# --- middleware -------------------------------------------------------------------------------


class ServiceMiddleware:
    """Access log (method, path, status, ms: never a query string or body), bearer auth and
    the concurrency limit, as one pure ASGI middleware (Starlette's BaseHTTPMiddleware would
    buffer streamed answers).

    app (ASGIApp): the routes.
    api_key (Optional[bytes]): required on every path but /health when set.
    max_concurrency (int): requests in flight (but /health) beyond it get 503.
    """

    def __init__(self, app: ASGIApp, api_key: Optional[bytes], max_concurrency: int) -> None:
        self.app = app
        self.api_key = api_key
        self.max_concurrency = max(1, max_concurrency)
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [0]

        async def send_logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        path = scope.get("path", "")
        try:
            if path != HEALTH_PATH and not self._authorized(scope):
                response: Optional[Response] = error_response(401, Errors.E803, {"WWW-Authenticate": "Bearer"})
            elif path != HEALTH_PATH and self.in_flight >= self.max_concurrency:
                response = error_response(503, Errors.E802.format(limit=self.max_concurrency),
                                          {"Retry-After": RETRY_AFTER_SECONDS})
            else:
                response = None
            if response is not None:
                await response(scope, receive, send_logged)
                return
            counted = path != HEALTH_PATH
            if counted:
                self.in_flight += 1
            try:
                await self.app(scope, receive, send_logged)
            finally:
                if counted:
                    self.in_flight -= 1
        finally:
            access_logger.info('%s %s %d %.1fms', scope.get("method", ""), path, status[0],
                               (time.perf_counter() - started) * 1000)

    def _authorized(self, scope: Scope) -> bool:
        if self.api_key is None:
            return True
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                scheme, _, token = value.partition(b" ")
                return scheme.lower() == b"bearer" and hmac.compare_digest(token.strip(), self.api_key)
        return False


def create_app(settings: ServeSettings) -> Starlette:
    """The ASGI app of `spacy-pii serve`.

    settings (ServeSettings): model, workers, keys and limits.
    RETURNS (Starlette): the app; its lifespan starts and stops the workers. `app.state.service`
        holds the state (`Service`).
    """
    service = Service(settings)
    routes = [
        Route(HEALTH_PATH, guarded(health), methods=["GET"]),
        Route("/analyze", guarded(analyze), methods=["POST"]),
        Route("/recognizers", guarded(recognizers), methods=["GET"]),
        Route("/supportedentities", guarded(supported_entities), methods=["GET"]),
        Route("/anonymize", guarded(anonymize), methods=["POST"]),
        Route("/deanonymize", guarded(deanonymize), methods=["POST"]),
        Route("/anonymizers", guarded(anonymizers), methods=["GET"]),
        Route("/deanonymizers", guarded(deanonymizers), methods=["GET"]),
        Route("/redact", guarded(redact), methods=["POST"]),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        return error_response(status, "Not Found" if status == 404 else "Method Not Allowed")

    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        await service.startup()
        try:
            yield
        finally:
            await service.shutdown()

    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={404: not_found, 405: not_found})
    app.state.service = service
    app.add_middleware(ServiceMiddleware, api_key=settings.api_key, max_concurrency=settings.max_concurrency)
    return app

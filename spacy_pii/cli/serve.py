"""`spacy-pii serve`: the redaction service (Presidio's analyzer and anonymizer REST APIs on one
server, and POST /redact for log shippers), on uvicorn. See `spacy_pii.serve`.

Exit codes:
    0    stopped (SIGINT/SIGTERM end the process by the signal after the drain, as uvicorn does).
    1    unexpected error (the port is taken, ...).
    2    bad options: a non-loopback --host without --api-key-file, an unreadable key file,
         the serve extra not installed.
    3    the model does not load in a worker.
"""
import ipaddress
import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import Errors, SpacyPIIError
from ..operators.core import load_key
from ._app import app
from ._util import DEFAULT_MODEL, EXIT_MODEL, EXIT_UNEXPECTED, EXIT_USAGE, err


def is_loopback(host: str) -> bool:
    """Whether a --host value binds to this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_api_key(path: Path) -> bytes:
    """The bearer token of --api-key-file (a trailing newline stripped).

    RAISES (SpacyPIIError): E806, the file cannot be read or is empty.
    """
    try:
        key = path.read_bytes().strip()
    except OSError as e:
        raise SpacyPIIError(Errors.E806.format(path=path, reason=type(e).__name__)) from None
    if not key:
        raise SpacyPIIError(Errors.E806.format(path=path, reason="the file is empty"))
    return key


def _check(option: str, value: float, minimum: float, rule: str) -> None:
    if value < minimum:
        raise SpacyPIIError(Errors.E817.format(option=option, rule=rule, value=value))


@app.command("serve")
def serve_cli(
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Pipeline to serve, package name or path."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; beyond loopback needs --api-key-file."),
    port: int = typer.Option(3000, "--port", "-p", help="Port (Presidio's images use 3000; 0: any free port)."),
    workers: int = typer.Option(
        1, "--workers", "-w", help="Worker processes, each with its own pipeline (0: one, in the server process)."
    ),
    api_key_file: Optional[Path] = typer.Option(
        None, "--api-key-file", help="Every request but /health must send `Authorization: Bearer <this file's key>`.",
        show_default=False,
    ),
    key_file: Optional[Path] = typer.Option(
        None, "--key-file",
        help="Key of the keyed operators (hash, encrypt, surrogate, pseudonym); else env SPACY_PII_KEY. "
        "Never taken from a request.", show_default=False,
    ),
    max_body_bytes: int = typer.Option(10 * 1024 * 1024, "--max-body-bytes", help="Larger request bodies get 413."),
    max_line_chars: int = typer.Option(100_000, "--max-line-chars", help="A longer text or NDJSON line gets 413."),
    max_concurrency: int = typer.Option(
        64, "--max-concurrency", help="Requests in flight; more get 503 with Retry-After."
    ),
    batch_wait_ms: float = typer.Option(
        2.0, "--batch-wait-ms", help="How long a batch waits for texts of other requests."
    ),
    max_batch: int = typer.Option(64, "--max-batch", help="Most texts per batch."),
    drain_timeout: float = typer.Option(
        30.0, "--drain-timeout", help="On SIGTERM, seconds to let requests in flight finish."
    ),
    forward_url: Optional[str] = typer.Option(
        None, "--forward-url", help="POST each redacted NDJSON body there and answer only once it was "
        "taken (a redacting hop between a shipper's HTTP output and its HTTP input; 502 otherwise).",
        show_default=False,
    ),
) -> None:
    """Serve redaction over HTTP: Presidio's REST APIs (/analyze, /anonymize, ...) and /redact."""
    try:
        import uvicorn

        from ..serve.app import ServeSettings, create_app
    except ImportError as e:
        err(Errors.E819.format(module=e.name or "a module"))
        raise typer.Exit(EXIT_USAGE) from None
    try:
        _check("--max-body-bytes", max_body_bytes, 1, "at least 1")
        _check("--max-line-chars", max_line_chars, 1, "at least 1")
        _check("--max-concurrency", max_concurrency, 1, "at least 1")
        _check("--batch-wait-ms", batch_wait_ms, 0, "at least 0")
        _check("--max-batch", max_batch, 1, "at least 1")
        _check("--workers", workers, 0, "at least 0")
        _check("--drain-timeout", drain_timeout, 0, "at least 0")
        if forward_url is not None and not forward_url.startswith(("http://", "https://")):
            raise SpacyPIIError(Errors.E817.format(option="--forward-url", rule="an http:// or https:// URL",
                                                   value="another scheme"))
        if not is_loopback(host) and api_key_file is None:
            raise SpacyPIIError(Errors.E805.format(host=host))
        api_key = read_api_key(api_key_file) if api_key_file is not None else None
        key = load_key(key_file)
    except SpacyPIIError as e:
        err(str(e))
        raise typer.Exit(EXIT_USAGE) from None

    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = ServeSettings(
        model=model, workers=workers, api_key=api_key, key=key, max_body_bytes=max_body_bytes,
        max_line_chars=max_line_chars, max_concurrency=max_concurrency, batch_wait_ms=batch_wait_ms,
        max_batch=max_batch, forward_url=forward_url,
    )
    asgi = create_app(settings)
    config = uvicorn.Config(
        asgi, host=host, port=port, access_log=False, lifespan="on", log_level="info",
        timeout_graceful_shutdown=int(drain_timeout) if drain_timeout else None,
        # The request line (its query string) is never logged; uvicorn's own errors carry no body.
        server_header=False,
    )
    server = uvicorn.Server(config)
    failed: List[str] = []

    def on_failure(message: str) -> None:
        failed.append(message)
        server.should_exit = True

    asgi.state.service.on_failure = on_failure
    try:
        server.run()
    except KeyboardInterrupt:  # uvicorn raises the SIGINT it drained for again
        pass
    except Exception as e:  # noqa: BLE001 - e.g. the port is taken; the type says enough
        err(Errors.E811.format(reason=type(e).__name__))
        raise typer.Exit(EXIT_UNEXPECTED) from None
    if failed:
        err(failed[0])
        raise typer.Exit(EXIT_MODEL)
    if not server.started:
        raise typer.Exit(EXIT_UNEXPECTED)

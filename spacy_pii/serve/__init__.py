"""`spacy-pii serve`: a redaction service that Presidio's clients can talk to unchanged.

- `app`: the ASGI app (Starlette), its routes, limits, auth and access log;
- `presidio_api`: Presidio's REST request and response shapes, and /anonymize's semantics;
- `presidio_crypto`: Presidio's `encrypt`/`decrypt` format (AES-CBC), for interop;
- `batching`: the micro-batcher feeding worker processes, each with one `Runner`;
- `bench`: `spacy-pii benchmark --serve`.

Needs the `serve` extra (`pip install 'spacy-pii[serve]'`).
"""

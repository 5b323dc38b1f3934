"""Line streaming for `spacy-pii redact`: read bytes, batch lines, redact, write bytes.

The library half of the command: no typer, no exit, no print. Data goes to the binary
stream the caller passes in; diagnostics go to the caller through callbacks that receive
line numbers, labels and exception types, never text.

- `reading`: sources, raw lines with their endings, the reader thread, bytes <-> text.
- `jsonl`: a line as texts to redact (a JSON object's values, or the line) and back.
- `loop`: batching, fail-closed redaction of a batch (`redact_lines`), `StreamRedactor`.
- `nlp`: the redaction callable built from a spaCy pipeline.
- `pem`: the PEM key body carry (moving to the credential detector).
"""
from .jsonl import KeyPath, PreparedLine, json_string_slots, mask_text, parse_key_path
from .loop import (
    BatchResult,
    LineCarry,
    LineFailure,
    LineRedactionError,
    OnError,
    RedactFn,
    RedactResult,
    StreamConfig,
    StreamRedactor,
    StreamStats,
    redact_lines,
    redact_stream,
)
from .nlp import PipelineRedactFn, nlp_redact_fn
from .reading import (
    STDIN_NAME,
    InputSource,
    Line,
    LineReader,
    StreamReadError,
    iter_lines,
    iter_raw_lines,
    shield_surrogates,
    sources_from_args,
    split_ending,
)
from .workers import ParallelStreamRedactor

__all__ = [
    "PipelineRedactFn",
    "ParallelStreamRedactor",
    "STDIN_NAME",
    "BatchResult",
    "InputSource",
    "KeyPath",
    "Line",
    "LineCarry",
    "LineFailure",
    "LineReader",
    "LineRedactionError",
    "OnError",
    "PreparedLine",
    "RedactFn",
    "RedactResult",
    "StreamConfig",
    "StreamReadError",
    "StreamRedactor",
    "StreamStats",
    "iter_lines",
    "iter_raw_lines",
    "json_string_slots",
    "mask_text",
    "nlp_redact_fn",
    "parse_key_path",
    "redact_lines",
    "redact_stream",
    "shield_surrogates",
    "sources_from_args",
    "split_ending",
]

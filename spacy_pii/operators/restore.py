"""Undo the `encrypt` operator: put the original values back for whoever holds the key.

`restore_text` replaces every `[LABEL:enc.TOKEN]` of a text with the value it encrypts.
`restore_runner(keys, out).run(sources)` does it line by line on a redacted stream, with the
same guarantees as `redact_stream` (it is the same loop, with decryption as the transform): one line out per
line in, order kept, bytes that are not UTF-8 passed through, `--jsonl` values restored inside
their JSON strings, and a line that does not restore (wrong key, altered token) is masked,
dropped or stops the stream, never written half restored.

Several keys may be given (key rotation): each token is tried with each key in turn; AES-SIV
authenticates, so only the right key decrypts a token.
"""
from typing import BinaryIO, Callable, List, Optional, Sequence, Tuple, Union

from ..errors import Errors
from ..stream import LineFailure, RedactFn, RedactResult, StreamConfig, StreamRedactor
from .crypto import Cipher, TokenDecryptError, cipher_for, find_tokens
from .keys import KeyLike, as_key_bytes

KeysArg = Union[KeyLike, Sequence[KeyLike]]


def _ciphers(keys: KeysArg) -> List[Cipher]:
    listed: Sequence[Optional[KeyLike]] = [keys] if isinstance(keys, (bytes, str)) or keys is None else keys
    if not listed:
        listed = [b""]  # no key at all: the same E101 as a None key
    return [cipher_for(as_key_bytes(k, "restore")) for k in listed]


def restore_text(text: str, keys: KeysArg, *, where: str = "") -> str:
    """Replace every `[LABEL:enc.TOKEN]` in a text with its decrypted value.

    text (str): a text redacted with the encrypt operator.
    keys (Union[bytes, str, Sequence[...]]): the key, or several (current key first).
    where (str): context for an error ("app.log:12"); default: the token's offset.
    RETURNS (str): the text with the values back; text outside tokens is kept as it is.
    RAISES (TokenDecryptError): a token did not decrypt with any key; names where and the
        token's number, never the token.
    """
    return _restore(text, _ciphers(keys), where)[0]


def _restore(text: str, ciphers: List[Cipher], where: str) -> Tuple[str, List[str]]:
    pieces: List[str] = []
    labels: List[str] = []
    pos = 0
    for index, (start, end, label, token) in enumerate(find_tokens(text), start=1):
        pieces.append(text[pos:start])
        pieces.append(_decrypt(token, ciphers, where or f"offset {start}", index))
        labels.append(label)
        pos = end
    if not labels:
        return text, labels
    pieces.append(text[pos:])
    return "".join(pieces), labels


def _decrypt(token: str, ciphers: List[Cipher], where: str, index: int) -> str:
    for cipher in ciphers:
        try:
            return cipher.decrypt(token)
        except ValueError:
            continue
    raise TokenDecryptError(where, index)


def restore_fn(keys: KeysArg) -> RedactFn:
    """The stream transform of `restore_runner`: texts in, restored texts and the labels of
    their tokens out (for the stats).

    keys (Union[bytes, str, Sequence[...]]): the key, or several (current key first).
    RETURNS (RedactFn): the function; it raises TokenDecryptError on a bad token.
    """
    ciphers = _ciphers(keys)

    def restore(texts: List[str]) -> List[RedactResult]:
        return [_restore(text, ciphers, "") for text in texts]

    return restore


def failure_message(failure: LineFailure) -> str:
    """The coded diagnostic of a line that did not restore (E503), without any of its text.

    failure (LineFailure): what the stream loop reports.
    RETURNS (str): the message.
    """
    return Errors.E503.format(
        source=failure.source, line=failure.line, reason=describe(failure.exc_type), action=failure.action
    )


def describe(exc_type: str) -> str:
    """A reason for a line failure, from its exception type only."""
    if exc_type == TokenDecryptError.__name__:
        return "a token does not decrypt: wrong key, or the token was altered"
    return exc_type


def restore_runner(
    keys: KeysArg,
    out: BinaryIO,
    config: Optional[StreamConfig] = None,
    *,
    on_line_error: Optional[Callable[[LineFailure], None]] = None,
    on_batch: Optional[Callable[[int, int], None]] = None,
) -> StreamRedactor:
    """The stream loop set up to restore: the `spacy-pii restore` loop. No multi-line
    detectors run: nothing is detected, only tokens are decrypted.

    keys (Union[bytes, str, Sequence[...]]): the key, or several (current key first).
    out (BinaryIO): binary output stream.
    config (Optional[StreamConfig]): batching and line handling (`jsonl`, `on_error`).
    on_line_error (Optional[Callable[[LineFailure], None]]): told about each failed line.
    on_batch (Optional[Callable[[int, int], None]]): told (lines, bytes) after each batch.
    RETURNS (StreamRedactor): call `.run(sources)` (reader thread, `max_wait` batching) or
        `.run_lines(lines)`; they return the counts (`spans`: tokens restored per label) and
        raise LineRedactionError for a failed line when `on_error` is `fail`.
    """
    return StreamRedactor(
        restore_fn(keys), out, config, on_line_error=on_line_error, on_batch=on_batch, carries=()
    )

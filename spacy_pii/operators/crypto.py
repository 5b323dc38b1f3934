"""Deterministic authenticated encryption of PII values: the `encrypt` operator's tokens.

A value becomes `[LABEL:enc.TOKEN]`, TOKEN being the URL-safe base64 (no padding) of
AES-SIV (RFC 5297, AES-256 in SIV mode, from `cryptography`) of the value's UTF-8 bytes under
a key derived from the user key (see `keys`). SIV is deterministic: the same value under the
same key gives the same token on every line, file, process and machine, which is what lets a
reader follow one customer through a log. It is also authenticated: a wrong key or an altered
token fails to decrypt instead of giving garbage.

The label is not part of what is authenticated: one value encrypts to one token whatever
label the detector gave it (as `hash` does), so records stay joinable across labels. The
`enc.` prefix tells encrypted tokens apart from `hash` tokens (`[LABEL:hex]`, no dot).
"""
import base64
import binascii
import dataclasses
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, Optional, Set, Tuple, Union

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV

from ..errors import Errors, SpacyPIIError
from .core import RedactionPolicy, get_operator, register_operator
from .keys import MIN_KEY_BYTES, KeyLike, as_key_bytes, derive_key

TOKEN_PREFIX = "enc."
# Context bound into every token: a token of another tool or format version never decrypts.
_AAD = [b"spacy-pii/encrypt/v1"]
_TAG_BYTES = 16
# `[LABEL:enc.TOKEN]`: a label as the scheme writes them, then base64url without padding.
TOKEN_PATTERN = re.compile(r"\[([A-Z][A-Z0-9_]*):enc\.([A-Za-z0-9_-]*)\]")


class TokenDecryptError(SpacyPIIError):
    """A token did not decrypt. Carries where, never the token or a value.

    where (str): e.g. "offset 17" or "app.log:12".
    index (int): the token's number in its text, from 1.
    """

    def __init__(self, where: str, index: int) -> None:
        self.where = where
        self.index = index
        super().__init__(Errors.E502.format(where=where, index=index))


class Cipher:
    """AES-SIV under the encrypt key derived from a user key. Never shows the key.

    key (Union[bytes, str]): the user key (at least `keys.MIN_KEY_BYTES` bytes).
    """

    def __init__(self, key: KeyLike) -> None:
        user_key = as_key_bytes(key, "the encrypt operator")
        self._siv = AESSIV(derive_key(user_key, "encrypt", 64))

    def __repr__(self) -> str:
        return "Cipher(key=<hidden>)"

    def encrypt(self, value: str) -> str:
        """Encrypt a value to a token (no label, no brackets).

        value (str): the value; lone surrogates survive (surrogatepass).
        RETURNS (str): URL-safe base64 of the SIV output, without padding.
        """
        data = self._siv.encrypt(value.encode("utf-8", "surrogatepass"), _AAD)
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")

    def decrypt(self, token: str) -> str:
        """Decrypt a token made by `encrypt`.

        token (str): the token (no label, no brackets).
        RETURNS (str): the value.
        RAISES (ValueError): the token is malformed, altered, or from another key; the
            message holds nothing of the token.
        """
        try:
            data = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError):
            raise ValueError("malformed token") from None
        if len(data) < _TAG_BYTES:
            raise ValueError("malformed token")
        try:
            plain = self._siv.decrypt(data, _AAD)
        except InvalidTag:
            raise ValueError("token does not authenticate") from None
        return plain.decode("utf-8", "surrogatepass")


@lru_cache(maxsize=16)
def cipher_for(key: bytes) -> Cipher:
    """The cipher of a user key, built once per process (the key derivation is the cost).

    key (bytes): the user key.
    RETURNS (Cipher): the cipher.
    """
    return Cipher(key)


def encrypt_value(value: str, label: str, key: Optional[KeyLike]) -> str:
    """`[LABEL:enc.TOKEN]`, the encrypt operator.

    value (str): the value.
    label (str): the label shown in the output.
    key (Union[bytes, str]): the user key; None or empty raises E101.
    RETURNS (str): the replacement.
    """
    user_key = as_key_bytes(key, "the encrypt operator")
    return f"[{label}:{TOKEN_PREFIX}{cipher_for(user_key).encrypt(value)}]"


@register_operator("encrypt", needs_key=True, min_key_bytes=MIN_KEY_BYTES)
def encrypt_operator(value: str, label: str, policy: RedactionPolicy) -> str:
    """The `encrypt` operator: `[LABEL:enc.TOKEN]` under the policy's key."""
    return encrypt_value(value, label, policy.key)


# The `spacy_pii_operators` entry point: loading it imports this module, which registers it.
ENCRYPT_OPERATOR = get_operator("encrypt")


def find_tokens(text: str) -> Iterator[Tuple[int, int, str, str]]:
    """Find `[LABEL:enc.TOKEN]` tokens in a text.

    text (str): the text.
    YIELDS (Tuple[int, int, str, str]): start, end, label and token of each.
    """
    for m in TOKEN_PATTERN.finditer(text):
        yield m.start(), m.end(), m.group(1), m.group(2)


# --- the surrogate mapping file ---------------------------------------------------------

_MAPPING_AAD = [b"spacy-pii/mapping/v1"]


class MappingWriter:
    """Write what the surrogate operator replaced, encrypted: one line per distinct
    (label, value), each the URL-safe base64 of AES-SIV (under the key's "mapping" derived
    key) of the JSON record `{"label", "value", "surrogate"}`. Lines are appended and
    flushed as values are first seen, so a stream that stops early leaves a readable file.
    Read it back with `read_mapping` and the same key.

    path (Union[str, Path]): the file; created or truncated.
    key (Optional[Union[bytes, str]]): the user key; None raises E101.
    """

    def __init__(self, path: Union[str, Path], key: Optional[KeyLike]) -> None:
        self.path = Path(path)
        self._siv = AESSIV(derive_key(as_key_bytes(key, "--mapping-out"), "mapping", 64))
        # Which values were written, by a keyed digest: the set holds no values.
        self._seen: Set[bytes] = set()
        self._lock = threading.Lock()
        try:
            self._fh = open(self.path, "wb")
        except OSError as e:
            raise SpacyPIIError(Errors.E506.format(path=self.path, reason=type(e).__name__)) from None

    def __repr__(self) -> str:
        return f"MappingWriter(path={str(self.path)!r}, key=<hidden>)"

    def __call__(self, label: str, value: str, surrogate: str) -> None:
        """Record one replacement (written once per distinct label and value)."""
        record = orjson.dumps({"label": label, "value": value, "surrogate": surrogate})
        # Deterministic: the same record is the same line, so its bytes identify it.
        line = self._siv.encrypt(record, _MAPPING_AAD)
        seen = line[:16]  # the SIV tag: a keyed digest of the record
        with self._lock:
            if seen in self._seen:
                return
            self._seen.add(seen)
            self._fh.write(base64.urlsafe_b64encode(line).rstrip(b"=") + b"\n")
            self._fh.flush()

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._fh.close()

    def __enter__(self) -> "MappingWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_mapping(path: Union[str, Path], key: KeyLike) -> Iterator[Dict[str, str]]:
    """Read a mapping file written by `MappingWriter`.

    path (Union[str, Path]): the file.
    key (Union[bytes, str]): the user key it was written with.
    YIELDS (Dict[str, str]): `{"label", "value", "surrogate"}` records, in file order.
    RAISES (SpacyPIIError): E505 naming the line when one does not decrypt.
    """
    siv = AESSIV(derive_key(as_key_bytes(key, "reading a mapping file"), "mapping", 64))
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            data = raw.strip()
            if not data:
                continue
            try:
                plain = siv.decrypt(base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4)), _MAPPING_AAD)
            except (InvalidTag, binascii.Error, ValueError):
                raise SpacyPIIError(Errors.E505.format(path=path, line=number)) from None
            yield orjson.loads(plain)


def with_mapping(policy: RedactionPolicy, path: Union[str, Path]) -> Tuple[RedactionPolicy, MappingWriter]:
    """A copy of a policy whose `surrogate` replacements are written to a mapping file.

    policy (RedactionPolicy): a policy that uses the surrogate operator, with its key.
    path (Union[str, Path]): the mapping file (created or truncated).
    RETURNS (Tuple[RedactionPolicy, MappingWriter]): the policy and the writer (close it).
    RAISES (SpacyPIIError): E507 when the policy never uses `surrogate`, E506 when the file
        cannot be written.
    """
    if not policy.uses("surrogate"):
        raise SpacyPIIError(Errors.E507)
    writer = MappingWriter(path, policy.key)
    return dataclasses.replace(policy, on_surrogate=writer), writer

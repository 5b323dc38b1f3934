"""Keys for the keyed operators: one user key, a separate derived key per purpose.

The user gives one secret (`--key-file`, `SPACY_PII_KEY`, `key=`); there is never a default.
`encrypt`, `surrogate` and the surrogate mapping file each use their own key derived from it
with HKDF-SHA256 (RFC 5869, the purpose as `info`), so a value's encrypted token, its
surrogate and its mapping record cannot be related through the key, and learning one derived
key (say, the mapping key) does not give the others.

HKDF stretches nothing: the user key must already be random. A passphrase of a few words is
open to a dictionary attack on any deterministic token; hence the minimum length.
"""
from functools import lru_cache
from typing import Optional, Union

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import Errors, SpacyPIIError

MIN_KEY_BYTES = 16
_INFO_PREFIX = b"spacy-pii/v1/"

KeyLike = Union[bytes, str]


def as_key_bytes(key: Optional[KeyLike], what: str) -> bytes:
    """Check a user key and return it as bytes.

    key (Optional[Union[bytes, str]]): the user key; a str is UTF-8 encoded.
    what (str): what needs the key, for the message ("the encrypt operator").
    RETURNS (bytes): the key.
    RAISES (SpacyPIIError): E101 when there is no key, E501 when it is too short.
    """
    if isinstance(key, str):
        key = key.encode("utf-8")
    if not key:
        raise SpacyPIIError(Errors.E101.format(what=what[:1].upper() + what[1:]))
    if not isinstance(key, bytes):
        raise SpacyPIIError(Errors.E114.format(type=type(key).__name__))
    if len(key) < MIN_KEY_BYTES:
        raise SpacyPIIError(Errors.E501.format(what=what, min_bytes=MIN_KEY_BYTES))
    return key


@lru_cache(maxsize=64)
def derive_key(key: bytes, purpose: str, length: int = 32) -> bytes:
    """Derive the key for one purpose from the user key (HKDF-SHA256, no salt).

    No salt, so the same user key gives the same derived keys on every machine: tokens must
    match across processes and Spark executors.

    key (bytes): the user key (checked with `as_key_bytes` first).
    purpose (str): e.g. "encrypt", "surrogate", "mapping".
    length (int): bytes to derive.
    RETURNS (bytes): the derived key.
    """
    hkdf = HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=_INFO_PREFIX + purpose.encode())
    return hkdf.derive(key)

"""Presidio's `encrypt`/`decrypt` operators, in Presidio's own format, so a value encrypted by
Presidio's anonymizer decrypts here and the other way round.

The format (presidio_anonymizer `operators/aes_cipher.py`): AES in CBC mode under the key's
own bytes (16, 24 or 32 bytes of UTF-8: AES-128/192/256, no derivation), PKCS7 padding, a
random 16-byte IV written first, the whole URL-safe base64 encoded (with padding). It is not
authenticated: a wrong key of the right length usually fails on the padding, but may also
decrypt to garbage, as it does in Presidio. spacy-pii's own `encrypt` (AES-SIV, `[LABEL:enc.TOKEN]`,
`spacy_pii.operators.crypto`) stays the CLI's; this module is only for the Presidio-compatible API.
"""
import base64
import binascii
import os
from typing import Union

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from ..errors import Errors, SpacyPIIError

IV_BYTES = 16
KEY_SIZES_BITS = (128, 192, 256)


class PresidioDecryptError(SpacyPIIError):
    """A value did not decrypt (wrong key, altered or cut). Carries no value and no key."""


def key_bytes(key: Union[str, bytes]) -> bytes:
    """The AES key of a Presidio `key` parameter: a str is taken as its UTF-8 bytes.

    key (Union[str, bytes]): the parameter.
    RETURNS (bytes): the key.
    """
    return key.encode("utf-8") if isinstance(key, str) else key


def is_valid_key(key: Union[str, bytes]) -> bool:
    """Whether a key is 128, 192 or 256 bits long (Presidio's `AESCipher.is_valid_key_size`)."""
    return len(key_bytes(key)) * 8 in KEY_SIZES_BITS


def encrypt(key: Union[str, bytes], text: str) -> str:
    """Encrypt a value as Presidio's `encrypt` operator does.

    key (Union[str, bytes]): 16, 24 or 32 bytes (a str: its UTF-8 bytes).
    text (str): the value.
    RETURNS (str): URL-safe base64 of IV + AES-CBC(PKCS7(text)).
    """
    padder = padding.PKCS7(algorithms.AES.block_size).padder()
    padded = padder.update(text.encode("utf-8")) + padder.finalize()
    iv = os.urandom(IV_BYTES)
    encryptor = Cipher(algorithms.AES(key_bytes(key)), modes.CBC(iv)).encryptor()
    return base64.urlsafe_b64encode(iv + encryptor.update(padded) + encryptor.finalize()).decode("ascii")


def decrypt(key: Union[str, bytes], token: str) -> str:
    """Decrypt a value written by `encrypt` or by Presidio's anonymizer.

    key (Union[str, bytes]): the key it was encrypted with.
    token (str): the encrypted value.
    RETURNS (str): the value.
    RAISES (PresidioDecryptError): E810, the token is not base64, is cut, or the key is wrong.
    """
    try:
        raw = base64.urlsafe_b64decode(token)
        iv, body = raw[:IV_BYTES], raw[IV_BYTES:]
        decryptor = Cipher(algorithms.AES(key_bytes(key)), modes.CBC(iv)).decryptor()
        padded = decryptor.update(body) + decryptor.finalize()
        unpadder = padding.PKCS7(algorithms.AES.block_size).unpadder()
        return (unpadder.update(padded) + unpadder.finalize()).decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        # cryptography's messages name no value, but a wrong padding must not read as a bug.
        raise PresidioDecryptError(Errors.E810) from None

"""CRYPTO: Bitcoin (base58check, bech32/bech32m) and Ethereum wallet addresses."""
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_CONTEXT, SCORE_VALIDATED, Detector, Match, words
from .checksums import base58_decode, base58check_valid, bech32_valid, eip55_valid

_BTC_BASE58 = re.compile(r"(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])")
_BECH32_CHARS = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BTC_BECH32 = re.compile(
    r"(?<![A-Za-z0-9])(?:bc1[" + _BECH32_CHARS + r"]{8,87}|BC1[" + _BECH32_CHARS.upper() + r"]{8,87})"
    r"(?![A-Za-z0-9])"
)
_ETH = re.compile(r"(?<![A-Za-z0-9])0x(?P<hex>[0-9A-Fa-f]{40})(?![A-Za-z0-9])")
_ETH_CONTEXT = words(
    "eth", "ethereum", "ether", "wallet", "erc20", "erc-20", "metamask", "crypto", "usdt", "usdc"
)


@registry.detectors("crypto")
class CryptoDetector(Detector):
    """Wallet addresses. Bitcoin P2PKH/P2SH (`1...`, `3...`) pass base58check with a 25-byte
    payload and version 0 or 5; segwit (`bc1...`) passes bech32/bech32m: score 1.0. An
    Ethereum address (`0x` + 40 hex digits, also the shape of a hash) counts when its mixed
    case is a valid EIP-55 checksum (1.0), or after a wallet word ("eth", "wallet"...) (0.85).
    """

    label = "CRYPTO"
    priority = 68
    base_score = SCORE_VALIDATED
    context = _ETH_CONTEXT

    def search(self, text: str) -> Iterator[Match]:
        for m in _BTC_BASE58.finditer(text):
            raw = base58_decode(m.group())
            if raw is not None and len(raw) == 25 and raw[0] in (0, 5) and base58check_valid(m.group()):
                yield self.match(m.start(), m.end(), SCORE_VALIDATED)
        for m in _BTC_BECH32.finditer(text):
            if bech32_valid(m.group()):
                yield self.match(m.start(), m.end(), SCORE_VALIDATED)
        for m in _ETH.finditer(text):
            if eip55_valid(m.group("hex")):
                yield self.match(m.start(), m.end(), SCORE_VALIDATED)
            elif self.has_context(text, m.start(), m.end()):
                yield self.match(m.start(), m.end(), SCORE_CONTEXT)

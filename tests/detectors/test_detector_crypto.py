"""CRYPTO: Bitcoin base58check and bech32, Ethereum with an EIP-55 checksum or a wallet word."""
from typing import Callable, List

import pytest

NAME = "crypto"


@pytest.mark.parametrize(
    "text,expected,score",
    [
        ("bitcoin 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", ["1BoatSLRHtKNngkdXEeobR76b53LETtpyT"], 1.0),
        ("to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy.", ["3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"], 1.0),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", ["bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"], 1.0),
        ("taproot bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
         ["bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"], 1.0),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"], 1.0),
        ("ETH wallet: 0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
         ["0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"], 0.85),
    ],
)  # fmt: skip
def test_crypto_found(
    found: Callable[[str, str], List[str]],
    scores: Callable[[str, str], List[float]],
    text: str,
    expected: List[str],
    score: float,
) -> None:
    assert found(NAME, text) == expected
    assert scores(NAME, text) == [score]


@pytest.mark.parametrize(
    "text",
    [
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyX",  # base58check fails
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx",  # bech32 fails
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  # EIP-55 case wrong
        "hash 0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",  # all lower case, no wallet word
        "1111111111111111111111111111111111",  # base58 of zeros: no checksum
        "x1BoatSLRHtKNngkdXEeobR76b53LETtpyT",  # glued to a word
    ],
)
def test_crypto_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_crypto_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []

"""CRYPTO: Bitcoin base58check and bech32, Ethereum with an EIP-55 checksum or a wallet word."""
from detector_tables import table_tests

FOUND = [
    ('bitcoin 1BoatSLRHtKNngkdXEeobR76b53LETtpyT', [('1BoatSLRHtKNngkdXEeobR76b53LETtpyT', 1.0)]),
    ('to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy.', [('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 1.0)]),
    ('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', [('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 1.0)]),
    ('taproot bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297', [('bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297', 1.0)]),
    ('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', [('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 1.0)]),
    ('ETH wallet: 0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b', [('0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b', 0.85)]),
]
REJECTED = [
    "1BoatSLRHtKNngkdXEeobR76b53LETtpyX",  # base58check fails
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx",  # bech32 fails
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  # EIP-55 case wrong
    "hash 0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",  # all lower case, no wallet word
    "1111111111111111111111111111111111",  # base58 of zeros: no checksum
    "x1BoatSLRHtKNngkdXEeobR76b53LETtpyT",  # glued to a word
]

test_found, test_rejected, test_lookalikes = table_tests('crypto', FOUND, REJECTED)

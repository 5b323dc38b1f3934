"""MAC_ADDRESS: hardware addresses (`aa:bb:cc:dd:ee:ff`, `aa-bb-...`, Cisco `aabb.ccdd.eeff`)."""
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_SHAPE, SCORE_STRONG_SHAPE, Detector, Match, words

_MAC = re.compile(
    r"(?<![\w:.-])"
    r"(?:[0-9A-Fa-f]{2}(?P<sep>[:-])[0-9A-Fa-f]{2}(?:(?P=sep)[0-9A-Fa-f]{2}){4}"
    r"|(?P<dotted>[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}))"
    r"(?![\w:-]|\.\w)"
)


def find_mac_addresses(text: str) -> Iterator[Match]:
    """Find MAC addresses: `aa:bb:cc:dd:ee:ff`, `aa-bb-...`, Cisco `aabb.ccdd.eeff`.

    text (str): the text to search.
    YIELDS (Match): MAC_ADDRESS matches. The dotted form needs a hex letter (a-f), so a
        number like 1234.5678.9012 is not taken for one.
    """
    for m in _MAC.finditer(text):
        if m.group("dotted") and not re.search(r"[A-Fa-f]", m.group("dotted")):
            continue
        yield Match(m.start(), m.end(), "MAC_ADDRESS", SCORE_SHAPE)


@registry.detectors("mac_address")
class MacAddressDetector(Detector):
    """MAC addresses: a strict shape (0.6), 0.9 with a word such as "mac", "ether", "hwaddr"."""

    label = "MAC_ADDRESS"
    priority = 50
    base_score = SCORE_SHAPE
    context_score = SCORE_STRONG_SHAPE
    context = words("mac", "mac address", "ether", "hwaddr", "bssid", "wifi", "device", "client")

    def search(self, text: str) -> Iterator[Match]:
        return find_mac_addresses(text)

    def rescore(self, text: str, match: Match) -> float:
        return self.score(self.has_context(text, match.start, match.end))

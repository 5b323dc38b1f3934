"""IP_ADDRESS: IPv4 and IPv6 addresses of hosts, checked by `ipaddress`."""
import ipaddress
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_VALIDATED, Detector, Match

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
# Up to 7 "group:" then a tail group or a dotted IPv4; candidates only, ipaddress decides.
_IPV6 = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?![\w:]|\.\d)"
)
# "Chrome/124.0.0.0", "v1.2.3.4", "version 1.2.3.4": a product token or version word before.
_VERSION_BEFORE = re.compile(
    r"(?:[A-Za-z0-9_]/|(?<![A-Za-z])[vV]|\b(?:version|ver|build|release|rev)\b[\s:=]{0,3})\Z",
    re.IGNORECASE,
)


def _version_context(text: str, start: int) -> bool:
    return _VERSION_BEFORE.search(text[max(0, start - 12) : start]) is not None


_PREFIX_LEN = re.compile(r"/(\d{1,3})(?!\d)")


def _network_prefix(text: str, end: int, bits: int) -> bool:
    """Whether the address ending at `end` is followed by a CIDR prefix shorter than a host's."""
    m = _PREFIX_LEN.match(text, end)
    return m is not None and int(m.group(1)) < bits


def find_ip_addresses(text: str) -> Iterator[Match]:
    """Find IPv4 (octets <= 255) and IPv6 addresses of hosts: not version strings, not
    0.x/127.x/255.x (unspecified, loopback, netmasks), not networks (`10.0.0.0/8`).

    text (str): the text to search.
    YIELDS (Match): IP_ADDRESS matches, score 1.0 (parser-validated).
    """
    for m in _IPV4.finditer(text):
        octets = [int(part) for part in m.group().split(".")]
        if any(o > 255 for o in octets) or _version_context(text, m.start()):
            continue
        if octets[0] in (0, 127, 255) or _network_prefix(text, m.end(), 32):
            continue  # unspecified, loopback, netmask/broadcast, or a network: no host
        yield Match(m.start(), m.end(), "IP_ADDRESS", SCORE_VALIDATED)
    for m in _IPV6.finditer(text):
        candidate = m.group()
        try:
            ipaddress.IPv6Address(candidate)
        except ValueError:
            continue
        groups = [g for g in re.split(r"[:.]", candidate) if g]
        # "::1", "a::b" (and C++ "std::x", which the lookbehind already skips) are not
        # addresses worth a span: ask for a full address or two groups with 4+ hex digits.
        if "::" in candidate and (len(groups) < 2 or sum(len(g) for g in groups) < 4):
            continue
        if _network_prefix(text, m.end(), 128):
            continue
        yield Match(m.start(), m.end(), "IP_ADDRESS", SCORE_VALIDATED)


@registry.detectors("ip_address")
class IpAddressDetector(Detector):
    """IPv4/IPv6 host addresses, parser-validated (score 1.0)."""

    label = "IP_ADDRESS"
    priority = 55
    base_score = SCORE_VALIDATED

    def search(self, text: str) -> Iterator[Match]:
        return find_ip_addresses(text)

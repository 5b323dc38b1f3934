"""URL: web addresses with a scheme (`https://...`, `postgres://...`) or starting `www.`."""
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_STRONG_SHAPE, Detector, Match

_URL = re.compile(
    r"(?<![A-Za-z0-9+.-])(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.-]{0,15})://|(?=www\.))"
    r"(?P<userinfo>[^\s/?#@\"'<>\[\]{}|\\^`]{1,256}@)?"
    r"(?P<host>\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252}[A-Za-z0-9])?)"
    r"(?::\d{1,5})?"
    r"(?P<rest>[/?#][^\s\"'<>\x00-\x1f\x7f]{0,4096})?"
)
_TLD = re.compile(r"\.[A-Za-z]{2,24}$|\.[A-Za-z]{2,24}\.?$|\.\d{1,3}$")
# Punctuation that ends a sentence or closes a bracket after a URL in prose or a log.
_TRAILING = ".,;:!?'\")]}>*"


@registry.detectors("url")
class UrlDetector(Detector):
    """URLs: a scheme and `://` or `www.`, then a host (a domain with a dot, `localhost`, an
    IP, or any host after user info), an optional port, path, query string and fragment.
    The whole URL is one span, user info and query string included (they often carry a
    name, an e-mail or a token). Trailing sentence punctuation and an unbalanced closing
    bracket are left out. Score 0.9 (a distinctive structure).
    """

    label = "URL"
    priority = 57
    base_score = SCORE_STRONG_SHAPE

    def search(self, text: str) -> Iterator[Match]:
        for m in _URL.finditer(text):
            host = m.group("host")
            if m.group("scheme") is None and not host.lower().startswith("www."):
                continue
            if not (
                host.startswith("[")
                or _TLD.search(host)
                or host.lower() == "localhost"
                or m.group("userinfo")
            ):
                continue
            end = m.end()
            while end > m.end("host") and text[end - 1] in _TRAILING:
                closer = text[end - 1]
                opener = {")": "(", "]": "[", "}": "{"}.get(closer)
                if opener and text.count(opener, m.start(), end) >= text.count(closer, m.start(), end):
                    break  # balanced: "wiki/Foo_(bar)" keeps its bracket
                end -= 1
            yield self.match(m.start(), end, self.base_score)

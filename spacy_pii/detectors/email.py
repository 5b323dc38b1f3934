"""EMAIL_ADDRESS: e-mail addresses, including URL-encoded ones (`jane%40example.com`)."""
import re
from typing import Iterator

from ..registry import registry
from .base import SCORE_STRONG_SHAPE, Detector, Match

# Local part: plain characters or %XX escapes other than %40 (so "jane%2Bx%40ex.com" is one
# address); it never starts inside a run of such characters or inside an escape.
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._+%-])(?<!%[0-9A-Fa-f])(?!')"
    r"(?:[A-Za-z0-9._+'-]|%(?!40)[0-9A-Fa-f]{2}){1,64}"
    r"(?:@|%40)"
    r"(?P<domain>(?:[A-Za-z0-9-]{1,63}\.){1,10}[A-Za-z]{2,24})"
    r"(?![A-Za-z0-9-])"
)


# Spoken and obfuscated forms ("jane at example dot com", "jane [at] example [dot] com"):
# not searched for (too many hits in prose), but a value the NER proposes in such a form is
# an e-mail address if it is one once written plainly (`EmailDetector.accepts`).
_SPOKEN_AT = re.compile(r"[ \t]*[\[(<{][ \t]*(?:at|@)[ \t]*[\])>}][ \t]*|[ \t]+at[ \t]+", re.IGNORECASE)
_SPOKEN_DOT = re.compile(r"[ \t]*[\[(<{][ \t]*dot[ \t]*[\])>}][ \t]*|[ \t]+dot[ \t]+", re.IGNORECASE)

# The password of URL user info ("postgres://app:s3cret@db.example.com"): not a mailbox.
_USERINFO_BEFORE = re.compile(r"://[^\s/?#@:]{0,256}:\Z")

# Mailboxes no person reads: not personal data.
_SYSTEM_MAILBOX = re.compile(r"no-?reply|do-?not-?reply|mailer-daemon|postmaster", re.IGNORECASE)


def find_emails(text: str) -> Iterator[Match]:
    """Find e-mail addresses, including URL-encoded ones (`jane%40example.com`).

    text (str): the text to search.
    YIELDS (Match): EMAIL_ADDRESS matches; the span covers the encoded form as written.
    """
    for m in _EMAIL.finditer(text):
        labels = m.group("domain").split(".")
        if any(label.startswith("-") or label.endswith("-") for label in labels):
            continue
        start = m.start()
        # "...jane@example.com": an ellipsis is not part of the address.
        while text[start] == ".":
            start += 1
        if text[start] == "@" or text.startswith("%40", start):
            continue
        if text.startswith("://", start - 3) or _USERINFO_BEFORE.search(text, max(0, start - 256), start):
            continue  # URL userinfo (a Sentry DSN key, user:pass@host): not a mailbox
        if _SYSTEM_MAILBOX.fullmatch(re.split("@|%40", text[start : m.end()], maxsplit=1)[0]):
            continue
        yield Match(start, m.end(), "EMAIL_ADDRESS", SCORE_STRONG_SHAPE)


@registry.detectors("email")
class EmailDetector(Detector):
    """E-mail addresses: a shape with checked domain labels (score 0.9); mailboxes no person
    reads (no-reply, postmaster) and URL userinfo are skipped."""

    label = "EMAIL_ADDRESS"
    priority = 60
    base_score = SCORE_STRONG_SHAPE

    def search(self, text: str) -> Iterator[Match]:
        return find_emails(text)

    def accepts(self, text: str, start: int, end: int) -> bool:
        """A proposed value is an address as written, encoded, or in a spoken form (see
        `Detector.accepts`)."""
        if super().accepts(text, start, end):
            return True
        value = text[start:end].strip(" \t\"'<>()[],;:")
        plain = _SPOKEN_DOT.sub(".", _SPOKEN_AT.sub("@", value, count=1))
        return plain != value and any(m.start == 0 and m.end == len(plain) for m in find_emails(plain))

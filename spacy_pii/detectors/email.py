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
        if text.startswith("://", start - 3):
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

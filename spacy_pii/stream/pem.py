"""The PEM key body carry: detection that needs more than one line.

Waiting to move: this belongs to the credential detector (issue 12, helper A moves it to
the detectors package). The stream loop knows only the `LineCarry` interface
(`spacy_pii.stream.loop`) and takes its carries as an argument; `DEFAULT_CARRIES` is the
one place that names this class.
"""
import re
from typing import Callable, Sequence

from ..patterns import PEM_BEGIN, PEM_END
from .reading import decode

# A line of a PEM private key body: base64, an RFC 1421 header, or blank.
_PEM_BODY_LINE = re.compile(r"\s*(?:[A-Za-z0-9+/]+={0,2}|(?:Proc-Type|DEK-Info):.*)?\s*")
PEM_MAX_BODY_LINES = 200


class PemCarry:
    """Follows `-----BEGIN ... PRIVATE KEY-----` across lines of plain text.

    Each line is redacted on its own, so the detector sees a BEGIN line but not the base64
    lines after it. After a BEGIN with no END on its line, the lines that look like key body
    are marked to be masked whole, up to the END line, the first line that is not key body,
    or PEM_MAX_BODY_LINES lines.
    """

    label = "CREDENTIAL"

    def __init__(self) -> None:
        self.body_lines = -1  # -1: outside a block

    def is_body(self, content: bytes) -> bool:
        """Whether this line (in stream order) is inside an open key block."""
        if self.body_lines < 0 and b"-----BEGIN" not in content:
            return False  # the common case, without decoding
        text = decode(content)
        if self.body_lines >= 0:
            if self.body_lines < PEM_MAX_BODY_LINES and _PEM_BODY_LINE.fullmatch(text):
                self.body_lines += 1
                return True
            self.body_lines = -1
        begins = list(PEM_BEGIN.finditer(text))
        if begins and not PEM_END.search(text, begins[-1].end()):
            self.body_lines = 0
        return False


# Factories of the carries a stream runs by default (one fresh state per stream).
DEFAULT_CARRIES: Sequence[Callable[[], PemCarry]] = (PemCarry,)

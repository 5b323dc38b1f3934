"""A detector base for national numbers whose written layout is itself evidence.

Many national numbers are written in the issuer's layout (`19121212-1212`, `900101-1234567`,
`123-45-67890`) and run together in forms and logs. The layout with its separators is rare
in machine text, so a valid value laid out that way is found on its own; the same digits
run together are one more digit run in a log line and need a context word.
"""
from typing import ClassVar, Iterator

from .base import Detector, Match


class LayoutDetector(Detector):
    """A `Detector` whose compact candidates (letters and digits only) need a context word
    while candidates with the issuer's separators do not (unless `context_required`).

    `base_score` is the score of a laid-out value without a context word.
    """

    compact_needs_context: ClassVar[bool] = True

    def search(self, text: str) -> Iterator[Match]:
        for start, end in self.candidates(text):
            value = text[start:end]
            if not self.validate(value):
                continue
            context = self.has_context(text, start, end)
            if not context and (self.context_required or (self.compact_needs_context and value.isalnum())):
                continue
            yield Match(start, end, self.label, self.score(context))

"""Detector bases for national numbers: a context rule that other IDs interrupt, and
layouts that count as evidence.

National numbers are mostly bare digits or letter-digit codes that log lines and forms
are full of, so most need a context word ("passport", "Steuer-ID"). A context word counts
only when no word naming another kind of ID ("case", "order", "ticket"...) stands between
it and the value: in "two passport photos. Case RMA237365" the value is a case number.

Many national numbers are also written in the issuer's layout (`19121212-1212`,
`900101-1234567`, `123-45-67890`). The layout with its separators is rare in machine
text, so a valid value laid out that way is found on its own; the same digits run
together are one more digit run in a log line and need a context word.

Their regexes start with a character class and check the character before it with a
lookbehind placed after it (`\\d(?<![\\w-]\\d)\\d{8}` rather than `(?<![\\w-])\\d{9}`): the regex
engine skips quickly to characters of a leading class, not past a leading lookbehind, so
each detector's pass over a log costs a third to a half.
"""
from typing import ClassVar, Iterator

from .base import Detector, Match, words

# Words that say the value after them is another kind of ID.
OTHER_ID_WORDS = words(
    "case", "order", "ticket", "invoice", "ref", "reference", "booking", "tracking", "confirmation",
    "transaction", "txn", "serial", "sku", "build", "version", "request", "job", "pid", "port",
    "session", "item", "part", "model",
)  # fmt: skip


class NationalIdDetector(Detector):
    """A `Detector` whose context word counts only if no `OTHER_ID_WORDS` word follows it
    before the candidate."""

    def has_context(self, text: str, start: int, end: int) -> bool:
        if self.context is None:
            return False
        last = -1
        for m in self.context.finditer(text, max(0, start - self.context_window), start):
            last = m.end()
        if last >= 0 and OTHER_ID_WORDS.search(text, last, start) is None:
            return True
        return self.context_after > 0 and self.context.search(text, end, end + self.context_after) is not None


class LayoutDetector(NationalIdDetector):
    """A `NationalIdDetector` whose compact candidates (letters and digits only) need a
    context word while candidates with the issuer's separators do not (unless
    `context_required`). `base_score` is the score of a laid-out value without one."""

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

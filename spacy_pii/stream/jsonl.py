"""Lines as texts to redact: a JSON object's string values (JSONL), or the line itself.

`PreparedLine` turns one input line into the texts the redactor sees and rebuilds the
output line from their redactions: a JSON object keeps its keys and structure, anything
else (also a line of a JSONL stream that is not a JSON object) is redacted as plain text.
"""
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple, Union

import orjson

from ..errors import Errors
from .reading import Line, decode, encode

KeyPath = Tuple[str, ...]
JsonContainer = Union[Dict[str, Any], List[Any]]
_Slot = Tuple[JsonContainer, Union[str, int]]


def mask_text(text: str) -> str:
    """Replace every non-whitespace character with "*" (the fail-closed fallback).

    text (str): the text.
    RETURNS (str): the masked text, whitespace kept.
    """
    return "".join(c if c.isspace() else "*" for c in text)


def mask_line(line: Line) -> bytes:
    """A line with every non-whitespace character masked, ending kept."""
    return encode(mask_text(decode(line.content))) + line.ending


def parse_key_path(value: str) -> KeyPath:
    """Parse a `--key` argument: dot-separated keys, each step through arrays elementwise.

    value (str): e.g. "user.email".
    RETURNS (KeyPath): the keys, e.g. ("user", "email").
    """
    steps = tuple(value.split("."))
    if not value or any(not s for s in steps):
        raise ValueError(Errors.E205.format(value=value))
    return steps


def _collect(
    container: JsonContainer,
    key: Union[str, int],
    steps: KeyPath,
    out: List[_Slot],
    seen: Set[Tuple[int, Union[str, int]]],
) -> None:
    value = container[key]  # type: ignore[index]
    if isinstance(value, str) or _long_int(value):
        if not steps and (id(container), key) not in seen:
            seen.add((id(container), key))
            out.append((container, key))
    elif isinstance(value, list):
        # A step through an array applies to each element.
        for i in range(len(value)):
            _collect(value, i, steps, out, seen)
    elif isinstance(value, dict):
        if not steps:
            for k in value:
                _collect(value, k, (), out, seen)
        elif steps[0] in value:
            _collect(value, steps[0], steps[1:], out, seen)


def _long_int(value: Any) -> bool:
    # An integer of 7+ digits may be a card, phone or SSN logged as a JSON number; shorter
    # ones (counts, ports, status codes) cannot be, and stay numbers untouched.
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1_000_000


def json_string_slots(obj: Dict[str, Any], key_paths: Optional[Sequence[KeyPath]]) -> List[_Slot]:
    """Find the values of a JSON object to redact, as (container, key) slots: every string,
    and every integer of 7 or more digits (redacted as its decimal text; written back as a
    string only if redaction changed it).

    obj (Dict[str, Any]): the parsed object.
    key_paths (Optional[Sequence[KeyPath]]): paths to follow; None means every string value,
        in nested objects and arrays too. A path ending on an object or array covers all
        strings under it.
    RETURNS (List[_Slot]): the slots, each once, in document order per path.
    """
    out: List[_Slot] = []
    seen: Set[Tuple[int, Union[str, int]]] = set()
    if key_paths is None:
        for k in obj:
            _collect(obj, k, (), out, seen)
    else:
        for path in key_paths:
            if path[0] in obj:
                _collect(obj, path[0], path[1:], out, seen)
    return out


class PreparedLine:
    """A line turned into texts to redact and a way to rebuild the output from them.

    line (Line): the input line.
    jsonl (bool): parse the line as a JSON object and redact its values.
    key_paths (Optional[Sequence[KeyPath]]): with jsonl, the values to redact (None: all).
    masked_whole (bool): the line is masked whole without detection (e.g. a key body line).
    """

    def __init__(
        self,
        line: Line,
        jsonl: bool = False,
        key_paths: Optional[Sequence[KeyPath]] = None,
        masked_whole: bool = False,
    ) -> None:
        self.line = line
        self.masked_whole = masked_whole
        self.is_json = False
        self.json_invalid = False
        self._obj: Optional[Dict[str, Any]] = None
        self._slots: List[_Slot] = []
        self.texts: List[str] = []
        if masked_whole:
            return  # nothing to detect
        if jsonl and line.content.strip():
            try:
                obj = orjson.loads(line.content)
            except orjson.JSONDecodeError:
                obj = None
            if isinstance(obj, dict):
                self.is_json = True
                self._obj = obj
                self._slots = json_string_slots(obj, key_paths)
                self.texts = [str(c[k]) for c, k in self._slots]  # type: ignore[index]
                return
            # Not JSON, or not an object: redacted as plain text, never passed through.
            self.json_invalid = True
        self.texts = [decode(line.content)]

    def render(self, redacted: Sequence[str]) -> bytes:
        """Build the output line (ending included) from the redacted texts."""
        if self.masked_whole:
            return self.render_masked()
        if self._obj is not None:
            if list(redacted) == self.texts:
                # Nothing to replace: the line goes out byte for byte (its spacing and key
                # order included), not re-serialized.
                return self.line.content + self.line.ending
            for (container, key), value, text in zip(self._slots, redacted, self.texts):
                if value != text or isinstance(container[key], str):  # type: ignore[index]
                    container[key] = value  # type: ignore[index]
            body = orjson.dumps(self._obj)
        else:
            body = encode(redacted[0])
        return body + self.line.ending

    def render_masked(self) -> bytes:
        """Build the fail-closed output: every non-whitespace character masked.

        A JSON object keeps its keys and structure and has each targeted string fully
        masked, so the output stays valid JSON; any other line is masked whole.
        """
        if self._obj is not None:
            return self.render([mask_text(t) for t in self.texts])
        return mask_line(self.line)

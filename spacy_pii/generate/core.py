"""The template engine: builders that track spans, slots, templates and the generation context.

A template is either a format string with `{slot}` / `{slot:arg}` placeholders, or a function
that writes into a `Builder`. Slots are registered functions that return pieces of text, each
with a label or `None` (a hard negative or plain text). Because text is assembled piece by piece,
span offsets are exact by construction and never recovered by searching the text.
"""
import random
import re
from dataclasses import dataclass
from typing import (
    Any,
    Callable,
    Dict,
    FrozenSet,
    Iterable,
    List,
    Optional,
    Set,
    Tuple,
    Union,
)

from ..errors import Errors
from ..labels import LABELS
from .people import Persona, make_persona

Piece = Tuple[str, Optional[str]]
Pieces = List[Piece]
Span = Tuple[int, int, str]
SlotFunc = Callable[["Context", str], Pieces]
TemplateFunc = Callable[["Context", "Builder"], None]

_LABEL_SET = frozenset(LABELS)
_ABBREV_END = re.compile(r"(?:\b(?:Inc|Ltd|Corp|Co|Bros|Jr|Sr|St|Ave|Rd|Blvd|Dr|Ln|Pl|Mt|Ft)|[A-Za-z]\.[A-Za-z])$")
_SLOT_RE = re.compile(r"\{([a-z][a-z0-9_]*)(?::([A-Za-z0-9_.-]*))?\}")


@dataclass
class Example:
    """One generated example: text, sorted character spans and its genre.

    `templates` names the templates that produced it (for diagnostics, never written).
    """

    text: str
    spans: List[Span]
    genre: str
    templates: Tuple[str, ...] = ()

    def to_dict(self) -> Dict[str, Any]:
        """The JSONL record: `{"text", "spans": [{"start", "end", "label"}], "genre"}`.

        RETURNS (Dict[str, Any]): the record, keys in a fixed order.
        """
        return {
            "text": self.text,
            "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in self.spans],
            "genre": self.genre,
        }


class Builder:
    """Accumulates text pieces and the character spans of the labelled ones."""

    def __init__(self) -> None:
        self._parts: List[str] = []
        self._spans: List[Span] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def text(self, value: str) -> "Builder":
        """Append unlabelled text.

        value (str): the text.
        RETURNS (Builder): self, for chaining.
        """
        if value:
            self._parts.append(value)
            self._len += len(value)
        return self

    def value(self, value: str, label: Optional[str]) -> "Builder":
        """Append a value; a labelled value becomes a span. Surrounding whitespace is moved
        outside the span so spans never start or end with whitespace.

        value (str): the value text.
        label (Optional[str]): its label, or None for unlabelled text.
        RETURNS (Builder): self, for chaining.
        """
        if label is None:
            return self.text(value)
        if label not in _LABEL_SET:
            raise ValueError(Errors.E001.format(labels=label, known=", ".join(LABELS)))
        core = value.strip()
        if not core:
            raise ValueError(Errors.E050.format(label=label, offset=self._len))
        lead = value[: len(value) - len(value.lstrip())]
        trail = value[len(value.rstrip()) :]
        self.text(lead)
        self._spans.append((self._len, self._len + len(core), label))
        self.text(core)
        return self.text(trail)

    def pieces(self, pieces: Iterable[Piece]) -> "Builder":
        """Append a sequence of (text, label) pieces.

        pieces (Iterable[Piece]): the pieces.
        RETURNS (Builder): self, for chaining.
        """
        for value, label in pieces:
            self.value(value, label)
        return self

    def extend(self, other: "Builder") -> "Builder":
        """Append another builder's text and spans, shifted to the end of this one.

        other (Builder): the builder to append.
        RETURNS (Builder): self, for chaining.
        """
        offset = self._len
        self._parts.extend(other._parts)
        self._spans.extend((s + offset, e + offset, lab) for s, e, lab in other._spans)
        self._len += other._len
        return self

    def recase(self, func: Callable[[str], str]) -> "Builder":
        """The same text with every piece re-cased (`str.lower`, `str.upper`), spans kept.

        Offsets stay exact only when no piece changes length ("ß".upper() is "SS"); if one
        would, the text is returned unchanged.

        func (Callable[[str], str]): the case function.
        RETURNS (Builder): a new builder, or self when a piece would change length.
        """
        parts = [func(part) for part in self._parts]
        if any(len(new) != len(old) for new, old in zip(parts, self._parts)):
            return self
        out = Builder()
        out._parts, out._spans, out._len = parts, list(self._spans), self._len
        return out

    @property
    def n_spans(self) -> int:
        return len(self._spans)

    def build(self) -> Tuple[str, List[Span]]:
        """Join the pieces.

        RETURNS (Tuple[str, List[Span]]): the text and its sorted spans.
        """
        return "".join(self._parts), sorted(self._spans)


@dataclass(frozen=True)
class Slot:
    """A named value maker. `labels` lists every label it can emit (empty: a hard negative)."""

    name: str
    func: SlotFunc
    labels: FrozenSet[str]


SLOTS: Dict[str, Slot] = {}


def slot(name: str, *labels: str) -> Callable[[SlotFunc], SlotFunc]:
    """Register a slot function under `name`.

    name (str): the placeholder name used in templates.
    labels (str): the labels the slot can emit; none for unlabelled values.
    RETURNS (Callable[[SlotFunc], SlotFunc]): the decorator.
    """

    def register(func: SlotFunc) -> SlotFunc:
        for label in labels:
            if label not in _LABEL_SET:
                raise ValueError(Errors.E001.format(labels=label, known=", ".join(LABELS)))
        SLOTS[name] = Slot(name, func, frozenset(labels))
        return func

    return register


@dataclass(frozen=True)
class Template:
    """One template of a genre: a format string or a function writing into a Builder."""

    id: str
    genre: str
    source: Union[str, TemplateFunc]
    labels: FrozenSet[str]

    @property
    def negative(self) -> bool:
        return not self.labels


def parse_format(source: str) -> List[Tuple[str, Optional[str], str]]:
    """Split a format string into (literal, slot name or None, slot arg) parts.

    source (str): the format string.
    RETURNS (List[Tuple[str, Optional[str], str]]): the parts, in order.
    """
    parts: List[Tuple[str, Optional[str], str]] = []
    pos = 0
    for match in _SLOT_RE.finditer(source):
        parts.append((source[pos : match.start()], match.group(1), match.group(2) or ""))
        pos = match.end()
    parts.append((source[pos:], None, ""))
    return parts


def format_labels(source: str, genre: str, template_id: str) -> FrozenSet[str]:
    """The labels a format string can produce, from its slots.

    source (str): the format string.
    genre (str): the genre, for the error message.
    template_id (str): the template id, for the error message.
    RETURNS (FrozenSet[str]): the labels.
    """
    labels: Set[str] = set()
    for _, name, _ in parse_format(source):
        if name is None:
            continue
        if name not in SLOTS:
            raise ValueError(Errors.E051.format(slot=name, template=template_id, genre=genre))
        labels |= SLOTS[name].labels
    return frozenset(labels)


class Context:
    """Per-example state: the random stream, the Faker pool, the genre and its personas.

    rng (random.Random): the split's random stream.
    fakers (Any): the FakerPool of the split.
    genre (Any): the GenreSpec of the example.
    locale (str): the main locale of the example.
    """

    def __init__(self, rng: random.Random, fakers: Any, genre: Any, locale: str) -> None:
        self.rng = rng
        self.fakers = fakers
        self.genre = genre
        self.locale = locale
        self.personas: Dict[int, Persona] = {}
        self.memo: Dict[str, Any] = {}
        self.used: List[str] = []

    def fake(self, locale: Optional[str] = None) -> Any:
        """The Faker instance for a locale (default: the example's).

        locale (Optional[str]): the locale.
        RETURNS (Faker): the seeded Faker instance.
        """
        return self.fakers.get(locale or self.locale)

    def persona(self, arg: str = "") -> Persona:
        """The persona numbered by a slot argument ("" or "0" is the first), created on demand.

        arg (str): the slot argument; its leading digit picks the persona.
        RETURNS (Persona): the persona.
        """
        index = int(arg[0]) if arg[:1].isdigit() else 0
        if index not in self.personas:
            self.personas[index] = make_persona(self.rng, self.locale, self.fake)
        return self.personas[index]

    def chance(self, p: float) -> bool:
        """True with probability p."""
        return self.rng.random() < p


def render_slot(ctx: Context, name: str, arg: str) -> Pieces:
    """Render one slot, preferring the genre's own version of it.

    ctx (Context): the example context.
    name (str): the slot name.
    arg (str): the slot argument.
    RETURNS (Pieces): the pieces.
    """
    override = ctx.genre.slots.get(name)
    if override is not None:
        pieces = override(ctx, arg)
    else:
        pieces = SLOTS[name].func(ctx, arg)
    style = ctx.genre.style_value
    if style is None:
        return pieces
    return [(style(ctx, text, label), label) for text, label in pieces]


def render(ctx: Context, template: Template) -> Builder:
    """Render a template into a new builder, applying the genre's literal noise.

    ctx (Context): the example context.
    template (Template): the template.
    RETURNS (Builder): the rendered text and spans.
    """
    builder = Builder()
    if callable(template.source):
        template.source(ctx, builder)
        return builder
    noise = ctx.genre.noise_literal
    parts = parse_format(template.source)
    carry = ""
    for i, (literal, name, arg) in enumerate(parts):
        literal = literal[len(carry) :]
        carry = ""
        if literal:
            builder.text(noise(ctx, literal) if noise is not None else literal)
        if name is None:
            continue
        pieces = render_slot(ctx, name, arg)
        following = parts[i + 1][0] if i + 1 < len(parts) else ""
        if pieces and following.startswith("."):
            value, label = pieces[-1]
            if value.endswith("."):
                # "Acme Inc." + "." would print "Acme Inc.."; writers drop the second period.
                carry = "."
            elif label is not None and _ABBREV_END.search(value):
                # "Acme Ltd" + "." reads as "Acme Ltd." and the tokenizer keeps "Ltd." whole.
                pieces = pieces[:-1] + [(value + ".", label)]
                carry = "."
        builder.pieces(pieces)
    return builder

"""What every genre has: templates with and without PII, slot overrides, noise and a composer."""
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple, Union

from ...errors import Errors
from .. import negatives, providers  # noqa: F401  (importing them registers their slots)
from ..core import Builder, Context, SlotFunc, Template, TemplateFunc, format_labels, render

LiteralNoise = Callable[[Context, str], str]
ValueStyle = Callable[[Context, str, Optional[str]], str]
Composer = Callable[[Context, bool], Builder]
Source = Union[str, TemplateFunc, Tuple[TemplateFunc, Sequence[str]]]

# Share of positive picks that first choose a label uniformly, then a template showing it:
# this keeps rare labels (MAC, IBAN, SSN) near the common ones without hand-tuned weights.
LABEL_TARGETED_SHARE = 0.6


def make_templates(genre: str, kind: str, sources: Sequence[Source]) -> List[Template]:
    """Build Template objects with ids `genre.kind.NNN`.

    genre (str): the genre name.
    kind (str): the group name ("pos", "neg", "greeting", ...).
    sources (Sequence[Source]): format strings, or (function, labels) pairs.
    RETURNS (List[Template]): the templates.
    """
    out: List[Template] = []
    for i, source in enumerate(sources):
        template_id = f"{genre}.{kind}.{i:03d}"
        if isinstance(source, str):
            out.append(Template(template_id, genre, source, format_labels(source, genre, template_id)))
        elif isinstance(source, tuple):
            func, labels = source
            out.append(Template(template_id, genre, func, frozenset(labels)))
        else:
            out.append(Template(template_id, genre, source, frozenset()))
    return out


@dataclass
class GenreSpec:
    """A genre: its templates, how it renders values, and how it strings units together.

    name (str): the value of the `genre` field.
    weight (float): its share of the corpus, relative to the other genres.
    positives (List[Template]): templates with at least one labelled slot.
    negatives (List[Template]): templates without PII (hard negatives included).
    parts (Dict[str, List[Template]]): other template groups the composer uses (greetings, ...).
    slots (Dict[str, SlotFunc]): genre versions of slots (spoken numbers, typed e-mails, ...).
    noise_literal (Optional[LiteralNoise]): noise applied to template text between slots.
    style_value (Optional[ValueStyle]): styling applied to every slot value (label None when
        the value is unlabelled).
    compose (Optional[Composer]): builds one example; set by the genre module.
    """

    name: str
    weight: float
    positives: List[Template]
    negatives: List[Template]
    parts: Dict[str, List[Template]] = field(default_factory=dict)
    slots: Dict[str, SlotFunc] = field(default_factory=dict)
    noise_literal: Optional[LiteralNoise] = None
    style_value: Optional[ValueStyle] = None
    compose: Optional[Composer] = None

    def __post_init__(self) -> None:
        if not self.positives:
            raise ValueError(Errors.E054.format(genre=self.name, kind="positive"))
        if not self.negatives:
            raise ValueError(Errors.E054.format(genre=self.name, kind="negative"))
        for template in self.negatives:
            if template.labels:
                raise ValueError(Errors.E054.format(genre=self.name, kind="PII-free negative"))
        self.by_label: Dict[str, List[Template]] = {}
        for template in self.positives:
            for label in sorted(template.labels):
                self.by_label.setdefault(label, []).append(template)
        self.labels: Tuple[str, ...] = tuple(sorted(self.by_label))
        self._part_index: Dict[Tuple[str, bool], Tuple[List[Template], Dict[str, List[Template]]]] = {}

    @property
    def n_templates(self) -> int:
        """Number of templates of every kind in this genre."""
        return len(self.positives) + len(self.negatives) + sum(len(v) for v in self.parts.values())

    def pick_positive(self, ctx: Context) -> Template:
        """A template with PII: label-targeted part of the time, uniform otherwise."""
        if ctx.rng.random() < LABEL_TARGETED_SHARE:
            label = ctx.rng.choice(self.labels)
            return ctx.rng.choice(self.by_label[label])
        return ctx.rng.choice(self.positives)

    def pick_part(self, ctx: Context, kind: str, positive: bool) -> Template:
        """A template of a part group: label-targeted among those with PII when positive,
        among the PII-free ones otherwise.

        ctx (Context): the example context.
        kind (str): the part group.
        positive (bool): whether to draw a template with PII.
        RETURNS (Template): the template.
        """
        key = (kind, positive)
        if key not in self._part_index:
            group = [t for t in self.parts[kind] if bool(t.labels) == positive]
            if not group:
                raise ValueError(Errors.E054.format(genre=self.name, kind=f"{kind}/{positive}"))
            index: Dict[str, List[Template]] = {}
            for template in group:
                for label in sorted(template.labels):
                    index.setdefault(label, []).append(template)
            self._part_index[key] = (group, index)
        group, index = self._part_index[key]
        if positive and ctx.rng.random() < LABEL_TARGETED_SHARE:
            return ctx.rng.choice(index[ctx.rng.choice(sorted(index))])
        return ctx.rng.choice(group)

    def pick_negative(self, ctx: Context) -> Template:
        """A template without PII."""
        return ctx.rng.choice(self.negatives)

    def unit(self, ctx: Context, template: Template) -> Builder:
        """Render a template and record its id on the context.

        ctx (Context): the example context.
        template (Template): the template.
        RETURNS (Builder): the rendered unit.
        """
        ctx.used.append(template.id)
        return render(ctx, template)

    def part(self, ctx: Context, kind: str, positive: bool) -> Builder:
        """Render a template of a part group, with PII or without.

        ctx (Context): the example context.
        kind (str): the part group.
        positive (bool): whether the template carries PII.
        RETURNS (Builder): the rendered part.
        """
        return self.unit(ctx, self.pick_part(ctx, kind, positive))


def units(ctx: Context, spec: GenreSpec, positive: bool, lo: int, hi: int, pos_share: float) -> List[Builder]:
    """Draw lo..hi units; for a positive example at least one carries PII.

    ctx (Context): the example context.
    spec (GenreSpec): the genre.
    positive (bool): whether the example should carry PII.
    lo (int): minimum number of units.
    hi (int): maximum number of units.
    pos_share (float): probability that each further unit carries PII.
    RETURNS (List[Builder]): the rendered units.
    """
    n = ctx.rng.randint(lo, hi)
    forced = ctx.rng.randrange(n)
    out: List[Builder] = []
    for i in range(n):
        if positive and (i == forced or ctx.rng.random() < pos_share):
            out.append(spec.unit(ctx, spec.pick_positive(ctx)))
        else:
            out.append(spec.unit(ctx, spec.pick_negative(ctx)))
    return out


def join(parts: Sequence[Builder], sep: Union[str, Callable[[], str]]) -> Builder:
    """Join builders with a separator (a string or a function returning one each time).

    parts (Sequence[Builder]): the builders.
    sep (Union[str, Callable[[], str]]): the separator.
    RETURNS (Builder): the joined builder.
    """
    out = Builder()
    for i, part in enumerate(parts):
        if i:
            out.text(sep() if callable(sep) else sep)
        out.extend(part)
    return out

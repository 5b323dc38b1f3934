"""People's names in every form, titles and lists of names."""
import string

from faker.decode import unidecode

from ..core import Context, Pieces, slot
from ..draw import weighted_choice
from ..people import ROMANIZED, Persona, make_persona
from .common import RANK_TITLES, TITLES

# --- people -------------------------------------------------------------------------------


def name_form(ctx: Context, persona: Persona, form: str = "") -> str:
    """A persona's name in one of the forms people write it.

    ctx (Context): the example context.
    persona (Persona): the persona.
    form (str): "full", "first", "last", "formal" (Last, First) or "" for a random form.
    RETURNS (str): the name.
    """
    rng = ctx.rng
    first, last = persona.first, persona.last
    if not form:
        form = weighted_choice(
            rng,
            (("full", 0.62), ("middle", 0.06), ("initial", 0.06), ("finitial", 0.05),
             ("first", 0.13), ("last", 0.04), ("formal", 0.04)),
        )
    if form == "first":
        return first
    if form == "last":
        return last
    if form == "formal":
        return f"{last}, {first}"
    if form == "middle":
        middle = ctx.fake(persona.locale if persona.locale not in ROMANIZED else "en_US").first_name()
        return f"{first} {middle} {last}"
    if form == "initial":
        return f"{first} {rng.choice(string.ascii_uppercase)}. {last}"
    if form == "finitial":
        return f"{first[0]}. {last}"
    return f"{first} {last}"


@slot("person", "PERSON")
def slot_person(ctx: Context, arg: str) -> Pieces:
    return [(name_form(ctx, ctx.persona(arg)), "PERSON")]


@slot("fullname", "PERSON")
def slot_fullname(ctx: Context, arg: str) -> Pieces:
    form = "middle" if ctx.chance(0.06) else "full"
    return [(name_form(ctx, ctx.persona(arg), form), "PERSON")]


@slot("first", "PERSON")
def slot_first(ctx: Context, arg: str) -> Pieces:
    return [(ctx.persona(arg).first, "PERSON")]


@slot("last", "PERSON")
def slot_last(ctx: Context, arg: str) -> Pieces:
    return [(ctx.persona(arg).last, "PERSON")]


@slot("titled", "PERSON")
def slot_titled(ctx: Context, arg: str) -> Pieces:
    """A title outside the span, then the surname (or full name) inside it."""
    persona = ctx.persona(arg)
    name = persona.last if ctx.chance(0.7) else f"{persona.first} {persona.last}"
    return [(ctx.rng.choice(TITLES) + " ", None), (name, "PERSON")]


@slot("spelled", "PERSON")
def slot_spelled(ctx: Context, arg: str) -> Pieces:
    """A surname spelled letter by letter, as callers do on the phone."""
    persona = ctx.persona(arg)
    word = persona.last if ctx.chance(0.7) else persona.first
    letters = [ch for ch in unidecode(word).lower() if ch.isalpha()] or ["x"]
    sep = ctx.rng.choice((" ", " ", "-", " . "))
    return [(sep.join(letters), "PERSON")]


# --- titles, lists of names ---------------------------------------------------------------


@slot("ranked", "PERSON")
def slot_ranked(ctx: Context, arg: str) -> Pieces:
    """A rank, office or religious title outside the span, then the name inside it."""
    persona = ctx.persona(arg)
    name = persona.last if ctx.chance(0.35) else f"{persona.first} {persona.last}"
    return [(ctx.rng.choice(RANK_TITLES) + " ", None), (name, "PERSON")]


@slot("namelist", "PERSON")
def slot_namelist(ctx: Context, arg: str) -> Pieces:
    """Three to nine people in a row (attendees, cast, signatories), one span each: full
    names, surnames alone or first names alone, the same form for most of the list."""
    rng = ctx.rng
    n = rng.randint(3, 9)
    main = weighted_choice(rng, (("full", 5), ("last", 3), ("first", 2)))
    last_sep = rng.choice((" and ", ", and ", ", ", " & "))
    sep = "; " if rng.random() < 0.1 else ", "
    pieces: Pieces = []
    for i in range(n):
        persona = make_persona(rng, ctx.locale, ctx.fake)
        form = main if rng.random() < 0.85 else rng.choice(("full", "last", "first", "finitial"))
        if i:
            pieces.append((last_sep if i == n - 1 else sep, None))
        pieces.append((name_form(ctx, persona, form), "PERSON"))
    return pieces



"""Cities, states, countries, street addresses and postal layouts."""
from typing import Callable, List, Optional, Sequence

from ..core import Context, Pieces, slot
from ..draw import weighted_choice
from .common import (
    COUNTRY_SHORT,
    LOCALE_REGION,
    REAL_CITIES,
    REAL_CITY_LOCALES,
    REGION_COUNTRY,
    WITH_ARTICLE,
    vary_case,
)

# --- places -------------------------------------------------------------------------------


def tz_city(ctx: Context) -> str:
    """A real world city, from the IANA time-zone names Faker knows."""
    for _ in range(5):
        zone = ctx.fake("en_US").timezone()
        area, _, city = zone.rpartition("/")
        if area and area not in ("Etc", "SystemV", "US") and city:
            return city.replace("_", " ")
    return "Berlin"


def city(ctx: Context, locale: Optional[str] = None, world: float = 0.22) -> str:
    """A real city: from the locale's Faker list, a hand list, or the world at large.

    ctx (Context): the example context.
    locale (Optional[str]): the locale (default: the example's).
    world (float): the chance of a city anywhere in the world instead.
    RETURNS (str): the city.
    """
    rng = ctx.rng
    locale = locale or ctx.locale
    region = LOCALE_REGION.get(locale, "US")
    if rng.random() < world:
        return tz_city(ctx)
    if locale in REAL_CITY_LOCALES:
        return str(ctx.fake(locale).city())
    return rng.choice(REAL_CITIES.get(region, REAL_CITIES["US"]))


def state(ctx: Context) -> str:
    """A state, province or region of the example's country."""
    fake = ctx.fake()
    region = LOCALE_REGION.get(ctx.locale, "US")
    if region == "US" and ctx.chance(0.3):
        return str(fake.state_abbr())
    for attr in ("state", "administrative_unit", "region", "estado_nome"):
        if hasattr(fake, attr):
            try:
                return str(getattr(fake, attr)())
            except (AttributeError, TypeError):
                continue
    return str(ctx.fake("en_US").state())


def country(ctx: Context) -> str:
    """A country, usually in English, sometimes in the example's language."""
    x = ctx.rng.random()
    if x < 0.08:
        return ctx.rng.choice(COUNTRY_SHORT)
    if x < 0.85:
        name = str(ctx.fake("en_US").country())
    else:
        name = str(ctx.fake().country())
    # Faker's long forms ("Korea, Republic of") are rare in prose; keep the head.
    return name.split(" (")[0].split(",")[0]


@slot("city", "LOCATION")
def slot_city(ctx: Context, arg: str) -> Pieces:
    return [(city(ctx), "LOCATION")]


@slot("state", "LOCATION")
def slot_state(ctx: Context, arg: str) -> Pieces:
    return [(state(ctx), "LOCATION")]


@slot("country", "LOCATION")
def slot_country(ctx: Context, arg: str) -> Pieces:
    name = country(ctx)
    if name in WITH_ARTICLE and ctx.chance(0.75):
        return [("the ", None), (name, "LOCATION")]
    return [(name, "LOCATION")]


@slot("loc", "LOCATION")
def slot_loc(ctx: Context, arg: str) -> Pieces:
    x = ctx.rng.random()
    if x < 0.6:
        return slot_city(ctx, arg)
    if x < 0.78:
        return slot_state(ctx, arg)
    return slot_country(ctx, arg)


@slot("cityst", "LOCATION")
def slot_city_state(ctx: Context, arg: str) -> Pieces:
    """City and state as two spans, e.g. "Austin, TX"."""
    if LOCALE_REGION.get(ctx.locale) in ("US", "IN", "AU", "CA", "BR") and ctx.chance(0.8):
        return [(city(ctx), "LOCATION"), (", ", None), (state(ctx), "LOCATION")]
    return [(city(ctx), "LOCATION"), (", ", None), (country(ctx), "LOCATION")]


_MILITARY = ("PSC ", "Unit ", "USNS ", "USS ", "USNV ", "USCGC ", " FPO ", " APO ", " DPO ")


def street_line(ctx: Context, locale: Optional[str] = None) -> str:
    """House number and street (with flat or suite sometimes), on one line."""
    fake = ctx.fake(locale)
    for _ in range(4):
        text = str(fake.street_address())
        if not any(m in text for m in _MILITARY):
            break
    if ctx.chance(0.12) and LOCALE_REGION.get(locale or ctx.locale) in ("US", "CA"):
        text += f", {ctx.rng.choice(('Apt', 'Suite', 'Unit', 'Apt.', '#'))} {ctx.rng.randint(1, 999)}"
    return " ".join(part.strip() for part in text.replace("\n", ", ").split())


def address_lines(ctx: Context, locale: Optional[str] = None) -> List[str]:
    """A full postal address as lines (street, postcode and city, ...), national format."""
    locale = locale or ctx.locale
    rng = ctx.rng
    region = LOCALE_REGION.get(locale, "US")
    fake = ctx.fake(locale)
    if region == "US":
        zipcode = fake.postcode() if rng.random() < 0.85 else f"{fake.postcode()}-{rng.randint(1000, 9999)}"
        return [street_line(ctx, locale), f"{city(ctx, locale, 0.0)}, {fake.state_abbr()} {zipcode}"]
    if region in ("GB", "FR", "BR", "CA", "AU", "IE", "MX", "TR"):
        town = city(ctx, locale, 0.0)
        code = fake.postcode()
        if region == "GB":
            return [street_line(ctx, locale), town, code] if rng.random() < 0.3 else [street_line(ctx, locale), f"{town} {code}"]
        if region in ("CA", "AU"):
            return [street_line(ctx, locale), f"{town} {fake.state_abbr() if hasattr(fake, 'state_abbr') else ''} {code}".replace("  ", " ")]
        if region == "FR":
            return [street_line(ctx, locale), f"{code} {town}"]
        return [street_line(ctx, locale), f"{code} {town}"]
    for _ in range(4):
        text = str(fake.address())
        if not any(m in text for m in _MILITARY):
            break
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def address_inline(ctx: Context, locale: Optional[str] = None) -> str:
    """A full postal address on one line."""
    return ", ".join(address_lines(ctx, locale))


@slot("address", "STREET_ADDRESS")
def slot_address(ctx: Context, arg: str) -> Pieces:
    if ctx.chance(0.3):
        return [(street_line(ctx), "STREET_ADDRESS")]
    return [(address_inline(ctx), "STREET_ADDRESS")]


def line_pieces(lines: Sequence[str], label_of: Callable[[int, str], str]) -> Pieces:
    """An address block as pieces: one span per line, newlines between them unlabelled.

    lines (Sequence[str]): the lines.
    label_of (Callable[[int, str], str]): (line index, line) -> the line's label.
    RETURNS (Pieces): the pieces.
    """
    pieces: Pieces = []
    for i, line in enumerate(lines):
        if i:
            pieces.append(("\n", None))
        pieces.append((line, label_of(i, line)))
    return pieces


@slot("addrblock", "STREET_ADDRESS", "LOCATION")
def slot_address_block(ctx: Context, arg: str) -> Pieces:
    """A postal address as a multi-line block: one span per line, the country as a LOCATION."""
    # A line with only a town or region (no number, no postcode) is a LOCATION.
    pieces = line_pieces(address_lines(ctx), lambda i, line: "STREET_ADDRESS" if i == 0 or any(ch.isdigit() for ch in line) else "LOCATION")
    if ctx.chance(0.3):
        names = REGION_COUNTRY.get(LOCALE_REGION.get(ctx.locale, "US"), ("USA",))
        pieces += [("\n", None), (vary_case(ctx.rng, ctx.rng.choice(names), 0.0, 0.3), "LOCATION")]
    return pieces


@slot("street", "STREET_ADDRESS")
def slot_street(ctx: Context, arg: str) -> Pieces:
    return [(street_line(ctx), "STREET_ADDRESS")]


@slot("fulladdress", "STREET_ADDRESS")
def slot_full_address(ctx: Context, arg: str) -> Pieces:
    return [(address_inline(ctx), "STREET_ADDRESS")]


# --- postal layouts: PO boxes, rural routes, military, standalone postcodes -----------------


def postcode(ctx: Context, locale: Optional[str] = None) -> str:
    """A postcode of the locale's country."""
    return str(ctx.fake(locale or ctx.locale).postcode())


def city_state_postcode(ctx: Context) -> str:
    """The line after the street: "Portland, OR 97214", "Leeds LS6 2AB", "28005 Madrid"."""
    return address_lines(ctx)[-1] if ctx.locale not in ("en_GB",) else f"{city(ctx, None, 0.0)} {postcode(ctx)}"


def po_box_lines(ctx: Context) -> List[str]:
    """A PO-box or rural-route address as lines."""
    rng = ctx.rng
    region = LOCALE_REGION.get(ctx.locale, "US")
    box = rng.choice(("PO Box", "P.O. Box", "PO BOX", "Post Office Box", "P O Box"))
    number = rng.randint(1, 99999)
    if region == "US":
        first = rng.choice((f"{box} {number}", f"{box} {number}", f"Rural Route {rng.randint(1, 9)}, Box {rng.randint(1, 999)}",
                            f"RR {rng.randint(1, 9)} Box {rng.randint(1, 999)}", f"HC {rng.randint(1, 90)} Box {rng.randint(1, 999)}"))
    elif region == "DE" or region == "AT" or region == "CH":
        first = f"Postfach {number}"
    elif region == "FR":
        first = f"BP {rng.randint(1, 999)}"
    elif region in ("ES", "MX"):
        first = f"Apartado de Correos {rng.randint(1, 9999)}"
    elif region in ("BR", "PT"):
        first = f"Caixa Postal {rng.randint(1, 9999)}"
    else:
        first = f"{box} {number}"
    return [first, city_state_postcode(ctx)]


_MIL_STATES = ("AE", "AP", "AA")


def military_lines(ctx: Context) -> List[str]:
    """A US military (APO/FPO/DPO) address as lines, e.g. "Unit 2050 Box 4190" / "APO AP 96522"."""
    rng = ctx.rng
    state_code = rng.choice(_MIL_STATES)
    zip_code = {"AE": rng.randint(9002, 9898), "AP": rng.randint(96201, 96698), "AA": rng.randint(34001, 34099)}[state_code]
    kind = rng.choice(("APO", "APO", "FPO", "DPO"))
    ship = rng.choice(("USS", "USNS", "USCGC"))
    first = weighted_choice(
        rng,
        ((f"PSC {rng.randint(1, 9999)}, Box {rng.randint(1, 9999)}", 3),
         (f"Unit {rng.randint(1000, 9999)} Box {rng.randint(1, 9999)}", 3),
         (f"CMR {rng.randint(100, 999)} Box {rng.randint(1, 9999)}", 1),
         (f"{ship} {ctx.fake('en_US').last_name()}", 1.5)),
    )
    if first.startswith(("USS", "USNS", "USCGC")):
        kind = "FPO"
    return [first, f"{kind} {state_code} {zip_code:05d}"]


@slot("pobox", "STREET_ADDRESS")
def slot_pobox(ctx: Context, arg: str) -> Pieces:
    """A PO-box address on one line."""
    return [(", ".join(po_box_lines(ctx)), "STREET_ADDRESS")]


@slot("military", "STREET_ADDRESS")
def slot_military(ctx: Context, arg: str) -> Pieces:
    """A military address on one line ("PSC 81, Box 1132, APO AE 09142")."""
    return [(", ".join(military_lines(ctx)), "STREET_ADDRESS")]


@slot("postblock", "STREET_ADDRESS")
def slot_postblock(ctx: Context, arg: str) -> Pieces:
    """A PO-box or military address as a block, one span per line."""
    lines = military_lines(ctx) if ctx.chance(0.5) else po_box_lines(ctx)
    return line_pieces(lines, lambda i, line: "STREET_ADDRESS")


@slot("postcode", "STREET_ADDRESS")
def slot_postcode(ctx: Context, arg: str) -> Pieces:
    """A postcode standing alone ("gave her postcode as M14 5RN")."""
    return [(postcode(ctx), "STREET_ADDRESS")]


@slot("citystzip", "STREET_ADDRESS")
def slot_city_state_postcode(ctx: Context, arg: str) -> Pieces:
    """Town, state and postcode together, without the street ("Portland, OR 97214")."""
    return [(city_state_postcode(ctx), "STREET_ADDRESS")]



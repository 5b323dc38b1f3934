"""Organisations, with and without legal suffixes."""
from typing import Tuple

from ..core import Context, Pieces, slot
from .common import ORG_PATTERNS, REAL_ORGS
from .places import city

# --- organisations ------------------------------------------------------------------------


def organization(ctx: Context) -> str:
    """A company, bank, school or hospital: Faker's, a real one, or from a pattern."""
    rng = ctx.rng
    x = rng.random()
    if x < 0.45:
        return " ".join(str(ctx.fake().company()).split())
    if x < 0.72:
        return rng.choice(REAL_ORGS)
    pattern = rng.choice(ORG_PATTERNS)
    return pattern.format(
        city=city(ctx), last=ctx.fake().last_name(), last2=ctx.fake().last_name()
    )


@slot("org", "ORGANIZATION")
def slot_org(ctx: Context, arg: str) -> Pieces:
    key = f"org{arg}"
    if key not in ctx.memo:
        ctx.memo[key] = organization(ctx)
    return [(ctx.memo[key], "ORGANIZATION")]


# --- organisations with legal suffixes ----------------------------------------------------

LEGAL_SUFFIXES: Tuple[str, ...] = (
    "Ltd", "Ltd.", "Limited", "plc", "PLC", "LLC", "L.L.C.", "Inc.", "Inc", "Corp.",
    "Corporation", "LLP", "GmbH", "AG", "KG", "GmbH & Co. KG", "S.A.", "SA", "S.A.S.", "SAS",
    "SARL", "S.r.l.", "S.R.L.", "S.p.A.", "B.V.", "N.V.", "AB", "AS", "ASA", "A/S", "Oy", "K.K.",
    "Co., Ltd.", "Pty Ltd", "(Pty) Ltd", "Pvt. Ltd.", "Private Limited", "Sp. z o.o.", "Lda.",
    "S.L.", "Tbk", "Bhd", "Sdn Bhd", "SE", "Co.", "& Co.", "Group plc", "Holdings Inc.", "PC", "P.C.",
)
BUSINESS_WORDS: Tuple[str, ...] = (
    "Logistics", "Analytics", "Holdings", "Foods", "Engineering", "Capital", "Dental", "Freight",
    "Software", "Textiles", "Partners", "Consulting", "Pharma", "Marine", "Motors", "Robotics",
    "Construction", "Trading", "Ventures", "Facilities Management", "Water Services", "Biotech",
    "Energy", "Solar", "Steel", "Packaging", "Media", "Studios", "Brewing", "Insurance",
    "Properties", "Home Goods", "Parcels", "Catering", "Security", "Health", "Labs", "Systems",
    "Financial", "Agritech", "Furniture", "Plastics", "Shipping", "Recruitment", "Print",
)
_ORG_STEMS: Tuple[str, ...] = (
    "Kestrel", "Veltrix", "Nordvik", "Sabelo", "Brannock", "Oakridge", "Halvorsen", "Bluepine",
    "Ironbark", "Meridian", "Northgate", "Silverline", "Redwood", "Harbourside", "Alder",
    "Larkspur", "Quillstack", "Greyfield", "Westmoor", "Copperleaf", "Stonebridge", "Brightwell",
    "Fernhill", "Ashcombe", "Tidewater", "Highmark", "Clearwater", "Eastwind", "Goldcrest",
)


def legal_org(ctx: Context) -> str:
    """An organisation named with a legal suffix ("Kestrel Freight Sp. z o.o.")."""
    rng = ctx.rng
    stem = rng.choice(_ORG_STEMS) if rng.random() < 0.4 else str(ctx.fake().last_name())
    x = rng.random()
    if x < 0.55:
        head = f"{stem} {rng.choice(BUSINESS_WORDS)}"
    elif x < 0.75:
        head = f"{stem} & {rng.choice(('Sons', 'Partners', str(ctx.fake().last_name()), 'Daughters', 'Filhos', 'Söhne'))}"
    else:
        head = stem
    suffix = rng.choice(LEGAL_SUFFIXES)
    sep = "" if suffix.startswith("&") else " "
    if suffix.startswith("&") and "&" in head:
        suffix = "Ltd"
        sep = " "
    return f"{head}{sep}{suffix}"


@slot("legalorg", "ORGANIZATION")
def slot_legal_org(ctx: Context, arg: str) -> Pieces:
    key = f"legalorg{arg}"
    if key not in ctx.memo:
        ctx.memo[key] = legal_org(ctx)
    return [(ctx.memo[key], "ORGANIZATION")]



"""E-mail addresses and user names."""
from typing import Tuple

from ..core import Context, Pieces, slot
from ..draw import weighted_choice
from ..people import Persona
from .common import FREE_MAIL, LOCALE_REGION, TLDS, ascii_slug

# --- e-mail, usernames --------------------------------------------------------------------


def email_for(ctx: Context, persona: Persona) -> str:
    """An e-mail address built from a persona's name (or a random one)."""
    rng = ctx.rng
    first, last = ascii_slug(persona.first) or "user", ascii_slug(persona.last) or "mail"
    local = weighted_choice(
        rng,
        ((f"{first}.{last}", 4), (f"{first[0]}{last}", 3), (f"{first}{last[0]}", 1),
         (f"{first}_{last}", 1), (f"{first}{rng.randint(1, 99)}", 1), (f"{last}.{first}", 0.6),
         (f"{first}.{last}{rng.randint(60, 99)}", 1), (f"{first}-{last}", 0.4), (first, 0.8),
         (ascii_slug(ctx.fake().user_name()) or first, 1.5)),
    )
    x = rng.random()
    if x < 0.55:
        domain = rng.choice(FREE_MAIL)
    elif x < 0.8:
        fake = ctx.fake(persona.locale if persona.locale in LOCALE_REGION else ctx.locale)
        domain = fake.free_email_domain()
    else:
        company = ascii_slug(ctx.fake().last_name()) or "example"
        domain = f"{company}{rng.choice(('', '', '-group', 'corp', 'tech', 'labs'))}.{rng.choice(TLDS)}"
    if rng.random() < 0.04:
        local = f"{local}+{rng.choice(('news', 'shop', 'work', 'spam', str(rng.randint(1, 99))))}"
    elif rng.random() < 0.04:
        domain = f"{rng.choice(('mail', 'eu', 'corp', 'students', 'alumni'))}.{domain}"
    email = f"{local}@{domain}"
    if rng.random() < 0.06:
        email = f"{local.title()}@{domain}"
    elif rng.random() < 0.03:
        email = email.upper()
    return email


def persona_email(ctx: Context, persona: Persona) -> str:
    """The persona's e-mail address, the same every time it is asked for."""
    if "email" not in persona.cache:
        persona.cache["email"] = email_for(ctx, persona)
    return persona.cache["email"]


def username_for(ctx: Context, persona: Persona) -> str:
    """A login or handle, usually derived from a persona's name."""
    rng = ctx.rng
    first, last = ascii_slug(persona.first) or "user", ascii_slug(persona.last) or "x"
    x = rng.random()
    if x < 0.35:
        return ascii_slug(ctx.fake().user_name()) or first
    if x < 0.8:
        return weighted_choice(
            rng,
            ((f"{first[0]}{last}", 3), (f"{first}.{last}", 2), (f"{first}_{last}", 1),
             (f"{first}{rng.randint(1, 9999)}", 2), (f"{last}{first[0]}", 1),
             (f"{first}{last[0]}{rng.randint(10, 99)}", 1), (f"{first.title()}{last.title()}", 0.6),
             (f"{first[0]}{last}-{rng.choice(('dev', 'admin', 'ops', 'qa'))}", 0.5),
             (f"{first}_{rng.randint(1980, 2009)}", 0.6), (f"{last}{first[:2]}", 0.4)),
        )
    word = ascii_slug(ctx.fake("en_US").word()) or "nova"
    word2 = ascii_slug(ctx.fake("en_US").word()) or "fox"
    return weighted_choice(
        rng,
        ((f"{word}_{word2}{rng.randint(1, 99)}", 1), (f"{word}{word2}", 1),
         (f"x{word}{rng.randint(100, 999)}x", 0.3), (f"the_{word}", 0.4),
         (f"{word.title()}{word2.title()}{rng.randint(1, 9)}", 0.5)),
    )


def persona_username(ctx: Context, persona: Persona) -> str:
    """The persona's username, the same every time it is asked for."""
    if "user" not in persona.cache:
        persona.cache["user"] = username_for(ctx, persona)
    return persona.cache["user"]


@slot("email", "EMAIL_ADDRESS")
def slot_email(ctx: Context, arg: str) -> Pieces:
    return [(persona_email(ctx, ctx.persona(arg)), "EMAIL_ADDRESS")]


@slot("user", "USERNAME")
def slot_user(ctx: Context, arg: str) -> Pieces:
    return [(persona_username(ctx, ctx.persona(arg)), "USERNAME")]


@slot("handle", "USERNAME")
def slot_handle(ctx: Context, arg: str) -> Pieces:
    """An @mention; the @ is part of the span because the tokenizer keeps it on the handle."""
    return [("@" + persona_username(ctx, ctx.persona(arg)), "USERNAME")]


# --- usernames in more shapes -------------------------------------------------------------

_DOMAINS: Tuple[str, ...] = (
    "CORP", "ACME", "ACME-EU", "AD", "HQ", "EMEA", "NA", "INTRANET", "FINANCE", "CONTOSO",
    "GLOBAL", "EU", "UK", "US", "LAB", "HOSPITAL", "UNI", "STAFF",
)


@slot("domuser", "USERNAME")
def slot_domain_user(ctx: Context, arg: str) -> Pieces:
    """A Windows `DOMAIN\\user` login: the whole string is the span."""
    domain = ctx.rng.choice(_DOMAINS)
    if ctx.chance(0.3):
        domain = domain.lower()
    return [(f"{domain}\\{persona_username(ctx, ctx.persona(arg))}", "USERNAME")]


@slot("userpath", "USERNAME")
def slot_user_path(ctx: Context, arg: str) -> Pieces:
    """A home-directory path: only the user name (often an e-mail's local part) is the span."""
    persona = ctx.persona(arg)
    user = persona_email(ctx, persona).split("@")[0] if ctx.chance(0.4) else persona_username(ctx, persona)
    rng = ctx.rng
    if rng.random() < 0.7:
        root = rng.choice(("/home/", "/Users/", "/home/", "/var/mail/", "/srv/home/", "~"))
        rest = rng.choice(("/exports", "/Downloads", "/.ssh", "/Documents/payroll.xlsx", "/.bash_history", "/notes.txt", ""))
        if root == "~":
            return [("~", None), (user, "USERNAME"), (rest or "/", None)]
        return [(root, None), (user, "USERNAME"), (rest, None)]
    rest = rng.choice(("\\Documents", "\\Desktop", "\\AppData\\Local", "\\Downloads\\scan.pdf", ""))
    return [(rng.choice(("C:\\Users\\", "D:\\Users\\", "\\\\fileserver\\home\\")), None), (user, "USERNAME"), (rest, None)]



"""IP and MAC addresses, URLs."""
import ipaddress
import random
from typing import Tuple

from ..core import Context, Pieces, slot
from ..draw import weighted_choice
from .accounts import persona_username
from .common import TLDS, ascii_slug

# --- network ------------------------------------------------------------------------------


def ipv4(rng: random.Random) -> str:
    """A private or public IPv4 address."""
    x = rng.random()
    if x < 0.2:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if x < 0.35:
        return f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if x < 0.42:
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    first = rng.choice([n for n in range(1, 224) if n not in (10, 127, 172, 192)])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    """An IPv6 address, compressed or full, global or link-local."""
    x = rng.random()
    if x < 0.2:
        groups = [0xFE80, 0, 0, 0] + [rng.getrandbits(16) for _ in range(4)]
    elif x < 0.35:
        groups = [0x2001, 0x0DB8] + [rng.getrandbits(16) if rng.random() < 0.5 else 0 for _ in range(6)]
    else:
        groups = [rng.choice((0x2001, 0x2600, 0x2a00, 0x2a02, 0x2607, 0x2c0f))] + [
            rng.getrandbits(16) for _ in range(7)
        ]
    value = 0
    for g in groups:
        value = (value << 16) | g
    addr = ipaddress.IPv6Address(value)
    text = addr.exploded if rng.random() < 0.12 else addr.compressed
    return text.upper() if rng.random() < 0.1 else text


def ip_address(rng: random.Random, v6_share: float = 0.22) -> str:
    """An IPv4 or (with probability v6_share) IPv6 address."""
    return ipv6(rng) if rng.random() < v6_share else ipv4(rng)


def mac_address(rng: random.Random) -> str:
    """A MAC address with colons, dashes or Cisco dots, in either case."""
    octets = [rng.getrandbits(8) for _ in range(6)]
    hexes = [f"{o:02x}" for o in octets]
    style = weighted_choice(rng, ((":", 5), ("-", 2), (".", 1)))
    if style == ".":
        text = ".".join("".join(hexes[i : i + 2]) for i in (0, 2, 4))
    else:
        text = style.join(hexes)
    return text.upper() if rng.random() < 0.45 else text


@slot("ip", "IP_ADDRESS")
def slot_ip(ctx: Context, arg: str) -> Pieces:
    return [(ip_address(ctx.rng), "IP_ADDRESS")]


@slot("ipv4", "IP_ADDRESS")
def slot_ipv4(ctx: Context, arg: str) -> Pieces:
    return [(ipv4(ctx.rng), "IP_ADDRESS")]


@slot("ipv6", "IP_ADDRESS")
def slot_ipv6(ctx: Context, arg: str) -> Pieces:
    return [(ipv6(ctx.rng), "IP_ADDRESS")]


@slot("mac", "MAC_ADDRESS")
def slot_mac(ctx: Context, arg: str) -> Pieces:
    return [(mac_address(ctx.rng), "MAC_ADDRESS")]


# --- URLs ---------------------------------------------------------------------------------

_URL_PATHS: Tuple[str, ...] = (
    "", "/", "/about", "/contact", "/blog/2024/03/new-office", "/careers", "/en/privacy",
    "/products/item?id={n}", "/portfolio", "/events/summer-fair?ref=newsletter", "/p/{n}",
    "/ep/{n}", "/opinions/{n}.pdf", "/wp-admin/", "/login?next=/account", "/s/{n}", "/docs/v2/",
)


def url(ctx: Context, arg: str = "") -> str:
    """A web address with a scheme or starting with www.: a company's, a person's or a link."""
    rng = ctx.rng
    if arg == "person" or rng.random() < 0.35:
        persona = ctx.persona(arg[-1] if arg[-1:].isdigit() else "")
        slug = ascii_slug(persona.first + persona.last) or "me"
        host = rng.choice((f"{slug}.com", f"{slug}.dev", f"www.{slug}.co.uk", f"{slug}-design.com",
                           f"{slug}.photography", f"{slug}.substack.com", f"www.{slug}.net"))
        if rng.random() < 0.2:
            host, path = "www.linkedin.com", f"/in/{persona_username(ctx, persona)}"
        else:
            path = rng.choice(("", "", "/portfolio", "/about", "/blog"))
    else:
        company = ascii_slug(str(ctx.fake().last_name())) or "example"
        host = f"{rng.choice(('www.', '', 'shop.', 'portal.', 'forms.', 'app.', 'support.'))}{company}{rng.choice(('', '-group', 'labs', 'home', 'shop'))}.{rng.choice(TLDS)}"
        path = rng.choice(_URL_PATHS).replace("{n}", str(rng.randint(1, 99999)))
    if host.startswith("www.") and rng.random() < 0.4:
        return host + path
    return f"{rng.choice(('https://', 'https://', 'http://'))}{host}{path}"


@slot("url", "URL")
def slot_url(ctx: Context, arg: str) -> Pieces:
    return [(url(ctx, arg), "URL")]



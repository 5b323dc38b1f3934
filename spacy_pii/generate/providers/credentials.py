"""Passwords, API keys, tokens, PEM blocks and other secrets."""
import base64
import random
import string
from typing import Optional

from ..core import Context, Pieces, slot
from ..draw import weighted_choice
from .accounts import persona_username
from .common import ascii_slug, rand_chars

# --- credentials --------------------------------------------------------------------------

_ALNUM = string.ascii_letters + string.digits
_B64URL = _ALNUM + "-_"
_HUMAN_PW_WORDS = (
    "summer", "winter", "spring", "autumn", "dragon", "monkey", "sunshine", "football", "letmein",
    "welcome", "password", "qwerty", "shadow", "master", "princess", "baseball", "charlie",
    "freedom", "liverpool", "arsenal", "bayern", "tigger", "hunter", "coffee", "banana", "secret",
    "admin", "changeme", "iloveyou", "trustno1", "starwars", "pokemon", "london", "paris",
)


def password(ctx: Context) -> str:
    """A password: random (Faker), human-made, or a passphrase."""
    rng = ctx.rng
    x = rng.random()
    if x < 0.4:
        return str(
            ctx.fake("en_US").password(
                length=rng.randint(8, 20), special_chars=rng.random() < 0.6, upper_case=True
            )
        )
    if x < 0.85:
        word = rng.choice(_HUMAN_PW_WORDS)
        word = word.title() if rng.random() < 0.6 else word
        if rng.random() < 0.3:
            word = word.replace("a", "@").replace("o", "0").replace("e", "3")
        suffix = rng.choice(("", str(rng.randint(0, 99)), str(rng.randint(1970, 2026))))
        return word + suffix + rng.choice(("", "!", "#", "$", "?", "*", "!!"))
    words = [ascii_slug(ctx.fake("en_US").word()) or "horse" for _ in range(rng.randint(3, 4))]
    return rng.choice(("-", "_", ".", "")).join(words)


def api_key(rng: random.Random) -> str:
    """A vendor API key in its published shape (AWS, GitHub, Slack, Stripe, Google, ...)."""
    kind = weighted_choice(
        rng,
        (("aws", 3), ("ghp", 2.5), ("slack", 2), ("stripe", 2), ("google", 1.2), ("gitlab", 0.8),
         ("npm", 0.5), ("openai", 1), ("sendgrid", 0.5), ("hex", 1.5), ("aws_secret", 1.2),
         ("twilio", 0.4), ("github_pat", 0.6)),
    )
    up = string.ascii_uppercase + string.digits
    if kind == "aws":
        return rng.choice(("AKIA", "ASIA")) + rand_chars(rng, up, 16)
    if kind == "aws_secret":
        return rand_chars(rng, string.ascii_letters, 1) + rand_chars(rng, _ALNUM + "/+", 39)
    if kind == "ghp":
        return rng.choice(("ghp_", "gho_", "ghs_", "ghu_")) + rand_chars(rng, _ALNUM, 36)
    if kind == "github_pat":
        return "github_pat_" + rand_chars(rng, _ALNUM, 22) + "_" + rand_chars(rng, _ALNUM, 59)
    if kind == "slack":
        return (rng.choice(("xoxb", "xoxp", "xoxa")) + f"-{rng.randint(10**10, 10**12)}"
                + f"-{rng.randint(10**10, 10**12)}-" + rand_chars(rng, _ALNUM, 24))
    if kind == "stripe":
        return rng.choice(("sk_live_", "sk_live_", "rk_live_", "sk_test_")) + rand_chars(rng, _ALNUM, rng.choice((24, 32, 99)))
    if kind == "google":
        return "AIza" + rand_chars(rng, _B64URL, 35)
    if kind == "gitlab":
        return "glpat-" + rand_chars(rng, _B64URL, 20)
    if kind == "npm":
        return "npm_" + rand_chars(rng, _ALNUM, 36)
    if kind == "openai":
        return rng.choice(("sk-", "sk-proj-")) + rand_chars(rng, _ALNUM, 48)
    if kind == "sendgrid":
        return "SG." + rand_chars(rng, _B64URL, 22) + "." + rand_chars(rng, _B64URL, 43)
    if kind == "twilio":
        return "SK" + rand_chars(rng, "0123456789abcdef", 32)
    return rand_chars(rng, "abcdef", 1) + rand_chars(rng, "0123456789abcdef", rng.choice((31, 39, 63)))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def jwt(ctx: Context) -> str:
    """A JSON Web Token: real base64url header and payload, random signature."""
    rng = ctx.rng
    alg = rng.choice(("HS256", "RS256", "ES256", "HS512"))
    header = _b64url(f'{{"alg":"{alg}","typ":"JWT"}}'.encode())
    sub = rng.randint(1000, 99999999)
    iat = rng.randint(1_600_000_000, 1_760_000_000)
    payload = f'{{"sub":"{sub}","iat":{iat},"exp":{iat + rng.choice((900, 3600, 86400))}'
    if rng.random() < 0.4:
        payload += f',"scope":"{rng.choice(("read", "read write", "admin", "openid profile"))}"'
    payload += "}"
    sig_len = 43 if alg in ("HS256", "ES256") else rng.choice((86, 342))
    return f"{header}.{_b64url(payload.encode())}.{rand_chars(rng, _B64URL, sig_len)}"


def opaque_token(rng: random.Random) -> str:
    """A session or bearer token: hex, base64 or prefixed; mostly starts with a letter."""
    kind = weighted_choice(rng, (("hex", 2), ("b64", 2), ("prefixed", 1), ("s", 0.5)))
    if kind == "hex":
        body = rand_chars(rng, "0123456789abcdef", rng.choice((32, 40, 48, 64)))
    elif kind == "b64":
        body = rand_chars(rng, _B64URL, rng.choice((22, 32, 43, 64)))
    elif kind == "prefixed":
        body = rng.choice(("sess_", "tok_", "at_", "ya29.", "EAAB", "gAAAAA")) + rand_chars(rng, _B64URL, 40)
    else:
        body = "s%3A" + rand_chars(rng, _B64URL, 32) + "." + rand_chars(rng, _B64URL, 27)
    # A leading digit glues the value to "session=" in the spaCy tokenizer; keep most aligned.
    if body[0].isdigit() and rng.random() < 0.85:
        body = rng.choice(string.ascii_letters) + body[1:]
    return body


def pem_block(rng: random.Random, lines: Optional[int] = None, newline: str = "\n") -> str:
    """A PEM private-key block, truncated to a few base64 lines."""
    kind = rng.choice(("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"))
    n = lines or rng.randint(2, 5)
    head = {"RSA PRIVATE KEY": "MIIE", "PRIVATE KEY": "MIIE", "EC PRIVATE KEY": "MHcC",
            "OPENSSH PRIVATE KEY": "b3Bl"}[kind]
    body = [head + rand_chars(rng, _ALNUM + "+/", 60)] + [
        rand_chars(rng, _ALNUM + "+/", 64) for _ in range(n - 1)
    ]
    return newline.join([f"-----BEGIN {kind}-----", *body, f"-----END {kind}-----"])


def basic_auth(ctx: Context) -> str:
    """The base64 of `user:password`, as in `Authorization: Basic ...`."""
    user = persona_username(ctx, ctx.persona())
    return base64.b64encode(f"{user}:{password(ctx)}".encode()).decode("ascii")


def secret(ctx: Context) -> str:
    """Any credential."""
    x = ctx.rng.random()
    if x < 0.35:
        return password(ctx)
    if x < 0.7:
        return api_key(ctx.rng)
    if x < 0.85:
        return jwt(ctx)
    return opaque_token(ctx.rng)


@slot("password", "CREDENTIAL")
def slot_password(ctx: Context, arg: str) -> Pieces:
    return [(password(ctx), "CREDENTIAL")]


@slot("apikey", "CREDENTIAL")
def slot_apikey(ctx: Context, arg: str) -> Pieces:
    return [(api_key(ctx.rng), "CREDENTIAL")]


@slot("jwt", "CREDENTIAL")
def slot_jwt(ctx: Context, arg: str) -> Pieces:
    return [(jwt(ctx), "CREDENTIAL")]


@slot("token", "CREDENTIAL")
def slot_token(ctx: Context, arg: str) -> Pieces:
    return [(jwt(ctx) if ctx.chance(0.45) else opaque_token(ctx.rng), "CREDENTIAL")]


@slot("session", "CREDENTIAL")
def slot_session(ctx: Context, arg: str) -> Pieces:
    return [(opaque_token(ctx.rng), "CREDENTIAL")]


@slot("secret", "CREDENTIAL")
def slot_secret(ctx: Context, arg: str) -> Pieces:
    return [(secret(ctx), "CREDENTIAL")]


@slot("job")
def slot_job(ctx: Context, arg: str) -> Pieces:
    """A job title: not PII on its own."""
    return [(str(ctx.fake("en_US").job()).split(",")[0], None)]


@slot("pin", "CREDENTIAL")
def slot_pin(ctx: Context, arg: str) -> Pieces:
    """A 4 or 6 digit PIN."""
    return [(f"{ctx.rng.randint(0, 9999):04d}" if ctx.chance(0.7) else f"{ctx.rng.randint(0, 999999):06d}", "CREDENTIAL")]


@slot("basic", "CREDENTIAL")
def slot_basic(ctx: Context, arg: str) -> Pieces:
    return [(basic_auth(ctx), "CREDENTIAL")]


@slot("pem", "CREDENTIAL")
def slot_pem(ctx: Context, arg: str) -> Pieces:
    """A private-key block; `{pem:json}` escapes its newlines for a JSON string."""
    return [(pem_block(ctx.rng, newline="\\n" if arg == "json" else "\n"), "CREDENTIAL")]



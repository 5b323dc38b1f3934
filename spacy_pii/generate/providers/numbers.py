"""Phone numbers, payment card numbers, IBANs and SSNs."""
import random
import string
from typing import Optional

import phonenumbers

from ...detectors.checksums import luhn_check_digit
from ..core import Context, Pieces, slot
from ..draw import weighted_choice
from .common import IBAN_LOCALES, LOCALE_REGION, group_digits, rand_chars

# --- phones -------------------------------------------------------------------------------


def us_phone(rng: random.Random) -> str:
    """A NANP number in one of the many ways people write them."""
    area = rng.choice((rng.randint(201, 989), rng.choice((212, 312, 415, 646, 617, 202, 305, 206))))
    exch = rng.randint(200, 999)
    line = rng.randint(0, 9999)
    if rng.random() < 0.25:
        exch, line = 555, rng.randint(100, 199)
    a, e, n = f"{area}", f"{exch:03d}", f"{line:04d}"
    fmt = weighted_choice(
        rng,
        ((f"({a}) {e}-{n}", 4), (f"{a}-{e}-{n}", 4), (f"{a}.{e}.{n}", 2), (f"{a} {e} {n}", 2),
         (f"+1 {a} {e} {n}", 1.5), (f"+1 ({a}) {e}-{n}", 1), (f"1-{a}-{e}-{n}", 1),
         (f"+1-{a}-{e}-{n}", 1), (f"{a}{e}{n}", 1), (f"+1{a}{e}{n}", 1), (f"({a}){e}-{n}", 0.5),
         (f"{a}-{e}-{n} ext. {rng.randint(10, 999)}", 0.3)),
    )
    return str(fmt)


_PHONE_FORMATS = (
    (phonenumbers.PhoneNumberFormat.NATIONAL, 3.0),
    (phonenumbers.PhoneNumberFormat.INTERNATIONAL, 3.0),
    (phonenumbers.PhoneNumberFormat.E164, 1.5),
    (phonenumbers.PhoneNumberFormat.RFC3966, 0.7),
)


def phone_number(ctx: Context, locale: Optional[str] = None) -> str:
    """A phone number for a locale, formatted nationally, internationally, E.164 or RFC 3966
    (without the `tel:` scheme, which the tokenizer would glue to the number).

    ctx (Context): the example context.
    locale (Optional[str]): the locale (default: the example's).
    RETURNS (str): the number.
    """
    rng = ctx.rng
    locale = locale or ctx.locale
    region = LOCALE_REGION.get(locale, "US")
    if region in ("US", "CA") and rng.random() < 0.85:
        return us_phone(rng)
    raw = ctx.fake(locale).phone_number()
    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return raw
    if not phonenumbers.is_possible_number(parsed) or rng.random() < 0.2:
        return raw
    style = weighted_choice(rng, _PHONE_FORMATS)
    text = phonenumbers.format_number(parsed, style)
    if style == phonenumbers.PhoneNumberFormat.RFC3966:
        text = text.removeprefix("tel:").split(";")[0]
    if rng.random() < 0.15 and " " in text and "ext" not in text:
        text = text.replace(" ", rng.choice(("-", ".", "")))
    return text


@slot("phone", "PHONE_NUMBER")
def slot_phone(ctx: Context, arg: str) -> Pieces:
    return [(phone_number(ctx), "PHONE_NUMBER")]


# --- payment and identity numbers -----------------------------------------------------------

_CARD_TYPES = (
    ("visa16", 4.0), ("mastercard", 3.0), ("amex", 1.2), ("discover", 0.8), ("jcb15", 0.2),
    ("jcb16", 0.3), ("diners", 0.3), ("maestro", 0.3), ("visa13", 0.05), ("visa19", 0.1),
)


def card_number(ctx: Context) -> str:
    """A Luhn-valid card number, plain or grouped with spaces or dashes."""
    rng = ctx.rng
    digits = ctx.fake("en_US").credit_card_number(card_type=weighted_choice(rng, _CARD_TYPES))
    sep = weighted_choice(rng, (("", 3), (" ", 4), ("-", 2)))
    if not sep:
        return digits
    if len(digits) == 15:
        return group_digits(digits, (4, 6, 5), sep)
    if len(digits) == 14:
        return group_digits(digits, (4, 6, 4), sep)
    return group_digits(digits, (4, 4, 4, 4), sep)


def bad_card_number(rng: random.Random) -> str:
    """A 16-digit number that fails Luhn: looks like a card, is an order or tracking number."""
    digits = rand_chars(rng, string.digits, 15)
    check = (luhn_check_digit(digits) + rng.randint(1, 9)) % 10
    return digits + str(check)


@slot("card", "CREDIT_CARD")
def slot_card(ctx: Context, arg: str) -> Pieces:
    return [(card_number(ctx), "CREDIT_CARD")]


@slot("cardlast4")
def slot_card_last4(ctx: Context, arg: str) -> Pieces:
    """The last four digits of a card: not enough to identify it, so unlabelled."""
    return [(rand_chars(ctx.rng, string.digits, 4), None)]


def iban(ctx: Context) -> str:
    """A mod-97-valid IBAN from the example's country when Faker knows it, compact or grouped."""
    locale = ctx.locale if ctx.locale in IBAN_LOCALES else ctx.rng.choice(IBAN_LOCALES)
    code: str = ctx.fake(locale).iban()
    # Printed IBANs come in groups of four; a last group of one letter would read as an initial.
    if ctx.chance(0.45) and len(code) % 4 != 1:
        code = " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    return code


@slot("iban", "IBAN_CODE")
def slot_iban(ctx: Context, arg: str) -> Pieces:
    return [(iban(ctx), "IBAN_CODE")]


def ssn_digits(rng: random.Random) -> str:
    """Nine SSN digits with a valid area (001-899 except 666), group and serial."""
    area = rng.randint(1, 898)
    if area >= 666:
        area += 1
    return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def ssn(rng: random.Random) -> str:
    """A valid-looking US SSN, mostly dashed."""
    d = ssn_digits(rng)
    sep = weighted_choice(rng, (("-", 8), (" ", 1.5), ("", 1)))
    return f"{d[:3]}{sep}{d[3:5]}{sep}{d[5:]}"


@slot("ssn", "US_SSN")
def slot_ssn(ctx: Context, arg: str) -> Pieces:
    return [(ssn(ctx.rng), "US_SSN")]



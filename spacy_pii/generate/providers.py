"""Value makers: Faker-backed PII values in many locales and formats, registered as slots.

Every function draws from the example's `random.Random` or the split's seeded Faker instances,
never from the global random module and never from the clock (Faker's date providers read
today's date, so dates are built here from the random stream instead).
"""
import base64
import ipaddress
import random
import string
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import phonenumbers
from faker import Faker
from faker.decode import unidecode

from ..detectors.checksums import luhn_check_digit
from ..detectors.checksums import luhn_valid as luhn_digits_valid
from .core import Context, Pieces, slot
from .draw import weighted_choice
from .numwords import number_words
from .people import AMBIGUOUS_FIRST, AMBIGUOUS_LAST, LOCALES, NAME_LOCALES, ROMANIZED, Persona, make_persona

LOCALE_REGION: Dict[str, str] = {
    "en_US": "US", "en_GB": "GB", "en_IN": "IN", "en_CA": "CA", "en_AU": "AU", "en_IE": "IE",
    "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "es_MX": "MX", "it_IT": "IT", "nl_NL": "NL",
    "pl_PL": "PL", "pt_BR": "BR", "pt_PT": "PT", "sv_SE": "SE", "tr_TR": "TR", "de_AT": "AT",
    "de_CH": "CH",
}
# Locales whose Faker IBANs carry their own country code (the others fall back to GB).
IBAN_LOCALES: Tuple[str, ...] = (
    "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "pt_PT", "en_GB", "en_IE",
    "tr_TR", "de_AT", "de_CH", "cs_CZ", "ro_RO", "fi_FI", "da_DK", "no_NO",
)
# Locales whose Faker city() draws from real place names; elsewhere cities come from the
# hand lists below or from the IANA time-zone names.
REAL_CITY_LOCALES = frozenset(
    {"de_DE", "it_IT", "nl_NL", "pl_PL", "es_ES", "en_IN", "pt_PT", "de_AT", "de_CH", "sv_SE"}
)

# Faker's en_US/en_GB/fr_FR/pt_BR cities are invented ("Lake Jennifer"); real text names real ones.
REAL_CITIES: Dict[str, Tuple[str, ...]] = {
    "US": (
        "New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio",
        "San Diego", "Dallas", "San Jose", "Austin", "Jacksonville", "Fort Worth", "Columbus",
        "Charlotte", "San Francisco", "Indianapolis", "Seattle", "Denver", "Washington", "Boston",
        "El Paso", "Nashville", "Detroit", "Oklahoma City", "Portland", "Las Vegas", "Memphis",
        "Louisville", "Baltimore", "Milwaukee", "Albuquerque", "Tucson", "Fresno", "Sacramento",
        "Kansas City", "Atlanta", "Miami", "Raleigh", "Omaha", "Minneapolis", "Tulsa", "Cleveland",
        "Tampa", "New Orleans", "Honolulu", "Pittsburgh", "Cincinnati", "St. Louis", "Orlando",
        "Buffalo", "Madison", "Boise", "Salt Lake City", "Anchorage", "Des Moines", "Richmond",
        "Spokane", "Providence", "Hartford", "Burlington", "Savannah", "Ann Arbor", "Palo Alto",
    ),
    "GB": (
        "London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Liverpool", "Bristol",
        "Sheffield", "Edinburgh", "Cardiff", "Belfast", "Leicester", "Nottingham", "Newcastle",
        "Brighton", "Southampton", "Oxford", "Cambridge", "York", "Aberdeen", "Swansea", "Bath",
        "Reading", "Coventry", "Norwich", "Exeter", "Plymouth", "Dundee", "Milton Keynes", "Derby",
    ),
    "FR": (
        "Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Strasbourg", "Montpellier",
        "Bordeaux", "Lille", "Rennes", "Reims", "Grenoble", "Dijon", "Angers", "Le Havre",
        "Toulon", "Brest", "Tours", "Limoges", "Clermont-Ferrand", "Aix-en-Provence", "Metz",
    ),
    "BR": (
        "São Paulo", "Rio de Janeiro", "Brasília", "Salvador", "Fortaleza", "Belo Horizonte",
        "Manaus", "Curitiba", "Recife", "Porto Alegre", "Belém", "Goiânia", "Campinas",
        "Florianópolis", "Natal",
    ),
    "CA": (
        "Toronto", "Montreal", "Vancouver", "Calgary", "Edmonton", "Ottawa", "Winnipeg",
        "Quebec City", "Hamilton", "Halifax", "Victoria", "Saskatoon", "Regina", "Kitchener",
    ),
    "AU": (
        "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra", "Hobart", "Darwin",
        "Gold Coast", "Newcastle", "Geelong", "Cairns", "Townsville",
    ),
    "IE": ("Dublin", "Cork", "Limerick", "Galway", "Waterford", "Kilkenny", "Sligo", "Athlone"),
    "MX": (
        "Mexico City", "Guadalajara", "Monterrey", "Puebla", "Tijuana", "Cancún", "Mérida",
        "León", "Querétaro", "Oaxaca",
    ),
    "TR": ("Istanbul", "Ankara", "Izmir", "Bursa", "Antalya", "Adana", "Konya", "Gaziantep"),
}
REGION_COUNTRY: Dict[str, Tuple[str, ...]] = {
    "US": ("United States", "USA", "U.S.A."), "GB": ("United Kingdom", "UK", "England", "Scotland"),
    "IN": ("India",), "CA": ("Canada",), "AU": ("Australia",), "IE": ("Ireland",),
    "DE": ("Germany", "Deutschland"), "FR": ("France",), "ES": ("Spain", "España"), "MX": ("Mexico", "México"),
    "IT": ("Italy", "Italia"), "NL": ("Netherlands", "Nederland"), "PL": ("Poland", "Polska"),
    "BR": ("Brazil", "Brasil"), "PT": ("Portugal",), "SE": ("Sweden", "Sverige"), "TR": ("Turkey", "Türkiye"),
    "AT": ("Austria", "Österreich"), "CH": ("Switzerland", "Schweiz", "Suisse"),
}
_COUNTRY_SHORT: Tuple[str, ...] = ("US", "USA", "UK", "U.S.", "U.K.", "UAE", "Netherlands", "Philippines")
# Countries written with "the"; the article stays outside the span, as it does for organisations.
_WITH_ARTICLE = frozenset({"US", "UK", "U.S.", "U.K.", "UAE", "Netherlands", "Philippines", "USA"})

# Real organisations: Faker invents company names, but real text mostly names real ones.
REAL_ORGS: Tuple[str, ...] = (
    "Google", "Microsoft", "Amazon", "Apple", "Meta", "Netflix", "IBM", "Oracle", "Salesforce",
    "Adobe", "Intel", "Cisco", "SAP", "Siemens", "Bosch", "Volkswagen", "BMW", "Toyota", "Honda",
    "Samsung", "Sony", "Nestlé", "Unilever", "Procter & Gamble", "Johnson & Johnson", "Pfizer",
    "Novartis", "Roche", "AstraZeneca", "GlaxoSmithKline", "HSBC", "Barclays", "Lloyds Bank",
    "NatWest", "Santander", "BNP Paribas", "Deutsche Bank", "Commerzbank", "ING", "Rabobank",
    "UBS", "Credit Suisse", "JPMorgan Chase", "Goldman Sachs", "Morgan Stanley", "Wells Fargo",
    "Bank of America", "Citibank", "Capital One", "American Express", "Visa", "Mastercard",
    "PayPal", "Stripe", "Revolut", "Monzo", "N26", "Walmart", "Target", "Costco", "Tesco",
    "Sainsbury's", "Aldi", "Lidl", "Carrefour", "IKEA", "H&M", "Zara", "Uber", "Lyft", "Airbnb",
    "Spotify", "Shopify", "Atlassian", "Slack", "Zoom", "Dropbox", "GitHub", "GitLab",
    "Cloudflare", "Datadog", "Twilio", "Accenture", "Deloitte", "PwC", "KPMG", "EY",
    "McKinsey & Company", "Infosys", "Tata Consultancy Services", "Wipro", "Reliance Industries",
    "Vodafone", "Verizon", "AT&T", "T-Mobile", "Orange", "Telefónica", "BT Group", "Comcast",
    "FedEx", "UPS", "DHL", "Maersk", "Boeing", "Airbus", "Lufthansa", "Air France", "Ryanair",
    "Delta Air Lines", "Emirates", "Shell", "BP", "ExxonMobil", "TotalEnergies", "Kaiser Permanente",
    "Mayo Clinic", "NHS", "Red Cross", "UNICEF", "Harvard University", "Stanford University",
    "MIT", "Oxford University", "University of Cambridge", "ETH Zurich", "Sorbonne University",
    "Allianz", "AXA", "Aviva", "Prudential", "MetLife", "State Farm", "Geico", "Progressive",
)
ORG_PATTERNS: Tuple[str, ...] = (
    "University of {city}", "{city} Community College", "{city} General Hospital",
    "St. {last}'s Hospital", "{last} & {last2} LLP", "{last} Elementary School",
    "{city} City Council", "{last} Bank", "First National Bank of {city}", "{city} Dental Clinic",
    "{last} Consulting", "{last} Logistics GmbH", "{last} Holdings Ltd", "{city} Credit Union",
    "{last} & Sons", "{last} Partners", "{last} Family Practice", "{city} Public Library",
    "{last} Technologies Inc.", "{last} Insurance Group", "{city} State University",
    "{last} Law Group", "{last} Realty", "Groupe {last}", "{last} S.p.A.", "{last} B.V.",
)
TITLES: Tuple[str, ...] = (
    "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr", "Miss", "Sir", "Herr", "Frau",
    "Mme", "Sr.", "Sra.", "Officer", "Nurse", "Judge", "Capt.",
)
# Titles of rank, office and religion written before a name in news, legal and clinical text.
RANK_TITLES: Tuple[str, ...] = (
    "Professor", "Sgt.", "Sgt", "Lt.", "Lt. Col.", "Col.", "Maj.", "Gen.", "Cpl.", "Pvt.",
    "Capt.", "Captain", "Rev.", "Reverend", "Father", "Sister", "Rabbi", "Imam", "Pastor",
    "Senator", "Councillor", "Detective", "Inspector", "Coach", "Dame", "Lord", "Lady", "Elder",
    "Pandit", "Governor", "Mayor", "Chief", "Constable", "DC", "PC", "Justice", "Judge",
    "Ambassador", "Commissioner", "Sheriff", "Deputy", "Dean", "Principal",
)
MONTHS: Tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
WEEKDAYS: Tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)
FREE_MAIL: Tuple[str, ...] = (
    "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com",
    "protonmail.com", "gmx.de", "web.de", "orange.fr", "free.fr", "libero.it", "yahoo.co.uk",
    "hotmail.co.uk", "btinternet.com", "rediffmail.com", "wp.pl", "uol.com.br", "live.com",
    "me.com", "mail.com", "zoho.com", "fastmail.com", "ziggo.nl", "comcast.net", "msn.com",
)
_TLDS: Tuple[str, ...] = ("com", "org", "net", "io", "co.uk", "de", "fr", "nl", "co", "ai", "eu", "in")


_SET_BUILT_LISTS: Tuple[str, ...] = ("cities",)


class FakerPool:
    """Seeded Faker instances, one per locale, created on first use.

    Each locale's seed is derived from the split seed and the locale name, so the values
    do not depend on the order in which locales are first used.

    base_seed (str): the split's seed string.
    """

    def __init__(self, base_seed: str) -> None:
        self.base_seed = base_seed
        self._fakers: Dict[str, Faker] = {}

    def get(self, locale: str) -> Faker:
        """The Faker of a locale.

        locale (str): the locale, e.g. "de_DE".
        RETURNS (Faker): its seeded instance.
        """
        fake = self._fakers.get(locale)
        if fake is None:
            fake = Faker(locale)
            fake.seed_instance(random.Random(f"{self.base_seed}:{locale}").getrandbits(63))
            # Some providers build word lists from sets (it_IT cities), whose order changes with
            # PYTHONHASHSEED; a sorted copy on the instance makes the draws reproducible.
            for provider in fake.providers:
                for attr in _SET_BUILT_LISTS:
                    values = getattr(provider, attr, None)
                    if isinstance(values, list):
                        setattr(provider, attr, sorted(values))
            self._fakers[locale] = fake
        return fake


# --- small helpers -----------------------------------------------------------------------


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits of a name, for e-mails and handles."""
    return "".join(ch for ch in unidecode(text).lower() if ch.isalnum())


def vary_case(rng: random.Random, text: str, lower: float, upper: float) -> str:
    """Return text lower-cased or upper-cased with the given probabilities, else unchanged.

    rng (random.Random): the random stream.
    text (str): the text.
    lower (float): probability of lower case.
    upper (float): probability of upper case.
    RETURNS (str): the text in the chosen case.
    """
    x = rng.random()
    if x < lower:
        return text.lower()
    if x < lower + upper:
        return text.upper()
    return text


def luhn_valid(number: str) -> bool:
    """Whether the digits of a number pass the Luhn check.

    number (str): digits, possibly with spaces or dashes.
    RETURNS (bool): True when valid.
    """
    digits = "".join(str(int(ch)) for ch in number if ch.isdigit())  # any script's digits
    return len(digits) > 1 and luhn_digits_valid(digits)


def group_digits(digits: str, sizes: Sequence[int], sep: str) -> str:
    """Join digits in groups of the given sizes; the rest forms a last group."""
    out: List[str] = []
    pos = 0
    for size in sizes:
        if pos >= len(digits):
            break
        out.append(digits[pos : pos + size])
        pos += size
    if pos < len(digits):
        out.append(digits[pos:])
    return sep.join(out)


def rand_chars(rng: random.Random, alphabet: str, n: int) -> str:
    """n characters drawn from alphabet."""
    return "".join(rng.choice(alphabet) for _ in range(n))


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
        domain = f"{company}{rng.choice(('', '', '-group', 'corp', 'tech', 'labs'))}.{rng.choice(_TLDS)}"
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


# --- dates tied to people and events -------------------------------------------------------


def ordinal(n: int) -> str:
    """1 -> 1st, 22 -> 22nd, 13 -> 13th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rand_date(rng: random.Random, y0: int, y1: int) -> Tuple[int, int, int]:
    """A (year, month, day) between two years; days stop at 28 to stay valid."""
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def format_date(rng: random.Random, y: int, m: int, d: int, with_year: bool = True) -> str:
    """A calendar date in one of the common written forms."""
    month = MONTHS[m - 1]
    short = month[:3]
    if not with_year:
        return weighted_choice(
            rng,
            ((f"{month} {d}", 3), (f"{month} {ordinal(d)}", 3), (f"{d} {month}", 2),
             (f"the {ordinal(d)} of {month}", 1.5), (f"{short} {d}", 1), (f"{d}/{m}", 0.5),
             (f"{m}/{d}", 0.8), (f"{ordinal(d)} {month}", 1)),
        )
    return weighted_choice(
        rng,
        ((f"{month} {d}, {y}", 4), (f"{d} {month} {y}", 3), (f"{m:02d}/{d:02d}/{y}", 3),
         (f"{d:02d}/{m:02d}/{y}", 2), (f"{y}-{m:02d}-{d:02d}", 2.5), (f"{m}/{d}/{y % 100:02d}", 1),
         (f"{short} {d}, {y}", 1.5), (f"{ordinal(d)} {month} {y}", 1), (f"{d:02d}.{m:02d}.{y}", 1.5),
         (f"{month} {y}", 0.6), (f"{short} {y}", 0.2),
         (f"the {ordinal(d)} of {month} {y}", 0.7), (f"{d}-{short}-{y}", 0.5),
         (f"{month} {ordinal(d)}, {y}", 1), (f"{short}. {d}, {y}", 0.5)),
    )


def clock_time(rng: random.Random) -> str:
    """A time of day as people write it."""
    h = rng.randint(7, 19)
    mi = rng.choice((0, 0, 0, 15, 30, 30, 45, 10, 20))
    h12 = h - 12 if h > 12 else h
    ampm = "pm" if h >= 12 else "am"
    return weighted_choice(
        rng,
        ((f"{h12}{ampm}", 3), (f"{h12}:{mi:02d} {ampm}", 2), (f"{h12}:{mi:02d}{ampm}", 1),
         (f"{h12}:{mi:02d} {ampm.upper()}", 2), (f"{h:02d}:{mi:02d}", 2), (f"{h12} {ampm}", 1),
         (f"{h12} o'clock", 0.3), ("noon", 0.2), (f"{h}h{mi:02d}", 0.2)),
    )


def dob(rng: random.Random) -> str:
    """A date of birth."""
    y, m, d = rand_date(rng, 1938, 2007)
    return format_date(rng, y, m, d)


def event_date(rng: random.Random) -> str:
    """A date of an appointment, visit, flight or incident."""
    y, m, d = rand_date(rng, 2018, 2026)
    return format_date(rng, y, m, d, with_year=rng.random() < 0.55)


def relative_when(rng: random.Random) -> str:
    """An appointment time anchored on a weekday, a date or a clock time."""
    day = rng.choice(WEEKDAYS)
    t = clock_time(rng)
    y, m, d = rand_date(rng, 2019, 2026)
    return weighted_choice(
        rng,
        ((f"next {day} at {t}", 3), (f"{day} at {t}", 3), (f"this {day}", 1.5),
         (f"{day} morning", 1), (f"{day} afternoon", 1), (f"{t} on {day}", 1.5),
         (f"{format_date(rng, y, m, d, False)} at {t}", 2), (f"{day}, {format_date(rng, y, m, d, False)}", 1.5),
         (f"next {day}", 1.5), (f"{day} the {ordinal(d)}", 1), (f"the {ordinal(d)} at {t}", 1),
         (f"{format_date(rng, y, m, d)} at {t}", 1), (f"{day} {t}", 1), (f"{day} evening", 0.4),
         (f"{day} between {clock_time(rng)} and {clock_time(rng)}", 0.4),
         (f"{format_date(rng, y, m, d, False)} to {format_date(rng, y, m, min(d + 7, 28), False)}", 0.5),
         (f"{t} on {format_date(rng, y, m, d, False)}", 0.8)),
    )


# Relative day words have no calendar anchor: they stay outside the span, the clock time is in.
_VAGUE_DAYS = ("tomorrow at ", "tonight at ", "later today at ", "today at ", "tmrw at ")


def when_pieces(rng: random.Random, value: str) -> Pieces:
    """An appointment as pieces: sometimes "tomorrow at " (unlabelled) before a clock time."""
    if rng.random() < 0.15:
        return [(rng.choice(_VAGUE_DAYS), None), (clock_time(rng), "DATE_TIME")]
    return [(value, "DATE_TIME")]


@slot("dob", "DATE_TIME")
def slot_dob(ctx: Context, arg: str) -> Pieces:
    return [(dob(ctx.rng), "DATE_TIME")]


@slot("date", "DATE_TIME")
def slot_date(ctx: Context, arg: str) -> Pieces:
    return [(event_date(ctx.rng), "DATE_TIME")]


@slot("when", "DATE_TIME")
def slot_when(ctx: Context, arg: str) -> Pieces:
    return when_pieces(ctx.rng, relative_when(ctx.rng))


@slot("time", "DATE_TIME")
def slot_time(ctx: Context, arg: str) -> Pieces:
    return [(clock_time(ctx.rng), "DATE_TIME")]


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
        return ctx.rng.choice(_COUNTRY_SHORT)
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
    if name in _WITH_ARTICLE and ctx.chance(0.75):
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


# --- nationality, religion, political group (NRP) -----------------------------------------

NATIONALITIES: Tuple[str, ...] = (
    "American", "British", "English", "Scottish", "Welsh", "Irish", "Canadian", "Australian",
    "New Zealander", "Indian", "Pakistani", "Bangladeshi", "Sri Lankan", "Nepali", "Chinese",
    "Japanese", "Korean", "South Korean", "Vietnamese", "Thai", "Filipino", "Indonesian",
    "Malaysian", "Singaporean", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch",
    "Belgian", "Swiss", "Austrian", "Polish", "Czech", "Slovak", "Hungarian", "Romanian",
    "Bulgarian", "Greek", "Turkish", "Swedish", "Norwegian", "Danish", "Finnish", "Icelandic",
    "Ukrainian", "Russian", "Lithuanian", "Latvian", "Estonian", "Serbian", "Croatian",
    "Bosnian", "Albanian", "Nigerian", "Ghanaian", "Kenyan", "Ethiopian", "Somali",
    "South African", "Zimbabwean", "Ugandan", "Egyptian", "Moroccan", "Algerian", "Tunisian",
    "Sudanese", "Syrian", "Lebanese", "Iraqi", "Iranian", "Afghan", "Israeli", "Palestinian",
    "Saudi", "Emirati", "Jordanian", "Mexican", "Brazilian", "Argentine", "Argentinian",
    "Chilean", "Colombian", "Peruvian", "Venezuelan", "Cuban", "Jamaican", "Haitian",
    "Dominican", "Puerto Rican", "Korean-American", "Mexican-American", "Nigerian-born",
    "British-Indian", "Kurdish", "Basque", "Catalan", "Somali-born",
)
RELIGIONS: Tuple[str, ...] = (
    "Muslim", "Christian", "Catholic", "Roman Catholic", "Protestant", "Anglican", "Lutheran",
    "Methodist", "Baptist", "Presbyterian", "Evangelical", "Orthodox", "Greek Orthodox",
    "Coptic", "Mormon", "Quaker", "Jewish", "Orthodox Jewish", "Hasidic", "Hindu", "Sikh",
    "Buddhist", "Jain", "Sunni", "Shia", "Shiite", "Baha'i", "Zoroastrian", "atheist",
    "agnostic", "Jehovah's Witness", "Seventh-day Adventist", "Pentecostal", "Amish",
)
POLITICAL: Tuple[str, ...] = (
    "Democrat", "Republican", "Democratic", "Conservative", "Labour", "Liberal Democrat",
    "Green", "Green Party", "Tory", "Social Democrat", "Christian Democrat", "SNP", "Reform UK",
    "Libertarian", "socialist", "communist", "Communist", "progressive", "Liberal", "NDP",
    "Sinn Féin", "Fianna Fáil", "Plaid Cymru", "Bloc Québécois", "AfD", "CDU", "SPD", "BJP",
    "Congress Party", "ANC", "far-right", "Trotskyist", "Labor",
)
_NRP_KINDS: Dict[str, Tuple[str, ...]] = {"nat": NATIONALITIES, "rel": RELIGIONS, "pol": POLITICAL}


def nrp_word(ctx: Context, kind: str = "") -> str:
    """A nationality, religion or political group, as an adjective or a noun."""
    if kind not in _NRP_KINDS:
        kind = weighted_choice(ctx.rng, (("nat", 5), ("rel", 3), ("pol", 2)))
    return ctx.rng.choice(_NRP_KINDS[kind])


def indefinite_article(word: str) -> str:
    """ "a " or "an " for the word that follows ("an Irish", "an 80-year-old", "an 11-year-old")."""
    if word[:1].isdigit():
        digits = word.split("-")[0].split(" ")[0].split("y")[0]
        return "an " if digits.startswith("8") or digits in ("11", "18") else "a "
    return "an " if word[:1].lower() in "aeiou" and not word.startswith(("Uk", "Eu", "uk", "eu")) else "a "


@slot("nrp", "NRP")
def slot_nrp(ctx: Context, arg: str) -> Pieces:
    """`{nrp}`, `{nrp:nat}`, `{nrp:rel}`, `{nrp:pol}`; an arg ending in "a" (`{nrp:a}`,
    `{nrp:nata}`) puts "a"/"an" before the word, outside the span."""
    article = arg.endswith("a")
    word = nrp_word(ctx, arg[:-1] if article else arg)
    if article:
        return [(indefinite_article(word), None), (word, "NRP")]
    return [(word, "NRP")]


# --- ages ---------------------------------------------------------------------------------

_AGE_UNITS = ("years old", "years old", "years old", "yrs old", "years of age", "yo")


def age_value(ctx: Context, form: str = "", words: bool = False) -> str:
    """A person's age as written in prose and notes.

    form (str): "" a bare number ("42"); "adj" ("42-year-old"); "old" ("42 years old");
        "yo" (clinical: "42 y/o", "42yo", "42 yrs"); "kid" (babies and children:
        "six weeks old", "18-month-old", "4-year-old"); "kidn" and "teen" the bare number of
        a child or a teenager ("at the age of nine", "left school at 16").
    words (bool): numbers in words ("forty-two").
    RETURNS (str): the age expression, which is the whole AGE span.
    """
    rng = ctx.rng
    n = {"kid": rng.randint(1, 15), "kidn": rng.randint(1, 12), "teen": rng.randint(14, 18)}.get(form, rng.randint(16, 97))
    num = number_words(n).replace(" ", "-") if words or rng.random() < 0.12 else str(n)
    if form in ("kidn", "teen"):
        return number_words(n) if rng.random() < 0.5 else str(n)
    if form == "adj":
        return f"{num}-year-old"
    if form == "old":
        return f"{num} {rng.choice(_AGE_UNITS)}"
    if form == "yo":
        return rng.choice((f"{n} y/o", f"{n}yo", f"{n} yrs", f"{n} y.o.", f"{n}-year-old", f"{n} years"))
    if form == "kid":
        unit = rng.choice(("weeks", "months", "days", "years", "years"))
        small = rng.randint(2, 11) if unit != "years" else n
        small_text = number_words(small).replace(" ", "-") if rng.random() < 0.5 else str(small)
        if rng.random() < 0.5:
            return f"{small_text}-{unit[:-1]}-old"
        return f"{small_text} {unit} old"
    return num


@slot("age", "AGE")
def slot_age(ctx: Context, arg: str) -> Pieces:
    """A person's age (forms: see `age_value`); an arg ending in "a" (`{age:adja}`) puts
    "a"/"an" before it, outside the span."""
    article = arg.endswith("a")
    value = age_value(ctx, arg[:-1] if article else arg)
    if article:
        return [(indefinite_article(value), None), (value, "AGE")]
    return [(value, "AGE")]


# --- years in prose -----------------------------------------------------------------------


@slot("yr", "DATE_TIME")
def slot_year_of_life(ctx: Context, arg: str) -> Pieces:
    """A year tied to a person's life ("born in 1976", "since 2019"); `{yr:born}` is a birth year."""
    lo, hi = (1931, 2008) if arg == "born" else (1975, 2025)
    return [(str(ctx.rng.randint(lo, hi)), "DATE_TIME")]


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
        host = f"{rng.choice(('www.', '', 'shop.', 'portal.', 'forms.', 'app.', 'support.'))}{company}{rng.choice(('', '-group', 'labs', 'home', 'shop'))}.{rng.choice(_TLDS)}"
        path = rng.choice(_URL_PATHS).replace("{n}", str(rng.randint(1, 99999)))
    if host.startswith("www.") and rng.random() < 0.4:
        return host + path
    return f"{rng.choice(('https://', 'https://', 'http://'))}{host}{path}"


@slot("url", "URL")
def slot_url(ctx: Context, arg: str) -> Pieces:
    return [(url(ctx, arg), "URL")]


# --- small words of clinical and personal notes -------------------------------------------


@slot("sex")
def slot_sex(ctx: Context, arg: str) -> Pieces:
    """The sex field of a clinical note ("F", "M"): not an identifier on its own."""
    return [(ctx.rng.choice(("F", "M", "female", "male", "F", "M")), None)]


@slot("sexword")
def slot_sex_word(ctx: Context, arg: str) -> Pieces:
    return [(ctx.rng.choice(("woman", "man", "woman", "man", "girl", "boy", "patient")), None)]


@slot("month_p", "DATE_TIME")
def slot_month_of_person(ctx: Context, arg: str) -> Pieces:
    """A month (and sometimes year) in which a named person does something."""
    month = ctx.rng.choice(MONTHS)
    return [(month if ctx.chance(0.6) else f"{month} {ctx.rng.randint(2019, 2027)}", "DATE_TIME")]


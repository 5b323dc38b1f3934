"""Keyed, deterministic, format-keeping surrogates: the `surrogate` operator.

A value is replaced by a realistic one of the same kind, so parsers downstream keep working,
and the same value always gets the same surrogate under the same key (every line, file,
process, Spark partition). Every random choice comes from an HMAC-SHA256 of the value under a
key derived from the user key (`keys.derive_key(key, "surrogate")`): without the key a
surrogate says nothing of its value, and with it one can only test guesses, not invert. It is
one-way by design; `MappingWriter` records value -> surrogate, encrypted, when asked.

Per label:

- PERSON: each name word maps on its own ("Jane Doe" -> "Maria Whitfield", "Doe" alone ->
  "Whitfield"), a known first name to a first name and any other word to a last name, from
  Faker's lists of the value's script (Latin: the configured locale; Cyrillic, Greek, Arabic,
  Hebrew, Devanagari, CJK, Hangul, Thai: a locale of that script). Titles stay, casing is kept.
- EMAIL_ADDRESS: the letter runs of the local part map like name words (so jane.doe@... ->
  maria.whitfield@...), digit runs to digits, separators stay; the domain becomes example.com,
  .org or .net (RFC 2606). `%40` stays `%40`.
- PHONE_NUMBER: a number valid (phonenumbers.is_valid_number) for the same region, written in
  the original's layout when the digit counts allow (same separators and grouping).
- IP_ADDRESS: IPv4 in the documentation ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24
  (762 addresses: distinct values may share one), IPv6 in 2001:db8::/32.
- CREDIT_CARD: same length, same brand prefix (1-4 leading digits), Luhn-valid, same layout.
- IBAN_CODE: same country and length, letters and digits in the same places, mod-97-valid.
- US_SSN: a valid-shaped SSN (area 001-899 but 666, group 01-99, serial 0001-9999).
- DATE_TIME: the date shifted by a keyed offset of 1-365 days (the same for every date under
  one key, so intervals between dates are kept), written in the original format.
- MAC_ADDRESS: random, locally administered, same separators and case.
- CREDENTIAL, USERNAME and labels without a generator: same shape (each letter a letter of the
  same case, each digit a digit, other characters kept), known key prefixes (AKIA, ghp_,
  sk_live_, xoxb-, ...) and PEM markers kept.
- LOCATION, STREET_ADDRESS, ORGANIZATION: Faker's city / street address / company.
- AGE: the number becomes another adult age, the words around it stay.
A value that cannot be parsed for its label (a date in words, a spoken e-mail address) gets
the label's tag, `[DATE_TIME]`: never the value itself.
"""
import calendar
import hashlib
import hmac
import ipaddress
import random
import re
import string
import threading
import unicodedata
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple

import phonenumbers
from faker import Faker
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from ..detectors import DEFAULT_PHONE_REGIONS
from ..detectors.checksums import luhn_check_digit, mod97
from .core import RedactionPolicy, get_operator, register_operator
from .keys import MIN_KEY_BYTES, KeyLike, as_key_bytes, derive_key

DEFAULT_LOCALE = "en_US"
DEFAULT_REGION = "US"
MAX_DATE_SHIFT_DAYS = 365

# (label, value, surrogate) -> None: told about each replacement (the mapping file).
ReplaceHook = Callable[[str, str, str], None]


class SurrogateGenerator:
    """Make surrogates under one key.

    key (Union[bytes, str]): the user key (at least `keys.MIN_KEY_BYTES` bytes).
    locale (str): Faker locale for Latin-script names and places.
    phone_regions (Sequence[str]): regions tried, in order, for a phone number written
        without a country code (the first where it is valid; else the first region).
    on_replace (Optional[ReplaceHook]): told (label, value, surrogate) for each value.
    """

    def __init__(
        self,
        key: KeyLike,
        *,
        locale: str = DEFAULT_LOCALE,
        phone_regions: Sequence[str] = DEFAULT_PHONE_REGIONS,
        on_replace: Optional[ReplaceHook] = None,
    ) -> None:
        self._key = derive_key(as_key_bytes(key, "the surrogate operator"), "surrogate")
        self.locale = locale
        self.phone_regions = tuple(r.upper() for r in phone_regions) or (DEFAULT_REGION,)
        self.on_replace = on_replace
        self.date_shift = timedelta(days=self._date_shift_days())

    def __repr__(self) -> str:
        return f"SurrogateGenerator(key=<hidden>, locale={self.locale!r}, phone_regions={self.phone_regions!r})"

    def __call__(self, value: str, label: str) -> str:
        """The surrogate of one value.

        value (str): the value.
        label (str): its label.
        RETURNS (str): the surrogate (or `[LABEL]` when none can be built).
        """
        make = _GENERATORS.get(label, SurrogateGenerator._shape)
        out = make(self, value) or f"[{label}]"
        if self.on_replace is not None:
            self.on_replace(label, value, out)
        return out

    # --- keyed randomness --------------------------------------------------------------

    def rng(self, purpose: str, text: str) -> random.Random:
        """A random generator seeded from HMAC(key, purpose, text): one stream per value."""
        digest = hmac.new(
            self._key, purpose.encode() + b"\x00" + text.encode("utf-8", "surrogatepass"), hashlib.sha256
        ).digest()
        return random.Random(int.from_bytes(digest, "big"))

    def _date_shift_days(self) -> int:
        n = self.rng("date-shift", "").randrange(2 * MAX_DATE_SHIFT_DAYS)
        return n - MAX_DATE_SHIFT_DAYS if n < MAX_DATE_SHIFT_DAYS else n - MAX_DATE_SHIFT_DAYS + 1

    # --- names -------------------------------------------------------------------------

    def name_word(self, word: str, locale: Optional[str] = None) -> str:
        """The surrogate of one name word: a first name for a known first name, else a last
        name, of the word's script; the casing of the word is kept."""
        loc = locale or _script_locale(word) or self.locale
        firsts, lasts, _ = _name_lists(loc)
        folded = word.casefold()
        pool = firsts if folded in _first_names(loc) else lasts
        rng = self.rng("name", folded)
        out = rng.choice(pool)
        for _ in range(8):  # never the word itself
            if out.casefold() != folded:
                break
            out = rng.choice(pool)
        return _same_case(word, out)

    def _person(self, value: str) -> Optional[str]:
        loc = _script_locale(value)
        if loc in _UNSPACED_LOCALES and not any(c.isspace() for c in value.strip()):
            firsts, lasts, _ = _name_lists(loc)
            rng = self.rng("name", value.strip())
            return rng.choice(lasts) + rng.choice(firsts)

        def word(m: "re.Match[str]") -> str:
            w = m.group(0)
            if w.rstrip(".").casefold() in _TITLES:
                return w
            if len(w) == 1 or (len(w) == 2 and w.endswith(".")):  # an initial
                letter = self.rng("initial", w[0].casefold()).choice(string.ascii_uppercase)
                return _same_case(w[0], letter) + w[1:]
            return self.name_word(w, loc)

        return _NAME_WORD.sub(word, value)

    def _ascii_word(self, run: str) -> str:
        ascii_name = _to_ascii(self.name_word(run)).lower()
        if ascii_name:
            return ascii_name
        rng = self.rng("ascii", run.casefold())
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(max(3, len(run))))

    def _digits(self, purpose: str, run: str) -> str:
        rng = self.rng(purpose, run)
        return "".join(rng.choice(string.digits) for _ in run)

    # --- per label ---------------------------------------------------------------------

    def _email(self, value: str) -> Optional[str]:
        at = "%40" if "%40" in value and "@" not in value else "@"
        local, sep, domain = value.rpartition(at)
        if not sep or not local or not domain:
            return None

        def run(m: "re.Match[str]") -> str:
            r = m.group(0)
            if r.isdigit():
                return self._digits("email-digits", r)
            return self._ascii_word(r)

        new_local = _ALNUM_RUN.sub(run, local)
        new_domain = self.rng("domain", domain.casefold()).choice(_EXAMPLE_DOMAINS)
        return f"{new_local}{at}{new_domain}"

    def _username(self, value: str) -> Optional[str]:
        def run(m: "re.Match[str]") -> str:
            r = m.group(0)
            if r.isdigit():
                return self._digits("user-digits", r)
            return _same_case(r, self._ascii_word(r))

        return _ALNUM_RUN.sub(run, value)

    def _phone(self, value: str) -> Optional[str]:
        digits = re.sub(r"\D", "", value)
        if len(digits) < 5:
            return None
        parsed = self._parse_phone(value)
        if parsed is None:
            return None
        international = value.lstrip().startswith(("+", "00"))
        region = phonenumbers.region_code_for_number(parsed)
        if region not in phonenumbers.SUPPORTED_REGIONS:
            region = self.phone_regions[0]
        number_type = phonenumbers.number_type(parsed)
        rng = self.rng("phone", phonenumbers.format_number(parsed, PhoneNumberFormat.E164))
        new = _valid_number(region, number_type, rng)
        if new is None:
            return None
        cc = str(new.country_code)
        nsn = phonenumbers.national_significant_number(new)
        national = re.sub(r"\D", "", phonenumbers.format_number(new, PhoneNumberFormat.NATIONAL))
        candidates = [("00" if value.lstrip().startswith("00") else "") + cc + nsn] if international else [
            national,
            cc + national,
            nsn,
        ]
        for target in candidates:
            if len(target) == len(digits):
                return _fill_digits(value, target)
        fmt = PhoneNumberFormat.INTERNATIONAL if international else PhoneNumberFormat.NATIONAL
        return phonenumbers.format_number(new, fmt)

    def _parse_phone(self, value: str) -> Optional[phonenumbers.PhoneNumber]:
        """The number, parsed in the first region where it is valid (the first region if none)."""
        text = value.strip()
        if text.startswith("00"):
            text = "+" + text[2:]
        regions: Sequence[Optional[str]] = (None,) if text.startswith("+") else self.phone_regions
        first: Optional[phonenumbers.PhoneNumber] = None
        for region in regions:
            try:
                number = phonenumbers.parse(text, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return number
            first = first or number
        return first

    def _ip(self, value: str) -> Optional[str]:
        try:
            addr = ipaddress.ip_address(value.strip().strip("[]"))
        except ValueError:
            return None
        rng = self.rng("ip", addr.exploded)
        if addr.version == 4:
            net = rng.choice(_DOC_V4)
            return str(net.network_address + rng.randint(1, 254))
        return str(_DOC_V6.network_address + rng.getrandbits(96))

    def _card(self, value: str) -> Optional[str]:
        digits = re.sub(r"\D", "", value)
        if not 12 <= len(digits) <= 19:
            return None
        keep = {"4": 1, "5": 2}.get(digits[0], 4)
        rng = self.rng("card", digits)
        body = digits[:keep] + "".join(rng.choice(string.digits) for _ in range(len(digits) - keep - 1))
        return _fill_digits(value, body + str(luhn_check_digit(body)))

    def _iban(self, value: str) -> Optional[str]:
        compact = re.sub(r"\s", "", value).upper()
        if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", compact):
            return None
        country, bban = compact[:2], compact[4:]
        rng = self.rng("iban", compact)
        new_bban = "".join(
            rng.choice(string.ascii_uppercase) if ch.isalpha() else rng.choice(string.digits) for ch in bban
        )
        check = 98 - mod97(new_bban + country + "00")
        new = f"{country}{check:02d}{new_bban}"
        it = iter(new)
        return "".join(ch if ch.isspace() else next(it) for ch in value)

    def _ssn(self, value: str) -> Optional[str]:
        digits = re.sub(r"\D", "", value)
        if len(digits) != 9:
            return None
        rng = self.rng("ssn", digits)
        area = rng.randint(1, 898)
        area += area >= 666
        new = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        return _fill_digits(value, new)

    def _mac(self, value: str) -> Optional[str]:
        hexdigits = re.sub(r"[^0-9A-Fa-f]", "", value)
        if len(hexdigits) != 12:
            return None
        rng = self.rng("mac", hexdigits.lower())
        octets = [rng.randrange(256) for _ in range(6)]
        octets[0] = (octets[0] & 0xFC) | 0x02  # locally administered, unicast: no vendor's
        new = "".join(f"{o:02x}" for o in octets)
        if value.upper() == value:
            new = new.upper()
        it = iter(new)
        return "".join(next(it) if ch in string.hexdigits else ch for ch in value)

    def _date(self, value: str) -> Optional[str]:
        """Shift every date written in the value by the key's offset, in its own format;
        None when there is no date in it (a time alone, a date in words)."""
        pieces: List[str] = []
        pos = 0
        shifted: List[datetime] = []
        for m in _DATE.finditer(value):
            new = _shift_date(m, self.date_shift)
            if new is None:
                continue
            text, when = new
            pieces.append(value[pos : m.start()])
            pieces.append(text)
            shifted.append(when)
            pos = m.end()
        if not shifted:
            return None
        pieces.append(value[pos:])
        out = "".join(pieces)
        if len(shifted) == 1:  # "Monday, March 3": the weekday moves with the date
            out = _WEEKDAY.sub(lambda w: self._weekday(w.group(0)), out)
        return out

    def _weekday(self, word: str) -> str:
        index = [d[:3] for d in _WEEKDAYS].index(word[:3].lower())
        return _same_case(word, _weekday_name((index + self.date_shift.days) % 7, word))

    def _age(self, value: str) -> Optional[str]:
        m = re.search(r"\d+", value)
        if m is None:
            return None
        new = str(self.rng("age", m.group(0)).randint(18, 90))
        return value[: m.start()] + new + value[m.end() :]

    def _faker(self, method: str, value: str) -> str:
        fake = _faker(_script_locale(value) or self.locale)
        seed = self.rng("faker-" + method, " ".join(value.split()).casefold()).getrandbits(64)
        with _FAKER_LOCK:
            fake.seed_instance(seed)
            out: str = getattr(fake, method)()
        return out.replace("\n", ", ")

    def _location(self, value: str) -> Optional[str]:
        return self._faker("city", value)

    def _street(self, value: str) -> Optional[str]:
        return self._faker("street_address", value)

    def _organization(self, value: str) -> Optional[str]:
        return self._faker("company", value)

    def _shape(self, value: str) -> Optional[str]:
        rng = self.rng("shape", value)
        keep_until = 0
        m = _KEEP_PREFIX.match(value)
        if m:
            keep_until = m.end()
        kept = {i for pem in _PEM_MARKER.finditer(value) for i in range(pem.start(), pem.end())}
        out = []
        for i, ch in enumerate(value):
            if i < keep_until or i in kept or not ch.isalnum() or not ch.isascii():
                out.append(ch)
            elif ch.isdigit():
                out.append(rng.choice(string.digits))
            elif ch.isupper():
                out.append(rng.choice(string.ascii_uppercase))
            else:
                out.append(rng.choice(string.ascii_lowercase))
        new = "".join(out)
        return None if new == value and any(c.isalnum() for c in value) else new


_GENERATORS: Dict[str, Callable[[SurrogateGenerator, str], Optional[str]]] = {
    "PERSON": SurrogateGenerator._person,
    "EMAIL_ADDRESS": SurrogateGenerator._email,
    "PHONE_NUMBER": SurrogateGenerator._phone,
    "IP_ADDRESS": SurrogateGenerator._ip,
    "CREDIT_CARD": SurrogateGenerator._card,
    "IBAN_CODE": SurrogateGenerator._iban,
    "US_SSN": SurrogateGenerator._ssn,
    "MAC_ADDRESS": SurrogateGenerator._mac,
    "DATE_TIME": SurrogateGenerator._date,
    "AGE": SurrogateGenerator._age,
    "USERNAME": SurrogateGenerator._username,
    "LOCATION": SurrogateGenerator._location,
    "STREET_ADDRESS": SurrogateGenerator._street,
    "ORGANIZATION": SurrogateGenerator._organization,
    "CREDENTIAL": SurrogateGenerator._shape,
}


# --- helpers ---------------------------------------------------------------------------

_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*\.?")
_ALNUM_RUN = re.compile(r"\d+|[^\W\d_]+")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "dame", "lord", "lady"})
_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")
_DOC_V4 = tuple(ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"))
_DOC_V6 = ipaddress.ip_network("2001:db8::/32")
_KEEP_PREFIX = re.compile(
    r"(?:AKIA|ASIA|AIza|eyJ|gh[pousr]_|github_pat_|xox[abprs]-|(?:sk|pk|rk)_(?:live|test)_|"
    r"Bearer\s+|Basic\s+)"
)
_PEM_MARKER = re.compile(r"-----(?:BEGIN|END)[A-Z ]*-----")
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_ORD = r"(?:st|nd|rd|th)"
# One date inside a DATE_TIME value, in the forms people and logs write; each alternative
# names its parts so the shifted date is written back in the same places and forms.
_DATE = re.compile(
    rf"(?<![\d.])(?P<iy>\d{{4}})(?P<is>[-/.])(?P<im>\d{{1,2}})(?P=is)(?P<id>\d{{1,2}})(?![\d])"
    rf"|(?<![\d.])(?P<na>\d{{1,2}})(?P<ns>[-/.])(?P<nb>\d{{1,2}})(?P=ns)(?P<ny>\d{{4}}|\d{{2}})(?![\d])"
    rf"|\b(?P<dd>\d{{1,2}})(?P<do>{_ORD})?(?:\s+of\s+|\s+|-)(?P<dm>{_MONTHS})\b\.?(?:(?:,?\s+|-)(?P<dy>\d{{4}})\b)?"
    rf"|\b(?P<mm>{_MONTHS})\b\.?\s+(?:the\s+)?(?P<md>\d{{1,2}})(?P<mo>{_ORD})?(?!\d)(?:,?\s+(?P<my>\d{{4}})\b)?"
    rf"|\b(?P<ym>{_MONTHS})\b\.?\s+(?P<yy>\d{{4}})\b"
    rf"|(?<![\d/])(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,2}})(?![\d/])",
    re.IGNORECASE,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\b", re.IGNORECASE)
_NO_YEAR = 2000  # a leap year, so February 29 without a year still parses

# Scripts whose names are written without a space between family and given name.
_UNSPACED_LOCALES = frozenset({"zh_CN", "ko_KR", "ja_JP", "th_TH"})
_SCRIPT_LOCALES: Tuple[Tuple[str, str], ...] = (
    ("CYRILLIC", "ru_RU"),
    ("GREEK", "el_GR"),
    ("ARABIC", "ar_AA"),
    ("HEBREW", "he_IL"),
    ("DEVANAGARI", "hi_IN"),
    ("HANGUL", "ko_KR"),
    ("HIRAGANA", "ja_JP"),
    ("KATAKANA", "ja_JP"),
    ("CJK", "zh_CN"),
    ("THAI", "th_TH"),
)
_LATIN_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "sv_SE", "pl_PL", "pt_BR")
_FAKER_LOCK = threading.Lock()


def _script_locale(text: str) -> Optional[str]:
    """The Faker locale of the first letter's script, or None for Latin (and no letters)."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            for script, locale in _SCRIPT_LOCALES:
                if name.startswith(script):
                    return locale
            return None
    return None


@lru_cache(maxsize=None)
def _faker(locale: str) -> Faker:
    return Faker(locale)


@lru_cache(maxsize=None)
def _name_lists(locale: str) -> Tuple[List[str], List[str], FrozenSet[str]]:
    """(first names, last names, folded first names) of a Faker locale, sorted so the picks
    do not depend on the order Faker lists them in."""
    firsts: List[str] = []
    lasts: List[str] = []
    for provider in _faker(locale).get_providers():
        if hasattr(provider, "first_names") and not firsts:
            firsts = sorted({n for n in provider.first_names if n.strip()})
            lasts = sorted({n for n in getattr(provider, "last_names", ()) if n.strip()})
    if not firsts:  # every Faker locale has names; a broken install falls back to en_US
        return _name_lists(DEFAULT_LOCALE)
    return firsts, lasts or firsts, frozenset(n.casefold() for n in firsts)


@lru_cache(maxsize=None)
def _first_names(locale: str) -> FrozenSet[str]:
    """Folded first names that tell a first name from a last name: of the locale, and for a
    Latin-script locale of the other Latin locales too (a Swedish first name in an en_US
    stream is still a first name)."""
    locales = (locale,) + (_LATIN_LOCALES if _script_locale(_name_lists(locale)[0][0]) is None else ())
    return frozenset(n for loc in locales for n in _name_lists(loc)[2])


def _same_case(model: str, text: str) -> str:
    if model.isupper() and len(model) > 1:
        return text.upper()
    if model.islower():
        return text.lower()
    return text


def _to_ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalpha())


def _fill_digits(template: str, digits: str) -> str:
    """Put `digits` in place of the template's digits, one for one, keeping the rest."""
    it = iter(digits)
    return "".join(next(it) if ch.isdigit() else ch for ch in template)


def _valid_number(region: str, number_type: int, rng: random.Random) -> Optional[phonenumbers.PhoneNumber]:
    """A number valid for the region: an example number's leading digits, the rest random,
    kept only when phonenumbers says it is valid for that region."""
    types: List[int] = [PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE]
    if number_type in types:
        types.remove(number_type)
        types.insert(0, number_type)
    examples = [e for e in (phonenumbers.example_number_for_type(region, t) for t in types) if e]
    for example in examples:
        nsn = phonenumbers.national_significant_number(example)
        for keep in range(2, len(nsn)):
            for _ in range(30):
                candidate = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
                number = phonenumbers.PhoneNumber(country_code=example.country_code, national_number=int(candidate))
                if (
                    phonenumbers.national_significant_number(number) == candidate
                    and phonenumbers.is_valid_number(number)
                    and phonenumbers.region_code_for_number(number) == region
                ):
                    return number
    return examples[0] if examples else None


def _month_number(token: str) -> int:
    return [m[:3] for m in _MONTH_NAMES].index(token[:3].lower()) + 1


_MONTH_NAMES = tuple(m.lower() for m in calendar.month_name[1:])


def _month_text(month: int, original: str) -> str:
    full = calendar.month_name[month]
    # "May", "June", "July" are full names; "Sept" is an abbreviation of four letters.
    text = full if original.lower() in _MONTH_NAMES else calendar.month_abbr[month]
    return _same_case(original, text) if len(original) > 1 else text


def _day_text(day: int, original: str, suffix: Optional[str]) -> str:
    out = f"{day:02d}" if len(original) == 2 and original.startswith("0") else str(day)
    if suffix:
        out += _same_case(suffix, _ordinal(day))
    return out


def _number_texts(values: Dict[str, int], originals: Dict[str, str]) -> Dict[str, str]:
    """Day and month numbers written back zero-padded when the original was ("03/07",
    "10/12"), unpadded when it was not ("3/7"), judged on all its fields together."""
    fields = list(originals.values())
    pad = any(len(f) == 2 and f[0] == "0" for f in fields) or not any(len(f) == 1 for f in fields)
    return {name: f"{n:02d}" if pad else str(n) for name, n in values.items()}


def _shift_date(m: "re.Match[str]", shift: timedelta) -> Optional[Tuple[str, datetime]]:
    """The text of one `_DATE` match with its date shifted, and the shifted date."""
    g = m.groupdict()
    parts: Dict[str, str] = {}  # group name -> its new text
    try:
        if g["iy"]:
            when = datetime(int(g["iy"]), int(g["im"]), int(g["id"])) + shift
            parts = _number_texts({"im": when.month, "id": when.day}, {"im": g["im"], "id": g["id"]})
            parts["iy"] = f"{when.year:04d}"
        elif g["na"]:
            a, b = int(g["na"]), int(g["nb"])
            day_first = a > 12 or (b <= 12 and g["ns"] == ".")
            day_g, month_g = ("na", "nb") if day_first else ("nb", "na")
            year = int(g["ny"]) if len(g["ny"]) == 4 else (1900 if int(g["ny"]) > 30 else 2000) + int(g["ny"])
            when = datetime(year, int(g[month_g]), int(g[day_g])) + shift
            year_text = f"{when.year:04d}" if len(g["ny"]) == 4 else f"{when.year % 100:02d}"
            parts = _number_texts({day_g: when.day, month_g: when.month}, {"na": g["na"], "nb": g["nb"]})
            parts["ny"] = year_text
        elif g["sa"]:
            a, b = int(g["sa"]), int(g["sb"])
            day_g, month_g = ("sa", "sb") if a > 12 else ("sb", "sa")
            when = datetime(_NO_YEAR, int(g[month_g]), int(g[day_g])) + shift
            parts = _number_texts({day_g: when.day, month_g: when.month}, {"sa": g["sa"], "sb": g["sb"]})
        elif g["dd"] or g["mm"]:
            d, mo, y, o = ("dd", "dm", "dy", "do") if g["dd"] else ("md", "mm", "my", "mo")
            year = int(g[y]) if g[y] else _NO_YEAR
            when = datetime(year, _month_number(g[mo]), int(g[d])) + shift
            parts = {d: _day_text(when.day, g[d], g[o]), mo: _month_text(when.month, g[mo])}
            if g[y]:
                parts[y] = f"{when.year:04d}"
            if g[o]:
                parts[o] = ""  # written with the day
        else:
            when = datetime(int(g["yy"]), _month_number(g["ym"]), 1) + shift
            parts = {"ym": _month_text(when.month, g["ym"]), "yy": f"{when.year:04d}"}
    except (ValueError, OverflowError):
        return None  # not a real date (13/45/2020): left for the caller's fallback
    text = m.group(0)
    base = m.start()
    for name in sorted(parts, key=lambda n: m.start(n), reverse=True):
        s, e = m.start(name) - base, m.end(name) - base
        text = text[:s] + parts[name] + text[e:]
    return text, when


def _ordinal(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _weekday_name(index: int, original: str) -> str:
    full = _WEEKDAYS[index].capitalize()
    return full if len(original) > 4 or original.lower() in _WEEKDAYS else full[:3]

def surrogate_value(value: str, label: str, key: KeyLike, **options: str) -> str:
    """The surrogate of one value (builds a generator: use `SurrogateGenerator` in a loop).

    value (str): the value.
    label (str): its label.
    key (Union[bytes, str]): the user key.
    **options: `locale`, `phone_regions` of `SurrogateGenerator`.
    RETURNS (str): the surrogate.
    """
    return generator_for(as_key_bytes(key, "the surrogate operator"), **options)(value, label)


@lru_cache(maxsize=16)
def generator_for(
    key: bytes, locale: str = DEFAULT_LOCALE, phone_regions: Tuple[str, ...] = DEFAULT_PHONE_REGIONS
) -> SurrogateGenerator:
    """The generator of a key and settings, built once per process (no mapping hook).

    key (bytes): the user key.
    locale (str): see `SurrogateGenerator`.
    phone_regions (Tuple[str, ...]): see `SurrogateGenerator`.
    RETURNS (SurrogateGenerator): the generator.
    """
    return SurrogateGenerator(key, locale=locale, phone_regions=phone_regions)


LABELS_WITH_GENERATOR: Sequence[str] = tuple(_GENERATORS)


@register_operator("surrogate", needs_key=True, min_key_bytes=MIN_KEY_BYTES)
def surrogate_operator(value: str, label: str, policy: RedactionPolicy) -> str:
    """The `surrogate` operator: a keyed, format-keeping surrogate under the policy's key;
    `policy.on_surrogate` (the mapping file) is told each replacement."""
    out = generator_for(as_key_bytes(policy.key, "the surrogate operator"))(value, label)
    if policy.on_surrogate is not None:
        policy.on_surrogate(label, value, out)
    return out


# The `spacy_pii_operators` entry point: loading it imports this module, which registers it.
SURROGATE_OPERATOR = get_operator("surrogate")

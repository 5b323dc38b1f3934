"""Value makers: Faker-backed PII values in many locales and formats, registered as slots,
one module per topic (importing each registers its slots).

Every function draws from the example's `random.Random` or the split's seeded Faker instances,
never from the global random module and never from the clock (Faker's date providers read
today's date, so dates are built here from the random stream instead).
"""
from ...detectors.checksums import luhn_check_digit
from . import organisations  # noqa: F401  (registers its slots)
from .accounts import persona_email, persona_username
from .common import MONTHS, WEEKDAYS, FakerPool, luhn_valid, rand_chars, vary_case
from .credentials import jwt, password
from .dates import dob, event_date, rand_date
from .names import name_form
from .network import ipv4, mac_address, url
from .numbers import bad_card_number, card_number, iban, phone_number, ssn
from .personal import NATIONALITIES, indefinite_article
from .places import address_inline, city, country, postcode, state, street_line

__all__ = [
    "FakerPool",
    "MONTHS",
    "NATIONALITIES",
    "WEEKDAYS",
    "address_inline",
    "bad_card_number",
    "card_number",
    "city",
    "country",
    "dob",
    "event_date",
    "iban",
    "indefinite_article",
    "ipv4",
    "jwt",
    "luhn_check_digit",
    "luhn_valid",
    "mac_address",
    "name_form",
    "password",
    "persona_email",
    "persona_username",
    "phone_number",
    "postcode",
    "rand_chars",
    "rand_date",
    "ssn",
    "state",
    "street_line",
    "url",
    "vary_case",
]

"""The people examples talk about: locales, name lists and personas.

Shared by the template engine (a context creates its personas on demand) and by the value
makers (names, e-mails and handles follow the persona), so it imports neither of them.
"""
import random
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Tuple

from .draw import weighted_choice

# (locale, weight) of the example's main locale: addresses, phones, IBANs and most names.
LOCALES: Tuple[Tuple[str, float], ...] = (
    ("en_US", 5.0),
    ("en_GB", 2.0),
    ("en_IN", 1.5),
    ("en_CA", 0.6),
    ("en_AU", 0.6),
    ("en_IE", 0.3),
    ("de_DE", 1.2),
    ("fr_FR", 1.2),
    ("es_ES", 1.0),
    ("es_MX", 0.4),
    ("it_IT", 0.8),
    ("nl_NL", 0.7),
    ("pl_PL", 0.7),
    ("pt_BR", 0.8),
    ("pt_PT", 0.3),
    ("sv_SE", 0.3),
    ("tr_TR", 0.3),
    ("de_AT", 0.2),
    ("de_CH", 0.2),
)

# Extra locales used for people's names only (people move; names travel further than addresses).
NAME_LOCALES: Tuple[str, ...] = (
    "yo_NG", "ig_NG", "zu_ZA", "sw", "id_ID", "hu_HU", "cs_CZ", "ro_RO", "fi_FI", "da_DK",
    "no_NO", "ga_IE", "en_PK", "en_NG", "en_KE", "es_AR", "fr_CA", "vi_VN", "zh_CN", "ja_JP",
)
ROMANIZED = frozenset({"zh_CN", "ja_JP"})

# First names that are also ordinary words; in positive contexts they teach the model that
# "Will" or "Rose" can be a person, while the negatives use the same words as plain words.
AMBIGUOUS_FIRST: Tuple[str, ...] = (
    "Will", "Mark", "Bill", "June", "Summer", "Rose", "Grant", "Bob", "May", "Hope", "Faith",
    "Grace", "Jack", "Jean", "Art", "Sue", "Pat", "Rich", "Dawn", "April", "Chase", "Hunter",
    "Penny", "Ruby", "Iris", "Daisy", "Frank", "Ray", "Gene", "Cliff", "Rod", "Lily", "Carol",
    "Autumn", "Brook", "Amber", "Crystal", "Sky", "Miles", "Joy", "Max", "Sunny", "Destiny",
)
AMBIGUOUS_LAST: Tuple[str, ...] = (
    "Young", "Price", "Bush", "Brown", "Green", "White", "Black", "King", "Cook", "Baker",
    "Hall", "Wood", "Stone", "Lane", "Bell", "Cash", "Power", "Rich", "Long", "Short", "Little",
    "Sharp", "Mills", "Banks", "Church", "Street", "Field", "Winter", "Summers", "Hope",
)


@dataclass
class Persona:
    """A person an example talks about, so name, e-mail and handle agree with each other."""

    first: str
    last: str
    locale: str
    cache: Dict[str, str] = field(default_factory=dict)


def make_persona(rng: random.Random, locale: str, fake: Callable[[str], Any]) -> Persona:
    """A new person: mostly from the example's locale, sometimes from anywhere.

    rng (random.Random): the example's random stream.
    locale (str): the example's main locale.
    fake (Callable[[str], Faker]): the seeded Faker of a locale.
    RETURNS (Persona): the persona.
    """
    x = rng.random()
    if x >= 0.82:
        locale = rng.choice(NAME_LOCALES)
    elif x >= 0.62:
        locale = weighted_choice(rng, LOCALES)
    faker = fake(locale)
    if locale in ROMANIZED:
        first, last = faker.first_romanized_name(), faker.last_romanized_name()
    else:
        first, last = faker.first_name(), faker.last_name()
    if rng.random() < 0.07:
        first = rng.choice(AMBIGUOUS_FIRST)
    if rng.random() < 0.04:
        last = rng.choice(AMBIGUOUS_LAST)
    return Persona(first=first.strip(), last=last.strip(), locale=locale)

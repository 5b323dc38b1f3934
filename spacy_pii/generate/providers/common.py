"""Shared value makers: Faker pools per locale, locale tables and small helpers."""
import random
from typing import Dict, List, Sequence, Tuple

from faker import Faker
from faker.decode import unidecode

from ...detectors.checksums import luhn_valid as luhn_digits_valid

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
COUNTRY_SHORT: Tuple[str, ...] = ("US", "USA", "UK", "U.S.", "U.K.", "UAE", "Netherlands", "Philippines")
# Countries written with "the"; the article stays outside the span, as it does for organisations.
WITH_ARTICLE = frozenset({"US", "UK", "U.S.", "U.K.", "UAE", "Netherlands", "Philippines", "USA"})

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
TLDS: Tuple[str, ...] = ("com", "org", "net", "io", "co.uk", "de", "fr", "nl", "co", "ai", "eu", "in")


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



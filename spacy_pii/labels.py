"""The label scheme: the one source of truth for every PII label spacy-pii knows.

Names follow Presidio's entity names where one exists, so en_pii output can feed tools
built around them.
"""
from typing import Dict, List, Tuple

from spacy.util import registry

# (label, what it covers). Order is the display order in the README and reports.
LABEL_SCHEME: Tuple[Tuple[str, str], ...] = (
    ("PERSON", "names of people, in any casing, including first or last name alone"),
    ("EMAIL_ADDRESS", "e-mail addresses, including URL-encoded (%40) and spoken ('at', 'dot') forms"),
    ("PHONE_NUMBER", "phone numbers in national and international formats, also spoken digit by digit"),
    ("CREDIT_CARD", "payment card numbers that pass Luhn, with or without spaces/dashes"),
    ("IBAN_CODE", "international bank account numbers (country length + mod-97)"),
    ("US_SSN", "US social security numbers"),
    ("IP_ADDRESS", "IPv4 and IPv6 addresses of clients and hosts"),
    ("MAC_ADDRESS", "hardware MAC addresses"),
    ("DATE_TIME", "dates tied to a person or an event in prose (birth dates, appointments); "
     "machine log timestamps are NOT PII"),
    ("LOCATION", "cities, states, regions and countries"),
    ("STREET_ADDRESS", "street addresses, with house number, street, postcode"),
    ("ORGANIZATION", "companies, employers, banks, schools"),
    ("USERNAME", "account handles and user= / login fields"),
    ("CREDENTIAL", "passwords, API keys, bearer/session tokens, private-key blobs"),
    ("NRP", "nationality, religious or political group of a person (Presidio's NRP)"),
    ("AGE", "a person's age ('a 67-year-old', 'aged 42'); not durations such as '8 years of experience'"),
)

LABELS: Tuple[str, ...] = tuple(label for label, _ in LABEL_SCHEME)
LABEL_DESCRIPTIONS: Dict[str, str] = dict(LABEL_SCHEME)

# displaCy colours (entry point `spacy_displacy_colors`), one hue family per kind of PII.
DISPLACY_COLORS: Dict[str, str] = {
    "PERSON": "#f4a261",
    "EMAIL_ADDRESS": "#8ecae6",
    "PHONE_NUMBER": "#90e0ef",
    "CREDIT_CARD": "#e63946",
    "IBAN_CODE": "#ff8fa3",
    "US_SSN": "#c9184a",
    "IP_ADDRESS": "#b5e48c",
    "MAC_ADDRESS": "#99d98c",
    "DATE_TIME": "#ffd166",
    "LOCATION": "#cdb4db",
    "STREET_ADDRESS": "#bdb2ff",
    "ORGANIZATION": "#a0c4ff",
    "USERNAME": "#caffbf",
    "CREDENTIAL": "#ff595e",
    "NRP": "#ffafcc",
    "AGE": "#fde68a",
}


def check_labels(labels: List[str]) -> List[str]:
    """Validate a list of label names against the scheme.

    labels (List[str]): label names, as given by a user or a config.
    RETURNS (List[str]): the same labels, upper-cased.
    """
    from .errors import Errors

    out = [label.strip().upper() for label in labels if label.strip()]
    unknown = [label for label in out if label not in LABEL_DESCRIPTIONS]
    if unknown:
        raise ValueError(Errors.E001.format(labels=", ".join(unknown), known=", ".join(LABELS)))
    return out


@registry.misc("spacy-pii.pii_labels.v1")
def create_labels() -> List[str]:
    """The label scheme as a list, for configs (`@misc = "spacy-pii.pii_labels.v1"`)."""
    return list(LABELS)

"""The label scheme: the one source of truth for every PII label spacy-pii knows.

One table, `LABEL_SCHEME`, holds each label's name, what it covers, its displaCy colour,
whether its values are number-like (the mask operator's `keep_last` shows their last
characters), whether the NER model learns it from the corpus (the others come from the
validated detectors only), and how a detector validates it (the README label table).
Everything else here derives from it.

Names follow Presidio's entity names where one exists, so en_pii output can feed tools
built around them.
"""
from typing import Dict, FrozenSet, List, NamedTuple, Tuple

from spacy.util import registry

from .errors import Errors


class Label(NamedTuple):
    """One row of the label scheme."""

    name: str
    description: str
    colour: str  # displaCy colour
    number_like: bool  # mask's keep_last shows the last characters ("card ending 1111")
    model: bool  # learned by the NER from the corpus (else: detectors only)
    validation: str  # how the detectors check it ("" = model only)


# (name, description, colour, number_like, model, validation). Order is the display order
# in the README and reports. A literal, so tests/data/make_challenge.py can read it without
# importing spaCy.
LABEL_SCHEME: Tuple[Tuple[str, str, str, bool, bool, str], ...] = (
    ("PERSON", "names of people, in any casing, including first or last name alone",
     "#f4a261", False, True, ""),
    ("EMAIL_ADDRESS", "e-mail addresses, including URL-encoded (%40) and spoken ('at', 'dot') forms",
     "#8ecae6", False, True, "shape; domain labels checked; no-reply mailboxes and URL userinfo skipped"),
    ("PHONE_NUMBER", "phone numbers in national and international formats, also spoken digit by digit",
     "#90e0ef", True, True, "phonenumbers (valid for a configured region or with +); bare digits need a phone word"),
    ("CREDIT_CARD", "payment card numbers that pass Luhn, with or without spaces/dashes",
     "#e63946", True, True, "issuer prefix and length + Luhn"),
    ("IBAN_CODE", "international bank account numbers (country length + mod-97)",
     "#ff8fa3", True, True, "country length + mod-97"),
    ("US_SSN", "US social security numbers",
     "#c9184a", True, True, "area/group/serial rules; 9 bare digits need 'SSN' context"),
    ("IP_ADDRESS", "IPv4 and IPv6 addresses of clients and hosts",
     "#b5e48c", False, True, "parsed (ipaddress); no versions, networks, netmasks, loopback"),
    ("MAC_ADDRESS", "hardware MAC addresses",
     "#99d98c", False, True, "shape (colon, dash, Cisco dotted with a hex letter)"),
    ("DATE_TIME", "dates tied to a person or an event in prose (birth dates, appointments); "
     "machine log timestamps are NOT PII", "#ffd166", False, True, ""),
    ("LOCATION", "cities, states, regions and countries", "#cdb4db", False, True, ""),
    ("STREET_ADDRESS", "street addresses, with house number, street, postcode",
     "#bdb2ff", False, True, ""),
    ("ORGANIZATION", "companies, employers, banks, schools", "#a0c4ff", False, True, ""),
    ("USERNAME", "account handles and user= / login fields", "#caffbf", False, True, ""),
    ("CREDENTIAL", "passwords, API keys, bearer/session tokens, private-key blobs",
     "#ff595e", False, True, "known token shapes, PEM blocks, values of secret-named keys and auth headers"),
    ("NRP", "nationality, religious or political group of a person (Presidio's NRP)",
     "#ffafcc", False, True, ""),
    ("AGE", "a person's age ('a 67-year-old', 'aged 42'); not durations such as '8 years of experience'",
     "#fde68a", False, True, ""),
    ("URL", "web addresses with a scheme (https://...) or www., including user info and query strings",
     "#48cae4", False, True, "shape; host needs a dot, localhost or user info"),
    ("CRYPTO", "cryptocurrency wallet addresses (Bitcoin, Ethereum)",
     "#f77f00", False, False, "Bitcoin base58check or bech32/bech32m; Ethereum EIP-55 mixed case or a wallet word"),
    ("US_ITIN", "US individual taxpayer identification numbers (9XX-7X-XXXX)",
     "#a4133c", True, False, "ITIN group ranges; bare digits need 'ITIN'/'taxpayer' context"),
    ("US_PASSPORT", "US passport numbers", "#800f2f", True, False, "needs 'passport' context"),
    ("US_DRIVER_LICENSE", "US driver license numbers", "#590d22", True, False,
     "needs 'driver license' / 'DL' context"),
    ("US_BANK_NUMBER", "US bank account numbers", "#ff4d6d", True, False,
     "needs 'bank account' / 'checking' context"),
    ("UK_NHS", "UK National Health Service numbers", "#457b9d", True, False,
     "mod-11; bare digits need 'NHS' context"),
    ("UK_NINO", "UK National Insurance numbers", "#1d3557", True, False,
     "prefix rules (no BG, GB, NK, KN, TN, NT, ZZ; no D, F, I, Q, U, V), suffix A-D"),
    ("ES_NIF", "Spanish DNI/NIF numbers", "#e9c46a", True, False, "mod-23 control letter"),
    ("ES_NIE", "Spanish foreigner identity numbers (NIE)", "#e76f51", True, False,
     "X/Y/Z prefix + mod-23 control letter"),
    ("IT_FISCAL_CODE", "Italian codice fiscale", "#2a9d8f", True, False,
     "structure + check character"),
    ("IN_PAN", "Indian permanent account numbers", "#ff9f1c", True, False,
     "structure (holder-type letter), upper case"),
    ("IN_AADHAAR", "Indian Aadhaar numbers", "#ffbf69", True, False,
     "Verhoeff; needs 'Aadhaar'/'UIDAI' context"),
    ("AU_TFN", "Australian tax file numbers", "#6a994e", True, False, "mod-11 weights; needs 'TFN' context"),
    ("AU_ABN", "Australian business numbers", "#a7c957", True, False,
     "mod-89; needs 'ABN' context"),
    ("SG_NRIC_FIN", "Singapore NRIC/FIN numbers", "#bc4749", True, False, "S/T/F/G/M prefix + check letter"),
    ("PL_PESEL", "Polish PESEL numbers", "#dc2f02", True, False,
     "mod-10 weights + birth date; needs 'PESEL' context"),
    ("CA_SIN", "Canadian social insurance numbers", "#9d0208", True, False,
     "Luhn; needs 'SIN'/'social insurance' context"),
    ("MEDICAL_LICENSE", "US DEA registration numbers of prescribers", "#6d597a", True, False,
     "DEA check digit; needs 'DEA'/'prescriber' context"),
    ("ABA_ROUTING_NUMBER", "US bank routing (ABA) numbers",
     "#7f5539", True, False, "Fed prefix + 3-7-1 check; needs 'routing'/'ABA' context"),
    ("AU_ACN", "Australian company numbers",
     "#386641", True, False, "ASIC check digit; needs 'ACN' context"),
    ("AU_MEDICARE", "Australian Medicare card numbers",
     "#52796f", True, False, "weighted check digit; needs 'Medicare' context"),
    ("DE_BSNR", "German practice site numbers (Betriebsstättennummer)",
     "#3a5a40", True, False, "KV region code; needs 'BSNR'/'Betriebsstätte' context"),
    ("DE_FUEHRERSCHEIN", "German driving licence numbers (Führerschein)",
     "#344e41", True, False, "shape; needs 'Führerschein'/'Fahrerlaubnis' context"),
    ("DE_HANDELSREGISTER", "German commercial register numbers (HRB 12345)",
     "#588157", True, False, "register division (HRA/HRB/GnR/GsR; PR/VR need 'Handelsregister' context)"),
    ("DE_HEALTH_INSURANCE", "German health insurance numbers (KVNR)",
     "#a3b18a", True, False, "§ 290 SGB V check digit; needs 'KVNR'/'Krankenversicherung' context"),
    ("DE_ID_CARD", "German identity card numbers (Personalausweis)",
     "#283618", True, False, "document alphabet + ICAO check digit when present; needs 'Personalausweis' context"),
    ("DE_KFZ", "German vehicle registration plates",
     "#606c38", True, False, "plate layout; needs 'Kennzeichen'/'Kfz' context"),
    ("DE_LANR", "German lifelong physician numbers (LANR)",
     "#dda15e", True, False, "KBV check digit; needs 'LANR'/'Arztnummer' context"),
    ("DE_PASSPORT", "German passport numbers (Reisepass)",
     "#bc6c25", True, False, "C + document alphabet + ICAO check digit when present; needs 'Reisepass'/'passport' context"),
    ("DE_PLZ", "German postal codes (Postleitzahl)",
     "#fefae0", True, False, "range 01001-99998; needs 'PLZ'/'Postleitzahl' context"),
    ("DE_SOCIAL_SECURITY", "German pension insurance numbers (Rentenversicherungsnummer)",
     "#774936", True, False, "birth date + VKVV check digit"),
    ("DE_TAX_ID", "German tax identification numbers (Steuer-IdNr)",
     "#8a5a44", True, False, "digit repetition rule + ISO 7064 MOD 11,10; needs 'Steuer-ID' context"),
    ("DE_TAX_NUMBER", "German tax numbers (Steuernummer)",
     "#9d6b53", True, False, "state or federal layout; needs 'Steuernummer' context"),
    ("DE_VAT_ID", "German VAT identification numbers (USt-IdNr)",
     "#b08968", True, False, "DE prefix + ISO 7064 MOD 11,10"),
    ("ES_PASSPORT", "Spanish passport numbers",
     "#f4a259", True, False, "shape; needs 'pasaporte'/'passport' context"),
    ("FI_PERSONAL_IDENTITY_CODE", "Finnish personal identity codes (henkilötunnus)",
     "#5c677d", True, False, "birth date + century sign + mod-31 check character"),
    ("IN_GSTIN", "Indian GST identification numbers",
     "#ffb703", True, False, "state code + PAN structure + Luhn mod 36"),
    ("IN_PASSPORT", "Indian passport numbers",
     "#fb8500", True, False, "shape; needs 'passport' context"),
    ("IN_VEHICLE_REGISTRATION", "Indian vehicle registration numbers",
     "#e85d04", True, False, "state code + RTO layout"),
    ("IN_VOTER", "Indian voter ID (EPIC) numbers",
     "#f48c06", True, False, "shape; needs 'voter'/'EPIC' context"),
    ("IT_DRIVER_LICENSE", "Italian driving licence numbers (patente)",
     "#264653", True, False, "shape; needs 'patente'/'driving licence' context"),
    ("IT_IDENTITY_CARD", "Italian identity card numbers (paper and CIE)",
     "#287271", True, False, 'shape; needs "carta d\'identità"/\'CIE\' context'),
    ("IT_PASSPORT", "Italian passport numbers",
     "#8ab17d", True, False, "shape; needs 'passaporto'/'passport' context"),
    ("IT_VAT_CODE", "Italian VAT numbers (partita IVA)",
     "#babb74", True, False, "tax office code + Luhn; bare digits need 'partita IVA' context"),
    ("KR_BRN", "Korean business registration numbers",
     "#3d405b", True, False, "weighted check digit; bare digits need '사업자등록번호'/'BRN' context"),
    ("KR_DRIVER_LICENSE", "Korean driver's licence numbers",
     "#81b29a", True, False, "region code; needs '운전면허'/'driver license' context"),
    ("KR_FRN", "Korean foreigner registration numbers",
     "#f2cc8f", True, False, "birth date + 5-8 digit (+ mod-11 check before 2020); bare digits need context"),
    ("KR_PASSPORT", "Korean passport numbers",
     "#e07a5f", True, False, "shape; needs '여권'/'passport' context"),
    ("KR_RRN", "Korean resident registration numbers",
     "#6d6875", True, False, "birth date + 1-4 digit (+ mod-11 check before 2020); bare digits need context"),
    ("NG_NIN", "Nigerian national identification numbers",
     "#008000", True, False, "Verhoeff; needs 'NIN'/'NIMC' context"),
    ("NG_VEHICLE_REGISTRATION", "Nigerian vehicle registration plates",
     "#38b000", True, False, "plate layout; needs 'plate' context"),
    ("PH_TIN", "Philippine taxpayer identification numbers",
     "#0077b6", True, False, "weighted mod-11 check digit; needs 'TIN'/'BIR' context"),
    ("SE_ORGANISATIONSNUMMER", "Swedish organisation numbers",
     "#005f73", True, False, "third digit >= 2 + Luhn; bare digits need 'org.nr' context"),
    ("SE_PERSONNUMMER", "Swedish personal identity numbers (personnummer, samordningsnummer)",
     "#0a9396", True, False, "birth date + Luhn; needs 'personnummer' context"),
    ("SG_UEN", "Singapore unique entity numbers",
     "#ae2012", True, False, "format + check character; the business form needs 'UEN' context"),
    ("TH_TNIN", "Thai national ID / taxpayer numbers",
     "#9b2226", True, False, "mod-11 check digit; bare digits need context"),
    ("TR_LICENSE_PLATE", "Turkish vehicle registration plates",
     "#e63946", True, False, "province code 01-81 + plate layout; needs 'plaka'/'plate' context"),
    ("TR_NATIONAL_ID", "Turkish identity numbers (T.C. Kimlik No)",
     "#d62828", True, False, "two check digits; needs 'kimlik'/'TCKN' context"),
    ("UK_DRIVING_LICENCE", "UK DVLA driving licence numbers",
     "#1d3557", True, False, "surname, birth-date and initials structure"),
    ("UK_PASSPORT", "UK passport numbers",
     "#2b2d42", True, False, "shape; needs 'passport' context"),
    ("UK_POSTCODE", "UK postcodes named as such (in an address they are STREET_ADDRESS)",
     "#8d99ae", True, False, "postcode area list + layout; needs 'UK postcode' context"),
    ("UK_VEHICLE_REGISTRATION", "UK vehicle registration numbers",
     "#edf2f4", True, False, "DVLA current/prefix/suffix layouts; needs 'registration'/'VRN' context"),
    ("US_MBI", "US Medicare beneficiary identifiers",
     "#6a4c93", True, False, "CMS position rules (letters without S, L, O, I, B, Z)"),
    ("US_NPI", "US National Provider Identifiers",
     "#1982c4", True, False, "Luhn with prefix 80840; needs 'NPI'/'provider' context"),
    ("ZA_ID_NUMBER", "South African ID numbers",
     "#8ac926", True, False, "birth date + citizenship digit + Luhn; bare digits need context"),
)  # fmt: skip

SCHEME: Tuple[Label, ...] = tuple(Label(*row) for row in LABEL_SCHEME)
LABELS: Tuple[str, ...] = tuple(label.name for label in SCHEME)
LABEL_DESCRIPTIONS: Dict[str, str] = {label.name: label.description for label in SCHEME}
# displaCy colours (entry point `spacy_displacy_colors`).
DISPLACY_COLORS: Dict[str, str] = {label.name: label.colour for label in SCHEME}
NUMBER_LIKE_LABELS: FrozenSet[str] = frozenset(label.name for label in SCHEME if label.number_like)
# Labels the NER learns from the corpus; the others only come from detectors.
MODEL_LABELS: Tuple[str, ...] = tuple(label.name for label in SCHEME if label.model)
# Labels redacted only when asked for by name (`--labels URL`, `labels = ["URL"]`): a whole
# URL identifies nobody by itself; by default its parts that can are redacted under their
# own labels (`spacy_pii.detectors.url`). `RedactionPolicy.selects_label` applies this.
OPT_IN_LABELS: FrozenSet[str] = frozenset({"URL"})


def check_labels(labels: List[str]) -> List[str]:
    """Validate a list of label names against the scheme.

    labels (List[str]): label names, as given by a user or a config.
    RETURNS (List[str]): the same labels, upper-cased.
    """
    out = [label.strip().upper() for label in labels if label.strip()]
    unknown = [label for label in out if label not in LABEL_DESCRIPTIONS]
    if unknown:
        raise ValueError(Errors.E001.format(labels=", ".join(unknown), known=", ".join(LABELS)))
    return out


@registry.misc("spacy-pii.pii_labels.v1")
def create_labels() -> List[str]:
    """The labels the NER learns, as a list, for configs (`@misc = "spacy-pii.pii_labels.v1"`)."""
    return list(MODEL_LABELS)

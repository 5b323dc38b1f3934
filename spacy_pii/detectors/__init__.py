"""Validated pattern detectors: one per module, on a small base class, in a registry.

Each module registers its detector class in `spacy_pii.registry.registry.detectors`
(entry-point group `spacy_pii_detectors`, so a third-party package adds detectors without
forking). `select_detectors` picks them by name and country, `DetectorSet.find` runs them
(a detector that `yields`, the phone detector, runs after the others and leaves their spans
alone), and `find_all` also resolves overlaps. Shared checksums live in `checksums`.
"""
from . import (  # noqa: F401  (importing a module registers its detector)
    aba_routing_number,
    au_abn,
    au_acn,
    au_medicare,
    au_tfn,
    ca_sin,
    credential,
    credit_card,
    crypto,
    de_bsnr,
    de_fuehrerschein,
    de_handelsregister,
    de_health_insurance,
    de_id_card,
    de_kfz,
    de_lanr,
    de_passport,
    de_plz,
    de_social_security,
    de_tax_id,
    de_tax_number,
    de_vat_id,
    email,
    es_nie,
    es_nif,
    es_passport,
    fi_personal_identity_code,
    iban,
    in_aadhaar,
    in_gstin,
    in_pan,
    in_passport,
    in_vehicle_registration,
    in_voter,
    ip_address,
    it_driver_license,
    it_fiscal_code,
    it_identity_card,
    it_passport,
    it_vat_code,
    kr_brn,
    kr_driver_license,
    kr_frn,
    kr_passport,
    kr_rrn,
    mac_address,
    medical_license,
    ng_nin,
    ng_vehicle_registration,
    ph_tin,
    phone,
    pl_pesel,
    se_organisationsnummer,
    se_personnummer,
    sg_nric_fin,
    sg_uen,
    th_tnin,
    tr_license_plate,
    tr_national_id,
    uk_driving_licence,
    uk_nhs,
    uk_nino,
    uk_passport,
    uk_postcode,
    uk_vehicle_registration,
    url,
    us_bank_number,
    us_driver_license,
    us_itin,
    us_mbi,
    us_npi,
    us_passport,
    us_ssn,
    za_id_number,
)
from .base import (
    SCORE_CONTEXT,
    SCORE_SHAPE,
    SCORE_STRONG_SHAPE,
    SCORE_VALIDATED,
    SCORE_WEAK_SHAPE,
    Detector,
    Match,
    SpanIndex,
    words,
)
from .checksums import luhn_valid
from .credential import PEM_BEGIN, PEM_END, PemCarry, find_credentials
from .credit_card import card_brand_ok, find_credit_cards
from .detector_set import (
    DEFAULT_PATTERN_SCORE,
    DetectorSet,
    build_detector,
    check_countries,
    find_all,
    registered_names,
    select_detectors,
)
from .email import find_emails
from .iban import IBAN_LENGTHS, find_ibans, iban_valid
from .ip_address import find_ip_addresses
from .mac_address import find_mac_addresses
from .phone import DEFAULT_PHONE_REGIONS, check_regions, find_phone_numbers
from .us_ssn import find_us_ssns, ssn_valid
from .user import UserPattern, compile_user_patterns, find_user_patterns

__all__ = [
    "DEFAULT_PATTERN_SCORE", "DEFAULT_PHONE_REGIONS", "IBAN_LENGTHS", "PEM_BEGIN", "PEM_END",
    "SCORE_CONTEXT", "SCORE_SHAPE", "SCORE_STRONG_SHAPE", "SCORE_VALIDATED", "SCORE_WEAK_SHAPE",
    "Detector", "DetectorSet", "Match", "PemCarry", "SpanIndex", "UserPattern",
    "build_detector", "card_brand_ok", "check_countries", "check_regions",
    "compile_user_patterns", "find_all", "find_credentials", "find_credit_cards", "find_emails",
    "find_ibans", "find_ip_addresses", "find_mac_addresses", "find_phone_numbers",
    "find_us_ssns", "find_user_patterns", "iban_valid", "luhn_valid", "registered_names",
    "select_detectors", "ssn_valid", "words",
]  # fmt: skip

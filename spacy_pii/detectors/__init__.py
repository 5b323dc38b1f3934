"""Validated pattern detectors: one per module, on a small base class, in a registry.

Each module registers its detector class in `spacy_pii.registry.registry.detectors`
(entry-point group `spacy_pii_detectors`, so a third-party package adds detectors without
forking). `select_detectors` picks them by name and country, `DetectorSet.find` runs them
(a detector that `yields`, the phone detector, runs after the others and leaves their spans
alone), and `find_all` also resolves overlaps. Shared checksums live in `checksums`.
"""
import importlib
import pkgutil

# The one list of built-in detectors is the package itself: every module whose name is not
# one of the shared ones below registers a detector (`@registry.detectors`) when imported.
# setup.cfg's `spacy_pii_detectors` entry points are checked against the registry by
# tests/detectors/test_registry.py.
SHARED_MODULES = frozenset({"base", "checksums", "detector_set", "evidence", "layout", "user"})
BUILTIN_MODULES = tuple(
    info.name for info in pkgutil.iter_modules(__path__) if info.name not in SHARED_MODULES
)
for _name in BUILTIN_MODULES:
    importlib.import_module(f"{__name__}.{_name}")

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

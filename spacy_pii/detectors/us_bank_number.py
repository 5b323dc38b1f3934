"""US_BANK_NUMBER: US bank account numbers, after a bank-account phrase."""
import re

from ..registry import registry
from .base import SCORE_CONTEXT, Detector, words


@registry.detectors("us_bank_number")
class UsBankNumberDetector(Detector):
    """Bank account numbers: 8-17 digits. Logs are full of such numbers, so "bank account",
    "checking", "savings", "account number" or "acct no" must come within 32 characters
    before (score 0.85). A bare "account" is not enough (account ids are not bank accounts)."""

    label = "US_BANK_NUMBER"
    priority = 30
    countries = frozenset({"US"})
    pattern = re.compile(r"(?<![A-Za-z0-9.,-])\d{8,17}(?![A-Za-z0-9]|[.,]\d|-\d)")
    context = words(
        "bank account", "bank acct", "checking account", "checking acct", "savings account",
        "savings acct", "account number", "account no", "acct number", "acct no", "acct #",
        "account #", "bank account number", "deposit account", "checking", "savings",
    )  # fmt: skip
    context_required = True
    context_score = SCORE_CONTEXT

"""US_BANK_NUMBER: 8-17 digits, only after a bank-account phrase."""
from detector_tables import table_tests

FOUND = [
    ('bank account 123456789012', [('123456789012', 0.85)]),
    ('Checking acct no: 00123456', [('00123456', 0.85)]),
    ('account number 4400123456789', [('4400123456789', 0.85)]),
]
REJECTED = [
    "123456789012",
    "account_id=12345678",  # an account id is not a bank account
    "user account 12345678 locked",
    "bank account 1234567",  # 7 digits
    "bank account 123456789012345678",  # 18 digits
    "bank account balance 1234567.89",  # an amount
]

test_found, test_rejected, test_lookalikes = table_tests('us_bank_number', FOUND, REJECTED)

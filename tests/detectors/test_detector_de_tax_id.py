"""DE_TAX_ID: 11 digits, one repeated digit, MOD 11,10 check, only after "Steuer-ID"."""
from detector_tables import table_tests

FOUND = [
    ('Steuer-ID: 86095742719', [('86095742719', 1.0)]),
    ('steuerliche Identifikationsnummer 76 491 326 687', [('76 491 326 687', 1.0)]),
    ('tax id 74807351724.', [('74807351724', 1.0)]),
]
REJECTED = [
    "Steuer-ID: 86095742718",  # check digit wrong
    "Steuer-ID: 06095742719",  # leading 0
    "Steuer-ID: 12345678903",  # no repeated digit
    "86095742719",  # no context: a phone number
    "Steuer-ID 76 491326 687",  # mixed grouping
    "order number 32507918550",
]

test_found, test_rejected, test_lookalikes = table_tests('de_tax_id', FOUND, REJECTED)

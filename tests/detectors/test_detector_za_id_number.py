"""ZA_ID_NUMBER: birth date, citizenship, Luhn; spaced layout alone, bare digits with context."""
from detector_tables import table_tests

FOUND = [
    ('ID number 8804125831088', [('8804125831088', 1.0)]),
    ('client 880412 5831 088', [('880412 5831 088', 1.0)]),
    ('RSA ID: 0102274901192.', [('0102274901192', 1.0)]),
]
REJECTED = [
    "ID number 8804125831089",  # check digit wrong
    "ID number 8813125831088",  # month 13
    "ID number 8804125831388",  # citizenship 3
    "8804125831088",  # bare, no context
    "epoch_ms=1717171717123",
]

test_found, test_rejected, test_lookalikes = table_tests('za_id_number', FOUND, REJECTED)

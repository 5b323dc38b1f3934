"""SE_PERSONNUMMER: birth date + Luhn; laid out found alone, bare digits need context."""
from detector_tables import table_tests

FOUND = [
    ('personnummer 850709-2388', [('850709-2388', 1.0)]),
    ('kund 19810371-4633 ringde', [('19810371-4633', 1.0)]),  # day 71: samordningsnummer
    ('samordningsnummer 810371-4633', [('810371-4633', 1.0)]),  # day 11 + 60
    ('född 1903-05-62, 030562+4181', [('030562+4181', 1.0)]),
    ('personnummer: 198507092388', [('198507092388', 1.0)]),
    ('ID 19850709-2388 verified', [('19850709-2388', 1.0)]),
]
REJECTED = [
    "850709-2389",  # check digit wrong
    "851309-2388",  # month 13
    "8507092388",  # bare, no context
    "ts=1700000000 epoch",
    "build 240115-1030",
]

test_found, test_rejected, test_lookalikes = table_tests('se_personnummer', FOUND, REJECTED)

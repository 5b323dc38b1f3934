"""SE_PERSONNUMMER: birth date + Luhn, only after "personnummer" / "samordningsnummer"."""
from detector_tables import table_tests

FOUND = [
    ('personnummer 850709-2388', [('850709-2388', 1.0)]),
    ('Personnummer: 19810371-4633', [('19810371-4633', 1.0)]),  # day 71: samordningsnummer
    ('samordningsnummer 810371-4633', [('810371-4633', 1.0)]),  # day 11 + 60
    ('personnr 030562+4181', [('030562+4181', 1.0)]),  # + : over 100 years old
    ('personnummer: 198507092388', [('198507092388', 1.0)]),
    ('swedish personal number 8507092388', [('8507092388', 1.0)]),
]
REJECTED = [
    "personnummer 850709-2389",  # check digit wrong
    "personnummer 851309-2388",  # month 13
    "850709-2388",  # no context
    "build 20240115-1028 deployed",  # a dated build stamp: Luhn and date hold
    "ts=1700000000 epoch",
    "personnummer 20240115-10301",  # 5 digits after the date
]

test_found, test_rejected, test_lookalikes = table_tests('se_personnummer', FOUND, REJECTED)

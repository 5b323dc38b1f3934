"""IN_PAN: 3 letters, a holder-type letter, a letter, 4 digits, a letter."""
from detector_tables import table_tests

FOUND = [
    ('PAN: ABCPE1234F', [('ABCPE1234F', 0.95)]),
    ('income tax id AAACB1234C', [('AAACB1234C', 0.95)]),
    ('holder ABCPE1234F', [('ABCPE1234F', 0.6)]),
]
REJECTED = [
    "ABCDE1234F",  # D: no holder type
    "abcpe1234f",  # D: no holder type
    "ABCPE12345",  # D: no holder type
    "ABCPE123F",  # D: no holder type
    "XABCPE1234F",  # D: no holder type
]

test_found, test_rejected, test_lookalikes = table_tests('in_pan', FOUND, REJECTED)

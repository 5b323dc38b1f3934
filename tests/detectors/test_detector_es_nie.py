"""ES_NIE: X/Y/Z, 7 digits, a mod-23 control letter."""
from detector_tables import table_tests

FOUND = [
    ('NIE X1234567L', [('X1234567L', 1.0)]),
    ('extranjero Y-1234567-X', [('Y-1234567-X', 1.0)]),
    ('ref X1234567L ok', [('X1234567L', 0.9)]),
]
REJECTED = [
    "X1234567A",
    "Y1234567L",
    "W1234567L",
    "x1234567L",
    "X123456L",
]

test_found, test_rejected, test_lookalikes = table_tests('es_nie', FOUND, REJECTED)

"""ES_NIF: 8 digits and a mod-23 control letter."""
from detector_tables import table_tests

FOUND = [
    ('DNI 12345678Z', [('12345678Z', 1.0)]),
    ('nif: 87654321-X.', [('87654321-X', 1.0)]),
    ('cliente 12345678Z', [('12345678Z', 0.9)]),
]
REJECTED = [
    "DNI 12345678A",
    "12345678z",
    "1234567Z",
    "123456789Z",
    "X12345678Z",
    "87654321-Y",
]

test_found, test_rejected, test_lookalikes = table_tests('es_nif', FOUND, REJECTED)

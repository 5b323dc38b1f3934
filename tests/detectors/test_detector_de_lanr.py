"""DE_LANR: 9 digits, check digit at position 7, only after "LANR" / "Arztnummer"."""
from detector_tables import table_tests

FOUND = [
    ('LANR 123456601', [('123456601', 0.95)]),
    ('lebenslange Arztnummer: 654321145.', [('654321145', 0.95)]),
]
REJECTED = [
    "LANR 123456701",  # check digit wrong
    "123456601",  # no context
    "LANR 000000001",
    "LANR 12345660",  # 8 digits
    "pid 123456601 exited",
]

test_found, test_rejected, test_lookalikes = table_tests('de_lanr', FOUND, REJECTED)

"""US_PASSPORT: 9 digits or a letter and 8 digits, only after "passport"."""
from detector_tables import table_tests

FOUND = [
    ('My passport number is 912803456 and', [('912803456', 0.85)]),
    ('Passport: A12345678', [('A12345678', 0.85)]),
    ('passport# 123456789.', [('123456789', 0.85)]),
]
REJECTED = [
    "912803456",  # bare digits: never enough
    "order 912803456",
    "passport 12345678",  # 8 digits
    "passport 1234567890",  # 10 digits
    "passport number is on file; the order number 912803456 shipped later today",  # too far
    "passport a12345678",  # lower-case letter
]

test_found, test_rejected, test_lookalikes = table_tests('us_passport', FOUND, REJECTED)

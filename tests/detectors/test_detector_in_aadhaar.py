"""IN_AADHAAR: 12 digits with a Verhoeff check digit, only after "Aadhaar"."""
from detector_tables import table_tests

FOUND = [
    ('Aadhaar: 2341 2341 2346', [('2341 2341 2346', 0.95)]),
    ('UIDAI no 234123412346', [('234123412346', 0.95)]),
    ('aadhar 2341-2341-2346.', [('2341-2341-2346', 0.95)]),
]
REJECTED = [
    "Aadhaar: 2341 2341 2347",  # Verhoeff fails
    "2341 2341 2346",  # no context
    "Aadhaar 1341 2341 2346",  # starts with 1
    "Aadhaar 2341 23412346",  # mixed grouping
]

test_found, test_rejected, test_lookalikes = table_tests('in_aadhaar', FOUND, REJECTED)

"""US_ITIN: 9XX-[5-9]X-XXXX within the IRS group ranges; bare digits need context."""
from detector_tables import table_tests

FOUND = [
    ('ITIN: 912-70-1234', [('912-70-1234', 0.95)]),
    ('taxpayer id 912 88 1234', [('912 88 1234', 0.95)]),
    ('filed with 900-50-0001 on record', [('900-50-0001', 0.6)]),
    ('ITIN 912701234', [('912701234', 0.95)]),
]
REJECTED = [
    "912701234",  # bare digits, no context
    "ITIN: 912-69-1234",  # group 66-69 is not issued
    "ITIN: 912-93-1234",  # nor 93
    "ITIN: 812-70-1234",  # area must start with 9
    "912-70-12345",
    "ITIN 912-70 1234",  # mixed separators
]

test_found, test_rejected, test_lookalikes = table_tests('us_itin', FOUND, REJECTED)

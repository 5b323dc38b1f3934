"""MEDICAL_LICENSE: DEA numbers with their check digit, after "DEA" / "prescriber"."""
from detector_tables import table_tests

FOUND = [
    ('DEA number AB1234563', [('AB1234563', 0.95)]),
    ('prescriber: F91234563.', [('F91234563', 0.95)]),
]
REJECTED = [
    "DEA number AB1234564",  # check digit wrong
    "AB1234563",  # no context
    "DEA IB1234563",  # I is no registrant type
    "DEA ab1234563",
]

test_found, test_rejected, test_lookalikes = table_tests('medical_license', FOUND, REJECTED)

"""US_NPI: 10 digits starting 1/2, Luhn with prefix 80840, only after "NPI" / "provider"."""
from detector_tables import table_tests

FOUND = [
    ('NPI: 1497638522', [('1497638522', 0.95)]),
    ('national provider identifier 2846301978.', [('2846301978', 0.95)]),
    ('provider id 149-763-852 2', []),  # not a layout NPIs are written in
    ('NPI 1497 638 522', []),
]
REJECTED = [
    "NPI: 1497638523",  # check digit wrong
    "NPI: 3497638522",  # first digit 3
    "1497638522",  # no context: a phone number or an epoch
    "ts=1497638522 level=info",
    "NPI 14976385220",  # 11 digits
]

test_found, test_rejected, test_lookalikes = table_tests('us_npi', FOUND, REJECTED)

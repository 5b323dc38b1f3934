"""IN_VEHICLE_REGISTRATION: state code, RTO, series, number."""
from detector_tables import table_tests

FOUND = [
    ('vehicle no MH 12 AB 4821', [('MH 12 AB 4821', 0.85)]),
    ('KA05MX7319 parked outside', [('KA05MX7319', 0.6)]),
    ('registration: DL-3C-AQ-0417', [('DL-3C-AQ-0417', 0.85)]),
    ('TN 7 B 2208', [('TN 7 B 2208', 0.6)]),
]
REJECTED = [
    "XX 12 AB 4821",  # no state XX
    "MH 12 ABCD 4821",  # 4 series letters
    "MH 12 AB 482",  # 3 digits
    "mh 12 ab 4821",  # lower case
    "MH12AB48210",
]

test_found, test_rejected, test_lookalikes = table_tests('in_vehicle_registration', FOUND, REJECTED)

"""US_DRIVER_LICENSE: state license shapes, only after a driver-license phrase."""
from detector_tables import table_tests

FOUND = [
    ('and driver license D1234567', [('D1234567', 0.85)]),
    ("Driver's License No. 123456789", [('123456789', 0.85)]),
    ('DL: S530-4608-1234-56', [('S530-4608-1234-56', 0.85)]),
    ('driving licence AB123456', [('AB123456', 0.85)]),
    ('DLN 12345678A', [('12345678A', 0.85)]),
]
REJECTED = [
    "D1234567",  # no context
    "device driver version 1234567",  # "driver" alone is not a license phrase
    "license key ABCD1234",
    "driver license pending",
    "driver license D12",  # too short
]

test_found, test_rejected, test_lookalikes = table_tests('us_driver_license', FOUND, REJECTED)

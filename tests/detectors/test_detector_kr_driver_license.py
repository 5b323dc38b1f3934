"""KR_DRIVER_LICENSE: region, year, serial, check, only after "운전면허"."""
from detector_tables import table_tests

FOUND = [
    ('운전면허번호: 11-19-482173-60', [('11-19-482173-60', 0.85)]),
    ("driver's license 28 21 091745 11", [('28 21 091745 11', 0.85)]),
    ('면허번호 261848217305', [('261848217305', 0.85)]),
]
REJECTED = [
    "11-19-482173-60",  # no context
    "운전면허 27-19-482173-60",  # no region 27
    "운전면허 11-19-48217-60",  # 5-digit serial
    "운전면허 11-19 482173-60",  # mixed separators
]

test_found, test_rejected, test_lookalikes = table_tests('kr_driver_license', FOUND, REJECTED)

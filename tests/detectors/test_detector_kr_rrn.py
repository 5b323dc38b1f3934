"""KR_RRN: birth date, 7th digit 1-4, optional check; bare digits need context."""
from detector_tables import table_tests

FOUND = [
    ('주민등록번호 850612-1083423', [('850612-1083423', 1.0)]),
    ('고객 030917-4127641 확인', [('030917-4127641', 1.0)]),
    ('주민번호: 030917-4127649', [('030917-4127649', 0.85)]),  # no check: issued after 2020
    ('RRN 8506121083423', [('8506121083423', 1.0)]),
]
REJECTED = [
    "850612-5083423",  # 7th digit 5: a foreigner's FRN
    "850230-1083423",  # 30 February
    "8506121083423",  # bare, no context
    "epoch_ms=1717171717123",
    "850612-10834231",  # 14 digits
]

test_found, test_rejected, test_lookalikes = table_tests('kr_rrn', FOUND, REJECTED)

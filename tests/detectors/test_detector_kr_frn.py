"""KR_FRN: birth date, 7th digit 5-8, optional check; bare digits need context."""
from detector_tables import table_tests

FOUND = [
    ('외국인등록번호 910323-5670127', [('910323-5670127', 1.0)]),
    ('등록: 910323-5670128', [('910323-5670128', 0.6)]),  # issued after 2020: no check
    ('FRN 9103235670127', [('9103235670127', 1.0)]),
]
REJECTED = [
    "910323-1670127",  # 7th digit 1: a citizen's RRN
    "911323-5670127",  # month 13
    "9103235670127",  # bare, no context
    "910323-567012",  # 12 digits
]

test_found, test_rejected, test_lookalikes = table_tests('kr_frn', FOUND, REJECTED)

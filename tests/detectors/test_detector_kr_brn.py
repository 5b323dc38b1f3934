"""KR_BRN: 3-2-5 digits with a weighted check digit; bare digits need context."""
from detector_tables import table_tests

FOUND = [
    ('사업자등록번호: 214-87-03612', [('214-87-03612', 0.95)]),
    ('공급자 214-87-03612 (주)', [('214-87-03612', 0.85)]),
    ('BRN 1052298742', [('1052298742', 0.95)]),
]
REJECTED = [
    "214-87-03613",  # check digit wrong
    "2148703612",  # bare digits, no context
    "099-87-03615",  # check holds, tax office below 101
    "214-00-03612",  # entity type 00
    "214-8703612",  # mixed layout
    "ts=1052298742",
]

test_found, test_rejected, test_lookalikes = table_tests('kr_brn', FOUND, REJECTED)

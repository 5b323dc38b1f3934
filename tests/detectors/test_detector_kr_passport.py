"""KR_PASSPORT: a type letter and 8 digits, or letter-3-letter-4, after "여권"."""
from detector_tables import table_tests

FOUND = [
    ('여권번호: M48217360', [('M48217360', 0.85)]),
    ('passport M482A1736', [('M482A1736', 0.85)]),
]
REJECTED = [
    "M48217360",  # no context
    "여권 A48217360",  # A is no passport type
    "여권 M4821736",  # 7 digits
    "여권 m48217360",  # lower case
]

test_found, test_rejected, test_lookalikes = table_tests('kr_passport', FOUND, REJECTED)

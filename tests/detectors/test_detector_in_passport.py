"""IN_PASSPORT: a series letter and 7 digits, only after "passport"."""
from detector_tables import table_tests

FOUND = [
    ('passport no. K4807316', [('K4807316', 0.85)]),
    ('पासपोर्ट नंबर: T52 18409', [('T52 18409', 0.85)]),
]
REJECTED = [
    "K4807316",  # no context
    "passport Q4807316",  # Q is not a series letter
    "passport K0807316",  # second character 0
    "passport K4807310",  # last digit 0
    "passport K480731",  # 6 digits
    "ticket K4807316 opened",
]

test_found, test_rejected, test_lookalikes = table_tests('in_passport', FOUND, REJECTED)

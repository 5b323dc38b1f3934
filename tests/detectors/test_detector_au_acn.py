"""AU_ACN: 9 digits with the ASIC check digit, only after "ACN"."""
from detector_tables import table_tests

FOUND = [
    ('ACN 005 085 610', [('005 085 610', 0.95)]),
    ('Australian Company Number: 123123124.', [('123123124', 0.95)]),
]
REJECTED = [
    "ACN 005 085 611",  # check digit wrong
    "005 085 610",  # no context
    "ACN 005 085610",  # mixed grouping
    "ACN 0050856100",  # 10 digits
    "build 123123124 pid 5085610",
]

test_found, test_rejected, test_lookalikes = table_tests('au_acn', FOUND, REJECTED)

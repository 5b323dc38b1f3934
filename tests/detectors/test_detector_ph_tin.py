"""PH_TIN: 9 digits (+ branch), weighted mod-11 check, only after "TIN" / "BIR"."""
from detector_tables import table_tests

FOUND = [
    ('TIN: 103-427-855-000', [('103-427-855-000', 0.95)]),
    ('BIR tin 452130785', [('452130785', 0.95)]),
    ('TIN no. 103 427 855', [('103 427 855', 0.95)]),
]
REJECTED = [
    "TIN: 103-427-856-000",  # check digit wrong
    "103-427-855-000",  # no context
    "TIN: 103-427855-000",  # mixed layout
    "order 452130785 shipped",
]

test_found, test_rejected, test_lookalikes = table_tests('ph_tin', FOUND, REJECTED)

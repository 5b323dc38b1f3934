"""IN_VOTER: EPIC, 3 letters and 7 digits, only after "voter" / "EPIC"."""
from detector_tables import table_tests

FOUND = [
    ('Voter ID: XQW4821736', [('XQW4821736', 0.85)]),
    ('EPIC no. RJT0917452.', [('RJT0917452', 0.85)]),
]
REJECTED = [
    "XQW4821736",  # no context
    "voter id XQW482173",  # 6 digits
    "voter id xqw4821736",  # lower case
    "voter id XQ4821736",  # 2 letters
    "invoice INV4821736 paid",
]

test_found, test_rejected, test_lookalikes = table_tests('in_voter', FOUND, REJECTED)

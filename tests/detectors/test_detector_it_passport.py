"""IT_PASSPORT: 2 letters and 7 digits, only after "passaporto" / "passport"."""
from detector_tables import table_tests

FOUND = [
    ('numero passaporto YB4821736', [('YB4821736', 0.85)]),
    ('Passport: AA0917452.', [('AA0917452', 0.85)]),
]
REJECTED = [
    "YB4821736",  # no context
    "passaporto YB482173",  # 6 digits
    "passaporto yb4821736",  # lower case
    "passaporto YB48217360",  # 8 digits
    "ticket YB4821736 opened",
]

test_found, test_rejected, test_lookalikes = table_tests('it_passport', FOUND, REJECTED)

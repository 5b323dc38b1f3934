"""IT_IDENTITY_CARD: paper AA1234567 or CIE CA12345AA, only after "carta d'identità"."""
from detector_tables import table_tests

FOUND = [
    ("carta d'identità AX 4821736", [('AX 4821736', 0.85)]),
    ('CIE: CA48217QZ', [('CA48217QZ', 0.85)]),
    ('identity card number BT0917452.', [('BT0917452', 0.85)]),
]
REJECTED = [
    "CA48217QZ",  # no context
    "carta d'identità AX482173",  # 6 digits
    "CIE: DA48217QZ",  # electronic cards start with C
    "CIE: ca48217qz",  # lower case
    "ticket AX4821736 opened",
]

test_found, test_rejected, test_lookalikes = table_tests('it_identity_card', FOUND, REJECTED)

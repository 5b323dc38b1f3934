"""CA_SIN: 9 digits passing Luhn, only after "SIN" / "social insurance"."""
from detector_tables import table_tests

FOUND = [
    ('SIN: 130 200 033', [('130 200 033', 0.95)]),
    ('social insurance number 130-200-033.', [('130-200-033', 0.95)]),
    ('sin 130200033', [('130200033', 0.95)]),
]
REJECTED = [
    "SIN 130 200 034",  # Luhn fails
    "130 200 033",  # no context
    "SIN 830 200 030",  # 8 is not issued
    "using 130200033",  # "sin" inside a word is no context
]

test_found, test_rejected, test_lookalikes = table_tests('ca_sin', FOUND, REJECTED)

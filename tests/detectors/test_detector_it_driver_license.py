"""IT_DRIVER_LICENSE: 2 letters, 7 digits, a letter (or U1...), only after "patente"."""
from detector_tables import table_tests

FOUND = [
    ('patente di guida MI4821736K', [('MI4821736K', 0.85)]),
    ('Numero patente: U1H72K41PX', [('U1H72K41PX', 0.85)]),
]
REJECTED = [
    "MI4821736K",  # no context
    "patente MI482173K",  # 6 digits
    "patente mi4821736k",  # lower case
    "patente MI4821736",  # no final letter
    "release RC4821736K tagged",
]

test_found, test_rejected, test_lookalikes = table_tests('it_driver_license', FOUND, REJECTED)

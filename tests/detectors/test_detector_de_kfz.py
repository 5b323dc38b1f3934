"""DE_KFZ: district code, letters, digits (E/H), only after "Kennzeichen" / "Kfz"."""
from detector_tables import table_tests

FOUND = [
    ('Kennzeichen: M-AB 1234', [('M-AB 1234', 0.85)]),
    ('Kfz HH XY 99E', [('HH XY 99E', 0.85)]),
    ('license plate B-Q 7', [('B-Q 7', 0.85)]),
    ('amtliches Kennzeichen KÖN-RT 508H', [('KÖN-RT 508H', 0.85)]),
]
REJECTED = [
    "M-AB 1234",  # no context
    "Kennzeichen M-AB 0123",  # leading 0
    "Kennzeichen M-ABC 1234",  # 3 letters after the district
    "Kennzeichen m-ab 1234",
    "USB-C 3100 cable",
]

test_found, test_rejected, test_lookalikes = table_tests('de_kfz', FOUND, REJECTED)

"""UK_PASSPORT: 2 letters and 7 digits, only after "passport" / "HMPO"."""
from detector_tables import table_tests

FOUND = [
    ('British passport no. KT4820317', [('KT4820317', 0.85)]),
    ('HMPO: GB7710452', [('GB7710452', 0.85)]),
]
REJECTED = [
    "KT4820317",  # no context
    "passport KT482031",  # 6 digits
    "passport KT48203170",  # 8 digits
    "passport kt4820317",  # lower case
    "ticket AB1234567 opened",
]

test_found, test_rejected, test_lookalikes = table_tests('uk_passport', FOUND, REJECTED)

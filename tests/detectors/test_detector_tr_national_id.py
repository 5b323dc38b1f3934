"""TR_NATIONAL_ID: 11 digits with two check digits, only after "kimlik" / "TCKN"."""
from detector_tables import table_tests

FOUND = [
    ('T.C. Kimlik No: 38512047640', [('38512047640', 1.0)]),
    ('TCKN 67214398088.', [('67214398088', 1.0)]),
    ('KİMLİK NO 38512047640', [('38512047640', 1.0)]),
]
REJECTED = [
    "TC Kimlik No: 38512047641",  # second check digit wrong
    "TC Kimlik No: 38512047650",  # first check digit wrong
    "38512047640",  # no context
    "kimlik 08512047640",  # leading 0
    "ara 05321234567",
]

test_found, test_rejected, test_lookalikes = table_tests('tr_national_id', FOUND, REJECTED)

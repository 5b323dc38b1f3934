"""DE_HEALTH_INSURANCE: KVNR, a letter and 9 digits with a check digit, after "KVNR"."""
from detector_tables import table_tests

FOUND = [
    ('Versichertennummer: A123456780', [('A123456780', 0.95)]),
    ('KVNR M845210775 (AOK)', [('M845210775', 0.95)]),
]
REJECTED = [
    "KVNR A123456781",  # check digit wrong
    "A123456780",  # no context
    "KVNR a123456780",  # lower case
    "KVNR A12345678",  # 8 digits
    "job A123456780 finished",
]

test_found, test_rejected, test_lookalikes = table_tests('de_health_insurance', FOUND, REJECTED)

"""SG_NRIC_FIN: S/T/F/G/M, 7 digits, a check letter."""
from detector_tables import table_tests

FOUND = [
    ('NRIC S1234567D', [('S1234567D', 1.0)]),
    ('FIN: F1234567N.', [('F1234567N', 1.0)]),
    ('visitor T1234567J', [('T1234567J', 0.85)]),
    ('G1234567X', [('G1234567X', 0.85)]),
]
REJECTED = [
    "S1234567A",
    "s1234567d",
    "A1234567D",
    "S123456D",
    "XS1234567D",
]

test_found, test_rejected, test_lookalikes = table_tests('sg_nric_fin', FOUND, REJECTED)

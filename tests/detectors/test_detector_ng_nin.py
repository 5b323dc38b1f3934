"""NG_NIN: 11 digits with a Verhoeff check digit, only after "NIN" / "NIMC"."""
from detector_tables import table_tests

FOUND = [
    ('NIN: 48261739500', [('48261739500', 0.95)]),
    ('national identification number 73195204684.', [('73195204684', 0.95)]),
]
REJECTED = [
    "NIN: 48261739501",  # check digit wrong
    "48261739500",  # no context
    "NIN 4826173950",  # 10 digits
    "call 73195204684",
]

test_found, test_rejected, test_lookalikes = table_tests('ng_nin', FOUND, REJECTED)

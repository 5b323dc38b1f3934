"""PL_PESEL: 11 digits, a birth date and a mod-10 check, only after "PESEL"."""
from detector_tables import table_tests

FOUND = [
    ('PESEL: 44051401359', [('44051401359', 0.95)]),
    ('nr pesel 44051401359.', [('44051401359', 0.95)]),
]
REJECTED = [
    "PESEL 44051401358",  # check digit wrong
    "44051401359",  # no context
    "PESEL 44133401350",  # month 13
    "PESEL 440514013591",  # 12 digits
]

test_found, test_rejected, test_lookalikes = table_tests('pl_pesel', FOUND, REJECTED)

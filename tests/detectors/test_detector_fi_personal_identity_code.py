"""FI_PERSONAL_IDENTITY_CODE: DDMMYY, century sign, individual number, mod-31 check."""
from detector_tables import table_tests

FOUND = [
    ('henkilötunnus 070386-2473', [('070386-2473', 1.0)]),
    ('born 2001: 150201A031J', [('150201A031J', 1.0)]),
    ('HETU: 241148+9125', [('241148+9125', 1.0)]),
    ('070386Y2473 (new sign)', [('070386Y2473', 1.0)]),
]
REJECTED = [
    "070386-2474",  # check character wrong
    "310286-2473",  # 31 February
    "070386G2473",  # G is no century sign
    "070386-001V",  # individual number 001 is never issued
    "070386-2473X",  # glued
    "build 20240115-1030",
]

test_found, test_rejected, test_lookalikes = table_tests('fi_personal_identity_code', FOUND, REJECTED)

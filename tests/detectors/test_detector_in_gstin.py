"""IN_GSTIN: state code, PAN, entity number, Z, Luhn mod 36 check character."""
from detector_tables import table_tests

FOUND = [
    ('GSTIN: 29ABCPK4821M1ZF', [('29ABCPK4821M1ZF', 1.0)]),
    ('supplier 07AAGCS3716D2ZK billed', [('07AAGCS3716D2ZK', 1.0)]),
]
REJECTED = [
    "29ABCPK4821M1ZG",  # check character wrong
    "45ABCPK4821M1ZF",  # no state 45
    "29ABCPK4821M0ZF",  # entity number 0
    "29ABCPK4821M1YF",  # Y where Z must be
    "29abcpk4821m1zf",  # lower case
    "build 29ABCPK4821M1ZF0",
]

test_found, test_rejected, test_lookalikes = table_tests('in_gstin', FOUND, REJECTED)

"""TH_TNIN: 13 digits, mod-11 check; the 1-4-5-2-1 layout alone, bare digits with context."""
from detector_tables import table_tests

FOUND = [
    ('เลขประจำตัวประชาชน 3-1047-00582-61-1', [('3-1047-00582-61-1', 1.0)]),
    ('ลูกค้า 1 8756 00329 45 9', [('1 8756 00329 45 9', 1.0)]),
    ('Thai ID 3104700582611', [('3104700582611', 1.0)]),
]
REJECTED = [
    "3-1047-00582-61-2",  # check digit wrong
    "9-1047-00582-61-1",  # first digit 9
    "3104700582611",  # bare, no context
    "epoch_ms=1717171717123",
    "3-1047-0058261-1",  # other layout
]

test_found, test_rejected, test_lookalikes = table_tests('th_tnin', FOUND, REJECTED)

"""UK_NINO: prefix rules, six digits, suffix A-D."""
from detector_tables import table_tests

FOUND = [
    ('NI number: AB 12 34 56 C', [('AB 12 34 56 C', 0.95)]),
    ('nino=JG103759A', [('JG103759A', 0.95)]),
    ('employee AB123456C joined', [('AB123456C', 0.6)]),
]
REJECTED = [
    "QQ123456C",  # Q never a prefix letter (QQ is the specimen)
    "GB123456A",  # prohibited prefixes
    "BG123456A",  # prohibited prefixes
    "ZZ123456A",  # prohibited prefixes
    "DA123456A",  # D never first
    "AO123456A",  # O never second
    "AB123456E",  # suffix A-D only
    "ab123456c",  # lower case
    "AB 1234 56 C",  # uneven spacing
    "XAB123456C",
]

test_found, test_rejected, test_lookalikes = table_tests('uk_nino', FOUND, REJECTED)

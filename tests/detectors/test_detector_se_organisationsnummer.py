"""SE_ORGANISATIONSNUMMER: 10 digits, third >= 2, Luhn; bare digits need context."""
from detector_tables import table_tests

FOUND = [
    ('Org.nr 802468-1358', [('802468-1358', 0.95)]),
    ('AB Exempel, 556677-8030', [('556677-8030', 0.85)]),
    ('organisationsnummer: 5566778030', [('5566778030', 0.95)]),
    ('orgnr 16556677-8030', [('16556677-8030', 0.95)]),
]
REJECTED = [
    "802468-1359",  # check digit wrong
    "851209-1352",  # third digit 1: a personnummer
    "5566778030",  # bare, no context
    "ts=1700000000",
    "build 240115-1030",
]

test_found, test_rejected, test_lookalikes = table_tests('se_organisationsnummer', FOUND, REJECTED)

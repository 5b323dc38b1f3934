"""DE_SOCIAL_SECURITY: area, birth date, initial, serial, VKVV check digit."""
from detector_tables import table_tests

FOUND = [
    ('Versicherungsnummer 12 030182 M 141', [('12 030182 M 141', 1.0)]),
    ('RVNR: 04150290B518', [('04150290B518', 1.0)]),
    ('bitte 12030182M141 angeben', [('12030182M141', 1.0)]),
]
REJECTED = [
    "12030182M142",  # check digit wrong
    "12033182M141",  # month 31
    "12 030182M141",  # mixed spacing
    "12030182m141",  # lower case
    "120301820141",  # no letter
    "build 20240115T103000",
]

test_found, test_rejected, test_lookalikes = table_tests('de_social_security', FOUND, REJECTED)

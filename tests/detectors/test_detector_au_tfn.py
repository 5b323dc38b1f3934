"""AU_TFN: 9 digits with the weighted mod-11 check, only after "TFN"."""
from detector_tables import table_tests

FOUND = [
    ('TFN: 123 456 782', [('123 456 782', 0.95)]),
    ('tax file number 123456782.', [('123456782', 0.95)]),
]
REJECTED = [
    "TFN 123 456 781",
    "123 456 782",
    "TFN 123 456 7820",
]

test_found, test_rejected, test_lookalikes = table_tests('au_tfn', FOUND, REJECTED)

"""SG_UEN: business, local company and other-entity forms with their check characters."""
from detector_tables import table_tests

FOUND = [
    ('UEN: 53298174W', [('53298174W', 1.0)]),
    ('Pte Ltd 201834567W', [('201834567W', 0.85)]),
    ('ACRA registration 201834567W', [('201834567W', 1.0)]),
    ('society T11LL2845B', [('T11LL2845B', 0.85)]),
]
REJECTED = [
    "53298174W",  # business form without context
    "UEN 53298174X",  # check letter wrong
    "201834567X",  # check letter wrong
    "T11ZZ2845B",  # no entity type ZZ
    "UEN 53298174w",  # lower case
]

test_found, test_rejected, test_lookalikes = table_tests('sg_uen', FOUND, REJECTED)

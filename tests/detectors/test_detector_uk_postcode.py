"""UK_POSTCODE: outward + inward code with a real postcode area, only after "UK postcode"."""
from detector_tables import table_tests

FOUND = [
    ('UK postcode: EH8 9YL', [('EH8 9YL', 0.85)]),
    ('Royal Mail postcode M146PB, Manchester', [('M146PB', 0.85)]),
    ('British postcode SW1W 0NY.', [('SW1W 0NY', 0.85)]),
]
REJECTED = [
    "UK postcode: QQ8 9YL",  # no area QQ
    "UK postcode: EH8 9CL",  # C is never in the inward code
    "postcode: EH8 9YL",  # a bare postcode field: STREET_ADDRESS, as the corpus labels it
    "Flat 2, 14 Leith Walk, Edinburgh EH8 9YL",  # inside an address: STREET_ADDRESS
    "UK postcode eh8 9yl",  # lower case
    "model M14 6PB2",
]

test_found, test_rejected, test_lookalikes = table_tests('uk_postcode', FOUND, REJECTED)

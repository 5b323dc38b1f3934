"""UK_POSTCODE: outward + inward code with a real postcode area, only after "postcode"."""
from detector_tables import table_tests

FOUND = [
    ('postcode: EH8 9YL', [('EH8 9YL', 0.85)]),
    ('Post code M146PB, Manchester', [('M146PB', 0.85)]),
    ('postal code SW1W 0NY.', [('SW1W 0NY', 0.85)]),
]
REJECTED = [
    "postcode: QQ8 9YL",  # no area QQ
    "postcode: EH8 9CL",  # C is never in the inward code
    "Flat 2, 14 Leith Walk, Edinburgh EH8 9YL",  # inside an address: STREET_ADDRESS
    "postcode eh8 9yl",  # lower case
    "model M14 6PB2",
]

test_found, test_rejected, test_lookalikes = table_tests('uk_postcode', FOUND, REJECTED)

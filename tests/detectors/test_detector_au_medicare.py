"""AU_MEDICARE: 4-5-1 digits (+ reference) with a weighted check digit, after "Medicare"."""
from detector_tables import table_tests

FOUND = [
    ('Medicare card 2950 47610 1', [('2950 47610 1', 0.95)]),
    ('medicare number: 2950476101', [('2950476101', 0.95)]),
    ('Medicare no 2950-47610-1/2 on file', [('2950-47610-1/2', 0.95)]),
    ('medicare 29504761013', [('29504761013', 0.95)]),
]
REJECTED = [
    "Medicare card 2950 47620 1",  # check digit wrong
    "Medicare card 1950 47610 1",  # first digit 1
    "2950 47610 1",  # no context
    "call 2950476101",
    "Medicare card 2950 476101",  # mixed grouping
]

test_found, test_rejected, test_lookalikes = table_tests('au_medicare', FOUND, REJECTED)

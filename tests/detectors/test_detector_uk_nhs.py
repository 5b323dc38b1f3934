"""UK_NHS: 10 digits with a mod-11 check digit, only after "NHS"."""
from detector_tables import table_tests

FOUND = [
    ('NHS number 943 476 5919', [('943 476 5919', 0.95)]),
    ('nhs: 9434765919', [('9434765919', 0.95)]),
    ('National Health Service no. 943-476-5919.', [('943-476-5919', 0.95)]),
]
REJECTED = [
    "NHS number 943 476 5918",  # check digit wrong
    "call 943 476 5919",  # valid checksum, no context: a phone layout
    "9434765919",
    "NHS number 943 4765 919",  # wrong grouping
    "NHS 943-476 5919",  # mixed separators
]

test_found, test_rejected, test_lookalikes = table_tests('uk_nhs', FOUND, REJECTED)

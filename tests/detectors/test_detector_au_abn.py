"""AU_ABN: 11 digits passing mod-89, only after "ABN"."""
from detector_tables import table_tests

FOUND = [
    ('ABN 51 824 753 556', [('51 824 753 556', 1.0)]),
    ('abn: 51824753556', [('51824753556', 1.0)]),
]
REJECTED = [
    "ABN 51 824 753 557",  # mod-89 fails
    "51824753556",  # no context
    "supplier 51 824 753 556 invoiced",  # the layout of a phone number without its +
    "call ABN +51 824 753 556",  # after a +: a phone number
    "ABN 51 8247 53556",
]

test_found, test_rejected, test_lookalikes = table_tests('au_abn', FOUND, REJECTED)

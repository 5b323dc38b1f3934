"""DE_PASSPORT: C and 8 characters of the document alphabet (+ ICAO check), after "Reisepass"."""
from detector_tables import table_tests

FOUND = [
    ('Reisepass C4J8K27RT', [('C4J8K27RT', 0.85)]),
    ('Passnummer: C4J8K27RT2', [('C4J8K27RT2', 1.0)]),
    ('passport number CM1N27X453', [('CM1N27X453', 1.0)]),
]
REJECTED = [
    "Passnummer: C4J8K27RT3",  # check digit wrong
    "C4J8K27RT",  # no context
    "Reisepass F4J8K27RT",  # starts with F: an ID card, not a passport
    "Reisepass C4J8K27R",  # 8 characters
    "Reisepass c4j8k27rt",
]

test_found, test_rejected, test_lookalikes = table_tests('de_passport', FOUND, REJECTED)

"""DE_FUEHRERSCHEIN: 11 characters of the card licence, only after "Führerschein"."""
from detector_tables import table_tests

FOUND = [
    ('Führerscheinnummer: B072RRE2I55', [('B072RRE2I55', 0.85)]),
    ('Fahrerlaubnis MU48215736K', [('MU48215736K', 0.85)]),
    ('driving licence no. J18XY42T915', [('J18XY42T915', 0.85)]),
]
REJECTED = [
    "B072RRE2I55",  # no context
    "Führerschein B072RRE2I5",  # 10 characters
    "Führerschein b072rre2i55",  # lower case
    "Führerschein 12345678901",  # digits only
    "build MU48215736K done",
]

test_found, test_rejected, test_lookalikes = table_tests('de_fuehrerschein', FOUND, REJECTED)

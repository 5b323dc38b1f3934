"""DE_ID_CARD: document number of the card alphabet (+ ICAO check), after "Personalausweis"."""
from detector_tables import table_tests

FOUND = [
    ('Personalausweis LZ6311T47', [('LZ6311T47', 0.85)]),
    ('Ausweisnummer: LZ6311T475', [('LZ6311T475', 1.0)]),
    ('ID card T7X40KM928.', [('T7X40KM928', 1.0)]),
]
REJECTED = [
    "Ausweisnummer: LZ6311T474",  # check digit wrong
    "LZ6311T47",  # no context
    "Personalausweis LA6311T47",  # A is not in the document alphabet
    "Personalausweis LZCMNPTXY",  # no digit
    "Personalausweis lz6311t47",  # lower case
]

test_found, test_rejected, test_lookalikes = table_tests('de_id_card', FOUND, REJECTED)

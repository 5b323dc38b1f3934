"""ES_PASSPORT: 3 (or 2) letters and 6 digits, only after "pasaporte" / "passport"."""
from detector_tables import table_tests

FOUND = [
    ('Número de pasaporte: PAK482917', [('PAK482917', 0.85)]),
    ('passport XDA305118.', [('XDA305118', 0.85)]),
    ('pasaporte AB720318', [('AB720318', 0.85)]),
]
REJECTED = [
    "PAK482917",  # no context
    "pasaporte PAK48291",  # 5 digits
    "pasaporte pak482917",  # lower case
    "pasaporte ABCD482917",  # 4 letters
    "ticket PAK482917 closed",
    "bring two passport photos; case PAK482917 stays open",  # another ID named in between
]

test_found, test_rejected, test_lookalikes = table_tests('es_passport', FOUND, REJECTED)

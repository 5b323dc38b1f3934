"""DE_PLZ: 5 digits 01001-99998, only after "PLZ" / "Postleitzahl"."""
from detector_tables import table_tests

FOUND = [
    ('PLZ 80331', [('80331', 0.85)]),
    ('Postleitzahl: 01067.', [('01067', 0.85)]),
    ('PLZ/Ort: D-10115 Berlin', [('D-10115', 0.85)]),
    ('German postcode 50667', [('50667', 0.85)]),
]
REJECTED = [
    "PLZ 00999",  # below 01001
    "80331 München",  # no context: part of an address
    "Postcode: 80331",  # any country's postcode: a STREET_ADDRESS
    "PLZ 803310",  # 6 digits
    "PLZ 8033",  # 4 digits
    "port 80331 open",
    "PLZ 80331.5",
]

test_found, test_rejected, test_lookalikes = table_tests('de_plz', FOUND, REJECTED)

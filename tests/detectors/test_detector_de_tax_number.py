"""DE_TAX_NUMBER: state layout with slashes or the 13-digit federal form, after "Steuernummer"."""
from detector_tables import table_tests

FOUND = [
    ('Steuernummer: 181/815/08155', [('181/815/08155', 0.85)]),
    ('St.-Nr. 21/815/08150', [('21/815/08150', 0.85)]),
    ('Steuernummer 133/8150/8159 (NRW)', [('133/8150/8159', 0.85)]),
    ('Finanzamt, Steuernummer 9181081508155', [('9181081508155', 0.85)]),
    ('tax number 2893081508152', [('2893081508152', 0.85)]),
]
REJECTED = [
    "181/815/08155",  # no context
    "Steuernummer 9181181508155",  # federal form without the 0
    "Steuernummer 6181081508155",  # no state starts with 6
    "Steuernummer 18/15/08155",
    "GET /api/181/815/08155",
]

test_found, test_rejected, test_lookalikes = table_tests('de_tax_number', FOUND, REJECTED)

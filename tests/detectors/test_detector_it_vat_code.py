"""IT_VAT_CODE: 11 digits, office code, Luhn; IT prefix or "partita IVA" context."""
from detector_tables import table_tests

FOUND = [
    ('P.IVA 02748610058', [('02748610058', 1.0)]),
    ('VAT IT12384570961', [('IT12384570961', 1.0)]),
    ('IT 02748610058', [('IT 02748610058', 1.0)]),
    ('partita IVA: 12384570961.', [('12384570961', 1.0)]),
]
REJECTED = [
    "P.IVA 02748610059",  # check digit wrong
    "P.IVA 02748612005",  # office 200 does not exist (Luhn-valid)
    "02748610058",  # bare, no context
    "order number 12384570961",
    "IT0274861005",  # 10 digits
]

test_found, test_rejected, test_lookalikes = table_tests('it_vat_code', FOUND, REJECTED)

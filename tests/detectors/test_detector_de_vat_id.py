"""DE_VAT_ID: DE and 9 digits with a MOD 11,10 check digit."""
from detector_tables import table_tests

FOUND = [
    ('USt-IdNr.: DE136458297', [('DE136458297', 1.0)]),
    ('invoice from DE 815 473 023', [('DE 815 473 023', 1.0)]),
    ('DE815473023', [('DE815473023', 1.0)]),
]
REJECTED = [
    "DE136458296",  # check digit wrong
    "DE036458297",  # leading 0
    "DE13645829",  # 8 digits
    "de136458297",  # lower case
    "DE 815 473023",  # mixed grouping
    "IBAN DE89 3704 0044 0532 0130 00",
]

test_found, test_rejected, test_lookalikes = table_tests('de_vat_id', FOUND, REJECTED)

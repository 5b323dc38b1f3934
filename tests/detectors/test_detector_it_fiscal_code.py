"""IT_FISCAL_CODE: structure and check character."""
from detector_tables import table_tests

FOUND = [
    ('codice fiscale RSSMRA85T10A562S', [('RSSMRA85T10A562S', 1.0)]),
    ('CF: RSSMRA85T10A562S.', [('RSSMRA85T10A562S', 1.0)]),
]
REJECTED = [
    "RSSMRA85T10A562T",  # check character wrong
    "RSSMRA85T32A562S",  # day 32
    "rssmra85t10a562s",  # lower case
    "RSSMRA85Z10A562S",  # Z is no month letter
    "RSSMRA85T10A562",  # 15 characters
]

test_found, test_rejected, test_lookalikes = table_tests('it_fiscal_code', FOUND, REJECTED)

"""UK_DRIVING_LICENCE: 16 characters: surname, birth date, initials, check letters."""
from detector_tables import table_tests

FOUND = [
    ('licence JONES710238HJ9AB', [('JONES710238HJ9AB', 0.6)]),
    ('Driving licence number: LEE99762155AB3CD', [('LEE99762155AB3CD', 0.85)]),
    ('DVLA: OBRIE851290J99XY valid', [('OBRIE851290J99XY', 0.85)]),
]
REJECTED = [
    "JONES713238HJ9AB",  # month 13
    "JONES702308HJ9AB",  # 30 February
    "JONES710238HJ9A1",  # the last two are letters
    "JON9S710238HJ9AB",  # a 9 inside the surname
    "99999710238HJ9AB",  # no surname
    "jones710238hj9ab",  # lower case
    "XJONES710238HJ9AB",  # 17 characters
]

test_found, test_rejected, test_lookalikes = table_tests('uk_driving_licence', FOUND, REJECTED)

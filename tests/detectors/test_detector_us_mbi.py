"""US_MBI: 11 characters in the CMS positions, letters without S L O I B Z."""
from detector_tables import table_tests

FOUND = [
    ('MBI 3TC7-KA2-RF48', [('3TC7-KA2-RF48', 0.85)]),
    ('beneficiary 3TC7KA2RF48 enrolled', [('3TC7KA2RF48', 0.6)]),
    ('Medicare number: 9A00C00AA00', [('9A00C00AA00', 0.85)]),
]
REJECTED = [
    "MBI 0TC7-KA2-RF48",  # first digit 0
    "MBI 3SC7-KA2-RF48",  # S is never used
    "MBI 3TC7-KA2-RF4",  # 10 characters
    "MBI 3tc7-ka2-rf48",  # lower case
    "MBI 3TC7-KA2RF48",  # mixed layout
    "MBI 3TC7KA2RF48X",  # glued to a letter
    "build 1A2B3C4D5E6 sha 3TC7KA2RF4",
]

test_found, test_rejected, test_lookalikes = table_tests('us_mbi', FOUND, REJECTED)

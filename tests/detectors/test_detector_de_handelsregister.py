"""DE_HANDELSREGISTER: register division and number; PR/VR only with register context."""
from detector_tables import table_tests

FOUND = [
    ('Amtsgericht München HRB 218734', [('HRB 218734', 0.9)]),
    ('eingetragen unter HRA 4471.', [('HRA 4471', 0.9)]),
    ('HRB98231 B', [('HRB98231', 0.9)]),
    ('Registergericht Essen, VR 6120', [('VR 6120', 0.9)]),
    ('Genossenschaftsregister GnR 312', [('GnR 312', 0.9)]),
]
REJECTED = [
    "merged PR 6120 into main",  # a pull request
    "VR 12 headset",
    "HRB 1234567",  # 7 digits
    "HRB 12.5 kHz",
    "hrb 218734",  # lower case
]

test_found, test_rejected, test_lookalikes = table_tests('de_handelsregister', FOUND, REJECTED)

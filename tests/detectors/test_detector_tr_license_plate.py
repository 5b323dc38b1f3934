"""TR_LICENSE_PLATE: province 01-81, letters, digits, only after "plaka" / "plate"."""
from detector_tables import table_tests

FOUND = [
    ('araç plakası 34 ABC 123', [('34 ABC 123', 0.85)]),
    ('Plaka: 06-A-4821', [('06-A-4821', 0.85)]),
    ('license plate 35KT512', [('35KT512', 0.85)]),
]
REJECTED = [
    "34 ABC 123",  # no context
    "plaka 82 ABC 123",  # no province 82
    "plaka 34 AQC 123",  # Q is not on Turkish plates
    "plaka 34 ABC 12345",  # 5 digits
    "download 10 MB 512 times",
]

test_found, test_rejected, test_lookalikes = table_tests('tr_license_plate', FOUND, REJECTED)

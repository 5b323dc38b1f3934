"""NG_VEHICLE_REGISTRATION: LGA code, 3 digits, 2 letters, only after "plate"."""
from detector_tables import table_tests

FOUND = [
    ('plate number KJA-482EX', [('KJA-482EX', 0.85)]),
    ('vehicle registration ABC 917KT.', [('ABC 917KT', 0.85)]),
    ('number plate LND305AA', [('LND305AA', 0.85)]),
]
REJECTED = [
    "KJA-482EX",  # no context
    "plate KJA-000EX",  # serial 000
    "plate KJA-48EX",  # 2 digits
    "plate kja-482ex",  # lower case
    "sku ABC-917KT in stock",
]

test_found, test_rejected, test_lookalikes = table_tests('ng_vehicle_registration', FOUND, REJECTED)

"""UK_VEHICLE_REGISTRATION: DVLA current, prefix and suffix plates, after "registration"."""
from detector_tables import table_tests

FOUND = [
    ('vehicle registration BD51 SMR', [('BD51 SMR', 0.85)]),
    ('Reg: YK09XPT, blue Ford', [('YK09XPT', 0.85)]),
    ('number plate P417 HKT', [('P417 HKT', 0.85)]),
    ('VRN: GHK 612N', [('GHK 612N', 0.85)]),
]
REJECTED = [
    "BD51 SMR",  # no context
    "registration BD00 SMR",  # age identifier 00
    "registration BD41 SMR",  # age identifier 41 never issued
    "registration IB51 SMR",  # I is unused
    "registration bd51 smr",
    "server room AB12 CDE",
]

test_found, test_rejected, test_lookalikes = table_tests('uk_vehicle_registration', FOUND, REJECTED)

"""DE_BSNR: 9 digits, KV region prefix, only after "BSNR" / "Betriebsstätte"."""
from detector_tables import table_tests

FOUND = [
    ('BSNR: 718364502', [('718364502', 0.95)]),  # 71 Bayern
    ('Betriebsstättennummer 381290475.', [('381290475', 0.95)]),  # 38 Nordrhein
    ('Betriebsstätte 451290475', [('451290475', 0.85)]),  # unlisted region
]
REJECTED = [
    "718364502",  # no context
    "BSNR: 008364502",  # region 00
    "BSNR: 71836450",  # 8 digits
    "BSNR: 7183645021",  # 10 digits
    "order 718364502 shipped",
]

test_found, test_rejected, test_lookalikes = table_tests('de_bsnr', FOUND, REJECTED)

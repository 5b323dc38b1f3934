"""ABA_ROUTING_NUMBER: 9 digits, Fed prefix, 3-7-1 check, only after "routing" / "ABA"."""
from detector_tables import table_tests

FOUND = [
    ('routing number 071000013', [('071000013', 0.95)]),
    ('ABA: 3222-7318-8.', [('3222-7318-8', 0.95)]),
    ('Bank routing no. 322273188 account 12345', [('322273188', 0.95)]),
]
REJECTED = [
    "routing number 071000014",  # check digit wrong
    "routing number 421000016",  # check holds, prefix 42 is no Federal Reserve district
    "071000013",  # no context
    "order 322273188 shipped",
    "routing number 0710000131",  # 10 digits
    "routing table v3.2.273188 port 32227",
]

test_found, test_rejected, test_lookalikes = table_tests('aba_routing_number', FOUND, REJECTED)

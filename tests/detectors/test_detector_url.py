"""URL: scheme:// or www., user info and query strings included."""
from detector_tables import table_tests

FOUND = [
    ('Visit https://example.com/profile/jsmith?ref=newsletter or later', [('https://example.com/profile/jsmith?ref=newsletter', 0.9)]),
    ('see www.example.org/about.', [('www.example.org/about', 0.9)]),
    # Issue 17: the parts that identify someone are spans of their own (user info: USERNAME,
    # CREDENTIAL; identity-naming query keys), for the default policy, where URL is opt-in.
    ('dsn=postgres://app:s3cret@db:5432/prod', [('postgres://app:s3cret@db:5432/prod', 0.9), ('app', 0.85), ('s3cret', 0.85)]),
    ('(https://en.wikipedia.org/wiki/Foo_(bar))', [('https://en.wikipedia.org/wiki/Foo_(bar)', 0.9)]),
    ('<http://localhost:8080/health>', [('http://localhost:8080/health', 0.9)]),
    ('ftp://files.example.net/a.txt, then', [('ftp://files.example.net/a.txt', 0.9)]),
    ('url=https://x.io/?email=jane%40example.com&token=abc#top', [('https://x.io/?email=jane%40example.com&token=abc#top', 0.9), ('abc', 0.85)]),
    ('"GET /v1/users?name=Jane+Doe&page=2 HTTP/1.1"', [('Jane+Doe', 0.85)]),
    ('http://[2001:db8::1]/x', [('http://[2001:db8::1]/x', 0.9)]),
]
REJECTED = [
    "GET /api/v1/users?id=3 200",  # a path without a host
    "file:///var/log/syslog",  # no host
    "see example.com for details",  # no scheme, no www.
    "s3://bucket/key",  # a host without a dot, no user info
    "ratio 3://4",
    "wwwexample.com",
]

test_found, test_rejected, test_lookalikes = table_tests('url', FOUND, REJECTED)

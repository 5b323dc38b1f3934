"""URL: scheme:// or www., user info and query strings included."""
from typing import Callable, List

import pytest

NAME = "url"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Visit https://example.com/profile/jsmith?ref=newsletter or later",
         ["https://example.com/profile/jsmith?ref=newsletter"]),
        ("see www.example.org/about.", ["www.example.org/about"]),
        ("dsn=postgres://app:s3cret@db:5432/prod", ["postgres://app:s3cret@db:5432/prod"]),
        ("(https://en.wikipedia.org/wiki/Foo_(bar))", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        ("<http://localhost:8080/health>", ["http://localhost:8080/health"]),
        ("ftp://files.example.net/a.txt, then", ["ftp://files.example.net/a.txt"]),
        ("url=https://x.io/?email=jane%40example.com&token=abc#top",
         ["https://x.io/?email=jane%40example.com&token=abc#top"]),
        ("http://[2001:db8::1]/x", ["http://[2001:db8::1]/x"]),
    ],
)  # fmt: skip
def test_url_found(found: Callable[[str, str], List[str]], text: str, expected: List[str]) -> None:
    assert found(NAME, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "GET /api/v1/users?id=3 200",  # a path without a host
        "file:///var/log/syslog",  # no host
        "see example.com for details",  # no scheme, no www.
        "s3://bucket/key",  # a host without a dot, no user info
        "ratio 3://4",
        "wwwexample.com",
    ],
)
def test_url_rejected(found: Callable[[str, str], List[str]], text: str) -> None:
    assert found(NAME, text) == []


def test_url_lookalikes(found: Callable[[str, str], List[str]], lookalike: str) -> None:
    assert found(NAME, lookalike) == []


def test_url_score(scores: Callable[[str, str], List[float]]) -> None:
    assert scores(NAME, "https://example.com/a") == [0.9]

"""URLs in the default policy (issue 17): what can identify a person is redacted (user info,
query values, fragments, path segments another label finds); scheme, host and plain path
stay. The whole-URL label URL is opt-in."""
from typing import Any

import pytest
import spacy
from spacy.language import Language

from spacy_pii.labels import LABELS, OPT_IN_LABELS
from spacy_pii.operators.core import RedactionPolicy
from spacy_pii.operators.policy import effective_policy
from spacy_pii.pipeline.redactor import PIIRedactor


@pytest.fixture(scope="module")
def nlp() -> Language:
    """Detectors only, default policy (labels=None)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("pii_redactor")
    return nlp


@pytest.mark.parametrize(
    "text,expected",
    [
        # the example
        (
            "https://api.example.com/v1/users?email=jane%40example.com&name=Jane+Doe",
            "https://api.example.com/v1/users?email=[EMAIL_ADDRESS]&name=[PERSON]",
        ),
        # referers identify nobody: unchanged, and no NER-like quote run-on
        (
            '10.0.0.1 - - [02/Nov/2024:08:14:07 +0000] "GET / HTTP/1.1" 200 512 "https://www.google.com/" "Mozilla/5.0"',
            '[IP_ADDRESS] - - [02/Nov/2024:08:14:07 +0000] "GET / HTTP/1.1" 200 512 "https://www.google.com/" "Mozilla/5.0"',
        ),
        ("ref=https://www.bing.com/search?q=shoes&form=QBLH", "ref=https://www.bing.com/search?q=shoes&form=QBLH"),
        # a request target without a host: its query values
        (
            '"GET /search?name=Zuzana+Mudrov%C3%A1&city=%C5%A0entjur&country=Czech+Republic HTTP/1.1" 200',
            '"GET /search?name=[PERSON]&city=[LOCATION]&country=[LOCATION] HTTP/1.1" 200',
        ),
        (
            "GET /api/v2/users?email=jane%40example.com&first_name=Jane&last_name=Doe&page=2 200",
            "GET /api/v2/users?email=[EMAIL_ADDRESS]&first_name=[PERSON]&last_name=[PERSON]&page=2 200",
        ),
        (
            "POST /signup?user%5Bemail%5D=jane%40example.com&user%5Bphone%5D=%2B44+20+7946+0958 201",
            "POST /signup?user%5Bemail%5D=[EMAIL_ADDRESS]&user%5Bphone%5D=[PHONE_NUMBER] 201",
        ),
        # user info: the user and the password
        (
            "dsn=postgres://app:s3cret@db.example.com:5432/prod",
            "dsn=postgres://[USERNAME]:[CREDENTIAL]@db.example.com:5432/prod",
        ),
        ("fetch https://jdoe@git.example.com/repo.git", "fetch https://[USERNAME]@git.example.com/repo.git"),
        # fragments with key=value pairs (an OAuth implicit-flow redirect); plain anchors stay
        (
            "https://app.example.com/cb#access_token=abcdef123456&token_type=bearer",
            "https://app.example.com/cb#access_token=[CREDENTIAL]&token_type=bearer",
        ),
        ("https://shop.example.com/p/42?ref=newsletter&page=2#reviews", "https://shop.example.com/p/42?ref=newsletter&page=2#reviews"),
        # a path segment another label finds
        ("https://example.com/users/jane@example.com/profile", "https://example.com/users/[EMAIL_ADDRESS]/profile"),
        # a key naming a checked label adds nothing by itself: not an address, not redacted
        ("https://example.com/?email=unknown", "https://example.com/?email=unknown"),
        # placeholders and empty values stay
        ("https://example.com/?name=&user=null&token=***&x=1", "https://example.com/?name=&user=null&token=***&x=1"),
        # OAuth's state is a nonce, a cloud region is no place
        ("https://x.example.com/cb?state=af0ifjsldkj&region=eu-west-1", "https://x.example.com/cb?state=af0ifjsldkj&region=eu-west-1"),
    ],
)
def test_default_policy_redacts_the_parts_that_identify(nlp: Language, text: str, expected: str) -> None:
    assert nlp(text)._.redacted == expected


def test_url_is_opt_in_by_config() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("pii_redactor", config={"labels": ["URL"]})
    text = "see https://api.example.com/v1/users?email=jane%40example.com&name=Jane+Doe now"
    assert nlp(text)._.redacted == "see [URL] now"
    # With URL and the part labels: the whole URL wins (Presidio parity).
    nlp.get_pipe("pii_redactor").labels = ["URL", "EMAIL_ADDRESS", "PERSON"]
    assert nlp(text)._.redacted == "see [URL] now"


def test_url_is_opt_in_by_an_entry_points_labels(nlp: Language) -> None:
    # `--labels URL` / `spacy_pii.redact(..., labels=["URL"])` narrow the component's policy.
    redactor = nlp.get_pipe("pii_redactor")
    assert isinstance(redactor, PIIRedactor)
    policy = effective_policy(redactor.policy, labels=["URL"], require_key=False)
    text = "ref https://www.google.com/ ok"
    assert redactor.redact(nlp(text), policy)[0] == "ref [URL] ok"
    assert redactor.redact(nlp(text))[0] == text


def test_selects_label_is_the_one_default_rule() -> None:
    default = RedactionPolicy()
    assert [label for label in LABELS if not default.selects_label(label)] == sorted(OPT_IN_LABELS)
    assert RedactionPolicy(labels=("URL",)).selects_label("URL")
    assert not RedactionPolicy(labels=("PERSON",)).selects_label("URL")
    # apply: an unselected URL span does not hide the name inside it
    text = "https://x.example.com/?name=Jane+Doe"
    spans: Any = [(0, len(text), "URL"), (28, 36, "PERSON")]
    assert default.apply(text, spans) == "https://x.example.com/?name=[PERSON]"
    assert RedactionPolicy(labels=("URL", "PERSON")).apply(text, spans) == "[URL]"

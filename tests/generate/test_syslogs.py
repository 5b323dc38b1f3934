"""Tests for the system-log genre, the encoded values of the log genre and the prose breadth of
issue 17 (spacy_pii.generate.genres.syslogs, logs, prose)."""
import html
import json
import random
import re
from collections import Counter
from typing import Dict, List, Tuple
from urllib.parse import unquote_plus

import pytest

from spacy_pii.corpus import blank_nlp
from spacy_pii.generate import CORPUS_VERSION, GENRES, Example, generate_split
from spacy_pii.generate.core import Context, Template, render
from spacy_pii.generate.genres import logs, prose, syslogs
from spacy_pii.generate.providers import FakerPool
from spacy_pii.labels import MODEL_LABELS

SYSLOG_LABELS = {"IP_ADDRESS", "USERNAME", "EMAIL_ADDRESS", "PERSON", "PHONE_NUMBER", "MAC_ADDRESS", "URL"}
ENCODED_SLOTS = ("_urlp", "_json", "_html", "email_url")
# Escape sequences an encoded span must hold whole: %XX, \uXXXX and character references.
ESCAPE_RE = re.compile(r"%[0-9A-Fa-f]{2}|\\u[0-9a-fA-F]{4}|&(?:#\d+|#x[0-9a-fA-F]+|[a-z]+);")


@pytest.fixture(scope="module")
def tokenize():  # type: ignore[no-untyped-def]
    """The tokenizer the training configs use (spacy-pii.LogTokenizer.v1)."""
    return blank_nlp().make_doc


@pytest.fixture(scope="module")
def sample() -> List[Example]:
    return generate_split("train", 2400, seed=0)


@pytest.fixture(scope="module")
def syslog_docs(sample: List[Example]) -> List[Example]:
    return [eg for eg in sample if eg.genre == syslogs.NAME]


def render_many(spec, templates: List[Template], n: int, seed: int = 1) -> List[Tuple[Template, str, list]]:  # type: ignore[no-untyped-def]
    fakers = FakerPool(f"test-syslogs-{seed}")
    rng = random.Random(seed)
    out = []
    for template in templates:
        for _ in range(n):
            ctx = Context(rng, fakers, spec, "en_US")
            text, spans = render(ctx, template).build()
            out.append((template, text, spans))
    return out


def lines_with_pii(eg: Example) -> List[Tuple[str, bool]]:
    """Each text line of an example and whether a span touches it."""
    out, pos = [], 0
    for line in eg.text.split("\n"):
        start, end = pos, pos + len(line)
        out.append((line, any(s < end and e > start for s, e, _ in eg.spans)))
        pos = end + 1
    return out


def test_corpus_version_and_genre_registered() -> None:
    assert CORPUS_VERSION == "v3"
    names = [spec.name for spec in GENRES]
    assert names[-1] == syslogs.NAME  # appended: the older genres keep their order
    assert names[:5] == ["transcript", "chat", "email", "log", "prose"]


def test_every_syslog_template_renders_aligned(tokenize) -> None:  # type: ignore[no-untyped-def]
    spec = syslogs.SPEC
    misaligned = 0
    for template, text, spans in render_many(spec, spec.positives + spec.negatives, 4):
        assert text.strip(), template.id
        assert bool(spans) == bool(template.labels), template.id
        doc = tokenize(text)
        for start, end, label in spans:
            assert label in template.labels and label in MODEL_LABELS, template.id
            assert label != "DATE_TIME", template.id  # machine time is never DATE_TIME
            misaligned += doc.char_span(start, end, alignment_mode="strict") is None
    assert misaligned == 0


def test_every_family_has_pii_and_pii_free_templates() -> None:
    assert len(syslogs.FAMILY_NAMES) >= 14
    for family in syslogs.FAMILY_NAMES:
        pos, neg = syslogs.BY_FAMILY[family]
        assert pos and all(t.labels for t in pos), family
        assert neg and not any(t.labels for t in neg), family
        assert all(t.labels <= SYSLOG_LABELS for t in pos), family


def test_pii_free_lines_in_every_family(syslog_docs: List[Example]) -> None:
    clean: Counter = Counter()
    for eg in syslog_docs:
        family = syslogs.family_of(eg.templates[0])
        assert {syslogs.family_of(t) for t in eg.templates} == {family}  # one system per document
        clean[family] += sum(not has for _, has in lines_with_pii(eg))
    assert set(clean) == set(syslogs.FAMILY_NAMES)
    assert all(clean[family] > 0 for family in syslogs.FAMILY_NAMES), clean


def test_most_system_log_lines_carry_no_pii(syslog_docs: List[Example]) -> None:
    flags = [has for eg in syslog_docs for _, has in lines_with_pii(eg)]
    share = 1 - sum(flags) / len(flags)
    assert 0.62 <= share <= 0.8, share


def test_system_log_share_of_documents(sample: List[Example]) -> None:
    share = sum(eg.genre == syslogs.NAME for eg in sample) / len(sample)
    assert 0.15 <= share <= 0.2, share


def test_machine_tokens_stay_unlabelled(syslog_docs: List[Example]) -> None:
    """Block ids, YARN ids, node names, `Class$Inner@hash`, stack frames and day names of
    machine timestamps occur, and never inside a span."""
    patterns = {
        "block id": r"blk_-?\d{18,19}",
        "container id": r"(?:container|application|attempt|appattempt|job)_\d{13}_\d{4}",
        "node": r"R\d\d-M[01]-N[0-9A-F]",
        "inner@hash": r"\b[A-Z]\w+(?:\$\w+)?@[0-9a-f]{2,8}\b",
        "frame": r"\tat [\w.$]+\((?:\w+\.java:\d+|Native Method)\)",
        "ctime day": r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d",
        "hdfs prefix": r"^\d{6} \d{6} \d+ INFO",
        "logcat prefix": r"^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} +\d+ +\d+ [VDIWE] ",
    }
    for name, pattern in patterns.items():
        found = 0
        for eg in syslog_docs:
            for match in re.finditer(pattern, eg.text, flags=re.M):
                found += 1
                for start, end, _ in eg.spans:
                    assert not (start < match.end() and end > match.start()), (name, eg.templates)
        assert found > 0, name


def test_auth_user_names_are_labelled_system_accounts_are_not() -> None:
    spec = syslogs.SPEC
    pos, neg = syslogs.BY_FAMILY["ssh"]
    for template, _text, spans in render_many(spec, pos, 3, seed=5):
        if "user" in str(template.source):
            assert any(label == "USERNAME" for _, _, label in spans), template.id
    for template, _text, spans in render_many(spec, neg, 3, seed=5):
        assert not spans and template.id


def test_syslog_determinism_by_seed() -> None:
    def texts(seed: int) -> List[str]:
        return [eg.text for eg in generate_split("dev", 120, seed=seed) if eg.genre == syslogs.NAME]

    assert texts(3) == texts(3)
    assert texts(3) != texts(4)


# --- encoded values ----------------------------------------------------------------------


def _encoded_templates() -> List[Template]:
    return [t for t in logs.SPEC.positives if isinstance(t.source, str) and any(k in t.source for k in ENCODED_SLOTS)]


def test_encoded_spans_cover_the_raw_encoded_text(tokenize) -> None:  # type: ignore[no-untyped-def]
    templates = _encoded_templates()
    assert len(templates) >= 15
    seen = Counter()
    for template, text, spans in render_many(logs.SPEC, templates, 25, seed=2):
        doc = tokenize(text)
        for start, end, label in spans:
            assert doc.char_span(start, end, alignment_mode="strict") is not None, template.id
            # No escape sequence is cut by a span boundary: the span holds the raw text whole.
            for match in ESCAPE_RE.finditer(text):
                inside = start <= match.start() and match.end() <= end
                outside = match.end() <= start or match.start() >= end
                assert inside or outside, template.id
            value = text[start:end]
            if re.search(r"%[0-9A-F]{2}", value):
                seen["percent"] += 1
                assert " " not in value and "%" not in unquote_plus(value)
            if "\\u" in value:
                seen["json"] += 1
                assert value.isascii() and json.loads(f'"{value}"') != value
            if re.search(r"&#\d+;|&#x[0-9a-f]+;|&amp;", value):
                seen["html"] += 1
                assert html.unescape(value) != value
            if label == "EMAIL_ADDRESS" and ("%40" in value or "&#" in value):
                seen["email"] += 1
                assert "@" not in value
    assert all(seen[kind] > 0 for kind in ("percent", "json", "html", "email")), seen


def test_url_encoded_values_decode_to_plain_values() -> None:
    """`name=Zuzana+Mudrov%C3%A1`: the span decodes to a name with a space and no escapes."""
    template = next(t for t in _encoded_templates() if "name={name_urlp}&city={city_urlp}" in str(t.source))
    decoded = []
    for _, text, spans in render_many(logs.SPEC, [template], 40, seed=9):
        for start, end, label in spans:
            if label == "PERSON":
                assert text[start - len("name="):start] == "name="
                assert text[end] == "&"
                decoded.append(unquote_plus(text[start:end]))
    assert any(" " in name for name in decoded)
    assert any(not name.isascii() for name in decoded)


def test_referers_labelled_as_corpus_v2_labels_urls() -> None:
    templates = [t for t in logs.SPEC.positives if "{referer}" in str(t.source)]
    assert templates
    dashes = urls = 0
    for _, text, spans in render_many(logs.SPEC, templates, 20, seed=4):
        for match in re.finditer(r'"(-|https?://[^"]*)" "', text):
            covered = [(s, e, lab) for s, e, lab in spans if s == match.start(1)]
            if match.group(1) == "-":
                dashes += 1
                assert not covered
            else:
                urls += 1
                assert covered == [(match.start(1), match.end(1), logs.REFERER_LABEL)]
    assert dashes and urls


def test_encoded_negatives_stay_unlabelled() -> None:
    negatives = [t for t in logs.SPEC.negatives if isinstance(t.source, str) and ("&amp;" in t.source or "\\u00" in t.source or "%26" in t.source)]
    assert len(negatives) >= 3
    for template, _, spans in render_many(logs.SPEC, negatives, 3):
        assert not spans, template.id


# --- prose breadth -----------------------------------------------------------------------


def test_prose_v3_address_parts_postcodes_places_dates_orgs(tokenize) -> None:  # type: ignore[no-untyped-def]
    templates = [t for t in prose.SPEC.positives if ".pos3." in t.id]
    assert len(templates) >= 30
    by_label: Dict[str, int] = Counter()
    unit_in_address = 0
    for template, text, spans in render_many(prose.SPEC, templates, 6, seed=3):
        doc = tokenize(text)
        for start, end, label in spans:
            assert doc.char_span(start, end, alignment_mode="strict") is not None, template.id
            by_label[label] += 1
            if label == "STREET_ADDRESS" and re.search(r"\b(?:Apt|Apartment|Suite|Ste|Unit|Flat|Room|Floor)\b|#\d", text[start:end]):
                unit_in_address += 1
    for label in ("STREET_ADDRESS", "LOCATION", "DATE_TIME", "ORGANIZATION", "PERSON"):
        assert by_label[label] > 20, by_label
    assert unit_in_address > 20

"""Tests for corpus v2 (issue 13): the new prose kinds, NRP, AGE, URL, wider usernames and
addresses, the prose hard negatives, and the import layout of spacy_pii.generate."""
import ast
import random
import re
from pathlib import Path
from typing import Callable, List, Tuple

import pytest
import spacy

from spacy_pii.generate import GENRES_BY_NAME, Example, generate_split
from spacy_pii.generate.alignment import check_alignment
from spacy_pii.generate.core import SLOTS, Builder, Context, render_slot
from spacy_pii.generate.providers import FakerPool

GENERATE_DIR = Path(__file__).resolve().parents[2] / "spacy_pii" / "generate"
PROSE = GENRES_BY_NAME["prose"]
URL_RE = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)
N_DRAWS = 60


@pytest.fixture(scope="module")
def prose() -> List[Example]:
    """A sample of every genre; the tests below mostly look at its prose."""
    return generate_split("train", 2500, seed=3)


def draws(name: str, arg: str = "", genre: str = "prose") -> List[Tuple[str, List[Tuple[int, int, str]]]]:
    """Render one slot N_DRAWS times in fresh contexts: (text, spans) each."""
    fakers = FakerPool("test-prose-v2")
    rng = random.Random(name + arg)
    out = []
    for i in range(N_DRAWS):
        ctx = Context(rng, fakers, GENRES_BY_NAME[genre], ("en_US", "en_GB", "de_DE", "fr_FR", "en_IN")[i % 5])
        out.append(Builder().pieces(render_slot(ctx, name, arg)).build())
    return out


def outside_spans(eg: Example) -> str:
    chars = list(eg.text)
    for start, end, _ in eg.spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@pytest.mark.parametrize(
    "name,arg,label,shape",
    [
        ("nrp", "", "NRP", r"[\w'éè -]+"),
        ("nrp", "rel", "NRP", r"[\w' -]+"),
        ("age", "", "AGE", r"\d{2}|[a-z]+(-[a-z]+)?"),
        ("age", "adj", "AGE", r"[\w-]+-year-old"),
        ("age", "old", "AGE", r"[\w-]+ (years old|yrs old|years of age|yo)"),
        ("age", "yo", "AGE", r"\d+ ?(y/o|yo|yrs|y\.o\.|years)|\d+-year-old"),
        ("age", "kid", "AGE", r"[\w-]+[ -](day|week|month|year)s?[ -]old"),
        ("yr", "born", "DATE_TIME", r"19[3-9]\d|200[0-8]"),
        ("legalorg", "", "ORGANIZATION", r".+ (Ltd\.?|Limited|plc|PLC|LLC|L\.L\.C\.|Inc\.?|Corp\.|Corporation|LLP|GmbH|AG|KG|GmbH & Co\. KG|S\.A\.|SA|S\.A\.S\.|SAS|SARL|S\.r\.l\.|S\.R\.L\.|S\.p\.A\.|B\.V\.|N\.V\.|AB|AS|ASA|A/S|Oy|K\.K\.|Co\., Ltd\.|Pty Ltd|\(Pty\) Ltd|Pvt\. Ltd\.|Private Limited|Sp\. z o\.o\.|Lda\.|S\.L\.|Tbk|Bhd|Sdn Bhd|SE|Co\.|Group plc|Holdings Inc\.|PC|P\.C\.)|.+ & Co\."),
        ("pobox", "", "STREET_ADDRESS", r"(P\.?\s?O\.? (Box|BOX)|PO BOX|Post Office Box|Rural Route|RR|HC|Postfach|BP|Apartado|Caixa).*"),
        ("military", "", "STREET_ADDRESS", r".+, (APO|FPO|DPO) (AE|AP|AA) \d{5}"),
        ("postcode", "", "STREET_ADDRESS", r"[\w -]{3,10}"),
        ("domuser", "", "USERNAME", r"[A-Za-z-]+\\[\w.+-]+"),
        ("url", "", "URL", r"(https?://|www\.)\S+"),
        ("url", "person", "URL", r"(https?://|www\.)\S+"),
    ],
)
def test_new_slots_label_the_whole_value(name: str, arg: str, label: str, shape: str) -> None:
    for text, spans in draws(name, arg):
        labelled = [(s, e) for s, e, lab in spans if lab == label]
        assert len(labelled) == 1, (name, arg)
        start, end = labelled[0]
        assert re.fullmatch(shape, text[start:end]), (name, arg)
        # an article put before NRP/AGE ("an ") stays outside the span
        assert text[:start] in ("", "a ", "an ")


@pytest.mark.parametrize("name,arg,label,outside", [
    ("userpath", "", "USERNAME", r"(/home/|/Users/|/var/mail/|/srv/home/|~|[CD]:\\Users\\|\\\\fileserver\\home\\).*"),
    ("nrp", "nata", "NRP", r"an? "),
    ("age", "adja", "AGE", r"an? "),
])
def test_slots_keep_their_frame_outside_the_span(name: str, arg: str, label: str, outside: str) -> None:
    for text, spans in draws(name, arg):
        ((start, end, got),) = spans
        assert got == label
        assert re.fullmatch(outside, text[:start]), (name, text[:start])


@pytest.mark.parametrize("arg", ["adja", "a"])
def test_article_agrees_with_the_age(arg: str) -> None:
    for text, spans in draws("age", arg):
        ((start, _, _),) = spans
        value = text[start:]
        an = value[:1] in "8" or value.startswith(("11", "18", "eight", "eleven"))
        assert text[:start] == ("an " if an else "a "), text


@pytest.mark.parametrize("name", ["namelist"])
def test_name_lists_are_one_span_per_name(name: str) -> None:
    for text, spans in draws(name):
        assert 3 <= len(spans) <= 9
        assert {lab for _, _, lab in spans} == {"PERSON"}
        gaps = [text[a[1]:b[0]] for a, b in zip(spans, spans[1:])]
        assert all(g in (", ", "; ", " and ", ", and ", " & ") for g in gaps), gaps


def test_postblock_is_one_span_per_line() -> None:
    for text, spans in draws("postblock"):
        lines = text.split("\n")
        assert len(spans) == len(lines) == 2
        assert [text[s:e] for s, e, _ in spans] == lines


@pytest.mark.parametrize("name", ["holiday", "statute", "dotted", "countdown", "natthing", "objage", "duration_yrs"])
def test_prose_hard_negative_slots_are_unlabelled(name: str) -> None:
    assert SLOTS[name].labels == frozenset()
    for text, spans in draws(name):
        assert spans == [] and text.strip()


def test_transcript_age_is_spoken_and_labelled() -> None:
    for text, spans in draws("age", "old", genre="transcript"):
        ((start, end, label),) = spans
        assert label == "AGE" and text[start:end].endswith("years old")
        assert not re.search(r"\d", text)


@pytest.mark.parametrize("label", ["NRP", "AGE", "URL", "ORGANIZATION", "USERNAME", "STREET_ADDRESS"])
def test_new_labels_in_prose(prose: List[Example], label: str) -> None:
    hits = [eg for eg in prose if eg.genre == "prose" and any(lab == label for _, _, lab in eg.spans)]
    assert len(hits) >= 20, label


@pytest.mark.parametrize("label", ["NRP", "AGE", "URL", "ORGANIZATION"])
def test_new_labels_outside_prose(prose: List[Example], label: str) -> None:
    genres = {eg.genre for eg in prose for _, _, lab in eg.spans if lab == label}
    assert len(genres - {"prose"}) >= 2, (label, genres)


def test_every_url_is_labelled(prose: List[Example]) -> None:
    for eg in prose:
        assert not URL_RE.search(outside_spans(eg)), eg.templates
        for start, end, label in eg.spans:
            if URL_RE.fullmatch(eg.text[start:end]):
                assert label == "URL"


@pytest.mark.parametrize("pattern", [
    r"\b\d+\+? years of experience\b",
    r"\bversion \d+\b",
    r"\b\d+ days old build\b",
    r"\b\d+-year-old (laptop|car|bridge|server|collie|kitten)\b",
    r"\bpeople aged \d+ to \d+\b",
    r"\b(Christmas|Thanksgiving|Diwali|Hanukkah|Boxing Day|Easter Monday)\b",
    r"\b(U\.S\.C\. § \d+|Rule \d+\(b\)\(\d\))",
])
def test_prose_hard_negatives_stay_unlabelled(prose: List[Example], pattern: str) -> None:
    seen = 0
    for eg in prose:
        for match in re.finditer(pattern, eg.text):
            seen += 1
            assert not any(s < match.end() and match.start() < e for s, e, _ in eg.spans), pattern
    assert seen > 0, pattern


def test_name_like_words_unlabelled_in_prose_negatives(prose: List[Example]) -> None:
    negatives = "\n".join(eg.text for eg in prose if eg.genre == "prose" and not eg.spans)
    for word in ("may", "bill", "june", "summer", "mark", "will"):
        assert re.search(rf"\b{word}\b", negatives, flags=re.I), word


@pytest.mark.parametrize("case", [str.lower, str.upper])
def test_prose_case_variants_keep_spans(prose: List[Example], case: Callable[[str], str]) -> None:
    varied = [eg for eg in prose if eg.genre == "prose" and eg.spans and eg.text == case(eg.text) and eg.text != eg.text.swapcase()]
    assert varied
    for eg in varied:
        for start, end, _ in eg.spans:
            assert eg.text[start:end] == eg.text[start:end].strip() != ""


@pytest.mark.parametrize("text,func,changed", [
    ("Jane Doe", str.upper, True),
    ("JANE DOE", str.lower, True),
    ("Straße", str.upper, False),  # "SS" is longer than "ß": offsets would move, so no change
])
def test_builder_recase(text: str, func: Callable[[str], str], changed: bool) -> None:
    builder = Builder().text("met ").value(text, "PERSON").text(" today")
    out = builder.recase(func)
    got, spans = out.build()
    assert (out is not builder) == changed
    ((start, end, _),) = spans
    assert got[start:end] == (func(text) if changed else text)


def test_offsets_exact_and_aligned_in_new_prose(prose: List[Example]) -> None:
    new = [eg for eg in prose if any(".pos2." in t or ".neg2." in t for t in eg.templates)]
    assert len(new) > 200
    for eg in new:
        for start, end, _ in eg.spans:
            assert 0 <= start < end <= len(eg.text)
    report = check_alignment(new, spacy.blank("en").make_doc)
    assert report.share < 0.03, report.by_label


def _function_level_relative_imports(path: Path) -> List[str]:
    """Relative imports of sibling modules (`from .x import y`) made inside a function."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf8"))
    for func in ast.walk(tree):
        if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(func):
                if isinstance(node, ast.ImportFrom) and node.level == 1:
                    found.append(f"{path.name}:{node.lineno}")
    return found


@pytest.mark.parametrize("path", sorted(GENERATE_DIR.rglob("*.py")), ids=lambda p: p.name)
def test_no_function_level_imports_inside_generate(path: Path) -> None:
    """An import hidden in a function would hide a cycle (core <-> providers was one)."""
    assert _function_level_relative_imports(path) == []

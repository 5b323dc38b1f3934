"""`spacy-pii review`: error classification, the self-contained HTML, the CLI, displaCy colours,
and the report in a real headless Chromium (skipped when Chromium is absent)."""
import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import orjson
import pytest
import spacy
from spacy import displacy
from spacy.tokens import Span
from typer.testing import CliRunner

from spacy_pii.cli import app
from spacy_pii.corpus import read_jsonl
from spacy_pii.errors import SpacyPIIError
from spacy_pii.evaluation.evaluate import evaluate
from spacy_pii.evaluation.review import (
    Mark,
    Review,
    ReviewInput,
    asset,
    read_review_jsonl,
    render_doc_text,
    render_html,
    review,
    review_doc,
)
from spacy_pii.labels import DISPLACY_COLORS, LABELS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample_review.jsonl"
runner = CliRunner()


# --- classification --------------------------------------------------------------------------

def judge(text: str, gold: Optional[List[Tuple[int, int, str]]], pred: List[Tuple[int, int, str]]) -> Tuple[Review, Any]:
    result = Review()
    doc = review_doc(result, 0, ReviewInput(text, gold, 1), [Mark(s, e, label, "pred") for s, e, label in pred])
    return result, doc


TEXT = "Jane Doe Smith lives in Paris and works at Globex."
#       0    5   9    14   19 22 24   30  34    40 43    49


@pytest.mark.parametrize(
    "gold,pred,kinds,errors",
    [
        # exact: correct
        ([(0, 14, "PERSON")], [(0, 14, "PERSON")], [("tp", 0, 14)], {}),
        # nothing predicted: the whole span leaks
        ([(0, 14, "PERSON")], [], [("leak", 0, 14)], {"leak": 1}),
        # same offsets, other label: redacted, wrong tag; no leak
        ([(24, 29, "LOCATION")], [(24, 29, "ORGANIZATION")], [("label", 24, 29)], {"label": 1}),
        # prediction too short: boundary error, and the rest of the name leaks (space trimmed)
        ([(0, 14, "PERSON")], [(0, 8, "PERSON")], [("boundary", 0, 8), ("leak", 9, 14)], {"boundary": 1, "leak": 1}),
        # prediction too long: boundary error, nothing leaks
        ([(5, 8, "PERSON")], [(0, 14, "PERSON")], [("boundary", 0, 14)], {"boundary": 1}),
        # a prediction touching no gold span
        ([], [(43, 49, "ORGANIZATION")], [("fp", 43, 49)], {"fp": 1}),
        # a gold span split by a prediction in its middle leaks on both sides
        ([(0, 14, "PERSON")], [(5, 8, "LOCATION")], [("leak", 0, 4), ("boundary", 5, 8), ("leak", 9, 14)],
         {"boundary": 1, "leak": 1}),
    ],
)
def test_classification(gold: Any, pred: Any, kinds: Any, errors: Dict[str, int]) -> None:
    result, doc = judge(TEXT, gold, pred)
    assert [(m.kind, m.start, m.end) for m in doc.marks] == kinds
    assert {k: n for k, n in doc.errors.items() if n} == errors
    assert doc.kinds == ([k for k in ("leak", "label", "boundary", "fp") if k in errors] or ["ok"])


def test_confusions_and_leak_counts() -> None:
    gold = [(0, 14, "PERSON"), (24, 29, "LOCATION"), (43, 49, "ORGANIZATION")]
    pred = [(0, 8, "LOCATION"), (24, 29, "ORGANIZATION"), (43, 49, "ORGANIZATION")]
    result, doc = judge(TEXT, gold, pred)
    assert result.confusions == {
        ("PERSON", "LOCATION"): {"same span": 0, "overlap": 1},
        ("LOCATION", "ORGANIZATION"): {"same span": 1, "overlap": 0},
    }
    assert result.leak_counts == {"PERSON": 1}
    assert result.pred_counts == {"LOCATION": 1, "ORGANIZATION": 2}
    per = result.scores.per_label
    assert (per["ORGANIZATION"].tp, per["ORGANIZATION"].fp, per["LOCATION"].fn) == (1, 1, 1)


def test_unscored_document() -> None:
    result, doc = judge(TEXT, None, [(24, 29, "LOCATION")])
    assert [m.kind for m in doc.marks] == ["pred"]
    assert doc.kinds == ["redacts"] and not doc.scored
    assert judge(TEXT, None, [])[1].kinds == ["untouched"]
    assert result.scores.docs == 0 and result.pred_counts == {"LOCATION": 1}


def test_review_scores_equal_evaluate(pii_nlp: Any) -> None:
    records = list(read_jsonl(SAMPLE))
    result = review(pii_nlp, read_review_jsonl(SAMPLE))
    assert result.scores.to_dict()["per_label"] == evaluate(pii_nlp, records).to_dict()["per_label"]
    assert result.scores.leak_rate == evaluate(pii_nlp, records).leak_rate


def test_errors_listed_first(pii_nlp: Any) -> None:
    result = review(pii_nlp, read_review_jsonl(SAMPLE))
    ranks = [0 if d.errors.get("leak") else 1 if any(d.errors.values()) else 2 for d in result.docs]
    assert ranks == sorted(ranks) and ranks[0] == 0 and ranks[-1] == 2
    assert len(result.docs) == len(list(read_jsonl(SAMPLE)))


# --- reading ---------------------------------------------------------------------------------

def test_read_gold_or_not(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "Jane Doe", "spans": [{"start": 0, "end": 8, "label": "PERSON"}]}\n'
        b'{"text": "no pii here", "spans": []}\n\n'
        b'{"text": "Paris", "id": 7}\n'
        b'{"text": "Globex", "span_labels": [[0, 6, "ORGANIZATION"]]}\n'
    )
    items = read_review_jsonl(path)
    assert [i.gold for i in items] == [[(0, 8, "PERSON")], [], None, [(0, 6, "ORGANIZATION")]]
    assert [i.line for i in items] == [1, 2, 4, 5]
    assert len(read_review_jsonl(path, limit=2)) == 2


def test_read_errors_are_coded(tmp_path: Path) -> None:
    with pytest.raises(SpacyPIIError, match=r"\[E204\]"):
        read_review_jsonl(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"text": "Jane Doe", "spans": [{"start": 0, "end": 99, "label": "PERSON"}]}\n')
    with pytest.raises(SpacyPIIError, match=r"\[E013\].*bad.jsonl:1") as e:
        read_review_jsonl(bad)
    assert "Jane" not in str(e.value)


# --- HTML ------------------------------------------------------------------------------------

class DocText(HTMLParser):
    """Collects, per document, the visible text of div.text without the mark labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.docs: List[str] = []
        self.marks: List[Dict[str, Optional[str]]] = []
        self._in_text = 0
        self._in_lbl = 0
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        a = dict(attrs)
        if self._in_text:
            self._depth += 1
            if tag == "span" and a.get("class") == "lbl":
                self._in_lbl = self._depth
            if tag == "mark":
                self.marks.append(a)
        elif tag == "div" and a.get("class") == "text":
            self._in_text, self._depth = 1, 0
            self.docs.append("")

    def handle_endtag(self, tag: str) -> None:
        if not self._in_text:
            return
        if self._depth == 0:
            self._in_text = 0
            return
        if self._in_lbl == self._depth:
            self._in_lbl = 0
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_text and not self._in_lbl:
            self.docs[-1] += data


def parse(html_text: str) -> DocText:
    p = DocText()
    p.feed(html_text)
    return p


HOSTILE = 'Mail <script>alert("x")</script> & "Jane Doe" <b>bold</b> in Paris\n\tnext line'


def test_text_is_escaped_and_round_trips(pii_nlp: Any) -> None:
    gold_start = HOSTILE.index("Jane Doe")
    items = [ReviewInput(HOSTILE, [(gold_start, gold_start + 8, "PERSON")], 1), ReviewInput(HOSTILE, None, 2)]
    out = render_html(review(pii_nlp, items), data_name="<evil>.jsonl", model_name='m"odel')
    assert "<script>alert" not in out and "<b>bold" not in out and "<evil>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert out.count("<script>") == 1  # the report's own
    parsed = parse(out)
    assert parsed.docs == [HOSTILE, HOSTILE]  # every character kept, none doubled


def test_render_doc_text_marks() -> None:
    text = "a <Jane> b"
    out = render_doc_text(text, [Mark(2, 8, "PERSON", "tp")])
    assert out.startswith("a <mark class=\"entity k-tp\" data-label=\"PERSON\" data-kind=\"tp\"")
    assert "&lt;Jane&gt;" in out and f"--c:{DISPLACY_COLORS['PERSON']}" in out


def test_self_contained(pii_nlp: Any) -> None:
    out = render_html(review(pii_nlp, read_review_jsonl(SAMPLE)))
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    for needle in ("http://", "https://", "<link", "@import", "url(", " src=", "//cdn"):
        assert needle not in out, needle
    assert out.count("<script>") == 1 and "<style>" in out
    assert f"<style>{asset('review.css')}</style>" in out
    assert f"<script>{asset('review.js')}</script>" in out


@pytest.mark.parametrize("name,needle", [("review.css", "mark.entity{"), ("review.js", "data-ready")])
def test_page_assets_are_package_data(name: str, needle: str) -> None:
    """The CSS and JS are files in spacy_pii/assets, declared as package data (so a wheel
    carries them) and read through importlib.resources."""
    import configparser
    import fnmatch

    assert needle in asset(name)
    cfg = configparser.ConfigParser()
    cfg.read(Path(__file__).parents[1] / "setup.cfg")
    patterns = [p.strip() for p in cfg["options.package_data"]["spacy_pii"].split(",")]
    assert any(fnmatch.fnmatch(f"assets/{name}", p) for p in patterns)


def test_report_contents(pii_nlp: Any) -> None:
    result = review(pii_nlp, read_review_jsonl(SAMPLE))
    out = render_html(result, data_name=SAMPLE.name)
    parsed = parse(out)
    by_kind: Dict[str, int] = {}
    for m in parsed.marks:
        by_kind[m["data-kind"] or ""] = by_kind.get(m["data-kind"] or "", 0) + 1
        assert m["data-label"] in LABELS
        assert f"--c:{DISPLACY_COLORS[m['data-label'] or '']}" in (m["style"] or "")
    assert set(by_kind) == {"tp", "leak", "label", "boundary", "fp"}
    assert 'id="scores"' in out and 'id="confusions"' in out
    assert re.search(r'<th scope=row>.*?PERSON</th><td>6</td><td>4</td><td>3</td><td>1</td><td>3</td>', out)
    assert "treat it as sensitive" in out
    for kind in ("leak", "label", "boundary", "fp", "ok"):
        assert f'name="kind" value="{kind}"' in out
    for label in result.labels():
        assert f'name="label" value="{label}"' in out
    # documents with errors first
    kinds = re.findall(r'<article class="doc" id="doc-\d+" data-kinds="([^"]*)"', out)
    assert kinds[0].startswith("leak") and kinds[-1] == "ok"


def test_policy_report(pii_nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "policy.jsonl"
    path.write_bytes(
        b'{"text": "Jane Doe flew to Paris."}\n{"text": "Write to jane.doe@acme-corp.com"}\n{"text": "ok"}\n'
    )
    result = review(pii_nlp, read_review_jsonl(path))
    out = render_html(result)
    assert result.scored_docs == 0
    assert 'id="scores"' not in out and 'id="redactions"' in out
    assert "what would be redacted" in out
    assert {m["data-kind"] for m in parse(out).marks} == {"pred"}
    assert 'name="kind" value="redacts"' in out and 'name="kind" value="untouched"' in out
    assert 'value="leak"' not in out


# --- CLI -------------------------------------------------------------------------------------

def sample_values() -> List[str]:
    values = []
    for line in SAMPLE.read_bytes().splitlines():
        rec = orjson.loads(line)
        values += [rec["text"][s["start"]:s["end"]] for s in rec["spans"]]
    return values


def test_cli_writes_report_and_prints_counts_only(pii_model_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "report.html"
    res = runner.invoke(app, ["review", str(SAMPLE), "--out", str(out), "--model", str(pii_model_path)])
    assert res.exit_code == 0, res.output
    assert res.stdout == ""
    for value in sample_values():
        assert value not in res.output, value
    assert "PERSON" in res.output and "leak" in res.output and "sensitive" in res.output
    html_text = out.read_text("utf-8")
    assert html_text.count('<article class="doc"') == 12
    assert "Priya Raghunathan" in html_text  # the report is the artifact that holds the text
    assert os.stat(out).st_mode & 0o077 == 0  # written owner-only


def test_cli_limit(pii_model_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    args = ["review", str(SAMPLE), "-o", str(out), "-m", str(pii_model_path), "--limit", "3"]
    assert runner.invoke(app, args).exit_code == 0
    assert out.read_text("utf-8").count('<article class="doc"') == 3


def test_cli_help_says_sensitive() -> None:
    res = runner.invoke(app, ["review", "--help"])
    assert res.exit_code == 0
    assert "raw text" in res.output and "sensitive" in res.output


@pytest.mark.parametrize(
    "case,code",
    [("missing_data", 1), ("bad_data", 1), ("out_is_dir", 2), ("missing_model", 3), ("no_redactor", 3)],
)
def test_cli_exit_codes(case: str, code: int, pii_model_path: Path, tmp_path: Path) -> None:
    data, model = SAMPLE, str(pii_model_path)
    if case == "missing_data":
        data = tmp_path / "nope.jsonl"
    elif case == "bad_data":
        data = tmp_path / "bad.jsonl"
        data.write_bytes(b"not json\n")
    elif case == "out_is_dir":
        (tmp_path / "r.html").mkdir()
    elif case == "missing_model":
        model = str(tmp_path / "no_model")
    else:
        model = str(tmp_path / "blank")
        spacy.blank("en").to_disk(model)
    res = runner.invoke(app, ["review", str(data), "--out", str(tmp_path / "r.html"), "--model", model])
    assert res.exit_code == code, res.output
    assert not (tmp_path / "r.html").is_file()


# --- displaCy colours ------------------------------------------------------------------------

def test_displacy_colours_every_label() -> None:
    words = []
    for label in LABELS:
        words += [label.lower(), "and"]
    doc = spacy.blank("en").make_doc(" ".join(words))
    doc.ents = [Span(doc, 2 * i, 2 * i + 1, label=label) for i, label in enumerate(LABELS)]
    html_text = displacy.render(doc, style="ent", jupyter=False)
    for label in LABELS:
        colour = DISPLACY_COLORS[label]
        assert re.search(rf"background: {re.escape(colour)}[^>]*>\s*{label.lower()}", html_text), label


# --- a real browser --------------------------------------------------------------------------

def find_chromium() -> Optional[str]:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name) if name else None
        if path:
            return path
    return None


CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not found (apt-get install -y chromium, or set CHROMIUM=path)"
)


def chromium(url: str, profile: Path, *args: str) -> "subprocess.CompletedProcess[bytes]":
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", f"--user-data-dir={profile}", *args, url,
    ]
    return subprocess.run(cmd, capture_output=True, timeout=900, check=True)


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory, pii_nlp: Any) -> Path:
    path = tmp_path_factory.mktemp("review") / "report.html"
    path.write_text(render_html(review(pii_nlp, read_review_jsonl(SAMPLE)), data_name=SAMPLE.name), "utf-8")
    return path


def body_attrs(dom: str) -> Dict[str, str]:
    m = re.search(r"<body([^>]*)>", dom)
    assert m, dom[:500]
    return dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1)))


@needs_chromium
def test_browser_dom_after_js(report_file: Path, tmp_path: Path) -> None:
    dom = chromium(report_file.as_uri(), tmp_path / "p1", "--dump-dom").stdout.decode("utf-8")
    attrs = body_attrs(dom)
    assert attrs.get("data-ready") == "1"  # the inline script ran to the end
    assert attrs.get("data-shown") == "12"
    assert "12 of 12 documents shown" in dom
    marks = re.findall(r'<mark class="entity k-(\w+)" data-label="(\w+)"', dom)
    assert {k for k, _ in marks} == {"tp", "leak", "label", "boundary", "fp"}
    assert len(re.findall(r'<input type="checkbox" name="kind"', dom)) == 5
    boxes = re.findall(r'<input type="checkbox" name="label" value="(\w+)"', dom)
    # one box per label in the report (gold or predicted), every one from the scheme
    assert len(boxes) == len(set(boxes)) and set(boxes) <= set(LABELS)
    assert {label for _, label in marks} <= set(boxes)


@needs_chromium
def test_browser_filters_from_hash(report_file: Path, tmp_path: Path) -> None:
    # The filters read their state from the URL hash: only the false-positive document shows,
    # and marks of unticked labels are dimmed.
    url = report_file.as_uri() + "#kinds=fp&labels=LOCATION"
    dom = chromium(url, tmp_path / "p2", "--dump-dom").stdout.decode("utf-8")
    assert body_attrs(dom).get("data-shown") == "1"
    articles = re.findall(r"<article ([^>]*)>", dom)
    visible = [a for a in articles if "hidden" not in a]
    assert len(articles) == 12 and len(visible) == 1 and 'data-kinds="fp"' in visible[0]
    assert re.search(r'<mark class="entity k-tp dim" data-label="PERSON"', dom)
    assert not re.search(r'<mark class="entity k-\w+ dim" data-label="LOCATION"', dom)


@needs_chromium
def test_browser_screenshot(report_file: Path, tmp_path: Path) -> None:
    png = tmp_path / "shot.png"
    chromium(report_file.as_uri(), tmp_path / "p3", f"--screenshot={png}", "--window-size=1280,2000")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000  # a blank or error page compresses to a few kB

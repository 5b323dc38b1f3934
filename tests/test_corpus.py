"""JSONL <-> Doc conversion, the registered reader, and bad-input errors."""
from pathlib import Path
from typing import List

import orjson
import pytest
import spacy
from typer.testing import CliRunner

from spacy_pii.cli import convert as _convert_cli  # noqa: F401  (registers the command)
from spacy_pii.cli._app import app
from spacy_pii.corpus import (
    convert,
    create_jsonl_corpus,
    doc_to_record,
    read_jsonl,
    record_to_doc,
)
from spacy_pii.errors import SpacyPIIError

ALIGNED = [
    {"text": "Call Anna Nowak at 415-555-0199 today.",
     "spans": [{"start": 5, "end": 15, "label": "PERSON"},
               {"start": 19, "end": 31, "label": "PHONE_NUMBER"}]},
    {"text": "ts=2024-05-01T10:00:00Z level=info msg=ok", "spans": []},
    {"text": "Mail jane@example.com\nfrom Berlin", "spans": [
        {"start": 5, "end": 21, "label": "EMAIL_ADDRESS"},
        {"start": 27, "end": 33, "label": "LOCATION"}]},
]


def write_lines(path: Path, lines: List[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_round_trip_aligned(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [orjson.dumps(r) for r in ALIGNED])
    nlp = spacy.blank("en")
    for record, expected in zip(read_jsonl(src), ALIGNED):
        doc, summary = record_to_doc(nlp, record, "strict")
        assert summary.snapped == 0 and summary.dropped == 0
        assert doc_to_record(doc) == expected


def test_convert_writes_docbin(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [orjson.dumps(r) for r in ALIGNED])
    out = tmp_path / "out.spacy"
    summary = convert(src, out)
    assert summary.docs == 3 and summary.spans == 4
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    assert [doc_to_record(d) for d in docs] == ALIGNED


@pytest.mark.parametrize(
    "record",
    [
        {"text": "Anna here", "entities": [{"start": 0, "end": 4, "label": "PERSON"}]},
        {"text": "Anna here", "span_labels": [[0, 4, "PERSON"]]},
        {"text": "Anna here", "spans": [{"start": 0, "end": 4, "label": "PERSON"}]},
    ],
)
def test_span_layouts(tmp_path: Path, record: dict) -> None:
    src = write_lines(tmp_path / "in.jsonl", [orjson.dumps(record)])
    (rec,) = list(read_jsonl(src))
    assert rec.spans == [(0, 4, "PERSON")]


@pytest.mark.parametrize(
    "alignment,expected_text,snapped,dropped",
    [("expand", "Anna", 1, 0), ("contract", None, 0, 1)],
)
def test_alignment_snapping(alignment: str, expected_text, snapped: int, dropped: int) -> None:
    from spacy_pii.corpus import Record

    nlp = spacy.blank("en")
    doc, summary = record_to_doc(nlp, Record("Anna here", [(1, 3, "PERSON")], 1), alignment)
    assert summary.snapped == snapped and summary.dropped == dropped
    assert [e.text for e in doc.ents] == ([expected_text] if expected_text else [])


def test_strict_alignment_error_names_line_and_not_text(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [orjson.dumps(ALIGNED[0]),
                                              b'{"text": "Secretname here", "spans": [[0, 3, "PERSON"]]}'.replace(b'"spans"', b'"span_labels"')])
    out = tmp_path / "out.spacy"
    with pytest.raises(SpacyPIIError) as info:
        convert(src, out, alignment="strict")
    msg = str(info.value)
    assert "E016" in msg and "in.jsonl:2" in msg and "Secret" not in msg
    assert not out.exists()


BAD = [
    (b'{"text": "x", "spans": [}', "E010", 1),
    (b'{"spans": []}', "E011", 1),
    (b'["text"]', "E019", 1),
    (b'{"text": "Anna", "spans": [{"start": 0, "end": 9, "label": "PERSON"}]}', "E013", 1),
    (b'{"text": "Anna", "spans": [{"start": 3, "end": 1, "label": "PERSON"}]}', "E013", 1),
    (b'{"text": "Anna Lee", "spans": [{"start": 0, "end": 4, "label": "PERSON"},'
     b' {"start": 2, "end": 8, "label": "PERSON"}]}', "E014", 1),
    (b'{"text": "Anna", "spans": [{"start": 0, "end": 4, "label": "NAME"}]}', "E015", 1),
    (b'{"text": "Anna", "spans": [{"start": "0", "end": 4, "label": "PERSON"}]}', "E012", 1),
    (b'{"text": "Anna", "span_labels": [[0, 4]]}', "E012", 1),
]


@pytest.mark.parametrize("bad,code,_", BAD)
def test_bad_input_names_file_and_line_and_writes_nothing(tmp_path: Path, bad: bytes, code: str, _: int) -> None:
    good = orjson.dumps(ALIGNED[0])
    src = write_lines(tmp_path / "in.jsonl", [good, good, bad, good])
    out = tmp_path / "out.spacy"
    with pytest.raises(SpacyPIIError) as info:
        convert(src, out)
    msg = str(info.value)
    assert code in msg
    assert "in.jsonl:3" in msg
    assert "Anna" not in msg
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_cli_convert_ok_and_error(tmp_path: Path) -> None:
    runner = CliRunner()
    src = write_lines(tmp_path / "in.jsonl", [orjson.dumps(r) for r in ALIGNED])
    out = tmp_path / "out.spacy"
    result = runner.invoke(app, ["convert", str(src), str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    bad = write_lines(tmp_path / "bad.jsonl", [orjson.dumps(ALIGNED[0]), b"{not json"])
    out2 = tmp_path / "out2.spacy"
    result = runner.invoke(app, ["convert", str(bad), str(out2)])
    assert result.exit_code == 1
    assert "bad.jsonl:2" in result.output
    assert not out2.exists()


def test_reader_yields_examples(tmp_path: Path) -> None:
    src = write_lines(tmp_path / "in.jsonl", [orjson.dumps(r) for r in ALIGNED])
    nlp = spacy.blank("en")
    examples = list(create_jsonl_corpus(src)(nlp))
    assert len(examples) == 3
    assert [e.text for e in examples[0].reference.ents] == ["Anna Nowak", "415-555-0199"]
    assert list(create_jsonl_corpus(src, limit=2)(nlp)).__len__() == 2


def test_reader_missing_path(tmp_path: Path) -> None:
    reader = create_jsonl_corpus(tmp_path / "missing.jsonl")
    with pytest.raises(SpacyPIIError, match="E017"):
        list(reader(spacy.blank("en")))

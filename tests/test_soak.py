"""Soak: mixed lines through the real `spacy-pii redact` subprocess (see tools/soak.py).

Checked per run: exit 0, one output line per input line in order (by the id each line
carries), no generated PII value or PII shape left, nothing on stderr but the --stats
summary, no failed line. Memory: the child's peak RSS for 4N lines stays within a small
margin of its peak for N lines (both runs hold the same 1 MB lines, the last one near the
end, so the peak includes whatever grew over the stream).

The default run (N = 1,000 and 4,000 lines, one 1 MB line each) fits `make test` (most of
its time is two interpreter and model start-ups); the 25,000 / 100,000-line run is behind
the `slow` marker (`make test-slow`).
"""
import sys
from pathlib import Path
from typing import Any, List

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import soak  # noqa: E402

from spacy_pii import api
from spacy_pii.stream import nlp_redact_fn

# Peak RSS of the 4N run <= peak of the N run * factor + margin. Without the memory zone
# in nlp_redact_fn, 75,000 more lines of unique values add ~140 MB of strings and lexemes.
RSS_FACTOR = 1.10
RSS_MARGIN_MB = 16.0


def assert_clean_run(result: soak.SoakResult) -> None:
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.problems == []
    assert result.stats["lines"] == result.lines
    assert result.stats["failed"] == 0
    assert result.stats["json_lines"] > 0 and result.stats["json_invalid"] > 0
    # stderr is the --stats summary and nothing else (no warning, no traceback).
    assert result.stderr.startswith(b"lines: ")
    assert b"Traceback" not in result.stderr and b"Warning" not in result.stderr
    assert not soak.LEAK_SHAPES.search(result.stderr)


def soak_and_compare(model: Path, tmp_path: Path, n: int, big_lines: int) -> List[soak.SoakResult]:
    small = soak.run_soak(model, n, tmp_path / "small", big_lines=big_lines)
    large = soak.run_soak(model, 4 * n, tmp_path / "large", big_lines=big_lines)
    for result in (small, large):
        assert_clean_run(result)
    assert large.peak_rss_mb <= small.peak_rss_mb * RSS_FACTOR + RSS_MARGIN_MB, (
        small.peak_rss_mb,
        large.peak_rss_mb,
    )
    return [small, large]


def test_soak_4000_lines(pii_model_path: Path, tmp_path: Path) -> None:
    soak_and_compare(pii_model_path, tmp_path, 1_000, big_lines=1)


@pytest.mark.slow
def test_soak_100000_lines(pii_model_path: Path, tmp_path: Path) -> None:
    small, large = soak_and_compare(pii_model_path, tmp_path, 25_000, big_lines=2)
    assert large.input_bytes > 10_000_000


def test_generator_is_deterministic_and_valid() -> None:
    from spacy_pii.detectors import card_brand_ok, iban_valid, luhn_valid

    first = list(soak.generate(300, seed=3, big_lines=0))
    assert first == list(soak.generate(300, seed=3, big_lines=0))
    assert first[-1].data[-1:] != b"\n" or first[-1].ident is None  # last line: no newline
    assert {line.ident for line in first if line.ident} == {b"L%07d" % i for i, line in enumerate(first) if line.ident}
    for n in (0, 1, 12345, 999_999):
        card = soak.card_for(n)
        assert luhn_valid(card) and card_brand_ok(card)
        assert iban_valid(soak.iban_for(n))
    raw = b"".join(line.data for line in first)
    for piece in (b"\x00", b"\xff", b"\r\n", b'{"id"', b"Jane Doe", b"AKIA"):
        assert piece in raw


# --- memory stays flat in one process -----------------------------------------------------


def unique_lines(start: int, n: int) -> List[str]:
    """Lines whose e-mail user part (`u<i>x`) appears nowhere else in them."""
    return [
        f"req{i} from u{i}x@ex{i}.com at 10.{i % 250}.{i // 250 % 250}.7 tok{i}abc id-{i:09d}"
        for i in range(start, start + n)
    ]


def test_stream_vocab_does_not_grow(pii_nlp: Any) -> None:
    """Every batch runs in a memory zone: new tokens leave the StringStore afterwards."""
    redact = nlp_redact_fn(pii_nlp)
    redact(unique_lines(0, 64))  # warm up: labels and the like are added once for good
    before = len(pii_nlp.vocab.strings)
    for batch in range(20):
        lines = unique_lines(1_000 + batch * 64, 64)
        for line, (text, _) in zip(lines, redact(lines)):
            assert line.split()[2] not in text and "[EMAIL_ADDRESS]" in text
    assert len(pii_nlp.vocab.strings) == before


def test_redact_api_vocab_does_not_grow(pii_nlp: Any) -> None:
    api.redact("warm up Jane Doe u1@ex.com", nlp=pii_nlp)
    api.redact("warm up Jane Doe u1@ex.com", nlp=pii_nlp, operator="mask")
    before = len(pii_nlp.vocab.strings)
    for text in unique_lines(50_000, 300):
        user = text.split()[2].split("@")[0]
        assert user not in api.redact(text, nlp=pii_nlp)
        assert user not in api.redact(text, nlp=pii_nlp, operator="mask")
    assert len(pii_nlp.vocab.strings) == before

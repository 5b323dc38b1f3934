"""Tests for spacy_pii.benchmark.model and `spacy-pii benchmark`, on a tiny pipeline with tiny sizes.

Figures are checked for shape and sanity only, never against a speed.
"""
import dataclasses
import json
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from spacy_pii.benchmark.model import (
    BenchmarkReport,
    BenchmarkSettings,
    RunResult,
    _child_main,
    child_env,
    disk_size,
    log_lines,
    markdown_table,
    measure_loaded,
    percentiles,
    resolve_model,
    run_benchmark,
    summary_rows,
    support_utterances,
    wordpieces_per_text,
)
from spacy_pii.cli import app
from spacy_pii.cli.benchmark import parse_threads
from spacy_pii.errors import SpacyPIIError

try:
    from spacy_pii.pipeline import redactor as _redactor

    HAS_REDACTOR = callable(getattr(_redactor, "make_pii_redactor", None))
except ImportError:
    HAS_REDACTOR = False

TINY = BenchmarkSettings(n_latency=5, n_lines=20, batch_size=8, warmup=2, seed=0)


def tiny_nlp() -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([  # type: ignore[attr-defined]
        {"label": "EMAIL_ADDRESS", "pattern": [{"LIKE_EMAIL": True}]},
        {"label": "IP_ADDRESS", "pattern": [{"TEXT": {"REGEX": r"^\d+\.\d+\.\d+\.\d+$"}}]},
    ])
    if HAS_REDACTOR:
        # Explicit labels: with labels=None (all) the component's `labels` is None, which
        # `nlp.meta` (so `to_disk`) cannot list.
        nlp.add_pipe("pii_redactor", config={"labels": ["EMAIL_ADDRESS", "IP_ADDRESS"]})
    return nlp


@pytest.fixture(scope="module")
def tiny_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny"
    tiny_nlp().to_disk(path)
    return path


@pytest.fixture(scope="module")
def report(tiny_path: Path) -> BenchmarkReport:
    """One measuring process: the tiny pipeline, one thread."""
    messages: List[str] = []
    rep = run_benchmark(str(tiny_path), threads=[1], settings=TINY, timeout=1800,
                        on_progress=messages.append)
    assert any("1 thread" in m for m in messages)
    return rep


# --- texts ----------------------------------------------------------------------------------


def test_texts_are_deterministic_and_seeded() -> None:
    assert support_utterances(30, seed=1) == support_utterances(30, seed=1)
    assert log_lines(30, seed=1) == log_lines(30, seed=1)
    assert support_utterances(30, seed=1) != support_utterances(30, seed=2)
    assert log_lines(30, seed=1) != log_lines(30, seed=2)
    assert len(support_utterances(7)) == 7 and len(log_lines(7)) == 7


def test_text_sizes_match_the_issue() -> None:
    make_doc = spacy.blank("en").make_doc
    utterances = support_utterances(200)
    tokens = sum(len(make_doc(t)) for t in utterances) / len(utterances)
    assert 15 <= tokens <= 25
    lines = log_lines(300)
    chars = sum(len(t) for t in lines) / len(lines)
    assert 150 <= chars <= 190


def test_texts_carry_pii_shapes() -> None:
    utterances = " ".join(support_utterances(100))
    assert re.search(r"[\w.]+@[\w.]*example\.\w+", utterances)
    assert "555" in utterances
    lines = "\n".join(log_lines(100))
    assert re.search(r"\b(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+", lines)
    assert re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", lines)
    assert re.search(r"2024-03-\d\dT\d\d:\d\d:\d\d", lines)
    for kind in (' HTTP/1.1" ', '{"ts":', " level="):  # nginx, JSON, logfmt
        assert kind in lines


# --- small pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values,expected",
    [
        ([5.0], {"p50": 5.0, "p95": 5.0, "p99": 5.0}),
        ([1.0, 2.0, 3.0, 4.0, 5.0], {"p50": 3.0, "p95": 4.8, "p99": 4.96}),
        ([4.0, 1.0, 3.0, 2.0], {"p50": 2.5, "p95": 3.85, "p99": 3.97}),
    ],
)
def test_percentiles(values: List[float], expected: Dict[str, float]) -> None:
    got = percentiles(values)
    for key, value in expected.items():
        assert got[key] == pytest.approx(value)
    assert got["mean"] == pytest.approx(sum(values) / len(values))


def test_percentiles_of_nothing() -> None:
    with pytest.raises(ValueError):
        percentiles([])


@pytest.mark.parametrize(
    "value,expected",
    [("1,2", [1, 2]), ("2", [2]), (" 1 , 4 ,", [1, 4]), ("2,2,1", [2, 1])],
)
def test_parse_threads(value: str, expected: List[int]) -> None:
    assert parse_threads(value) == expected


@pytest.mark.parametrize("value", ["", "0", "1,-2", "two", "1;2"])
def test_parse_threads_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        parse_threads(value)


def test_child_env_limits_threads_and_hub() -> None:
    env = child_env(2, base={"PATH": "/bin", "OMP_NUM_THREADS": "8"})
    assert env["OMP_NUM_THREADS"] == "2" and env["MKL_NUM_THREADS"] == "2"
    assert env["HF_HUB_OFFLINE"] == "1" and env["TRANSFORMERS_OFFLINE"] == "1"
    assert env["PATH"] == "/bin"


def test_resolve_model(tiny_path: Path, tmp_path: Path) -> None:
    loc = resolve_model(str(tiny_path))
    assert loc.kind == "directory" and loc.path == tiny_path.resolve()
    with pytest.raises(SpacyPIIError, match=r"\[E200\]"):
        resolve_model(str(tmp_path / "nowhere"))
    with pytest.raises(SpacyPIIError, match=r"\[E200\]"):
        resolve_model("no_such_pipeline_package_xyz")


def test_resolve_installed_package() -> None:
    # Any installed package resolves to its directory, as a pipeline package would.
    loc = resolve_model("typer")
    assert loc.kind == "package"
    assert (loc.path / "__init__.py").exists()


def test_disk_size(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 10)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 5)
    assert disk_size(tmp_path) == 15
    assert disk_size(tmp_path / "a") == 10


class _StubTokenizer:
    def __call__(self, text: str, add_special_tokens: bool = True) -> Dict[str, List[int]]:
        ids = [1] * len(text.split())
        return {"input_ids": ([101] + ids + [102]) if add_special_tokens else ids}


class _StubModel:
    tokenizer = _StubTokenizer()


class _StubTransformer:
    model = _StubModel()

    def __call__(self, doc: Any) -> Any:
        return doc


@Language.factory("spacy_pii_test_stub_transformer")
def _make_stub_transformer(nlp: Language, name: str) -> _StubTransformer:
    return _StubTransformer()


def test_wordpieces_per_text() -> None:
    nlp = spacy.blank("en")
    assert wordpieces_per_text(nlp, ["a b c"]) is None
    nlp.add_pipe("spacy_pii_test_stub_transformer", name="transformer")
    assert wordpieces_per_text(nlp, ["a b c", "d"]) == pytest.approx(2.0)
    assert wordpieces_per_text(nlp, []) is None


def test_measure_loaded_in_process() -> None:
    result = measure_loaded(tiny_nlp(), TINY, model="tiny", threads=1)
    assert result.n_latency == 5 and result.n_lines == 20
    lat = result.latency_ms
    assert 0 < lat["p50"] <= lat["p95"] <= lat["p99"]
    assert result.lines_per_s > 0 and result.words_per_s > result.lines_per_s
    assert result.wordpieces_per_line is None
    assert "entity_ruler" in result.pipe_names


# --- in fresh processes ---------------------------------------------------------------------


def test_run_benchmark_structure(report: BenchmarkReport, tiny_path: Path) -> None:
    assert report.threads == [1]
    assert [m.label for m in report.models] == ["tiny"]
    model = report.models[0]
    assert model.location.kind == "directory"
    assert model.size_bytes > 0
    assert len(model.runs) == 1
    run = model.runs[0]
    assert isinstance(run, RunResult)
    assert run.threads == 1 and run.model == str(tiny_path.resolve())
    assert run.n_latency == TINY.n_latency and run.n_lines == TINY.n_lines
    assert run.batch_size == TINY.batch_size


def test_run_benchmark_sanity(report: BenchmarkReport) -> None:
    run = report.models[0].runs[0]
    lat = run.latency_ms
    assert 0 < lat["p50"] <= lat["p95"] <= lat["p99"]
    assert lat["mean"] > 0
    assert run.lines_per_s > 0 and run.words_per_s > 0
    assert run.peak_rss_mb >= run.load_rss_mb > 0
    assert run.load_s > 0 and run.import_s > 0
    assert 15 <= run.tokens_per_utterance <= 25
    assert run.chars_per_line > 100 and run.words_per_line > 1
    assert run.wordpieces_per_line is None


def test_report_to_dict_is_json(report: BenchmarkReport) -> None:
    data = json.loads(json.dumps(report.to_dict()))
    assert data["settings"]["n_latency"] == TINY.n_latency
    assert data["models"][0]["size_mb"] > 0
    assert data["models"][0]["runs"][0]["latency_ms"]["p99"] > 0
    assert data["environment"]["versions"]["spacy"] == spacy.__version__
    metrics = [row["metric"] for row in data["summary"]]
    assert "Peak RSS (MB)" in metrics


def _two_models(report: BenchmarkReport) -> BenchmarkReport:
    """The one measured model twice, as fp32 and a half-size, twice-as-fast int8."""
    fp32 = dataclasses.replace(report.models[0], label="fp32")
    run = fp32.runs[0]
    fast = dataclasses.replace(
        run, lines_per_s=run.lines_per_s * 2, words_per_s=run.words_per_s * 2,
        latency_ms={k: v / 2 for k, v in run.latency_ms.items()},
    )
    int8 = dataclasses.replace(fp32, label="int8", size_bytes=fp32.size_bytes // 2, runs=[fast])
    return dataclasses.replace(report, models=[fp32, int8])


def test_summary_rows_ratio(report: BenchmarkReport) -> None:
    rows = {name: (values, ratio) for name, values, ratio, _ in summary_rows(_two_models(report))}
    assert rows["Throughput, 1 thread (lines/s)"][1] == pytest.approx(2.0)
    assert rows["Latency p50, batch 1, 1 thread (ms)"][1] == pytest.approx(0.5)
    assert rows["Size on disk (MB)"][1] == pytest.approx(0.5, rel=1e-3)
    assert rows["Cold load, spacy.load (s)"][1] == pytest.approx(1.0)


def test_markdown_table(report: BenchmarkReport) -> None:
    table = markdown_table(_two_models(report))
    lines = table.splitlines()
    assert lines[0] == "| Metric | fp32 | int8 | int8/fp32 |"
    assert lines[1] == "|:---|---:|---:|---:|"
    assert any(line.startswith("| Throughput, 1 thread (lines/s) |") and line.endswith("| 2.00× |")
               for line in lines)
    single = markdown_table(report).splitlines()
    assert single[0] == "| Metric | tiny |"


def test_failed_load_is_reported(tmp_path: Path) -> None:
    # The measuring process's own entry point, run in this process to save a process start.
    (tmp_path / "not_a_pipeline").mkdir()
    result_path = tmp_path / "result.json"
    args = {"model": str(tmp_path / "not_a_pipeline"), "threads": 1,
            "settings": dataclasses.asdict(TINY), "result_path": str(result_path)}
    assert _child_main([json.dumps(args)]) == 1
    record = json.loads(result_path.read_text())
    assert record["ok"] is False
    assert record["stage"].startswith("loading the pipeline")
    assert record["exc_type"] == "OSError" and record["message"]


# --- CLI ------------------------------------------------------------------------------------

EXPECTED_ROWS = [
    "Size on disk (MB)",
    "Cold load, spacy.load (s)",
    "Peak RSS (MB)",
    "Latency p50, batch 1, 1 thread (ms)",
    "Latency p95, batch 1, 1 thread (ms)",
    "Latency p99, batch 1, 1 thread (ms)",
    "Throughput, 1 thread (lines/s)",
    "Throughput, 1 thread (words/s)",
]


def test_cli_markdown(tiny_path: Path, tmp_path: Path) -> None:
    # One model, to keep to one measuring process; the fp32/int8 columns are checked above.
    out = tmp_path / "results.json"
    result = CliRunner().invoke(app, [
        "benchmark", "--model", str(tiny_path), "--n-latency", "5",
        "--n-lines", "20", "--batch-size", "8", "--warmup", "2", "--threads", "1",
        "--markdown", "--output", str(out), "--timeout", "1800", "--workers", "",
    ])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "| Metric | tiny |"
    assert lines[1] == "|:---|---:|"
    rows = [line.split(" | ")[0].lstrip("| ") for line in lines[2:] if line.startswith("| ")]
    assert rows == EXPECTED_ROWS
    for line in lines[2:2 + len(EXPECTED_ROWS)]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) == 2 and float(cells[1].replace(",", "")) >= 0
    # Progress went to stderr, not into the table.
    assert "thread(s) done" in result.stderr and "thread(s) done" not in result.stdout
    data = json.loads(out.read_text())
    assert [m["label"] for m in data["models"]] == ["tiny"]
    assert [row["metric"] for row in data["summary"]] == EXPECTED_ROWS


@pytest.mark.parametrize(
    "args,code",
    [
        (["--threads", "0"], 2),
        (["--threads", "a,b"], 2),
        (["--n-lines", "0"], 2),
        (["--model", "no_such_pipeline_package_xyz"], 3),
    ],
)
def test_cli_bad_options(args: List[str], code: int, tiny_path: Path) -> None:
    base = ["benchmark", "--model", str(tiny_path)]
    result = CliRunner().invoke(app, base + args)
    assert result.exit_code == code
    assert result.stdout == ""
    assert re.search(r"\[E3\d\d\]|\[E200\]", result.stderr)


def test_redact_end_to_end_figures(pii_model_path: Path) -> None:
    """`spacy-pii redact` as a user runs it: every line out, first-line time and RSS per process."""
    import sys

    from spacy_pii.benchmark.stream import StreamReport, measure_redact, stream_markdown

    lines = log_lines(40)
    runs = [measure_redact(sys.executable, str(pii_model_path), w, lines) for w in (1, 2)]
    for run in runs:
        assert run.lines == 40 and 0 < run.first_line_s <= run.wall_s
        assert run.lines_per_s > 0 and run.rss_mb["main"] > 0
    assert len(runs[1].rss_mb) >= 3  # the command and its two workers (and a resource tracker)
    table = stream_markdown(StreamReport(40, 170.0, runs, None))
    assert "| --workers 2 |" in table and "Presidio: not measured" in table

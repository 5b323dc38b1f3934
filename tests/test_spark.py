"""spacy_pii.spark and `spacy-pii spark-redact` on a local[2] Spark, with the test pipeline.

One SparkSession for the module (a JVM start takes seconds); the CLI runs in-process with
CliRunner and reuses it (it stops only a session it created itself).
"""
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest
import spacy

pytestmark = pytest.mark.spark

_MISSING = [m for m in ("pyspark", "pyarrow", "pandas") if importlib.util.find_spec(m) is None]
if _MISSING:
    pytest.skip(
        f"Spark tests need the [spark] extra ({', '.join(_MISSING)} not importable): "
        "pip install -c constraints.txt -e '.[spark]'",
        allow_module_level=True,
    )
if shutil.which("java") is None:
    pytest.skip("Spark tests need a Java runtime (17+): `java` is not on PATH", allow_module_level=True)

import pandas as pd  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from spacy_pii.cli import app  # noqa: E402
from spacy_pii.errors import SpacyPIIError  # noqa: E402
from spacy_pii.operators.core import KEY_ENV, RedactionPolicy  # noqa: E402
from spacy_pii.operators.restore import restore_text  # noqa: E402
from spacy_pii.spark import SHIPPED_PREFIX, redact_column, redact_udf  # noqa: E402

KEY = b"test-key-not-a-secret"

_TEMPLATES = [
    "Jane Doe wrote from jane.doe@example.com about order {i}",
    "2024-03-0{d} ERROR login failed user=alice ip=192.0.2.{d}{i} request {i}",
    "Call John Smith on +1 212-555-01{i2} before Friday",
    "Zoë Müller in 東京 paid with 4111 1111 1111 1111 🙂 (ticket {i})",
    "nothing personal in line {i}: the build passed",
    "Acme Corp and Globex met in Paris; contact: ops{i}@example.org",
    "chat> hi, I'm alice from New York\n  my number is (212) 555-01{i2}",
    "  Señor John Smith — café №{i}, IBAN DE89 3704 0044 0532 0130 00  ",
]


def _texts(n: int) -> List[Optional[str]]:
    out: List[Optional[str]] = []
    for i in range(n):
        if i % 23 == 5:
            out.append(None)
        elif i % 41 == 7:
            out.append("")
        else:
            t = _TEMPLATES[i % len(_TEMPLATES)]
            out.append(t.format(i=i, d=i % 9 + 1, i2=f"{i % 100:02d}"))
    return out


TEXTS = _texts(320)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("spacy-pii tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.executorEnv.HF_HUB_OFFLINE", "1")
        .config("spark.executorEnv.TRANSFORMERS_OFFLINE", "1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="module")
def texts_df(spark: Any) -> Any:
    rows = [(i, t) for i, t in enumerate(TEXTS)]
    return spark.createDataFrame(rows, "id long, text string").repartition(4)


def _expected(nlp: Any, texts: List[Optional[str]], policy: Optional[RedactionPolicy] = None) -> List[Optional[str]]:
    """Single-process `nlp.pipe` output, None for None."""
    if policy is not None:
        nlp.get_pipe("pii_redactor").policy = policy
    present = [t for t in texts if t is not None]
    redacted = iter([doc._.redacted for doc in nlp.pipe(present, batch_size=32)])
    return [None if t is None else next(redacted) for t in texts]


@pytest.mark.parametrize("ship_model", [False, True], ids=["path", "shipped"])
def test_redact_column_matches_nlp_pipe(
    spark: Any, texts_df: Any, pii_model_path: Path, tmp_path: Path, ship_model: bool
) -> None:
    from pyspark import SparkFiles

    model = pii_model_path
    if ship_model:
        model = tmp_path / "driver_only_model"
        shutil.copytree(pii_model_path, model)
    out = redact_column(texts_df, "text", "redacted", model=str(model), ship_model=ship_model, batch_size=16)
    if ship_model:
        # Workers can only get the pipeline through SparkFiles now.
        shutil.rmtree(model)
    assert out.columns == ["id", "text", "redacted"]
    assert out.rdd.getNumPartitions() == 4
    rows = out.orderBy("id").collect()
    assert [r["text"] for r in rows] == TEXTS
    got = [r["redacted"] for r in rows]
    expected = _expected(spacy.load(pii_model_path), TEXTS)
    assert got == expected
    assert got.count(None) == TEXTS.count(None) > 0
    assert any("[PERSON]" in (g or "") for g in got) and any("東京" in (g or "") for g in got)
    unpacked = list(Path(SparkFiles.getRootDirectory()).glob(f"{SHIPPED_PREFIX}*.d"))
    if ship_model:
        assert unpacked and all((d / "config.cfg").is_file() for d in unpacked)


def test_spans_column_matches_pii_matches(spark: Any, texts_df: Any, pii_model_path: Path, pii_nlp: Any) -> None:
    out = redact_column(texts_df, "text", "redacted", spans_col="pii_spans", model=str(pii_model_path))
    assert out.columns == ["id", "text", "redacted", "pii_spans"]
    assert out.schema["pii_spans"].dataType.simpleString() == (
        "array<struct<label:string,start:int,end:int,score:double>>"
    )
    rows = out.orderBy("id").collect()
    for row, text in zip(rows, TEXTS):
        if text is None:
            assert row["pii_spans"] is None and row["redacted"] is None
            continue
        doc = pii_nlp(text)
        expected = [(m[2], m[0], m[1], float(m[4])) for m in doc._.pii_matches]
        assert [(s["label"], s["start"], s["end"], s["score"]) for s in row["pii_spans"]] == expected
        assert row["redacted"] == doc._.redacted


# The person's replacement in "Ticket N: Jane Doe wrote from ...", per operator.
_PERSON_OUT = {
    "hash": r"\[PERSON:[0-9a-f]+\]",
    "pseudonym": r"<PERSON_[0-9a-f]{8}>",
    "encrypt": r"\[PERSON:enc\.[A-Za-z0-9_-]+\]",
    "surrogate": r"(?<=: )[^:]+?(?= wrote)",
}


@pytest.mark.parametrize(
    "operator,via", [("hash", "key"), ("pseudonym", "key_file"), ("encrypt", "key_file"), ("surrogate", "key")]
)
def test_keyed_operators_consistent_across_partitions(
    spark: Any, pii_model_path: Path, tmp_path: Path, operator: str, via: str
) -> None:
    from pyspark.sql import functions as F

    texts = [f"Ticket {i}: Jane Doe wrote from jane.doe@example.com" for i in range(48)]
    df = spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(4)
    options: Dict[str, Any] = {"key": KEY}
    if via == "key_file":
        key_path = tmp_path / "pii.key"
        key_path.write_bytes(KEY + b"\n")
        options = {"key_file": str(key_path)}
    out = redact_column(df, "text", "redacted", model=str(pii_model_path), operator=operator, **options)
    rows = out.withColumn("part", F.spark_partition_id()).orderBy("id").collect()
    assert len({r["part"] for r in rows}) >= 2, "the rows should be spread over partitions"
    persons = {m for r in rows for m in re.findall(_PERSON_OUT[operator], r["redacted"])}
    assert len(persons) == 1, persons
    expected = _expected(spacy.load(pii_model_path), list(texts), RedactionPolicy(operator=operator, key=KEY))
    assert [r["redacted"] for r in rows] == expected
    other_key = b"other-key-not-a-secret"
    other = _expected(spacy.load(pii_model_path), texts[:1], RedactionPolicy(operator=operator, key=other_key))
    assert other[0] != expected[0]
    if operator == "encrypt":
        assert [restore_text(r["redacted"], KEY) for r in rows] == texts


def test_options_fail_on_the_driver(spark: Any, texts_df: Any, pii_model_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(SpacyPIIError, match=r"\[E101\]"):
        redact_udf(str(pii_model_path), operator="hash")
    with pytest.raises(SpacyPIIError, match=r"\[E100\]"):
        redact_udf(str(pii_model_path), operator="blur")
    with pytest.raises(ValueError, match=r"\[E001\]"):  # check_labels raises ValueError
        redact_udf(str(pii_model_path), labels=["NOT_A_LABEL"])
    with pytest.raises(SpacyPIIError, match=r"\[E404\]"):
        redact_udf(str(pii_model_path), key=KEY, key_file="k")
    with pytest.raises(SpacyPIIError, match=r"\[E405\]"):
        redact_column(texts_df, "body", model=str(pii_model_path))
    with pytest.raises(SpacyPIIError, match=r"\[E406\]"):
        redact_column(texts_df, "id", model=str(pii_model_path))
    with pytest.raises(SpacyPIIError, match=r"\[E401\]"):
        redact_udf("en_core_web_sm", ship_model=True)


def test_udf_in_select_with_labels(spark: Any, texts_df: Any, pii_model_path: Path, pii_nlp: Any) -> None:
    from pyspark.sql import functions as F

    udf = redact_udf(str(pii_model_path), labels=["EMAIL_ADDRESS"], threads=1)
    rows = texts_df.select("id", udf(F.col("text")).alias("r")).orderBy("id").collect()
    policy = RedactionPolicy()
    for row, text in zip(rows, TEXTS):
        if text is None:
            assert row["r"] is None
            continue
        matches = [m for m in pii_nlp(text)._.pii_matches if m[2] == "EMAIL_ADDRESS"]
        assert row["r"] == policy.apply(text, [(m[0], m[1], m[2]) for m in matches])


def _cli(args: List[str]) -> Any:
    result = CliRunner().invoke(app, ["spark-redact", *args])
    return result


def test_cli_parquet_keeps_columns_and_order(spark: Any, pii_model_path: Path, pii_nlp: Any, tmp_path: Path) -> None:
    n = 150
    texts = TEXTS[:n]
    ids = list(range(n))[::-1]  # descending: the order to keep is the file's, not sorted
    frame = pd.DataFrame({
        "id": ids,
        "user": [f"u{i:03d}" for i in ids],
        "text": texts,
        "score": [i / 7 for i in ids],
    })
    src = tmp_path / "in.parquet"
    frame.to_parquet(src, index=False)
    dst = tmp_path / "out"
    result = _cli([str(src), str(dst), "--column", "text", "--model", str(pii_model_path),
                   "--partitions", "3", "--master", "local[2]"])
    assert result.exit_code == 0, result.output
    assert f"{n} rows redacted" in result.stderr and "rows/s" in result.stderr
    back = pd.read_parquet(dst)
    assert list(back.columns) == ["id", "user", "text", "score"]
    assert back["id"].tolist() == ids
    assert back["user"].tolist() == frame["user"].tolist()
    assert back["score"].tolist() == frame["score"].tolist()
    got = [None if pd.isna(t) else t for t in back["text"].tolist()]
    assert got == _expected(pii_nlp, texts)
    # OUT exists now: refused without --overwrite, before any job.
    again = _cli([str(src), str(dst), "--column", "text", "--model", str(pii_model_path)])
    assert again.exit_code == 2 and "[E410]" in again.stderr


def test_cli_csv_keeps_columns_and_order(spark: Any, pii_model_path: Path, pii_nlp: Any, tmp_path: Path) -> None:
    texts = [t for t in TEXTS[:60] if t] + ['He said "call Jane Doe, now", then left', "a,b,c Paris"]
    frame = pd.DataFrame({"ts": [f"t{i}" for i in range(len(texts))], "text": texts, "channel": ["chat"] * len(texts)})
    src = tmp_path / "in.csv"
    frame.to_csv(src, index=False)
    dst = tmp_path / "out_csv"
    result = _cli([str(src), str(dst), "--column", "text", "--output-column", "redacted",
                   "--model", str(pii_model_path), "--partitions", "2"])
    assert result.exit_code == 0, result.output
    parts = sorted(dst.glob("part-*.csv"))
    back = pd.concat([pd.read_csv(p, keep_default_na=False, dtype=str) for p in parts], ignore_index=True)
    assert list(back.columns) == ["ts", "text", "channel", "redacted"]
    assert back["ts"].tolist() == frame["ts"].tolist()
    assert back["text"].tolist() == texts
    assert back["redacted"].tolist() == _expected(pii_nlp, list(texts))


def test_cli_usage_errors(spark: Any, pii_model_path: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.parquet"
    pd.DataFrame({"body": ["x"]}).to_parquet(src, index=False)
    missing_col = _cli([str(src), str(tmp_path / "o1"), "--column", "text", "--model", str(pii_model_path)])
    assert missing_col.exit_code == 2 and "[E405]" in missing_col.stderr
    bad_format = _cli([str(src), str(tmp_path / "o2"), "--format", "avro", "--model", str(pii_model_path)])
    assert bad_format.exit_code == 2 and "[E409]" in bad_format.stderr
    no_model = _cli([str(src), str(tmp_path / "o3"), "--column", "body", "--model", str(tmp_path / "nope")])
    assert no_model.exit_code == 3 and "[E200]" in no_model.stderr


@pytest.mark.parametrize("how", ["module", "script"])
def test_module_entry_point_help(how: str, tmp_path: Path) -> None:
    """`python -m spacy_pii.spark`, and the file spark-submit runs as a script (from another
    folder, as spark-submit does): the same command, no sys.path workaround needed."""
    import spacy_pii.spark.__main__ as entry

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    args = ["-m", "spacy_pii.spark"] if how == "module" else [entry.__file__]
    proc = subprocess.run([sys.executable, *args, "--help"], capture_output=True, text=True, env=env,
                          timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "--column" in proc.stdout and "--partitions" in proc.stdout


# --- one policy rule: spacy.load, the redact CLI and Spark redact a text the same way ------

ONE_TEXT = "Jane Doe wrote from jane.doe@example.com; Acme Corp paid, ops1@example.org was told"


def test_three_entry_points_redact_one_text_the_same(spark: Any, tmp_path: Path) -> None:
    """A model whose pii_redactor config says mask, two labels and an allow-list: the
    component itself, `spacy-pii redact` and `spark-redact`'s redact_column all follow it."""
    from conftest import build_test_pipeline

    from spacy_pii.cli import app as cli_app

    nlp = build_test_pipeline()
    nlp.remove_pipe("pii_redactor")
    nlp.add_pipe(
        "pii_redactor",
        config={"operator": "mask", "labels": ["PERSON", "EMAIL_ADDRESS"], "allow_list": ["ops1@example.org"]},
    )
    path = tmp_path / "configured_model"
    nlp.to_disk(path)
    loaded = spacy.load(path)(ONE_TEXT)._.redacted
    assert loaded != ONE_TEXT and "Jane" not in loaded and "Acme" in loaded and "ops1@example.org" in loaded
    cli = CliRunner().invoke(cli_app, ["redact", "--model", str(path)], input=ONE_TEXT + "\n")
    assert cli.exit_code == 0, cli.stderr
    df = spark.createDataFrame(pd.DataFrame({"text": [ONE_TEXT]}))
    on_spark = redact_column(df, "text", "redacted", model=str(path)).toPandas()["redacted"].tolist()
    assert [loaded] == [cli.stdout.rstrip("\n")] == on_spark

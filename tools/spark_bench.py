"""Rows/s of one process (`nlp.pipe`) against Spark local[N] (`redact_column`, and the CLI).

    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python tests/spark_bench.py \
        --n 2000 --master 'local[2]' [--model PATH_OR_PACKAGE ...] [--cli]

With no --model, the small test pipeline (tests/conftest.py: entity_ruler + pii_redactor)
is saved to a temporary directory and used; add `--model en_pii` when it is installed.
The texts are half support-chat utterances and half log lines (spacy_pii.benchmark.model's
generators, fixed seed). Prints a Markdown table on stdout; progress on stderr.

What is timed, for each model:
- 1 process: `nlp.pipe(texts, batch_size=64)` after a warm-up batch, torch at 1 thread;
  "RSS" is that process's peak RSS (what one executor core needs for the pipeline);
- Spark cold: the first job after the session started (Python workers start, import
  spaCy and load the model: what a short job pays); Spark warm: the same job again
  (workers and model cached). The job is `redact_column` + a `noop` write, which forces
  every row through the UDF. The session start itself is reported apart.
- with --cli: `spacy-pii spark-redact` on a parquet file of the texts in a fresh process,
  its own rows/s line (cold workers, redaction only) and its wall time (JVM start included).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def make_texts(n: int) -> List[str]:
    from spacy_pii.benchmark.model import log_lines, support_utterances

    half = n // 2
    chat, logs = support_utterances(n - half, seed=7), log_lines(half, seed=7)
    return [t for pair in zip(chat, logs) for t in pair] + chat[len(logs):]


def one_process(model: str, texts: List[str], batch_size: int) -> Dict[str, float]:
    """In a child process, so RSS and thread settings belong to this model alone."""
    code = f"""
import json, resource, sys, time
import spacy, spacy_pii
try:
    import torch; torch.set_num_threads(1)
except ImportError:
    pass
texts = json.load(open(sys.argv[1]))
nlp = spacy.load({model!r})
for _ in nlp.pipe(texts[:{batch_size}], batch_size={batch_size}):
    pass
start = time.perf_counter()
n = sum(1 for _ in nlp.pipe(texts, batch_size={batch_size}))
secs = time.perf_counter() - start
print(json.dumps({{"rows": n, "secs": secs, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    import json

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(texts, f)
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    out = subprocess.run([sys.executable, "-c", code, f.name], capture_output=True, text=True, env=env, check=True)
    os.unlink(f.name)
    result: Dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def spark_runs(spark: Any, model: str, texts: List[str], partitions: int, batch_size: int) -> List[float]:
    from spacy_pii.spark import redact_column

    df = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string")
    df = df.repartition(partitions).cache()
    df.count()  # the input in memory: time the redaction, not the Python -> JVM transfer
    times = []
    for _ in range(2):
        out = redact_column(df, "text", "redacted", model=model, batch_size=batch_size)
        start = time.perf_counter()
        out.write.format("noop").mode("overwrite").save()
        times.append(time.perf_counter() - start)
    df.unpersist()
    return times


def cli_run(model: str, texts: List[str], master: str, partitions: int, tmp: Path) -> Dict[str, float]:
    import pandas as pd

    src = tmp / "bench.parquet"
    pd.DataFrame({"id": range(len(texts)), "text": texts}).to_parquet(src, index=False)
    dst = tmp / "bench_out"
    shutil.rmtree(dst, ignore_errors=True)
    cmd = [sys.executable, "-m", "spacy_pii.cli", "spark-redact", str(src), str(dst), "--column", "text",
           "--model", model, "--master", master, "--partitions", str(partitions)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"CLI failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    found = re.search(r"redacted in ([\d.]+) s \(([\d.e+-]+) rows/s\)", proc.stderr)
    assert found, proc.stderr[-2000:]
    return {"secs": float(found.group(1)), "rate": float(found.group(2)), "wall": wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", action="append", help="package name or directory (repeatable)")
    parser.add_argument("--cli", action="store_true", help="also time `spacy-pii spark-redact`")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    tmp = Path(tempfile.mkdtemp(prefix="spacy_pii_bench_"))
    models: List[str] = list(args.model or [])
    if not models:
        from conftest import build_test_pipeline

        build_test_pipeline().to_disk(tmp / "test_pipeline")
        models = [str(tmp / "test_pipeline")]
    texts = make_texts(args.n)
    log(f"{len(texts)} texts, mean {sum(map(len, texts)) / len(texts):.0f} chars")

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    start = time.perf_counter()
    spark = (
        SparkSession.builder.master(args.master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(args.partitions))
        .config("spark.executorEnv.OMP_NUM_THREADS", "1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    session_s = time.perf_counter() - start
    log(f"SparkSession {args.master}: {session_s:.1f} s")

    rows: List[str] = []
    for model in models:
        name = Path(model).name if os.sep in model else model
        log(f"{name}: 1 process")
        single = one_process(model, texts, args.batch_size)
        log(f"{name}: Spark {args.master}")
        cold, warm = spark_runs(spark, model, texts, args.partitions, args.batch_size)
        cli: Optional[Dict[str, float]] = None
        if args.cli:
            log(f"{name}: CLI")
            cli = cli_run(model, texts, args.master, args.partitions, tmp)
        n = len(texts)
        cells = [
            name, str(n), f"{single['rss_mb']:.0f}", f"{n / single['secs']:.0f}",
            f"{n / cold:.0f} ({cold:.1f} s)", f"{n / warm:.0f} ({warm:.1f} s)",
        ]
        if args.cli:
            assert cli is not None
            cells.append(f"{cli['rate']:.0f} ({cli['wall']:.0f} s wall)")
        rows.append("| " + " | ".join(cells) + " |")
    spark.stop()
    shutil.rmtree(tmp, ignore_errors=True)

    header = ["model", "rows", "RSS MB (1 proc)", "1 process rows/s", f"{args.master} cold rows/s",
              f"{args.master} warm rows/s"]
    if args.cli:
        header.append("CLI rows/s")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] * len(header)) + "|")
    print("\n".join(rows))
    print(f"\nSparkSession start ({args.master}): {session_s:.1f} s; {args.partitions} partitions; "
          f"batch size {args.batch_size}; torch 1 thread per task; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()

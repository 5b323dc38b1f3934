"""Speed and footprint of a pipeline, and of an int8 build beside its fp32 original.

What is measured, for each model and each torch thread setting, in a fresh Python process
(so that load time and peak RSS belong to that model alone):

- *latency*: `nlp(text)` one text at a time on short support-chat utterances (~20 spaCy
  tokens, with a name, phone number or e-mail address), p50/p95/p99 in ms;
- *throughput*: `nlp.pipe(lines, batch_size=...)` on log lines (~170 characters: nginx,
  JSON and logfmt lines with IPs, e-mails, timestamps, UUIDs), in lines/s and words/s
  (words are spaCy tokens, counted outside the timed loop);
- *cold load*: the `spacy.load` call in that fresh process, in s;
- *peak RSS*: `ru_maxrss` of the process at the end, in MB;
- the average number of wordpieces per log line, when the pipeline has a transformer.

The size on disk (MB) of the package or pipeline directory is measured once per model.

The texts are generated here from small hand-written templates with a seeded
`random.Random`, so every run and every model sees the same texts. Every address, phone
number and name is fictitious: reserved domains (example.com), documentation IP ranges
(RFC 5737, RFC 3849) and the 555-01xx phone range.

The child process is `python -m spacy_pii.benchmark.model ARGS_JSON`; it writes its result as JSON
to the file named in ARGS_JSON. Nothing here prints: progress goes through a callback.
"""
import gc
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    List,
    Optional,
    Sequence,
    Tuple,
)

from ..errors import Errors, SpacyPIIError

if TYPE_CHECKING:
    from spacy.language import Language

PERCENTILES = (50, 95, 99)
DEFAULT_SEED = 0
# Latency texts and log lines come from separate generators: offset one seed from the other.
_LOG_SEED_OFFSET = 1_000_003

ProgressFn = Callable[[str], None]


# --- texts -------------------------------------------------------------------------------

_FIRST = [
    "Maria", "James", "Aisha", "Chen", "Olivia", "Lukas", "Priya", "Mateo", "Sofia", "Tom",
    "Fatima", "Noah", "Elena", "Kwame", "Hannah", "Diego", "Yuki", "Liam", "Zainab", "Oscar",
]
_LAST = [
    "Garcia", "Smith", "Khan", "Wei", "Johnson", "Becker", "Patel", "Rossi", "Novak", "Brown",
    "Haddad", "Miller", "Petrova", "Mensah", "Schmidt", "Lopez", "Tanaka", "Murphy", "Okafor",
    "Nilsson",
]
_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "corp.example"]
_CITIES = ["Springfield", "Riverton", "Lakeside", "Fairview", "Greenville", "Maplewood"]
_STREETS = ["Oak Street", "Elm Avenue", "Hill Road", "Park Lane", "Mill Street", "Bay Drive"]
_COMPANIES = ["Acme Logistics", "Globex", "Initech", "Umbrella Foods", "Stark Supplies"]
_AGENTS = ["Sam", "Alex", "Jordan", "Robin", "Casey"]

# Support-chat utterances; each is about 20 spaCy tokens once the slots are filled.
_UTTERANCES = [
    "Hi, this is {first} {last}. Please call me back at {phone} about order {order}, "
    "it never arrived.",
    "Can you update my email to {email}? The old one was {email2} and I no longer use it.",
    "My name is {first} {last} and my account is locked; you can reach me at {phone} "
    "after 5pm.",
    "Hello, I'm {first}. I was charged twice for order {order}, please send the receipt "
    "to {email}.",
    "Please send the invoice to {email} and copy {first} {last}, our accountant, thanks.",
    "{first} here again: the courier called {phone} but nobody answered, can we reschedule?",
    "Hi support, I moved to {house} {street}, {city}. Please update the address for "
    "{first} {last}.",
    "Is {email} the right address for password resets? I have not received anything today.",
    "This is {first} {last} from {company}; my direct line is {phone} if you need details.",
    "Thanks {agent}! Also, my colleague {first} {last} ({email}) needs access to the same "
    "workspace.",
]

_METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE"]
_STATUS = [200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 500]
_AGENTS_HTTP = ["curl/8.5.0", "python-requests/2.31.0", "Mozilla/5.0 (X11; Linux x86_64)",
                "okhttp/4.12.0", "Go-http-client/1.1"]
_SERVICES = ["auth", "billing", "api", "mailer", "orders", "gateway"]
_LEVELS = ["info", "info", "info", "warn", "error", "debug"]
_MESSAGES = [
    "login succeeded", "login failed", "password reset requested", "card declined",
    "invoice emailed", "session expired", "profile updated", "rate limit exceeded",
]
_PATHS = [
    "/api/v1/users/{uuid}/profile",
    "/api/v2/orders/{order}?notify={email_q}",
    "/account/reset?email={email_q}&token={hex}",
    "/api/v1/sessions/{uuid}",
    "/static/js/app.{hex}.js",
]
# Log line formats; each line is about 170 characters.
_LOG_FORMATS = ["nginx", "json", "logfmt"]


def _name(rng: random.Random) -> Tuple[str, str]:
    return rng.choice(_FIRST), rng.choice(_LAST)


def _email(rng: random.Random) -> str:
    first, last = _name(rng)
    local = rng.choice([
        f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randrange(10, 99)}",
        f"{last}.{first[0]}",
    ]).lower()
    return f"{local}@{rng.choice(_DOMAINS)}"


def _phone(rng: random.Random) -> str:
    xx = rng.randrange(100)
    return rng.choice([
        f"(212) 555-01{xx:02d}", f"+1 415 555 01{xx:02d}", f"555-01{xx:02d}",
        f"+44 20 7946 0{rng.randrange(1000):03d}",
    ])


def _ip(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return f"2001:db8::{rng.randrange(1, 0xFFFF):x}"
    prefix = rng.choice(["192.0.2.", "198.51.100.", "203.0.113.", f"10.0.{rng.randrange(256)}."])
    return f"{prefix}{rng.randrange(1, 255)}"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _when(rng: random.Random) -> datetime:
    start = datetime(2024, 3, 1, tzinfo=timezone.utc)
    return start + timedelta(seconds=rng.randrange(30 * 86400), milliseconds=rng.randrange(1000))


def support_utterances(n: int, seed: int = DEFAULT_SEED) -> List[str]:
    """Short support-chat messages with a name, phone number or e-mail address.

    n (int): how many.
    seed (int): the random seed; the same seed gives the same texts.
    RETURNS (List[str]): the texts, about 20 spaCy tokens each.
    """
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        first, last = _name(rng)
        slots = {
            "first": first, "last": last, "phone": _phone(rng), "email": _email(rng),
            "email2": _email(rng), "order": f"#{rng.randrange(100000, 999999)}",
            "house": str(rng.randrange(1, 300)), "street": rng.choice(_STREETS),
            "city": rng.choice(_CITIES), "company": rng.choice(_COMPANIES),
            "agent": rng.choice(_AGENTS),
        }
        out.append(rng.choice(_UTTERANCES).format(**slots))
    return out


def log_lines(n: int, seed: int = DEFAULT_SEED) -> List[str]:
    """Application and access log lines with IPs, e-mails, timestamps and UUIDs.

    n (int): how many.
    seed (int): the random seed; the same seed gives the same lines.
    RETURNS (List[str]): nginx, JSON and logfmt lines, about 170 characters each.
    """
    rng = random.Random(seed + _LOG_SEED_OFFSET)
    out = []
    for _ in range(n):
        kind = rng.choice(_LOG_FORMATS)
        when = _when(rng)
        email = _email(rng)
        if kind == "nginx":
            path = rng.choice(_PATHS).format(
                uuid=_uuid(rng), order=rng.randrange(100000, 999999),
                email_q=email.replace("@", "%40"), hex=f"{rng.getrandbits(32):08x}",
            )
            line = (
                f'{_ip(rng)} - - [{when.strftime("%d/%b/%Y:%H:%M:%S +0000")}] '
                f'"{rng.choice(_METHODS)} {path} HTTP/1.1" {rng.choice(_STATUS)} '
                f'{rng.randrange(100, 60000)} "-" "{rng.choice(_AGENTS_HTTP)}"'
            )
        elif kind == "json":
            ts = when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"
            line = (
                f'{{"ts":"{ts}","level":"{rng.choice(_LEVELS)}","svc":"{rng.choice(_SERVICES)}",'
                f'"msg":"{rng.choice(_MESSAGES)}","user":"{email}","ip":"{_ip(rng)}",'
                f'"request_id":"{_uuid(rng)}"}}'
            )
        else:
            line = (
                f'ts={when.strftime("%Y-%m-%dT%H:%M:%SZ")} level={rng.choice(_LEVELS)} '
                f'svc={rng.choice(_SERVICES)} msg="{rng.choice(_MESSAGES)}" '
                f"email={email} client_ip={_ip(rng)} request_id={_uuid(rng)} "
                f"dur_ms={rng.randrange(1, 900)}"
            )
        out.append(line)
    return out


# --- measurements (in the process that runs the pipeline) ---------------------------------


@dataclass
class BenchmarkSettings:
    """What to run: sizes of the text sets, batch size, warm-up calls and seed."""

    n_latency: int = 300
    n_lines: int = 2000
    batch_size: int = 64
    warmup: int = 20
    seed: int = DEFAULT_SEED


@dataclass
class RunResult:
    """One model at one torch thread setting, measured in one fresh process."""

    model: str
    threads: int
    import_s: float
    load_s: float
    latency_ms: Dict[str, float]
    lines_per_s: float
    words_per_s: float
    peak_rss_mb: float
    load_rss_mb: float
    n_latency: int
    n_lines: int
    batch_size: int
    tokens_per_utterance: float
    chars_per_line: float
    words_per_line: float
    wordpieces_per_line: Optional[float]
    pipe_names: List[str] = field(default_factory=list)
    # padded / real wordpieces the encoder ran in the throughput loop (pii_encoder only)
    padding_ratio: Optional[float] = None

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "RunResult":
        return cls(**data)


def percentiles(values: Sequence[float], qs: Sequence[int] = PERCENTILES) -> Dict[str, float]:
    """Percentiles by linear interpolation between closest ranks (as numpy's default).

    values (Sequence[float]): at least one value.
    qs (Sequence[int]): the percentiles, 0..100.
    RETURNS (Dict[str, float]): {"p50": ..., ...} plus "mean".
    """
    if not values:
        raise ValueError("percentiles of an empty sequence")
    ordered = sorted(values)
    last = len(ordered) - 1
    out = {}
    for q in qs:
        pos = last * q / 100
        lo = math.floor(pos)
        hi = min(lo + 1, last)
        out[f"p{q}"] = ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)
    out["mean"] = statistics.fmean(ordered)
    return out


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (10^6 bytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return rss / 1e6 if sys.platform == "darwin" else rss * 1024 / 1e6


def transformer_tokenizer(nlp: "Language") -> Optional[Any]:
    """The Hugging Face tokenizer of the pipeline's transformer, or None without one."""
    names = [n for n, p in nlp.pipeline if n == "transformer"]
    names += [n for n, p in nlp.pipeline if p.__class__.__name__ == "Transformer" and n not in names]
    for name in names:
        tokenizer = getattr(getattr(nlp.get_pipe(name), "model", None), "tokenizer", None)
        if tokenizer is not None:
            return tokenizer
    return None


def lean_encoder(nlp: "Language") -> Optional[Any]:
    """The pipeline's `pii_encoder` (the torch-free int8 encoder), or None without one."""
    from ..pipeline.encoder import PIIEncoder

    return next((p for _, p in nlp.pipeline if isinstance(p, PIIEncoder)), None)


def wordpieces_per_text(nlp: "Language", texts: Sequence[str]) -> Optional[float]:
    """Average wordpieces per text (no special tokens) by the transformer's tokenizer.

    nlp (Language): the pipeline.
    texts (Sequence[str]): the texts.
    RETURNS (Optional[float]): the average, or None if there is no transformer or no text.
    """
    encoder = lean_encoder(nlp)
    if encoder is not None and texts:
        return sum(len(encoder.tokenizer.encode(t, add_special_tokens=False).ids) for t in texts) / len(texts)
    tokenizer = transformer_tokenizer(nlp)
    if tokenizer is None or not texts:
        return None
    total = 0
    for text in texts:
        total += len(tokenizer(text, add_special_tokens=False)["input_ids"])
    return total / len(texts)


def measure_latency(nlp: "Language", texts: Sequence[str], warmup: Sequence[str]) -> Dict[str, float]:
    """Batch-1 latency: `nlp(text)` once per text, after the warm-up texts.

    RETURNS (Dict[str, float]): p50/p95/p99 and mean, in ms.
    """
    for text in warmup:
        nlp(text)
    gc.collect()
    timings = []
    clock = time.perf_counter_ns
    for text in texts:
        start = clock()
        nlp(text)
        timings.append((clock() - start) / 1e6)
    return percentiles(timings)


def measure_throughput(nlp: "Language", texts: Sequence[str], batch_size: int) -> float:
    """Seconds `nlp.pipe` takes over the texts, after one warm-up batch."""
    for _ in nlp.pipe(texts[:batch_size], batch_size=batch_size):
        pass
    gc.collect()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def set_threads(threads: int) -> None:
    """Limit torch (and the libraries torch runs on) to `threads` intra-op threads."""
    try:
        import torch
    except ImportError:  # a pipeline without torch: nothing to limit
        return
    torch.set_num_threads(threads)


def load_pipeline_timed(model: str, threads: int) -> Tuple["Language", float, float]:
    """Import spaCy, limit torch's threads and load a pipeline, timing the import and the load.

    RETURNS (Tuple[Language, float, float]): the pipeline, import seconds, `spacy.load` seconds.
    """
    start = time.perf_counter()
    import spacy

    set_threads(threads)
    import_s = time.perf_counter() - start
    start = time.perf_counter()
    nlp = spacy.load(model)
    load_s = time.perf_counter() - start
    from ..pipeline.encoder import set_encoder_threads

    set_encoder_threads(nlp, threads)
    return nlp, import_s, load_s


def measure_loaded(
    nlp: "Language",
    settings: BenchmarkSettings,
    *,
    model: str,
    threads: int,
    import_s: float = 0.0,
    load_s: float = 0.0,
) -> RunResult:
    """Measure a loaded pipeline: latency, throughput, text statistics, peak RSS.

    nlp (Language): the pipeline, loaded with `threads` torch threads.
    settings (BenchmarkSettings): sizes of the text sets, batch size, warm-up, seed.
    model, threads, import_s, load_s: recorded in the result as they are.
    RETURNS (RunResult): the figures.
    """
    load_rss = peak_rss_mb()
    utterances = support_utterances(settings.n_latency + settings.warmup, settings.seed)
    warm, timed = utterances[: settings.warmup], utterances[settings.warmup:]
    lines = log_lines(settings.n_lines, settings.seed)

    latency = measure_latency(nlp, timed, warm)
    encoder = lean_encoder(nlp)
    if encoder is not None:
        encoder.wordpieces = {"padded": 0, "real": 0}
    seconds = max(measure_throughput(nlp, lines, settings.batch_size), 1e-9)
    padding = None
    if encoder is not None and encoder.wordpieces["real"]:
        padding = encoder.wordpieces["padded"] / encoder.wordpieces["real"]

    # Counted outside the timed loops: the tokenizer alone, as the pipeline sees the texts.
    words = sum(len(nlp.make_doc(line)) for line in lines)
    tokens = sum(len(nlp.make_doc(text)) for text in timed)
    n_lines = max(len(lines), 1)
    return RunResult(
        model=model,
        threads=threads,
        import_s=import_s,
        load_s=load_s,
        latency_ms=latency,
        lines_per_s=len(lines) / seconds,
        words_per_s=words / seconds,
        peak_rss_mb=peak_rss_mb(),
        load_rss_mb=load_rss,
        n_latency=len(timed),
        n_lines=len(lines),
        batch_size=settings.batch_size,
        tokens_per_utterance=tokens / max(len(timed), 1),
        chars_per_line=sum(len(line) for line in lines) / n_lines,
        words_per_line=words / n_lines,
        wordpieces_per_line=wordpieces_per_text(nlp, lines),
        pipe_names=list(nlp.pipe_names),
        padding_ratio=padding,
    )


def measure_pipeline(model: str, threads: int, settings: BenchmarkSettings) -> RunResult:
    """Load a pipeline and measure it in this process.

    Load time and peak RSS are only meaningful in a fresh process: `measure_in_subprocess`
    runs this in one.

    model (str): a package name or a pipeline directory.
    threads (int): torch intra-op threads.
    settings (BenchmarkSettings): sizes of the text sets, batch size, warm-up, seed.
    RETURNS (RunResult): the figures.
    """
    nlp, import_s, load_s = load_pipeline_timed(model, threads)
    return measure_loaded(nlp, settings, model=model, threads=threads, import_s=import_s,
                          load_s=load_s)


# --- the fresh process ---------------------------------------------------------------------


def child_env(threads: int, base: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The environment of a measuring process: thread limits, no model hub."""
    env = dict(os.environ if base is None else base)
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "RAYON_NUM_THREADS"):
        env[var] = str(threads)
    env["HF_HUB_OFFLINE"] = "1"
    env["TRANSFORMERS_OFFLINE"] = "1"
    return env


def measure_in_subprocess(
    model: str,
    threads: int,
    settings: BenchmarkSettings,
    *,
    timeout: Optional[float] = None,
    on_progress: Optional[ProgressFn] = None,
    python: str = sys.executable,
) -> RunResult:
    """Run `measure_pipeline` in a fresh Python process and return its result.

    model (str): a package name or a pipeline directory.
    threads (int): torch intra-op threads (also OMP_NUM_THREADS and friends in its env).
    settings (BenchmarkSettings): sizes of the text sets, batch size, warm-up, seed.
    timeout (Optional[float]): seconds before the process is killed.
    on_progress (Optional[ProgressFn]): receives the process's stderr, if it wrote any.
    python (str): the interpreter (e.g. a runtime-only venv's, where torch is absent).
    RETURNS (RunResult): the figures.
    """
    with tempfile.TemporaryDirectory(prefix="spacy-pii-bench-") as tmp:
        result_path = Path(tmp) / "result.json"
        args = {
            "model": model,
            "threads": threads,
            "settings": asdict(settings),
            "result_path": str(result_path),
        }
        # stdout is not ours to write to: the caller's stdout carries data only.
        proc = subprocess.run(
            [python, "-m", "spacy_pii.benchmark.model", json.dumps(args)],
            env=child_env(threads),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
        )
        stderr = proc.stderr.decode("utf8", errors="replace").strip()
        if stderr and on_progress is not None:
            on_progress(stderr)
        if not result_path.exists():
            tail = stderr.splitlines()[-1:] if stderr else []
            detail = f": {tail[0]}" if tail else ""
            raise SpacyPIIError(
                Errors.E321.format(model=model, threads=threads, code=proc.returncode, detail=detail)
            )
        data = json.loads(result_path.read_text(encoding="utf8"))
    if not data.get("ok"):
        message = data.get("message")
        detail = f": {message}" if message else ""
        raise SpacyPIIError(
            Errors.E320.format(model=model, threads=threads, stage=data.get("stage", "measuring"),
                        exc_type=data.get("exc_type", "?"), detail=detail)
        )
    return RunResult.from_dict(data["result"])


def _child_main(argv: Sequence[str]) -> int:
    """`python -m spacy_pii.benchmark.model ARGS_JSON`: measure, then write the result file."""
    args = json.loads(argv[0])
    result_path = Path(args["result_path"])
    model, threads = str(args["model"]), int(args["threads"])
    loading = True
    try:
        settings = BenchmarkSettings(**args["settings"])
        nlp, import_s, load_s = load_pipeline_timed(model, threads)
        loading = False
        result = measure_loaded(nlp, settings, model=model, threads=threads,
                                import_s=import_s, load_s=load_s)
    except Exception as e:  # noqa: BLE001 -- reported to the parent, which raises
        frames = traceback.extract_tb(e.__traceback__)[-1:]
        where = f" at {Path(frames[0].filename).name}:{frames[0].lineno}" if frames else ""
        # A load error names files, not text; an error while measuring might quote a text,
        # so only its type goes out.
        message = str(e).splitlines()[0] if loading and str(e) else None
        record: Dict[str, Any] = {
            "ok": False,
            "stage": ("loading the pipeline" if loading else "measuring") + where,
            "exc_type": type(e).__name__,
            "message": message,
        }
        result_path.write_text(json.dumps(record), encoding="utf8")
        return 1
    result_path.write_text(json.dumps({"ok": True, "result": asdict(result)}), encoding="utf8")
    return 0


# --- the comparison -------------------------------------------------------------------------


@dataclass
class ModelLocation:
    """Where a pipeline is: an installed package or a directory."""

    model: str
    path: Path
    kind: str  # "package" or "directory"


def disk_size(path: Path) -> int:
    """Bytes of the regular files under `path` (or of `path`, a file), symlinks not followed."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            p = Path(root) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def resolve_model(model: str) -> ModelLocation:
    """Find a pipeline by directory or installed package name, without loading it.

    model (str): a pipeline directory or a package name.
    RETURNS (ModelLocation): the model and its path.
    RAISES (SpacyPIIError): E200 when it is neither.
    """
    from spacy.util import get_package_path, is_package

    # The order spacy.load tries: an installed package first, then a directory.
    if is_package(model):
        return ModelLocation(model=model, path=get_package_path(model), kind="package")
    path = Path(model)
    if path.is_dir():
        return ModelLocation(model=str(path.resolve()), path=path.resolve(), kind="directory")
    raise SpacyPIIError(Errors.E200.format(
        model=model, reason="not an installed package or a pipeline directory",
        hint="For en_pii run `make demo`, or pass --model PATH.",
    ))


@dataclass
class ModelReport:
    """One model: where it is, its size, and one run per thread setting."""

    label: str
    location: ModelLocation
    size_bytes: int
    runs: List[RunResult]

    def run(self, threads: int) -> Optional[RunResult]:
        return next((r for r in self.runs if r.threads == threads), None)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "label": self.label,
            "model": self.location.model,
            "path": str(self.location.path),
            "kind": self.location.kind,
            "size_mb": self.size_bytes / 1e6,
            "runs": [asdict(r) for r in self.runs],
        }


@dataclass
class BenchmarkReport:
    """Every model measured in a run, with the settings and the machine they ran on."""

    settings: BenchmarkSettings
    threads: List[int]
    models: List[ModelReport]
    environment: Dict[str, Any]

    def to_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {
            "settings": asdict(self.settings),
            "threads": list(self.threads),
            "environment": self.environment,
            "models": [m.to_dict() for m in self.models],
            "summary": [
                {"metric": name, "values": dict(zip((m.label for m in self.models), values)),
                 "ratio": ratio}
                for name, values, ratio, _ in summary_rows(self)
            ],
        }
        return out


def environment() -> Dict[str, Any]:
    """The software and machine a run was on (versions without importing torch here)."""
    import platform
    from importlib.metadata import PackageNotFoundError, version

    versions: Dict[str, Optional[str]] = {}
    for dist in ("spacy", "spacy-transformers", "torch", "transformers", "spacy-pii"):
        try:
            versions[dist] = version(dist)
        except PackageNotFoundError:
            versions[dist] = None
    try:
        load = list(os.getloadavg())
    except OSError:
        load = []
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": load,
        "versions": versions,
    }


def run_benchmark(
    model: str,
    fp32: Optional[str] = None,
    *,
    threads: Sequence[int] = (1, 2),
    settings: Optional[BenchmarkSettings] = None,
    timeout: Optional[float] = None,
    on_progress: Optional[ProgressFn] = None,
    python: str = sys.executable,
) -> BenchmarkReport:
    """Measure a pipeline, and its fp32 original beside it when given, one fresh process per
    model and thread setting (in `python`: pass a runtime-only venv's interpreter to measure
    start-up and RSS as users get them).

    model (str): the pipeline (the int8 one when `fp32` is given), package name or directory.
    fp32 (Optional[str]): the fp32 pipeline to compare with.
    threads (Sequence[int]): torch thread settings.
    settings (Optional[BenchmarkSettings]): sizes of the text sets etc.; defaults if None.
    timeout (Optional[float]): seconds before a measuring process is killed.
    on_progress (Optional[ProgressFn]): receives one line per step, for stderr.
    RETURNS (BenchmarkReport): the figures.
    """
    settings = settings or BenchmarkSettings()
    if not threads or any(t < 1 for t in threads):
        raise SpacyPIIError(Errors.E322.format(option="threads", rule="positive integers",
                                        value=list(threads)))
    say = on_progress or (lambda _msg: None)
    todo: List[Tuple[str, ModelLocation]] = []
    if fp32 is not None:
        todo.append(("fp32", resolve_model(fp32)))
        todo.append(("int8", resolve_model(model)))
    else:
        todo.append((Path(model).name or model, resolve_model(model)))
    env = environment()
    models = []
    for label, location in todo:
        size = disk_size(location.path)
        runs = []
        for n in threads:
            say(f"{label}: {location.model} with {n} thread(s) ...")
            start = time.perf_counter()
            run = measure_in_subprocess(location.model, n, settings, timeout=timeout,
                                        on_progress=on_progress,
                                        python=sys.executable if label == "fp32" else python)
            say(f"{label}: {n} thread(s) done in {time.perf_counter() - start:.1f} s")
            runs.append(run)
        models.append(ModelReport(label=label, location=location, size_bytes=size, runs=runs))
    return BenchmarkReport(settings=settings, threads=list(threads), models=models, environment=env)


# --- tables -----------------------------------------------------------------------------------

# (name, values per model, int8/fp32 ratio or None, decimals)
SummaryRow = Tuple[str, List[Optional[float]], Optional[float], int]


def _plural(n: int) -> str:
    return f"{n} thread" if n == 1 else f"{n} threads"


def summary_rows(report: BenchmarkReport) -> List[SummaryRow]:
    """The figures of a report as rows: one metric each, one value per model.

    Load time is the median over the thread settings and peak RSS the maximum; latency and
    throughput have a row per thread setting. The ratio is the last model's value over the
    first's (int8/fp32) when two models were measured.
    """
    rows: List[SummaryRow] = []

    def add(name: str, values: List[Optional[float]], decimals: int) -> None:
        ratio = None
        if len(values) == 2 and values[0] and values[1] is not None:
            ratio = values[1] / values[0]
        rows.append((name, values, ratio, decimals))

    models = report.models
    add("Size on disk (MB)", [m.size_bytes / 1e6 for m in models], 1)
    add("Cold load, spacy.load (s)",
        [statistics.median(r.load_s for r in m.runs) if m.runs else None for m in models], 2)
    add("Peak RSS (MB)", [max((r.peak_rss_mb for r in m.runs), default=None) for m in models], 0)
    for n in report.threads:
        runs = [m.run(n) for m in models]
        for q in PERCENTILES:
            add(f"Latency p{q}, batch 1, {_plural(n)} (ms)",
                [r.latency_ms[f"p{q}"] if r else None for r in runs], 2)
    for n in report.threads:
        runs = [m.run(n) for m in models]
        add(f"Throughput, {_plural(n)} (lines/s)", [r.lines_per_s if r else None for r in runs], 0)
        add(f"Throughput, {_plural(n)} (words/s)", [r.words_per_s if r else None for r in runs], 0)
    wordpieces = [m.runs[0].wordpieces_per_line if m.runs else None for m in models]
    if any(w is not None for w in wordpieces):
        add("Wordpieces per log line", wordpieces, 1)
    padding = [max((r.padding_ratio or 0.0 for r in m.runs), default=0.0) or None for m in models]
    if any(p is not None for p in padding):
        add("Wordpieces run, padded / real", padding, 2)
    return rows


def _fmt(value: Optional[float], decimals: int) -> str:
    if value is None:
        return "n/a"
    if decimals == 0:
        return f"{value:,.0f}"
    return f"{value:,.{decimals}f}"


def markdown_table(report: BenchmarkReport) -> str:
    """A Markdown table of the report (rows: metrics; columns: models and int8/fp32), with a
    one-line note of the settings and machine under it.

    RETURNS (str): the Markdown, ending in a newline.
    """
    labels = [m.label for m in report.models]
    with_ratio = len(report.models) == 2
    header = ["Metric"] + labels + (["int8/fp32"] if with_ratio else [])
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|",
    ]
    for name, values, ratio, decimals in summary_rows(report):
        cells = [name] + [_fmt(v, decimals) for v in values]
        if with_ratio:
            cells.append("n/a" if ratio is None else f"{ratio:.2f}×")
        lines.append("| " + " | ".join(cells) + " |")
    s = report.settings
    env = report.environment
    first = report.models[0].runs[0] if report.models and report.models[0].runs else None
    tokens = f" (~{first.tokens_per_utterance:.0f} tokens)" if first else ""
    chars = f" (~{first.chars_per_line:.0f} chars)" if first else ""
    lines.append("")
    lines.append(
        f"Latency: `nlp(text)` on {s.n_latency} support-chat utterances{tokens} after "
        f"{s.warmup} warm-up calls. Throughput: `nlp.pipe` (batch {s.batch_size}) on "
        f"{s.n_lines} log lines{chars}; words are spaCy tokens. Each model and thread setting "
        f"in a fresh process; Python {env.get('python')}, torch "
        f"{env.get('versions', {}).get('torch')}, {env.get('cpus')} CPUs ({env.get('machine')})."
    )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))

"""Soak run for `spacy-pii redact`: many mixed lines through the real CLI, in a subprocess.

The lines mix log lines, prose, JSON objects, malformed JSON, invalid UTF-8, NUL bytes,
empty lines, CRLF endings, a last line without a newline and 1 MB lines. Every non-empty
line carries an id (`L0000042`) that no detector takes for PII, so the output can be checked
line by line: same count, same order, the id of input line k in output line k, and none of
the PII values written into line k left in output line k. The values are ones the detectors
validate (e-mails, IPv4, Luhn-valid cards, mod-97-valid IBANs, AWS key ids) and names the
test pipeline's entity_ruler knows (see conftest.py).

The generator is deterministic (seeded), so the checker regenerates the expectations
instead of holding them: memory stays small at 100,000 lines.

As a command, it prints the figures for the README:

    nice -n 10 .venv/bin/python tests/soak.py --lines 100000
    nice -n 10 .venv/bin/python tests/soak.py --lines 100000 --model PATH --text

Without --model it builds the conftest test pipeline (blank "en" + entity_ruler +
pii_redactor) in a temporary directory. Exit status 1 if a check failed.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator, List, NamedTuple, Optional, Sequence, Tuple

import orjson

from spacy_pii.generate.providers import luhn_check_digit

NAMES = ("Jane Doe", "John Smith", "alice")  # in conftest.RULER_PATTERNS
BIG_LINE_BYTES = 1_000_000
# Shapes that must not be left in any output line: a value the test wrote, or a piece of one.
LEAK_SHAPES = re.compile(
    rb"@"  # e-mails (no other line text has an @)
    rb"|AKIA"  # AWS key ids
    rb"|\b(?:\d{1,3}\.){3}\d{1,3}\b"  # IPv4
    rb"|\b\d{4}(?:[ -]?\d{4}){3}\b"  # 16-digit cards, grouped or not
    rb"|\bGB\d{2}"  # GB IBANs
    rb"|Jane Doe|John Smith|alice",
    re.IGNORECASE,
)


class SoakLine(NamedTuple):
    """One generated input line and what its output line must (not) contain."""

    data: bytes  # the raw line, ending included
    ident: Optional[bytes]  # the id the output line must still carry; None for empty lines
    values: Tuple[bytes, ...]  # PII values written into the line


def card_for(n: int) -> str:
    """A Luhn-valid 16-digit Visa number, unique per n."""
    body = "4" + f"{n:014d}"
    return body + str(luhn_check_digit(body))


def iban_for(n: int) -> str:
    """A mod-97-valid GB IBAN (22 characters), unique per n."""
    bban = "WEST" + f"{n:014d}"
    digits = "".join(str(int(ch, 36)) for ch in bban + "GB00")
    return f"GB{98 - int(digits) % 97:02d}{bban}"


def akia_for(n: int) -> str:
    """An AWS access key id shape, unique per n."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = alphabet[r] + out
    return "AKIA" + out.rjust(16, "Q")


def email_for(n: int) -> str:
    return f"soak{n}.user@mail{n % 97}.example.com"


def ip_for(n: int) -> str:
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def _grouped(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def _big_line(n: int, ident: str, rng: random.Random, as_json: bool) -> Tuple[bytes, List[str]]:
    """About 1 MB of prose with a PII value every ~10 kB, at the start, middle and end too."""
    filler = "lorem ipsum dolor sit amet, consectetur adipiscing elit. "
    values: List[str] = []
    parts = [ident, " ", NAMES[0], " "]
    values.append(NAMES[0])
    size = 0
    k = 0
    while size < BIG_LINE_BYTES:
        chunk = filler * rng.randint(150, 200)
        value = (email_for, ip_for, card_for, iban_for, akia_for)[k % 5](n * 1000 + k)
        k += 1
        parts += [chunk, value, " "]
        values.append(value)
        size += len(chunk) + len(value) + 1
    parts += ["end ", email_for(n * 1000 + k)]
    values.append(email_for(n * 1000 + k))
    text = "".join(parts)
    if as_json:
        return orjson.dumps({"id": n, "msg": text}), values
    return text.encode(), values


def generate(n_lines: int, seed: int = 0, big_lines: int = 1) -> Iterator[SoakLine]:
    """The soak input, line by line (deterministic for a given seed).

    n_lines (int): lines to generate.
    seed (int): the random seed (kinds of lines, endings, filler).
    big_lines (int): 1 MB lines, spread evenly with the last one near the end (so the peak
        memory of a run includes any growth over the whole stream).
    YIELDS (SoakLine): the lines, the last one without a line ending.
    """
    rng = random.Random(seed)
    big_at = {n_lines * (j + 1) // big_lines - 3 for j in range(big_lines)} if big_lines else set()
    for n in range(n_lines):
        ident = f"L{n:07d}"
        ending = b"\r\n" if rng.random() < 0.1 else b"\n"
        if n == n_lines - 1:
            ending = b""
        email, ip, card, iban, akia = email_for(n), ip_for(n), card_for(n), iban_for(n), akia_for(n)
        name = rng.choice(NAMES)
        kind = rng.random()
        values: List[str]
        if n in big_at:
            body, values = _big_line(n, ident, rng, as_json=bool(n % 2))
        elif kind < 0.08:
            yield SoakLine(ending or b"\n", None, ())  # empty
            continue
        elif kind < 0.40:
            card_text = _grouped(card) if n % 3 == 0 else card
            body = (
                f"2024-05-{1 + n % 28:02d}T12:{n % 60:02d}:07Z INFO {ident} login user={email} "
                f"from {ip} card {card_text} status=200"
            ).encode()
            values = [email, ip, card_text]
        elif kind < 0.58:
            iban_text = _grouped(iban) if n % 2 else iban
            body = (
                f"{ident} Dear {name}, your transfer to {iban_text} is done. Reply to {email} "
                "or visit the branch; thanks!"
            ).encode()
            values = [name, iban_text, email]
        elif kind < 0.78:
            obj = {
                "id": n,
                "msg": f"{ident} key {akia} used from {ip}",
                "user": {"name": name, "email": email, "tags": ["ok", card]},
                "n": 1.5,
                "ok": True,
                "none": None,
            }
            body = orjson.dumps(obj)
            values = [akia, ip, name, email, card]
        elif kind < 0.83:
            # Malformed JSON: redacted as text, never passed through.
            body = (
                '{"id": %d, "msg": "%s key %s from %s", "user": {"email": "%s"' % (n, ident, akia, ip, email)
            ).encode()
            values = [akia, ip, email]
        elif kind < 0.91:
            body = (
                f"{ident} ".encode()
                + b"\xff\xfe bad \xc3( bytes \x80 "
                + f"{name} wrote {email} ".encode()
                + b"\xed\xa0\x80 \xf0\x9f\x98"
            )
            values = [name, email]
        else:
            body = f"{ident} nul\x00 inside \x00 {akia} \x00 from {ip}\x00".encode()
            values = [akia, ip]
        yield SoakLine(body + ending, ident.encode(), tuple(v.encode() for v in values))


def write_input(path: Path, n_lines: int, seed: int = 0, big_lines: int = 1) -> int:
    """Write the soak input to a file. RETURNS (int): its size in bytes."""
    size = 0
    with open(path, "wb") as fh:
        for line in generate(n_lines, seed, big_lines):
            fh.write(line.data)
            size += len(line.data)
    return size


def _split_lines(fh: IO[bytes]) -> Iterator[bytes]:
    for line in fh:
        yield line


def check_output(output: Path, n_lines: int, seed: int = 0, big_lines: int = 1) -> List[str]:
    """Compare a soak output with its input, line by line.

    RETURNS (List[str]): the problems found (line numbers and kinds, no values), empty if none.
    """
    problems: List[str] = []
    with open(output, "rb") as fh:
        got = _split_lines(fh)
        for k, expected in enumerate(generate(n_lines, seed, big_lines)):
            line = next(got, None)
            if line is None:
                problems.append(f"output has {k} lines, input {n_lines}")
                return problems
            if expected.ident is None:
                if line.strip():
                    problems.append(f"line {k + 1}: empty input line came out non-empty")
                continue
            if expected.ident not in line:
                problems.append(f"line {k + 1}: id missing (order or count broken)")
            for value in expected.values:
                if value in line:
                    problems.append(f"line {k + 1}: a generated value survived")
            if LEAK_SHAPES.search(line):
                problems.append(f"line {k + 1}: a PII shape survived")
            if len(problems) > 20:
                return problems
        if next(got, None) is not None:
            problems.append(f"output has more lines than the {n_lines} input lines")
    return problems


@dataclass
class SoakResult:
    """What a soak run measured."""

    lines: int
    input_bytes: int
    seconds: float  # wall time of the subprocess, model loading included
    peak_rss_mb: float  # the child's peak resident set size (ru_maxrss)
    returncode: int
    stderr: bytes
    stats: dict = field(default_factory=dict)  # parsed --stats summary
    problems: List[str] = field(default_factory=list)

    @property
    def lines_per_second(self) -> float:
        return self.lines / self.seconds if self.seconds > 0 else 0.0


def parse_stats(stderr: bytes) -> dict:
    """Pick the numbers out of the `--stats` summary."""
    text = stderr.decode("utf-8", "replace")
    out: dict = {}
    for key, pattern in [
        ("lines", r"^lines: (\d+)"),
        ("json_lines", r"^json lines: (\d+)"),
        ("json_invalid", r"^json lines invalid \(redacted as text\): (\d+)"),
        ("failed", r"^failed lines: (\d+)"),
        ("spans", r"^spans: (\d+)"),
        ("stream_lines_per_s", r"^time: [\d.]+ s, ([\d.]+) lines/s"),
        ("stream_seconds", r"^time: ([\d.]+) s"),
    ]:
        m = re.search(pattern, text, re.MULTILINE)
        if m:
            out[key] = float(m.group(1)) if "." in m.group(1) else int(m.group(1))
    return out


def run_soak(
    model: Path,
    n_lines: int,
    workdir: Path,
    *,
    seed: int = 0,
    big_lines: int = 1,
    jsonl: bool = True,
    extra_args: Sequence[str] = (),
    check: bool = True,
) -> SoakResult:
    """Generate the input, stream it through `python -m spacy_pii.cli redact` (stdin to
    stdout, files on disk), measure the child's wall time and peak RSS, check the output.

    RETURNS (SoakResult): the figures and the problems found.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    src, dst, err = workdir / "soak.in", workdir / "soak.out", workdir / "soak.err"
    size = write_input(src, n_lines, seed, big_lines)
    cmd = [sys.executable, "-m", "spacy_pii.cli", "redact", "--model", str(model), "--stats"]
    cmd += (["--jsonl"] if jsonl else []) + list(extra_args)
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    with open(src, "rb") as stdin, open(dst, "wb") as stdout, open(err, "wb") as stderr:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=stderr, env=env)
        # wait4 reports this child's own peak RSS (RUSAGE_CHILDREN would mix in earlier children).
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    stderr_bytes = err.read_bytes()
    result = SoakResult(
        lines=n_lines,
        input_bytes=size,
        seconds=seconds,
        peak_rss_mb=usage.ru_maxrss / 1024.0,  # kB on Linux
        returncode=proc.returncode,
        stderr=stderr_bytes,
        stats=parse_stats(stderr_bytes),
    )
    if check:
        result.problems = check_output(dst, n_lines, seed, big_lines)
    return result


def _build_test_model(directory: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from conftest import build_test_pipeline

    path = directory / "pii_test_model"
    build_test_pipeline().to_disk(path)
    return path


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--model", type=Path, default=None, help="default: the conftest test pipeline")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--big-lines", type=int, default=2, help="1 MB lines in the input")
    parser.add_argument("--text", action="store_true", help="plain text mode instead of --jsonl")
    parser.add_argument("--workdir", type=Path, default=None, help="keep input/output here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        model = args.model or _build_test_model(Path(tmp))
        result = run_soak(
            model, args.lines, workdir, seed=args.seed, big_lines=args.big_lines, jsonl=not args.text
        )
    print(f"lines:           {result.lines}")
    print(f"input:           {result.input_bytes / 1e6:.1f} MB")
    print(f"seconds (wall):  {result.seconds:.1f} (model load included)")
    print(f"lines/s (wall):  {result.lines_per_second:.0f}")
    if "stream_lines_per_s" in result.stats:
        print(f"lines/s (--stats, streaming only): {result.stats['stream_lines_per_s']:.0f}")
    print(f"peak RSS:        {result.peak_rss_mb:.0f} MB")
    print(f"exit code:       {result.returncode}")
    print(f"failed lines:    {result.stats.get('failed', '?')}")
    print(f"problems:        {len(result.problems)}")
    for problem in result.problems:
        print(f"  {problem}")
    return 0 if result.returncode == 0 and not result.problems and result.stats.get("failed") == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

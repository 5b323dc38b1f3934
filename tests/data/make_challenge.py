"""Build tests/data/challenge.jsonl from the hand-written tests/data/challenge.txt.

Stdlib only. Usage: python tests/data/make_challenge.py [--check]

challenge.txt has one example per line, "genre<TAB>text", with inline markup
[[value|LABEL]]. In the text, the two characters \\n stand for a newline and \\\\ for one
backslash; any other backslash is kept as it is. Lines starting with '#' and blank lines
are skipped, except the directive "# @set NAME", which puts every following line into the set
NAME (lines before the first directive are in set "v1").

Each output line is {"text": ..., "spans": [{"start", "end", "label"}], "genre": ..., "set": ...}, with
character offsets into the unmarked text and spans sorted by start.

The script refuses to write anything if a line breaks a rule: unknown genre or label,
nested, overlapping or unbalanced markup, empty value, value with leading/trailing
whitespace, a CREDIT_CARD that fails Luhn, an IBAN_CODE that fails mod-97 or its country
length, a US_SSN outside the issued ranges, an IP_ADDRESS or MAC_ADDRESS that does not
parse, a PHONE_NUMBER without 7-15 digits, or an unlabelled digit run that passes Luhn
(unmarked card-like numbers are meant to be hard negatives). Spoken values ("four one
one ...", "d e eight nine ...") are turned into digits and letters before the checks.

--check: validate and compare with the existing challenge.jsonl without writing it
(exit 1 if it is stale).

This set is hand-written and is for evaluation only: never train or tune on it.
"""
import ast
import ipaddress
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Counter as CounterT
from typing import Dict, List, Optional, Tuple, TypedDict

HERE = Path(__file__).resolve().parent
SRC = HERE / "challenge.txt"
OUT = HERE / "challenge.jsonl"
LABELS_PY = HERE.parent.parent / "spacy_pii" / "labels.py"

GENRES = ("transcript", "chat", "email", "log", "prose")
FIRST_SET = "v1"
SET_DIRECTIVE = re.compile(r"#\s*@set\s+(\w+)\s*$")


class Span(TypedDict):
    start: int
    end: int
    label: str


class Record(TypedDict):
    text: str
    spans: List[Span]
    genre: str
    set: str


MARKUP = re.compile(r"\[\[(?!\[)(.*?)\]\]", re.DOTALL)

# IBAN length by country, for the countries a reader is likely to add.
IBAN_LENGTHS = {
    "AE": 23, "AT": 20, "BE": 16, "BR": 29, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IT": 27,
    "LU": 20, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SA": 24, "SE": 24,
    "SK": 24, "TR": 26,
}

UNITS = {"zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
         "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SYMBOLS = {"dot": ".", "point": ".", "colon": ":", "dash": "-", "hyphen": "-", "plus": "+"}


def load_scheme() -> List[Tuple[str, bool]]:
    """Read LABEL_SCHEME out of spacy_pii/labels.py without importing spaCy.

    RETURNS (List[Tuple[str, bool]]): (name, learned by the NER) per label; rows without the
        `model` column (column 4) count as learned.
    """
    tree = ast.parse(LABELS_PY.read_text(encoding="utf8"))
    for node in ast.walk(tree):
        targets: List[ast.expr]
        if isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        elif isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        else:
            continue
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if "LABEL_SCHEME" in names and value is not None:
            rows = ast.literal_eval(value)
            return [(str(row[0]), bool(row[4]) if len(row) > 4 else True) for row in rows]
    raise SystemExit(f"LABEL_SCHEME not found in {LABELS_PY}")


def load_labels() -> Tuple[str, ...]:
    """Every label name in the scheme, in display order."""
    return tuple(name for name, _ in load_scheme())


def model_labels() -> Tuple[str, ...]:
    """The labels the NER learns; only these must have enough spans in the set."""
    return tuple(name for name, model in load_scheme() if model)


def unescape(raw: str) -> str:
    """\\n -> newline, \\\\ -> backslash; other backslashes stay literal."""
    out: List[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw) and raw[i + 1] in "n\\":
            out.append("\n" if raw[i + 1] == "n" else "\\")
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return "".join(out)


def spoken(value: str) -> Optional[str]:
    """Spoken digits/letters ("four one one", "d e eight nine", "one nine two dot one")
    to their written form; None if some word is not understood. Written values pass through
    unchanged."""
    words = value.lower().split()
    if not any(w in UNITS or w in TEENS or w in TENS for w in words):
        return value
    out: List[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("double", "triple") and i + 1 < len(words) and words[i + 1] in UNITS:
            out.append(str(UNITS[words[i + 1]]) * (2 if w == "double" else 3))
            i += 2
            continue
        if w in TENS:
            if i + 1 < len(words) and words[i + 1] in UNITS and UNITS[words[i + 1]] > 0:
                out.append(str(TENS[w] + UNITS[words[i + 1]]))
                i += 2
            else:
                out.append(str(TENS[w]))
                i += 1
            continue
        if w in UNITS:
            out.append(str(UNITS[w]))
        elif w in TEENS:
            out.append(str(TEENS[w]))
        elif w in SYMBOLS:
            out.append(SYMBOLS[w])
        elif len(w) == 1 and w.isalpha():
            out.append(w)
        else:
            return None
        i += 1
    return "".join(out)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def check_value(label: str, value: str) -> Optional[str]:
    """A reason the value is not a valid `label`, or None."""
    norm = spoken(value)
    if norm is None:
        return None  # spoken form we cannot read back; not checked
    if label == "CREDIT_CARD":
        digits = re.sub(r"[ -]", "", norm)
        if not digits.isdigit() or not 13 <= len(digits) <= 19:
            return "card number is not 13-19 digits"
        if not luhn_ok(digits):
            return "card number fails Luhn"
    elif label == "IBAN_CODE":
        iban = re.sub(r"\s", "", norm).upper()
        if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", iban):
            return "IBAN has the wrong shape"
        want = IBAN_LENGTHS.get(iban[:2])
        if want is not None and len(iban) != want:
            return f"IBAN for {iban[:2]} must have {want} characters, not {len(iban)}"
        rearranged = iban[4:] + iban[:4]
        if int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 != 1:
            return "IBAN fails mod-97"
    elif label == "US_SSN":
        digits = re.sub(r"[ -]", "", norm)
        if not re.fullmatch(r"\d{9}", digits):
            return "SSN is not 9 digits"
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
            return "SSN outside the issued ranges"
    elif label == "IP_ADDRESS":
        try:
            ipaddress.ip_address(norm)
        except ValueError:
            return "not an IP address"
    elif label == "MAC_ADDRESS":
        hexes = re.sub(r"[:.\-\s]", "", norm)
        if not re.fullmatch(r"[0-9A-Fa-f]{12}", hexes):
            return "MAC address is not 12 hex digits"
    elif label == "PHONE_NUMBER":
        n = len(re.sub(r"\D", "", norm))
        if not 7 <= n <= 15:
            return f"phone number has {n} digits"
    return None


# 13-19 digits, optionally split by single spaces or dashes, not part of a longer token.
CARD_LIKE = re.compile(r"(?<![\w.\-])\d(?:[ -]?\d){12,18}(?![\w\-]|\.\d)")


def parse_line(body: str, labels: Tuple[str, ...]) -> Tuple[str, List[Span]]:
    text = unescape(body)
    plain: List[str] = []
    spans: List[Span] = []
    pos = 0
    length = 0
    gaps: List[str] = []
    for m in MARKUP.finditer(text):
        gap = text[pos:m.start()]
        gaps.append(gap)
        plain.append(gap)
        length += len(gap)
        inner = m.group(1)
        if "[[" in inner:
            raise ValueError(f"nested markup: {m.group(0)!r}")
        if "|" not in inner:
            raise ValueError(f"markup without |LABEL: {m.group(0)!r}")
        value, label = inner.rsplit("|", 1)
        if label not in labels:
            raise ValueError(f"unknown label {label!r} (known: {', '.join(labels)})")
        if not value:
            raise ValueError(f"empty value: {m.group(0)!r}")
        if value != value.strip():
            raise ValueError(f"leading/trailing whitespace in value {value!r}")
        problem = check_value(label, value)
        if problem:
            raise ValueError(f"{label} {value!r}: {problem}")
        spans.append({"start": length, "end": length + len(value), "label": label})
        plain.append(value)
        length += len(value)
        pos = m.end()
    gaps.append(text[pos:])
    plain.append(text[pos:])
    for gap in gaps:
        for token in ("[[", "]]"):
            if token in gap:
                raise ValueError(f"stray or unbalanced {token!r} near {gap.strip()[:60]!r}")
        for m in CARD_LIKE.finditer(gap):
            digits = re.sub(r"\D", "", m.group(0))
            if luhn_ok(digits):
                raise ValueError(f"unlabelled number {m.group(0)!r} passes Luhn")
    out = "".join(plain)
    spans.sort(key=lambda s: (s["start"], s["end"]))
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            raise ValueError(f"overlapping spans {a} and {b}")
    for s in spans:
        assert out[s["start"]:s["end"]].strip() == out[s["start"]:s["end"]]
    return out, spans


def build() -> Tuple[List[Record], List[str]]:
    labels = load_labels()
    records: List[Record] = []
    errors: List[str] = []
    current_set = FIRST_SET
    for lineno, line in enumerate(SRC.read_text(encoding="utf8").splitlines(), start=1):
        directive = SET_DIRECTIVE.match(line)
        if directive:
            current_set = directive.group(1)
            continue
        if not line.strip() or line.startswith("#"):
            continue
        genre, sep, body = line.partition("\t")
        if not sep or genre not in GENRES:
            errors.append(f"{SRC.name}:{lineno}: expected one of {GENRES} then a TAB")
            continue
        try:
            text, spans = parse_line(body, labels)
        except ValueError as err:
            errors.append(f"{SRC.name}:{lineno}: {err}")
            continue
        if text != text.strip():
            errors.append(f"{SRC.name}:{lineno}: leading/trailing whitespace in the text")
            continue
        records.append({"text": text, "spans": spans, "genre": genre, "set": current_set})
    seen: Dict[str, int] = {}
    for i, rec in enumerate(records):
        if rec["text"] in seen:
            errors.append(f"duplicate example: {rec['text'][:60]!r}")
        seen[rec["text"]] = i
    return records, errors


def summary(records: List[Record]) -> str:
    labels = load_labels()
    per_genre = Counter(r["genre"] for r in records)
    empty_genre = Counter(r["genre"] for r in records if not r["spans"])
    per_label: CounterT[str] = Counter()
    lines_with: CounterT[str] = Counter()
    for r in records:
        spans = r["spans"]
        per_label.update(s["label"] for s in spans)
        lines_with.update({s["label"] for s in spans})
    n = len(records)
    n_empty = sum(empty_genre.values())
    rows = ["Lines per genre (lines without PII in brackets):"]
    for g in GENRES:
        rows.append(f"  {g:<15}{per_genre[g]:>4}  ({empty_genre[g]})")
    rows.append(f"  {'total':<15}{n:>4}  ({n_empty})")
    rows.append("")
    rows.append("Spans per label (lines containing the label in brackets):")
    learned = model_labels()
    for label in labels:
        if label in learned or per_label[label]:  # detector-only labels when present
            rows.append(f"  {label:<15}{per_label[label]:>4}  ({lines_with[label]})")
    rows.append(f"  {'total':<15}{sum(per_label.values()):>4}")
    rows.append("")
    rows.append(f"Lines without PII: {n_empty}/{n} = {n_empty / n:.1%}")
    rows.append("")
    rows.append("Per set: lines (without PII), spans")
    sets = list(dict.fromkeys(r["set"] for r in records))
    for name in sets:
        members = [r for r in records if r["set"] == name]
        n_set_empty = sum(1 for r in members if not r["spans"])
        n_spans = sum(len(r["spans"]) for r in members)
        rows.append(f"  {name:<15}{len(members):>4}  ({n_set_empty})  {n_spans}")
    return "\n".join(rows)


def main(argv: List[str]) -> int:
    records, errors = build()
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print(f"{len(errors)} error(s); {OUT.name} not written", file=sys.stderr)
        return 1
    counts = Counter(s["label"] for r in records for s in r["spans"])
    sparse = [label for label in model_labels() if counts[label] < 8]
    if sparse:
        print(f"labels with fewer than 8 spans: {', '.join(sparse)}", file=sys.stderr)
        return 1
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if "--check" in argv:
        current = OUT.read_text(encoding="utf8") if OUT.exists() else ""
        if current != payload:
            print(f"{OUT.name} is stale: run python {Path(__file__).name}", file=sys.stderr)
            return 1
    else:
        OUT.write_text(payload, encoding="utf8")
    print(summary(records))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

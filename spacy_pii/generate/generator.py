"""Corpus generation: splits from independent random streams, stratified by genre and by
PII / no-PII, written as JSONL; label counts for the summary table.
"""
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from ..errors import Errors
from ..labels import LABELS
from .core import Context, Example
from .draw import weighted_choice
from .genres import GENRES, GENRES_BY_NAME, GenreSpec
from .people import LOCALES
from .providers import FakerPool
from .writer import read_jsonl, write_jsonl

# The corpus version the docs and training records cite: v3 adds the system-log genre,
# encoded values in logs and the prose breadth of issue 17 (v2: issue 13's prose, NRP, AGE, URL).
CORPUS_VERSION = "v3"
SPLITS: Tuple[str, ...] = ("train", "dev", "test")
# Sized so train is ~600k whitespace words: a couple of passes fit in an hour at ~450 words/s.
DEFAULT_SIZES: Dict[str, int] = {"train": 12000, "dev": 1000, "test": 1000}
# Share of examples without any PII, in every genre.
NEGATIVE_SHARE = 0.32

SplitCounts = Dict[str, Dict[str, int]]


def split_seed(seed: int, split: str) -> str:
    """The seed string of a split's random stream: splits never share a stream.

    seed (int): the corpus seed.
    split (str): the split name.
    RETURNS (str): the seed string (Python seeds `random.Random` from a str via SHA-512,
        which does not depend on PYTHONHASHSEED).
    """
    return f"spacy-pii/generate/v1/{seed}/{split}"


def _plan(rng: random.Random, n: int, genres: Sequence[GenreSpec], negative_share: float) -> List[Tuple[GenreSpec, bool]]:
    """Which genre and PII / no-PII each example gets: exact shares, shuffled.

    Every genre gets at least one example (when n allows) and its own share of negatives, so
    small splits still cover every genre and every genre has PII-free examples.
    """
    total_weight = sum(g.weight for g in genres)
    counts = [max(1, int(n * g.weight / total_weight)) if n >= len(genres) else 0 for g in genres]
    i = 0
    while sum(counts) < n:
        counts[i % len(genres)] += 1
        i += 1
    while sum(counts) > n:
        j = max(range(len(genres)), key=lambda k: counts[k])
        counts[j] -= 1
    plan: List[Tuple[GenreSpec, bool]] = []
    for genre, count in zip(genres, counts):
        n_neg = round(count * negative_share)
        if count >= 2:
            n_neg = min(max(n_neg, 1), count - 1)
        plan.extend((genre, k < n_neg) for k in range(count))
    rng.shuffle(plan)
    return plan


def generate_split(
    split: str,
    n: int,
    seed: int = 0,
    negative_share: float = NEGATIVE_SHARE,
    genres: Optional[Sequence[str]] = None,
) -> List[Example]:
    """Generate the examples of one split.

    split (str): the split name; it selects the random stream.
    n (int): the number of examples.
    seed (int): the corpus seed.
    negative_share (float): the share of examples without PII.
    genres (Optional[Sequence[str]]): only these genres (by name), for evaluation sets of one
        kind of text; None: every genre, by weight.
    RETURNS (List[Example]): the examples, in order.
    """
    if not isinstance(n, int) or n < 0:
        raise ValueError(Errors.E052.format(split=split, size=n))
    base = split_seed(seed, split)
    rng = random.Random(base)
    fakers = FakerPool(base)
    examples: List[Example] = []
    chosen = GENRES if genres is None else tuple(GENRES_BY_NAME[g] for g in genres)
    for genre, negative in _plan(rng, n, chosen, negative_share):
        ctx = Context(rng, fakers, genre, weighted_choice(rng, LOCALES))
        assert genre.compose is not None
        text, spans = genre.compose(ctx, not negative).build()
        examples.append(Example(text, spans, genre.name, tuple(ctx.used)))
    return examples


def label_counts(examples: Iterable[Union[Example, Mapping[str, Any]]]) -> Dict[str, int]:
    """Spans per label, every label of the scheme present, in scheme order.

    examples (Iterable[Union[Example, Mapping[str, Any]]]): examples or JSONL records.
    RETURNS (Dict[str, int]): label -> count.
    """
    counts = {label: 0 for label in LABELS}
    for eg in examples:
        if isinstance(eg, Example):
            for _, _, label in eg.spans:
                counts[label] = counts.get(label, 0) + 1
        else:
            for span in eg["spans"]:
                counts[span["label"]] = counts.get(span["label"], 0) + 1
    return counts


@dataclass(frozen=True)
class SplitStats:
    """Counts of one split: examples, PII-free examples, whitespace words, spans per label."""

    examples: int
    negatives: int
    words: int
    labels: Dict[str, int]

    @property
    def negative_share(self) -> float:
        return self.negatives / self.examples if self.examples else 0.0


def split_stats(examples: Sequence[Union[Example, Mapping[str, Any]]]) -> SplitStats:
    """Count a split.

    examples (Sequence[Union[Example, Mapping[str, Any]]]): examples or JSONL records.
    RETURNS (SplitStats): the counts.
    """
    negatives = words = 0
    for eg in examples:
        spans = eg.spans if isinstance(eg, Example) else eg["spans"]
        text = eg.text if isinstance(eg, Example) else eg["text"]
        negatives += not spans
        words += len(text.split())
    return SplitStats(len(examples), negatives, words, label_counts(examples))


def corpus_stats(out_dir: Union[str, Path], splits: Sequence[str] = SPLITS) -> Dict[str, SplitStats]:
    """Counts of every split of a written corpus.

    out_dir (Union[str, Path]): the directory holding `<split>.jsonl`.
    splits (Sequence[str]): the splits to read.
    RETURNS (Dict[str, SplitStats]): split -> counts.
    """
    out_dir = Path(out_dir)
    return {split: split_stats(list(read_jsonl(out_dir / f"{split}.jsonl"))) for split in splits}


def corpus_label_counts(out_dir: Union[str, Path], splits: Sequence[str] = SPLITS) -> SplitCounts:
    """Per-split per-label span counts of a written corpus (the CLI's summary table).

    out_dir (Union[str, Path]): the directory holding `<split>.jsonl`.
    splits (Sequence[str]): the splits to read.
    RETURNS (SplitCounts): split -> label -> count.
    """
    return {split: stats.labels for split, stats in corpus_stats(out_dir, splits).items()}


def generate_corpus(
    out_dir: Union[str, Path],
    seed: int = 0,
    n_train: int = DEFAULT_SIZES["train"],
    n_dev: int = DEFAULT_SIZES["dev"],
    n_test: int = DEFAULT_SIZES["test"],
    negative_share: float = NEGATIVE_SHARE,
) -> Dict[str, SplitStats]:
    """Generate the corpus and write `train.jsonl`, `dev.jsonl` and `test.jsonl` to out_dir.

    The same seed and sizes always give byte-identical files; each file is written to a
    temporary file first and renamed into place.

    out_dir (Union[str, Path]): the output directory (created if missing).
    seed (int): the corpus seed.
    n_train (int): number of training examples.
    n_dev (int): number of development examples.
    n_test (int): number of test examples.
    negative_share (float): the share of examples without PII.
    RETURNS (Dict[str, SplitStats]): split -> counts (examples, negatives, words, labels).
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ValueError(Errors.E053.format(path=out_dir))
    plan = {"train": n_train, "dev": n_dev, "test": n_test}
    for split, size in plan.items():
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise ValueError(Errors.E052.format(split=split, size=size))
    out_dir.mkdir(parents=True, exist_ok=True)
    stats: Dict[str, SplitStats] = {}
    for split, size in plan.items():
        examples = generate_split(split, size, seed=seed, negative_share=negative_share)
        write_jsonl(out_dir / f"{split}.jsonl", (eg.to_dict() for eg in examples))
        stats[split] = split_stats(examples)
    return stats

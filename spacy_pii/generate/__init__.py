"""The synthetic training-corpus generator: templates in six genres (call transcripts, chat,
e-mails/letters/forms, application logs, prose, system logs), Faker values in many locales, hard negatives.

`generate_corpus(out_dir, seed)` writes train/dev/test JSONL files; `count_templates()` says
how many templates there are.
"""
from .core import Example
from .generator import (
    CORPUS_VERSION,
    DEFAULT_SIZES,
    NEGATIVE_SHARE,
    SPLITS,
    SplitStats,
    corpus_label_counts,
    corpus_stats,
    generate_corpus,
    generate_split,
    label_counts,
    split_stats,
)
from .genres import GENRES, GENRES_BY_NAME


def count_templates() -> int:
    """The number of distinct templates over all genres (sentences, lines, form fields,
    greetings, signatures, ...).

    RETURNS (int): the count.
    """
    return sum(spec.n_templates for spec in GENRES)


__all__ = [
    "CORPUS_VERSION",
    "DEFAULT_SIZES",
    "Example",
    "GENRES",
    "GENRES_BY_NAME",
    "NEGATIVE_SHARE",
    "SPLITS",
    "SplitStats",
    "corpus_label_counts",
    "corpus_stats",
    "count_templates",
    "generate_corpus",
    "generate_split",
    "label_counts",
    "split_stats",
]

"""Overlap resolution: the one place where overlapping spans become non-overlapping ones.

The pipeline calls `resolve_overlaps` once per Doc (`PIIRedactor.find`, over the NER and
detector candidates together); `RedactionPolicy.apply` calls it only for spans that still
overlap (`is_disjoint`), e.g. from a caller passing raw spans.

Near-linear (sorting, then a bisect per piece) and it never leaves a flagged character
readable (Presidio's anonymizer is quadratic here).
"""
import bisect
from typing import List, Optional, Sequence, Tuple


def is_disjoint(spans: Sequence[Tuple[int, int, str]]) -> bool:
    """Whether spans are sorted by start and none overlaps the next (nothing to resolve).

    spans (Sequence[Tuple[int, int, str]]): (start, end, label) character spans; extra
        items after the label (e.g. a `PIIMatch`'s source and score) are ignored.
    RETURNS (bool): True for resolved spans, as `resolve_overlaps` returns them.
    """
    end = -1
    for span in spans:
        if span[0] < end or span[0] >= span[1]:
            return False
        end = span[1]
    return True


def resolve_overlaps(
    text: str,
    spans: Sequence[Tuple[int, int, str]],
    priority: Optional[Sequence[int]] = None,
    tiebreak: Optional[Sequence[int]] = None,
) -> List[Tuple[int, int, str, int]]:
    """Turn possibly overlapping spans into non-overlapping ones, losing no flagged character.

    1. Spans of the same label AND the same `priority` that overlap are merged into their
       union (it keeps the index of its member with the highest `tiebreak`).
    2. The rest are taken best first: higher `priority`, then longer, then higher `tiebreak`,
       then earlier start. A span overlapping ones already taken keeps only its pieces outside
       them, trimmed to letters and digits at both ends; pieces with neither are dropped.
       So the winner takes the overlap, and every character that some span flagged and that
       holds a letter or digit stays covered.
    Hence a validated pattern span (higher priority) keeps its own boundaries against a model
    span of the same label: the model span's extra characters are dropped when they are only
    punctuation, quotes or space (`https://www.google.com/" "` -> the URL alone), else they
    stay as the trimmed remainder, under the same label (no flagged letter is left readable).
    A union would carry a validated value past its end.

    text (str): the text the offsets point into.
    spans (Sequence[Tuple[int, int, str]]): (start, end, label) character spans.
    priority (Optional[Sequence[int]]): per span; higher wins before length is compared.
    tiebreak (Optional[Sequence[int]]): per span; higher wins between equally long spans.
    RETURNS (List[Tuple[int, int, str, int]]): (start, end, label, index of the input span
        it came from), sorted by start.
    """
    prio = list(priority) if priority is not None else [0] * len(spans)
    tie = list(tiebreak) if tiebreak is not None else [0] * len(spans)
    merged = _merge_same_label(spans, prio, tie)
    merged.sort(key=lambda m: (-prio[m[3]], m[0] - m[1], -tie[m[3]], m[0]))
    taken_starts: List[int] = []
    taken: List[Tuple[int, int, str, int]] = []
    for start, end, label, index in merged:
        for piece_start, piece_end in _subtract(taken_starts, taken, start, end):
            piece_start, piece_end = _trim(text, piece_start, piece_end, start, end)
            if piece_start < piece_end:
                k = bisect.bisect_left(taken_starts, piece_start)
                taken_starts.insert(k, piece_start)
                taken.insert(k, (piece_start, piece_end, label, index))
    return taken


def _merge_same_label(
    spans: Sequence[Tuple[int, int, str]], prio: Sequence[int], tie: Sequence[int]
) -> List[Tuple[int, int, str, int]]:
    # Only spans of one priority merge: a lower-priority span of the same label (the model's,
    # against a validated pattern span) is trimmed by the winner in `resolve_overlaps` instead.
    order = sorted(
        (i for i, (s, e, _) in enumerate(spans) if s < e), key=lambda i: (spans[i][2], prio[i], spans[i][0])
    )
    out: List[Tuple[int, int, str, int]] = []
    for i in order:
        start, end, label = spans[i]
        if out and out[-1][2] == label and prio[out[-1][3]] == prio[i] and start < out[-1][1]:
            p_start, p_end, _, p_index = out[-1]
            best = i if tie[i] > tie[p_index] else p_index
            out[-1] = (p_start, max(p_end, end), label, best)
        else:
            out.append((start, end, label, i))
    return out


def _subtract(
    starts: List[int], taken: List[Tuple[int, int, str, int]], start: int, end: int
) -> List[Tuple[int, int]]:
    """Parts of [start, end) not covered by the (non-overlapping, sorted) taken spans."""
    k = bisect.bisect_left(starts, start)
    if k > 0 and taken[k - 1][1] > start:
        k -= 1
    pieces = []
    pos = start
    while k < len(taken) and taken[k][0] < end:
        t_start, t_end = taken[k][0], taken[k][1]
        if t_start > pos:
            pieces.append((pos, t_start))
        pos = max(pos, t_end)
        k += 1
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _trim(text: str, start: int, end: int, orig_start: int, orig_end: int) -> Tuple[int, int]:
    if (start, end) == (orig_start, orig_end):
        return start, end  # an untouched span keeps its exact bounds
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end

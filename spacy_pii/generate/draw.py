"""Random draws shared by the template engine, the people module and the value makers."""
import random
from typing import Any, Sequence, Tuple


def weighted_choice(rng: random.Random, items: Sequence[Tuple[Any, float]]) -> Any:
    """Pick one item of (item, weight) pairs.

    rng (random.Random): the random stream.
    items (Sequence[Tuple[Any, float]]): the pairs.
    RETURNS (Any): the chosen item.
    """
    total = sum(w for _, w in items)
    x = rng.random() * total
    for item, weight in items:
        x -= weight
        if x < 0:
            return item
    return items[-1][0]

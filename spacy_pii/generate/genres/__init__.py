"""The genres of the synthetic corpus, in a fixed order (the order decides nothing random)."""
from typing import Dict, Tuple

from . import chat, email, logs, prose, syslogs, transcripts
from .base import GenreSpec

GENRES: Tuple[GenreSpec, ...] = (
    transcripts.SPEC,
    chat.SPEC,
    email.SPEC,
    logs.SPEC,
    prose.SPEC,
    # Appended last (issue 17): the plan's order of genres stays as it was before.
    syslogs.SPEC,
)
GENRES_BY_NAME: Dict[str, GenreSpec] = {spec.name: spec for spec in GENRES}

__all__ = ["GENRES", "GENRES_BY_NAME", "GenreSpec"]

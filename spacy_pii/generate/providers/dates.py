"""Dates and times tied to people and events, years in prose."""
import random
from typing import Tuple

from ..core import Context, Pieces, slot
from ..draw import weighted_choice
from .common import MONTHS, WEEKDAYS

# --- dates tied to people and events -------------------------------------------------------


def ordinal(n: int) -> str:
    """1 -> 1st, 22 -> 22nd, 13 -> 13th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rand_date(rng: random.Random, y0: int, y1: int) -> Tuple[int, int, int]:
    """A (year, month, day) between two years; days stop at 28 to stay valid."""
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)


def format_date(rng: random.Random, y: int, m: int, d: int, with_year: bool = True) -> str:
    """A calendar date in one of the common written forms."""
    month = MONTHS[m - 1]
    short = month[:3]
    if not with_year:
        return weighted_choice(
            rng,
            ((f"{month} {d}", 3), (f"{month} {ordinal(d)}", 3), (f"{d} {month}", 2),
             (f"the {ordinal(d)} of {month}", 1.5), (f"{short} {d}", 1), (f"{d}/{m}", 0.5),
             (f"{m}/{d}", 0.8), (f"{ordinal(d)} {month}", 1)),
        )
    return weighted_choice(
        rng,
        ((f"{month} {d}, {y}", 4), (f"{d} {month} {y}", 3), (f"{m:02d}/{d:02d}/{y}", 3),
         (f"{d:02d}/{m:02d}/{y}", 2), (f"{y}-{m:02d}-{d:02d}", 2.5), (f"{m}/{d}/{y % 100:02d}", 1),
         (f"{short} {d}, {y}", 1.5), (f"{ordinal(d)} {month} {y}", 1), (f"{d:02d}.{m:02d}.{y}", 1.5),
         (f"{month} {y}", 0.6), (f"{short} {y}", 0.2),
         (f"the {ordinal(d)} of {month} {y}", 0.7), (f"{d}-{short}-{y}", 0.5),
         (f"{month} {ordinal(d)}, {y}", 1), (f"{short}. {d}, {y}", 0.5)),
    )


def clock_time(rng: random.Random) -> str:
    """A time of day as people write it."""
    h = rng.randint(7, 19)
    mi = rng.choice((0, 0, 0, 15, 30, 30, 45, 10, 20))
    h12 = h - 12 if h > 12 else h
    ampm = "pm" if h >= 12 else "am"
    return weighted_choice(
        rng,
        ((f"{h12}{ampm}", 3), (f"{h12}:{mi:02d} {ampm}", 2), (f"{h12}:{mi:02d}{ampm}", 1),
         (f"{h12}:{mi:02d} {ampm.upper()}", 2), (f"{h:02d}:{mi:02d}", 2), (f"{h12} {ampm}", 1),
         (f"{h12} o'clock", 0.3), ("noon", 0.2), (f"{h}h{mi:02d}", 0.2)),
    )


def dob(rng: random.Random) -> str:
    """A date of birth."""
    y, m, d = rand_date(rng, 1938, 2007)
    return format_date(rng, y, m, d)


def event_date(rng: random.Random) -> str:
    """A date of an appointment, visit, flight or incident."""
    y, m, d = rand_date(rng, 2018, 2026)
    return format_date(rng, y, m, d, with_year=rng.random() < 0.55)


def relative_when(rng: random.Random) -> str:
    """An appointment time anchored on a weekday, a date or a clock time."""
    day = rng.choice(WEEKDAYS)
    t = clock_time(rng)
    y, m, d = rand_date(rng, 2019, 2026)
    return weighted_choice(
        rng,
        ((f"next {day} at {t}", 3), (f"{day} at {t}", 3), (f"this {day}", 1.5),
         (f"{day} morning", 1), (f"{day} afternoon", 1), (f"{t} on {day}", 1.5),
         (f"{format_date(rng, y, m, d, False)} at {t}", 2), (f"{day}, {format_date(rng, y, m, d, False)}", 1.5),
         (f"next {day}", 1.5), (f"{day} the {ordinal(d)}", 1), (f"the {ordinal(d)} at {t}", 1),
         (f"{format_date(rng, y, m, d)} at {t}", 1), (f"{day} {t}", 1), (f"{day} evening", 0.4),
         (f"{day} between {clock_time(rng)} and {clock_time(rng)}", 0.4),
         (f"{format_date(rng, y, m, d, False)} to {format_date(rng, y, m, min(d + 7, 28), False)}", 0.5),
         (f"{t} on {format_date(rng, y, m, d, False)}", 0.8)),
    )


# Relative day words have no calendar anchor: they stay outside the span, the clock time is in.
_VAGUE_DAYS = ("tomorrow at ", "tonight at ", "later today at ", "today at ", "tmrw at ")


def when_pieces(rng: random.Random, value: str) -> Pieces:
    """An appointment as pieces: sometimes "tomorrow at " (unlabelled) before a clock time."""
    if rng.random() < 0.15:
        return [(rng.choice(_VAGUE_DAYS), None), (clock_time(rng), "DATE_TIME")]
    return [(value, "DATE_TIME")]


@slot("dob", "DATE_TIME")
def slot_dob(ctx: Context, arg: str) -> Pieces:
    return [(dob(ctx.rng), "DATE_TIME")]


@slot("date", "DATE_TIME")
def slot_date(ctx: Context, arg: str) -> Pieces:
    return [(event_date(ctx.rng), "DATE_TIME")]


@slot("when", "DATE_TIME")
def slot_when(ctx: Context, arg: str) -> Pieces:
    return when_pieces(ctx.rng, relative_when(ctx.rng))


@slot("time", "DATE_TIME")
def slot_time(ctx: Context, arg: str) -> Pieces:
    return [(clock_time(ctx.rng), "DATE_TIME")]


# --- years in prose -----------------------------------------------------------------------


@slot("yr", "DATE_TIME")
def slot_year_of_life(ctx: Context, arg: str) -> Pieces:
    """A year tied to a person's life ("born in 1976", "since 2019"); `{yr:born}` is a birth year."""
    lo, hi = (1931, 2008) if arg == "born" else (1975, 2025)
    return [(str(ctx.rng.randint(lo, hi)), "DATE_TIME")]



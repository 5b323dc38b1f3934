"""Spoken forms of values, as a speech-to-text system writes them: lower case, no punctuation,
digits read one by one ("four one five"), in pairs ("forty one"), "oh" for zero, "double five",
e-mail addresses as "john dot smith at gmail dot com", names spelled out letter by letter.
"""
import random
import re
from typing import List

from faker.decode import unidecode

from .numwords import DIGITS, TENS, number_words
from .providers import MONTHS, WEEKDAYS, rand_date

ORDINALS = {
    1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
    8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth",
    14: "fourteenth", 15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth",
    19: "nineteenth", 20: "twentieth", 30: "thirtieth",
}
_SYMBOLS = {".": "dot", "_": "underscore", "-": "dash", "+": "plus", "@": "at", "/": "slash",
            "#": "hash", "!": "exclamation mark", "$": "dollar", "*": "star", "&": "and",
            "%": "percent", "?": "question mark", ":": "colon"}


def ordinal_words(n: int) -> str:
    """1 -> "first", 23 -> "twenty third"."""
    if n in ORDINALS:
        return ORDINALS[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + " " + ORDINALS[ones]


def speak_digits(rng: random.Random, digits: str) -> str:
    """Read a digit string aloud: one by one, "double five", "oh", or in pairs."""
    words: List[str] = []
    i = 0
    pairs = rng.random() < 0.2
    while i < len(digits):
        d = digits[i]
        if pairs and i + 1 < len(digits) and d != "0" and rng.random() < 0.6:
            words.append(number_words(int(digits[i : i + 2])))
            i += 2
            continue
        run = 1
        while i + run < len(digits) and digits[i + run] == d and run < 3:
            run += 1
        name = "oh" if d == "0" and rng.random() < 0.6 else DIGITS[int(d)]
        if run >= 2 and rng.random() < 0.55:
            words.append(("double " if run == 2 else "triple ") + name)
            i += run
            continue
        words.append(name)
        i += 1
    return " ".join(words)


def odd_digit_groups(rng: random.Random, digits: str) -> str:
    """Digits as numerals, split where the speaker paused ("415 55 501 99")."""
    out: List[str] = []
    i = 0
    while i < len(digits):
        size = rng.choice((1, 2, 2, 3, 3, 4))
        out.append(digits[i : i + size])
        i += size
    return " ".join(out)


def speak_number_string(rng: random.Random, text: str) -> str:
    """Speak a phone, card or SSN: keep the writer's groups, read each group, say "plus"."""
    digits = re.sub(r"\D", "", text)
    if rng.random() < 0.25:
        return odd_digit_groups(rng, digits)
    groups = [g for g in re.split(r"\D+", text) if g]
    lead = "plus " if text.strip().startswith("+") else ""
    if rng.random() < 0.3:
        return lead + speak_digits(rng, digits)
    return lead + " ".join(speak_digits(rng, g) for g in groups)


def speak_chars(rng: random.Random, text: str, spell_letters: bool = False) -> str:
    """Read an identifier: words stay words, digits are read, symbols are named."""
    out: List[str] = []
    for chunk in re.findall(r"[A-Za-z]+|\d+|[^A-Za-z\d\s]", unidecode(text)):
        if chunk.isalpha():
            if spell_letters or (len(chunk) <= 2 and rng.random() < 0.7):
                out.append(" ".join(chunk.lower()))
            else:
                out.append(chunk.lower())
        elif chunk.isdigit():
            if len(chunk) <= 2 and rng.random() < 0.5:
                out.append(number_words(int(chunk)))
            elif len(chunk) == 4 and rng.random() < 0.4:
                out.append(number_words(int(chunk)))
            else:
                out.append(speak_digits(rng, chunk))
        elif chunk in _SYMBOLS:
            out.append(_SYMBOLS[chunk])
    return " ".join(out) or "x"


def speak_email(rng: random.Random, email: str) -> str:
    """john.smith82@gmail.com -> "john dot smith eighty two at gmail dot com"."""
    local, _, domain = email.lower().partition("@")
    return speak_chars(rng, local) + " at " + speak_chars(rng, domain)


def spell(word: str) -> str:
    """Spell a word letter by letter."""
    return " ".join(ch for ch in unidecode(word).lower() if ch.isalnum())


def speak_date(rng: random.Random, y0: int, y1: int, with_year: bool = True) -> str:
    """A spoken calendar date: "march third nineteen eighty five", "the fifth of june"."""
    y, m, d = rand_date(rng, y0, y1)
    month = MONTHS[m - 1].lower()
    day = ordinal_words(d)
    year = number_words(y)
    if rng.random() < 0.12 and with_year:
        return f"{speak_digits(rng, f'{m:02d}')} {speak_digits(rng, f'{d:02d}')} {number_words(y % 100) if y % 100 >= 10 else 'oh ' + DIGITS[y % 100]}"
    form = rng.choice((f"{month} {day}", f"the {day} of {month}", f"{month} the {day}", f"{day} of {month}"))
    return f"{form} {year}" if with_year else form


def speak_time(rng: random.Random) -> str:
    """A spoken clock time: "three thirty pm", "half past two", "ten in the morning"."""
    h = rng.randint(1, 12)
    mi = rng.choice((0, 0, 15, 30, 45))
    hw = number_words(h)
    return rng.choice((
        f"{hw} pm", f"{hw} am", f"{hw} {number_words(mi) if mi else 'oclock'}",
        f"{hw} {number_words(mi)} pm" if mi else f"{hw} p m", f"half past {hw}", f"quarter past {hw}",
        f"{hw} in the morning", f"{hw} in the afternoon", f"{hw} thirty",
    ))


def speak_when(rng: random.Random) -> str:
    """A spoken appointment: "next tuesday at three pm", "friday the twelfth"."""
    day = rng.choice(WEEKDAYS).lower()
    t = speak_time(rng)
    return rng.choice((
        f"next {day} at {t}", f"{day} at {t}", f"this {day}", f"{day} morning",
        f"{day} afternoon", f"{t} on {day}", f"{speak_date(rng, 2020, 2026, False)} at {t}",
        f"{day} the {ordinal_words(rng.randint(1, 28))}", f"next {day}", f"{speak_date(rng, 2020, 2026, False)}",
    ))

"""Formatting noise: speech fillers, typing errors, chat abbreviations, emoji and casing.

Noise is applied to template text between values (and, by the genre's value style, to
values as a whole), never across a span boundary, so offsets stay exact.
"""
import random
import re
from typing import Dict, Tuple

FILLERS: Tuple[str, ...] = (
    "um", "uh", "like", "you know", "i mean", "so", "erm", "uh huh", "yeah", "okay so", "hmm",
    "well", "basically", "right", "sorry",
)
EMOJI: Tuple[str, ...] = (
    "😀", "😂", "🙏", "👍", "😩", "😅", "🎉", "❤️", "🔥", "😭", "🙄", "✅", "👀", "🤔", "😊", "💀",
    ":)", ":(", ":D", ";)", "xD", "<3", ":/",
)
ABBREVIATIONS: Dict[str, Tuple[str, ...]] = {
    "you": ("u",), "your": ("ur", "yr"), "you're": ("ur", "youre"), "please": ("pls", "plz"),
    "thanks": ("thx", "ty", "tnx"), "thank you": ("ty", "thx"), "because": ("bc", "cuz", "coz"),
    "are": ("r",), "okay": ("ok", "k", "kk"), "tomorrow": ("tmrw", "tmr", "2moro"),
    "message": ("msg",), "people": ("ppl",), "really": ("rly",), "before": ("b4",),
    "with": ("w/",), "without": ("w/o",), "i don't know": ("idk",), "to be honest": ("tbh",),
    "by the way": ("btw",), "as soon as possible": ("asap", "ASAP"), "right now": ("rn",),
    "for your information": ("fyi", "FYI"), "i'm": ("im", "Im"), "don't": ("dont",),
    "can't": ("cant",), "what": ("wat", "wut"), "number": ("no.", "#", "nr"), "and": ("&", "n"),
    "account": ("acct",), "password": ("pw", "pwd"), "information": ("info",),
    "address": ("addr",), "minutes": ("mins",), "today": ("2day",), "great": ("gr8",),
}
_KEYBOARD_NEIGHBOURS: Dict[str, str] = {
    "a": "qsz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj",
    "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
    "q": "w", "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc",
    "y": "tu", "z": "x",
}
_WORD_RE = re.compile(r"[A-Za-z']+")
_SPACE_RE = re.compile(r" ")


def insert_fillers(rng: random.Random, text: str, p: float) -> str:
    """Insert speech fillers at spaces ("my name is" -> "my um name is") and repeat words.

    rng (random.Random): the random stream.
    text (str): template text between values.
    p (float): chance per space of a filler.
    RETURNS (str): the noisy text.
    """

    def at_space(_: "re.Match[str]") -> str:
        x = rng.random()
        if x < p:
            return " " + rng.choice(FILLERS) + " "
        return " "

    text = _SPACE_RE.sub(at_space, text)

    def repeat(match: "re.Match[str]") -> str:
        word = match.group(0)
        return f"{word} {word}" if rng.random() < 0.015 else word

    return _WORD_RE.sub(repeat, text)


def typo(rng: random.Random, word: str) -> str:
    """One typing error: swap, drop, double or hit a neighbouring key."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.3:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.55:
        return word[:i] + word[i + 1 :]
    if kind < 0.75:
        return word[:i] + word[i] + word[i:]
    near = _KEYBOARD_NEIGHBOURS.get(word[i].lower())
    return word[:i] + (rng.choice(near) if near else word[i]) + word[i + 1 :]


def chat_noise(rng: random.Random, text: str, p_typo: float, p_abbrev: float) -> str:
    """Typos and chat abbreviations on template text.

    rng (random.Random): the random stream.
    text (str): template text between values.
    p_typo (float): chance per word of a typo.
    p_abbrev (float): chance per known phrase of its abbreviation.
    RETURNS (str): the noisy text.
    """
    for phrase, options in ABBREVIATIONS.items():
        if phrase in text and rng.random() < p_abbrev:
            text = re.sub(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", rng.choice(options), text, count=1)

    def maybe_typo(match: "re.Match[str]") -> str:
        word = match.group(0)
        return typo(rng, word) if rng.random() < p_typo else word

    return _WORD_RE.sub(maybe_typo, text)


def emoji(rng: random.Random) -> str:
    """One emoji or emoticon."""
    return rng.choice(EMOJI)

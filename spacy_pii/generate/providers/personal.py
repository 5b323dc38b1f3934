"""Nationality, religious or political group (NRP), ages, and small words of personal notes."""
from typing import Dict, Tuple

from ..core import Context, Pieces, slot
from ..draw import weighted_choice
from ..numwords import number_words
from .common import MONTHS

# --- nationality, religion, political group (NRP) -----------------------------------------

NATIONALITIES: Tuple[str, ...] = (
    "American", "British", "English", "Scottish", "Welsh", "Irish", "Canadian", "Australian",
    "New Zealander", "Indian", "Pakistani", "Bangladeshi", "Sri Lankan", "Nepali", "Chinese",
    "Japanese", "Korean", "South Korean", "Vietnamese", "Thai", "Filipino", "Indonesian",
    "Malaysian", "Singaporean", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch",
    "Belgian", "Swiss", "Austrian", "Polish", "Czech", "Slovak", "Hungarian", "Romanian",
    "Bulgarian", "Greek", "Turkish", "Swedish", "Norwegian", "Danish", "Finnish", "Icelandic",
    "Ukrainian", "Russian", "Lithuanian", "Latvian", "Estonian", "Serbian", "Croatian",
    "Bosnian", "Albanian", "Nigerian", "Ghanaian", "Kenyan", "Ethiopian", "Somali",
    "South African", "Zimbabwean", "Ugandan", "Egyptian", "Moroccan", "Algerian", "Tunisian",
    "Sudanese", "Syrian", "Lebanese", "Iraqi", "Iranian", "Afghan", "Israeli", "Palestinian",
    "Saudi", "Emirati", "Jordanian", "Mexican", "Brazilian", "Argentine", "Argentinian",
    "Chilean", "Colombian", "Peruvian", "Venezuelan", "Cuban", "Jamaican", "Haitian",
    "Dominican", "Puerto Rican", "Korean-American", "Mexican-American", "Nigerian-born",
    "British-Indian", "Kurdish", "Basque", "Catalan", "Somali-born",
)
RELIGIONS: Tuple[str, ...] = (
    "Muslim", "Christian", "Catholic", "Roman Catholic", "Protestant", "Anglican", "Lutheran",
    "Methodist", "Baptist", "Presbyterian", "Evangelical", "Orthodox", "Greek Orthodox",
    "Coptic", "Mormon", "Quaker", "Jewish", "Orthodox Jewish", "Hasidic", "Hindu", "Sikh",
    "Buddhist", "Jain", "Sunni", "Shia", "Shiite", "Baha'i", "Zoroastrian", "atheist",
    "agnostic", "Jehovah's Witness", "Seventh-day Adventist", "Pentecostal", "Amish",
)
POLITICAL: Tuple[str, ...] = (
    "Democrat", "Republican", "Democratic", "Conservative", "Labour", "Liberal Democrat",
    "Green", "Green Party", "Tory", "Social Democrat", "Christian Democrat", "SNP", "Reform UK",
    "Libertarian", "socialist", "communist", "Communist", "progressive", "Liberal", "NDP",
    "Sinn Féin", "Fianna Fáil", "Plaid Cymru", "Bloc Québécois", "AfD", "CDU", "SPD", "BJP",
    "Congress Party", "ANC", "far-right", "Trotskyist", "Labor",
)
_NRP_KINDS: Dict[str, Tuple[str, ...]] = {"nat": NATIONALITIES, "rel": RELIGIONS, "pol": POLITICAL}


def nrp_word(ctx: Context, kind: str = "") -> str:
    """A nationality, religion or political group, as an adjective or a noun."""
    if kind not in _NRP_KINDS:
        kind = weighted_choice(ctx.rng, (("nat", 5), ("rel", 3), ("pol", 2)))
    return ctx.rng.choice(_NRP_KINDS[kind])


def indefinite_article(word: str) -> str:
    """ "a " or "an " for the word that follows ("an Irish", "an 80-year-old", "an 11-year-old")."""
    if word[:1].isdigit():
        digits = word.split("-")[0].split(" ")[0].split("y")[0]
        return "an " if digits.startswith("8") or digits in ("11", "18") else "a "
    return "an " if word[:1].lower() in "aeiou" and not word.startswith(("Uk", "Eu", "uk", "eu")) else "a "


@slot("nrp", "NRP")
def slot_nrp(ctx: Context, arg: str) -> Pieces:
    """`{nrp}`, `{nrp:nat}`, `{nrp:rel}`, `{nrp:pol}`; an arg ending in "a" (`{nrp:a}`,
    `{nrp:nata}`) puts "a"/"an" before the word, outside the span."""
    article = arg.endswith("a")
    word = nrp_word(ctx, arg[:-1] if article else arg)
    if article:
        return [(indefinite_article(word), None), (word, "NRP")]
    return [(word, "NRP")]


# --- ages ---------------------------------------------------------------------------------

_AGE_UNITS = ("years old", "years old", "years old", "yrs old", "years of age", "yo")


def age_value(ctx: Context, form: str = "", words: bool = False) -> str:
    """A person's age as written in prose and notes.

    form (str): "" a bare number ("42"); "adj" ("42-year-old"); "old" ("42 years old");
        "yo" (clinical: "42 y/o", "42yo", "42 yrs"); "kid" (babies and children:
        "six weeks old", "18-month-old", "4-year-old"); "kidn" and "teen" the bare number of
        a child or a teenager ("at the age of nine", "left school at 16").
    words (bool): numbers in words ("forty-two").
    RETURNS (str): the age expression, which is the whole AGE span.
    """
    rng = ctx.rng
    n = {"kid": rng.randint(1, 15), "kidn": rng.randint(1, 12), "teen": rng.randint(14, 18)}.get(form, rng.randint(16, 97))
    num = number_words(n).replace(" ", "-") if words or rng.random() < 0.12 else str(n)
    if form in ("kidn", "teen"):
        return number_words(n) if rng.random() < 0.5 else str(n)
    if form == "adj":
        return f"{num}-year-old"
    if form == "old":
        return f"{num} {rng.choice(_AGE_UNITS)}"
    if form == "yo":
        return rng.choice((f"{n} y/o", f"{n}yo", f"{n} yrs", f"{n} y.o.", f"{n}-year-old", f"{n} years"))
    if form == "kid":
        unit = rng.choice(("weeks", "months", "days", "years", "years"))
        small = rng.randint(2, 11) if unit != "years" else n
        small_text = number_words(small).replace(" ", "-") if rng.random() < 0.5 else str(small)
        if rng.random() < 0.5:
            return f"{small_text}-{unit[:-1]}-old"
        return f"{small_text} {unit} old"
    return num


@slot("age", "AGE")
def slot_age(ctx: Context, arg: str) -> Pieces:
    """A person's age (forms: see `age_value`); an arg ending in "a" (`{age:adja}`) puts
    "a"/"an" before it, outside the span."""
    article = arg.endswith("a")
    value = age_value(ctx, arg[:-1] if article else arg)
    if article:
        return [(indefinite_article(value), None), (value, "AGE")]
    return [(value, "AGE")]


# --- small words of clinical and personal notes -------------------------------------------


@slot("sex")
def slot_sex(ctx: Context, arg: str) -> Pieces:
    """The sex field of a clinical note ("F", "M"): not an identifier on its own."""
    return [(ctx.rng.choice(("F", "M", "female", "male", "F", "M")), None)]


@slot("sexword")
def slot_sex_word(ctx: Context, arg: str) -> Pieces:
    return [(ctx.rng.choice(("woman", "man", "woman", "man", "girl", "boy", "patient")), None)]


@slot("month_p", "DATE_TIME")
def slot_month_of_person(ctx: Context, arg: str) -> Pieces:
    """A month (and sometimes year) in which a named person does something."""
    month = ctx.rng.choice(MONTHS)
    return [(month if ctx.chance(0.6) else f"{month} {ctx.rng.randint(2019, 2027)}", "DATE_TIME")]


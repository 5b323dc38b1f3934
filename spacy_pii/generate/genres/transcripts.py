"""Call-centre and speech-to-text transcripts: lower case, no punctuation, fillers, spoken
digits ("four one five double five ..."), spoken e-mails, names spelled out letter by letter.
"""
import re
from typing import Callable, Dict, List, Optional

from ..core import Builder, Context, Pieces, SlotFunc
from ..draw import weighted_choice
from ..noise import insert_fillers
from ..providers import (
    address_inline,
    card_number,
    iban,
    ipv4,
    mac_address,
    name_form,
    password,
    persona_email,
    persona_username,
    phone_number,
    ssn,
    street_line,
)
from ..spoken import (
    number_words,
    speak_chars,
    speak_date,
    speak_digits,
    speak_email,
    speak_number_string,
    speak_time,
    speak_when,
)
from .base import GenreSpec, join, make_templates, units

NAME = "transcript"

POSITIVE = [
    "hi my name is {person} and i'm calling about my account",
    "yeah hi this is {person} i got a letter from you guys",
    "my last name is {last} that's {spelled}",
    "it's {fullname} that's {spelled}",
    "the best number to reach me is {phone}",
    "you can call me back on {phone} after {time}",
    "my cell is {phone} and my home number is {phone}",
    "my email is {email}",
    "it's {email} all lower case",
    "can you send the confirmation to {email} please",
    "my date of birth is {dob}",
    "i was born on {dob}",
    "date of birth {dob} and the zip is the same as before",
    "the card number is {card} and the expiry is oh four twenty seven",
    "i want to pay with my visa it's {card}",
    "the long number on the front is {card}",
    "my social security number is {ssn}",
    "social is {ssn}",
    "i live at {address}",
    "the address on file should be {address}",
    "we just moved to {street} so please update that",
    "i'm calling from {city}",
    "we moved to {city} in {state} last month",
    "i'm originally from {country} but i live in {city} now",
    "i work for {org}",
    "this is {first} from {org} returning your call",
    "hello i'm calling from {org} regarding a claim for {person}",
    "can i speak to {person} please",
    "is {first} available",
    "my username is {user}",
    "the login is {user} and the password i set was {password}",
    "i think the password is {password} but it says incorrect",
    "the pin is {pin}",
    "i need to book an appointment for {when}",
    "can we move it to {when}",
    "my appointment was on {date} but nobody called",
    "the doctor wants to see me {when}",
    "my iban is {iban}",
    "i gave them the account number {iban} for the refund",
    "the ip it shows on the screen is {ip}",
    "it says my ip address is {ip} if that helps",
    "the mac address on the sticker says {mac}",
    "i'm calling on behalf of my mother {person:1} she's on the account too",
    "my husband {first:1} is also on the account",
    "could you send it to {email} instead",
    "okay so that's {phone} correct",
    "thank you {titled} i have your details here",
    "i flew in from {country} on {date}",
    "i'm staying at {street} in {city} for now",
    "we spoke with {first} on {date} and she said it was fixed",
    "i'm a customer at the {city} branch",
    "my employer {org} pays into that account",
    "i'm {first} and i'm calling for my daughter {first:1} she was born {dob}",
    "yes {fullname} date of birth {dob}",
    "it's registered to {person} at {address}",
    "please charge it to the card ending in {cardlast4} no wait use {card}",
    "my old number was {phone} but the new one is {phone}",
    "he works at {org} in {city}",
    "you can email {first} at {email}",
    "i got a text from {phone} saying my account was locked",
    "the package was supposed to go to {address} but it went to {city}",
    "okay {first} can you verify your date of birth for me",
    "and can i have the name on the card {fullname}",
    "last name {last} first name {first}",
    "sure it's {last} spelled {spelled}",
    "the caller {person} says she never made that transaction on {date}",
    "i was at the {org} office on {street} {when}",
    "my son {person:1} uses the account too his email is {email:1}",
    "my manager at {org} is {person:1}",
    "it's {first} from accounts can you call me back at {phone}",
    "the router at home is {ip} and it keeps dropping",
    "i'm in {country} right now so call me on {phone}",
    "hi um yes i'm trying to reach {person} in the accounts department",
    "the booking is under {last} l a s t name {spelled}",
    "i changed my email to {email} like two weeks ago",
    "she was born {dob} so she's a minor",
    "we're at {address} the blue house on the corner",
    "yeah the user id is {user} and it won't let me in",
    "so my wife {first:1} called you guys yesterday from {phone}",
    "could you transfer the money to {iban} please",
    "i need to cancel the appointment on {date} with {titled}",
    "my employer is {org} and they're in {city}",
    "okay the device id on the back is {mac} does that help",
    "it's a printer and the mac is {mac}",
    "the technician asked for the hardware address it's {mac}",
    "the last four of my social no sorry the whole thing is {ssn}",
    "for the credit check my social security number is {ssn}",
    "you need my ssn it's {ssn}",
    "my laptop says the ip is {ip} and the gateway is {ip}",
    "can you block {ip} it keeps trying to log in",
    "the card is a mastercard {card} and the name on it is {fullname}",
    "yes the full card number {card}",
    "my bank account number the iban is {iban}",
    "the refund should go to {iban} that's my new account",
    "i reset it to {password} yesterday",
    "the door code they gave me was {pin}",
    "my login name is {user} no capitals",
    "the account is under {user} at {org}",
    "i'm {age:old} and i've never had this problem",
    "my mother is {age} and she lives on her own so i handle her account",
    "the account is for my son he's {age:kid} so it's under my name {fullname}",
    "i'm {nrp:nat} so my surname gets spelled wrong all the time it's {spelled}",
    "my dad's {age} he's {nrp:nata} national and he banks with {legalorg}",
    "she's {age:adja} and she's been with {legalorg} since {yr}",
    "i work for {legalorg} in {city}",
    "it's for {ranked} at the {city} office"
]

NEGATIVE = [
    "um yeah i've been on hold for like forty minutes",
    "may i ask what this call is regarding",
    "i will mark that as resolved for you today",
    "the bill for this month was way higher than usual",
    "prices rose again this summer so i want to cancel",
    "can you grant me access to the online portal",
    "your order number is {order}",
    "the case number is {order} if you need it",
    "it costs {amount} per month for the basic plan",
    "i'm calling about the {product} i bought last week",
    "let me put you on a brief hold while i check that",
    "the last four digits are {cardlast4}",
    "i restarted the router and it still shows error {num}",
    "thank you for calling how can i help you today",
    "is there anything else i can help you with",
    "okay i will send you a link by text it may take a few minutes",
    "can you hear me okay the line is really bad",
    "no that's fine i'll wait",
    "so the rose gold one was out of stock",
    "i just want to know why i was charged twice",
    "we had a power cut and now nothing works",
    "sorry could you repeat that please",
    "the engineer said the outage should be fixed within the hour",
    "press one for billing press two for technical support",
    "my customer number is {empid}",
    "will you be able to waive the late fee this time",
    "i just wanted to mark the payment as disputed",
    "the grant money hasn't come through yet",
    "yeah so the summer plan was cheaper",
    "can you check if the bill has been paid",
    "i may have clicked the wrong button",
    "the router model is {product}",
    "it keeps saying error code {num} whenever i try",
    "okay let me just grab a pen",
    "i've already tried turning it off and on again",
    "the reference is {order} on the letter",
    "that's fine i can wait a few days",
]


def _spoken_override(label: str, maker: Callable[[Context, str], str]) -> SlotFunc:
    """A slot override that labels the spoken value made by `maker`."""

    def render_value(ctx: Context, arg: str) -> Pieces:
        return [(maker(ctx, arg), label)]

    return render_value


def _person(ctx: Context, arg: str) -> str:
    form = weighted_choice(ctx.rng, (("full", 6), ("first", 3), ("last", 1), ("middle", 0.4)))
    return name_form(ctx, ctx.persona(arg), form)


def _email(ctx: Context, arg: str) -> str:
    email = persona_email(ctx, ctx.persona(arg))
    return speak_email(ctx.rng, email) if ctx.chance(0.95) else email.lower()


def _date(ctx: Context, arg: str) -> str:
    return speak_date(ctx.rng, 2018, 2026, with_year=ctx.chance(0.4))


def _address(ctx: Context, arg: str) -> str:
    text = street_line(ctx) if ctx.chance(0.45) else address_inline(ctx)
    text = re.sub(r"[,#]", " ", text.lower())
    if ctx.chance(0.5):
        text = re.sub(r"\d+", lambda m: speak_digits(ctx.rng, m.group(0)) if len(m.group(0)) > 2 else number_words(int(m.group(0))), text)
    return " ".join(text.split())


def _when(ctx: Context, arg: str) -> Pieces:
    # "tomorrow" has no calendar anchor: it stays outside the span, the clock time is in it.
    if ctx.chance(0.15):
        return [(ctx.rng.choice(("tomorrow at ", "tonight at ", "later today at ")), None), (speak_time(ctx.rng), "DATE_TIME")]
    return [(speak_when(ctx.rng), "DATE_TIME")]


def _user(ctx: Context, arg: str) -> str:
    user = persona_username(ctx, ctx.persona(arg))
    return speak_chars(ctx.rng, user) if ctx.chance(0.6) else user.lower()


OVERRIDES: Dict[str, SlotFunc] = {
    "person": _spoken_override("PERSON", _person),
    "phone": _spoken_override("PHONE_NUMBER", lambda ctx, arg: speak_number_string(ctx.rng, phone_number(ctx))),
    "email": _spoken_override("EMAIL_ADDRESS", _email),
    "card": _spoken_override("CREDIT_CARD", lambda ctx, arg: speak_number_string(ctx.rng, card_number(ctx))),
    "ssn": _spoken_override("US_SSN", lambda ctx, arg: speak_number_string(ctx.rng, ssn(ctx.rng))),
    "iban": _spoken_override("IBAN_CODE", lambda ctx, arg: speak_chars(ctx.rng, iban(ctx).replace(" ", ""), spell_letters=True)),
    "ip": _spoken_override("IP_ADDRESS", lambda ctx, arg: speak_chars(ctx.rng, ipv4(ctx.rng)) if ctx.chance(0.9) else ipv4(ctx.rng)),
    "mac": _spoken_override("MAC_ADDRESS", lambda ctx, arg: speak_chars(ctx.rng, mac_address(ctx.rng), spell_letters=True)),
    "dob": _spoken_override("DATE_TIME", lambda ctx, arg: speak_date(ctx.rng, 1938, 2007)),
    "date": _spoken_override("DATE_TIME", _date),
    "when": _when,
    "time": _spoken_override("DATE_TIME", lambda ctx, arg: speak_time(ctx.rng)),
    "address": _spoken_override("STREET_ADDRESS", _address),
    "street": _spoken_override("STREET_ADDRESS", lambda ctx, arg: " ".join(re.sub(r"[,#]", " ", street_line(ctx).lower()).split())),
    "user": _spoken_override("USERNAME", _user),
    "password": _spoken_override("CREDENTIAL", lambda ctx, arg: speak_chars(ctx.rng, password(ctx))),
    "pin": _spoken_override("CREDENTIAL", lambda ctx, arg: speak_digits(ctx.rng, f"{ctx.rng.randint(0, 9999):04d}")),
    "order": lambda ctx, arg: [(speak_digits(ctx.rng, str(ctx.rng.randint(10_000, 99_999_999))), None)],
    "cardlast4": lambda ctx, arg: [(speak_digits(ctx.rng, f"{ctx.rng.randint(0, 9999):04d}"), None)],
    "num": lambda ctx, arg: [(number_words(ctx.rng.randint(1, 999)), None)],
    "age": lambda ctx, arg: _age(ctx, arg),
    "empid": lambda ctx, arg: [(speak_digits(ctx.rng, str(ctx.rng.randint(10_000, 9_999_999))), None)],
    "amount": lambda ctx, arg: [(f"{number_words(ctx.rng.randint(5, 999))} {ctx.rng.choice(('dollars', 'pounds', 'euros', 'bucks'))}", None)],
}


def _age(ctx: Context, arg: str) -> Pieces:
    """A spoken age: "forty two", "forty two years old", "a forty two year old", "six months old"."""
    rng = ctx.rng
    kid = arg.startswith("kid")
    words = number_words(rng.randint(1, 11) if kid else rng.randint(16, 97))
    if arg.startswith("old"):
        value = f"{words} years old"
    elif arg.startswith("adj"):
        value = f"{words} year old"
    elif kid:
        value = f"{words} {rng.choice(('months', 'years', 'weeks'))} old"
    else:
        value = words
    if arg.endswith("a"):
        return [("an " if words.startswith(("eight", "eleven")) else "a ", None), (value, "AGE")]
    return [(value, "AGE")]


_PUNCT = re.compile(r"[^\w\s']")


def _style(ctx: Context, text: str, label: Optional[str]) -> str:
    """Lower case; punctuation dropped except apostrophes (and inside written e-mails/IPs)."""
    if label in ("EMAIL_ADDRESS", "IP_ADDRESS") and ("@" in text or "." in text):
        return text.lower()
    core = " ".join(_PUNCT.sub(" ", text.lower()).split()) or text.lower()
    # Keep the outer spaces: "dr. " must stay a separate word from the name after it.
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return lead + core + trail


def _noise(ctx: Context, text: str) -> str:
    return insert_fillers(ctx.rng, text, 0.05)


def compose(ctx: Context, positive: bool) -> Builder:
    """Three to eight utterances, run together or one speaker turn a line."""
    parts: List[Builder] = units(ctx, SPEC, positive, 3, 8, 0.45)
    return join(parts, "\n" if ctx.chance(0.35) else " ")


SPEC = GenreSpec(
    name=NAME,
    weight=0.18,
    positives=make_templates(NAME, "pos", POSITIVE),
    negatives=make_templates(NAME, "neg", NEGATIVE),
    slots=OVERRIDES,
    noise_literal=_noise,
    style_value=_style,
)
SPEC.compose = compose

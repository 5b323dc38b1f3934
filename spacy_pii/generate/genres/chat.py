"""Chat and support messages: typos, abbreviations, mixed and ALL CAPS casing, emoji,
@mentions, pasted secrets, IRC/Slack-style speaker tags.
"""
from typing import List, Optional

from ..core import Builder, Context
from ..noise import chat_noise, emoji
from ..providers import persona_username, vary_case
from .base import GenreSpec, join, make_templates, units

NAME = "chat"

POSITIVE = [
    "hey {first} can you send me your number",
    "my number is {phone} text me when you're here",
    "please update my email to {email} thanks",
    "hi im {person}, i cant log in to my account",
    "my username is {user} and password {password} can you reset it",
    "{handle} can you review my PR when you get a sec",
    "{handle} thanks!!",
    "cc {handle} {handle:1}",
    "DM me or email me at {email}",
    "call me {when}",
    "meeting moved to {when}",
    "my card {card} got declined again wtf",
    "here's the iban for the refund: {iban}",
    "ssn is {ssn} dont share it lol",
    "i'm in {city} this week, back on {date}",
    "moving to {country} next month!!",
    "deliver to {address} please",
    "my address changed to {address}",
    "i work at {org} btw",
    "{first} from {org} said they'd call back",
    "whats your ip? mine is {ip}",
    "can you whitelist {ip} for me",
    "my laptop's mac address is {mac}",
    "here's the key {apikey} dont leak it",
    "oops i pasted my token {token} can someone delete that",
    "the wifi password is {password}",
    "bday is {dob}",
    "{fullname} is my manager",
    "ask {titled}, she handles refunds",
    "happy birthday {first}!!!",
    "THIS IS {person} AND I WANT A REFUND NOW",
    "lol {first} you are hilarious",
    "my gamertag is {user} add me",
    "follow me {handle}",
    "i'm staying at {street} until {date}",
    "flight to {city} on {date}, so excited",
    "can someone from {org} contact me at {phone}",
    "hi my name is {person} my order {order} never arrived",
    "login: {user} / pw: {password}",
    "here's the staging db password {password}",
    "my old email {email} doesnt work anymore, use {email:1}",
    "ok so {first} said {first:1} is out until {date}",
    "invite {email} to the channel pls",
    "pls send the contract to {person} at {org}",
    "hey is this {first}? it's {first:1} from {city}",
    "CALL ME AT {phone}",
    "new phone who dis. it's {first}",
    "yo {handle} check your email",
    "ssh into {ip} as {user}, the key is in the vault",
    "AWS key leaked in slack: {apikey} rotate it asap",
    "the vpn gives me {ip} but my home ip is {ip}",
    "{fullname} here, just checking in about the invoice",
    "i told {first} to meet us at {address} at {time}",
    "my mom {person:1} was born {dob} and needs the form too",
    "payment went to {iban} but bank says account holder is {fullname}??",
    "ok my ssn: {ssn} and dob {dob}",
    "got a weird call from {phone} claiming to be {org}",
    "new api token for prod: {token}",
    "use session cookie {session} to repro",
    "the bearer token is {jwt}",
    "our office moved to {fulladdress}",
    "{first}!!! where are you",
    "{user} changed their name to {person}",
    "anyone know {fullname}? works at {org} in {city}",
    "i live in {state} so shipping takes forever",
    "dad's mobile is {phone}",
    "device {mac} keeps dropping off the network",
    "sign me up: {fullname}, {email}, {phone}",
    "logged in as {user} but it shows {first}'s profile??",
    "anyone know {first}'s number? need it for the {city} trip",
    "{first} and {first:1} are coming to the party on {when}",
    "pls dont call {phone} that's my old number, use {phone}",
    "lol {first} ur killing me",
    "meet at {address}? {time} works for me",
    "i'm {first}, new here, working at {org}",
    "send the docs to {email} or {email:1} whichever works",
    "my insta is {handle} and twitter {handle}",
    "password for the guest wifi at {org} is {password}",
    "{handle} your api key is showing in the screenshot: {apikey}",
    "reminder: {first}'s bday is {dob}!!",
    "charged twice on {card}, pls refund",
    "new card is {card} exp 09/28",
    "can u pay with my card? {card} 🙏",
    "the company iban is {iban}",
    "refund to {iban} pls, thats my dutch account",
    "hr needs my ssn, it's {ssn} right?",
    "ssn {ssn} dob {dob} name {fullname}",
    "printer mac {mac} ip {ip}",
    "whitelist the mac {mac} on the guest network",
    "my grandma is {age} and still texts faster than me lol",
    "hes {age:adja} {nrp:nat} guy, works at {legalorg}",
    "check out {url} 🔥",
    "my portfolio is up at {url:person} !!",
    "omg {handle} just posted about {legalorg}",
    "ask it to reset {domuser} pls",
    "we're {nrp:rel} so no pork for us pls 🙏",
    "{first} is {nrp:pola} voter lol dont bring it up at dinner",
    "{first} turned {age} yesterday 🎂",
    "new job at {legalorg}!! starting {date}",
    "logs are in {userpath} if u need them",
    "follow {user} on insta, she posts the best stuff",
    "link: {url}",
    "sign up here {url} and use my code",
]

NEGATIVE = [
    "can you check ticket {order}? still broken",
    "deploy {version} went out this morning",
    "build {gitsha} is green",
    "may be late today, stuck in traffic",
    "will do, thanks!",
    "please mark this as done",
    "the bill came to {amount} lol",
    "grant me access to the repo please",
    "who ate my {placeword}",
    "anyone else getting {status} on {urlpath}?",
    "my {product} keeps crashing after the update",
    "lol same",
    "brb 5 min",
    "order {order} says delivered but nothing here",
    "card ending in {cardlast4} was charged twice",
    "tracking number is {badcard} and it hasn't moved",
    "rose gold or space grey?",
    "summer sale is live, {percent} off everything",
    "is the {service} down or is it just me",
    "request id {reqid} if that helps",
    "it took {duration} to load, way too slow",
    "ok the fix is in {gitsha}, can you pull",
    "can i get a refund for {order} pls",
    "how do i reset my password? the link in the email expired",
    "thanks so much, you're a lifesaver",
    "the checksum is {sha256}",
    "bob your head to this song lol",
    "server's running on {loopback}:{port} locally",
    "office is closed {plaindate} fyi",
    "my employee id is {empid}, where do i find my payslip",
    "will u be around later?",
    "can u mark my PR as ready",
    "bill split 3 ways = {amount} each",
    "grant says hi (the cat lol)",
    "rose wine or beer for friday?",
    "may the force be with u",
    "is {product} worth it?",
    "{percent} battery and no charger 😭",
    "the link 404s: {urlpath}",
    "omg the meeting ran {duration} over",
    "to be frank that vendor was a disaster",
    "happy {holiday} everyone 🎉",
    "{countdown} 🎆",
    "8 years of experience for a junior role?? lol",
    "may be late, bill me for the pizza",
    "who's up for {natthing} tonight",
    "section {dotted} of the rules says no",
]

_TAG_FORMATS = ("[{t}] <{u}> ", "{u}: ", "[{t}] {u}: ", "<{u}> ", "{u} ({t}): ")


def _style(ctx: Context, text: str, label: Optional[str]) -> str:
    mode = ctx.memo.get("case", "normal")
    if mode == "upper" and label in ("PERSON", "LOCATION", "ORGANIZATION"):
        return text.upper()
    if label == "PERSON":
        return vary_case(ctx.rng, text, 0.3, 0.1)
    if label in ("LOCATION", "ORGANIZATION", "STREET_ADDRESS"):
        return vary_case(ctx.rng, text, 0.25, 0.04)
    if label == "EMAIL_ADDRESS":
        return vary_case(ctx.rng, text, 0.2, 0.02)
    return text


def _noise(ctx: Context, text: str) -> str:
    text = chat_noise(ctx.rng, text, 0.04, 0.35)
    mode = ctx.memo.get("case", "normal")
    if mode == "lower":
        return text.lower()
    if mode == "upper":
        return text.upper()
    return text


def _tag(ctx: Context, index: int, positive: bool) -> Builder:
    """A speaker tag: a username (a span) in positive examples, a role otherwise."""
    fmt = ctx.memo["tag_format"]
    t = f"{ctx.rng.randint(0, 23):02d}:{ctx.rng.randint(0, 59):02d}"
    before, _, after = fmt.replace("{t}", t).partition("{u}")
    out = Builder().text(before)
    if positive:
        out.value(persona_username(ctx, ctx.persona(str(index % 2 + 5))), "USERNAME")
    else:
        out.text(("agent", "customer", "support", "bot", "user1", "user2")[index % 2 + 2 * (ctx.memo["tag_role"])])
    return out.text(after)


def compose(ctx: Context, positive: bool) -> Builder:
    """Two to seven messages; sometimes a chat log with speaker tags; emoji here and there."""
    ctx.memo["case"] = ("normal", "normal", "normal", "lower", "lower", "upper")[ctx.rng.randrange(6)] if ctx.chance(0.5) else "normal"
    messages: List[Builder] = units(ctx, SPEC, positive, 2, 7, 0.4)
    for message in messages:
        if ctx.chance(0.3):
            message.text(" " + emoji(ctx.rng))
    if ctx.chance(0.35):
        ctx.memo["tag_format"] = ctx.rng.choice(_TAG_FORMATS)
        ctx.memo["tag_role"] = ctx.rng.randrange(3)
        messages = [_tag(ctx, i, positive).extend(m) for i, m in enumerate(messages)]
        return join(messages, "\n")
    return join(messages, lambda: ctx.rng.choice(("\n", "\n", " ", "  ")))


SPEC = GenreSpec(
    name=NAME,
    weight=0.2,
    positives=make_templates(NAME, "pos", POSITIVE),
    negatives=make_templates(NAME, "neg", NEGATIVE),
    noise_literal=_noise,
    style_value=_style,
)
SPEC.compose = compose

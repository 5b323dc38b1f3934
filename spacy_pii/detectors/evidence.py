"""Evidence in the line for the labels an identifier's look cannot decide: USERNAME and
CREDENTIAL.

A model that sees `HiSyncOption`, `workerEnv.init` or a hex session id may call it a user
name or a secret; only what stands around it can say so. A USERNAME or CREDENTIAL the NER
proposes is kept (`PIIRedactor.candidates`) only with evidence in its line:
- USERNAME: a user/login key or phrase right before the value (`user=`, `"login": "`,
  `uid=`, `account `, `handle, `, `sudo: `, `by `, `for user `, `Accepted password for `,
  `Failed password for invalid user `, `logged in as `), `for <x> from` around it, the
  user field of an access log, an `@handle`, a home directory (`/home/<x>`,
  `C:\\Users\\<x>`) or a Windows account (`CORP\\jdoe`);
- CREDENTIAL: a word naming a secret right before it (`password=`, `password, `, `token: `,
  `API key `, `secret`, `door code is `), a key only as a key (`session=`, `auth: `), an
  auth scheme (`Authorization: Bearer `, `Basic `), or the value has a known token shape
  (the credential detector's: AWS, GitHub, Slack, Stripe, Google keys, JWTs, PEM).
A value proposed under one of the two with evidence only for the other takes the other
(`evidenced_label`): `Failed password for jdoe from` is a user name, whatever the model said.

The regexes are data here, compiled once. "Right before" means: ending where the value
starts, within `EVIDENCE_WINDOW` characters, on the same line.
"""
import re
from typing import Dict, Optional, Pattern, Tuple

from .credential import find_credentials

EVIDENCE_WINDOW = 64

# Key names, as written in `key=value`, `key: value`, `"key": "value"` (a closing quote, a
# separator, an opening quote), or a phrase followed by a space.
_USER_KEYS = (
    r"user(?:[_ .-]?(?:name|id))?|usr|uname|login(?:[_ .-]?name)?|logon|uid|ruser|euser|luser|"
    r"account(?:[_ .-]?name)?|acct|owner|author|handle|nick(?:name)?|screen[_ .-]?name|"
    r"principal|member|sam[_ .-]?account[_ .-]?name|upn|sudo_user|su_user|profile|alias"
)
# Words that name a secret whatever separates them from it ("password, Summer2023!").
_SECRET_WORDS = (
    r"password|passwd|passwort|pwd|pass(?:phrase|code|word)?|pw|secret|(?:auth|access|refresh|"
    r"id|csrf|xsrf|bearer|api)?[_ .-]?token|api[_ .-]?key|apikey|(?:access|secret|private|"
    r"signing|encryption|client|master)[_ .-]?key|credentials?|otp|pin|(?:door|access|security|"
    r"alarm|entry|gate)[_ .-]?code"
)
# Words that name a secret only as a key (`session=...`, `auth: ...`): a session id in prose
# or a log message is an identifier, not a secret.
_SECRET_KEYS = r"session(?:[_ .-]?(?:id|key))?|sid|auth|key"
_KEY_SEPARATOR = r"[\"']?[ \t]*(?::=|=>|[:=]|\bis\b|\bwas\b)[ \t]*[\"']?"
_LOOSE_SEPARATOR = r"[\"']?[ \t]*(?::=|=>|[:=,]|\bis\b|\bwas\b|\bof\b)?[ \t]*[\"'(]?"

EVIDENCE_BEFORE: Dict[str, Tuple[Pattern[str], ...]] = {
    "USERNAME": (
        re.compile(r"(?<![A-Za-z0-9])(?:" + _USER_KEYS + r")" + _LOOSE_SEPARATOR + r"\Z", re.IGNORECASE),
        re.compile(
            r"(?<![A-Za-z0-9])(?:(?:invalid |illegal |for |new |unknown )?user|for user|for invalid user|"
            r"for illegal user|password for|logged in as|signed in as|logged out|login as|connected as|"
            r"authenticated as|impersonating|by|sudo:)[ \t]+(?:[\"'(\[<]|user[ \t]+)?\Z",
            re.IGNORECASE,
        ),
        # "the VPN login for the contractor is X"
        re.compile(r"(?<![A-Za-z0-9])(?:" + _USER_KEYS + r")\b[^\n]{0,40}?\b(?:is|was)[ \t]*[\"'(]?\Z", re.IGNORECASE),
        re.compile(r"(?<![A-Za-z0-9._%+-])@\Z"),  # @handle, not the domain of an e-mail
        # a home directory or a mailbox file: /home/<user>, C:\Users\<user>, /var/mail/<user>
        re.compile(r"(?:/home/|/Users/|\\Users\\|/var/mail/|/var/spool/mail/)\Z", re.IGNORECASE),
        re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9-]{1,14}\\\Z"),  # DOMAIN\user
    ),
    "CREDENTIAL": (
        re.compile(
            r"(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,40}?(?:" + _SECRET_WORDS + r")" + _LOOSE_SEPARATOR + r"\Z",
            re.IGNORECASE,
        ),
        re.compile(
            r"(?<![A-Za-z0-9])[A-Za-z0-9_.-]{0,40}?(?:" + _SECRET_KEYS + r")" + _KEY_SEPARATOR + r"\Z",
            re.IGNORECASE,
        ),
        # "the password i set was X", "the token for Acme is X"
        re.compile(
            r"(?<![A-Za-z0-9])(?:" + _SECRET_WORDS + r")\b[^\n]{0,40}?\b(?:is|was|are|were)[ \t]*[\"'(]?\Z",
            re.IGNORECASE,
        ),
        re.compile(
            r"(?<![A-Za-z0-9-])(?:(?:proxy-)?authorization[\"']?[ \t]*[:=][ \t]*[\"']?)?"
            r"(?:bearer|basic|token|digest|negotiate|ntlm|bot)[ \t]+\Z",
            re.IGNORECASE,
        ),
        re.compile(r"(?<![A-Za-z0-9-])(?:set-)?cookie[\"']?[ \t]*:[ \t]*(?:[^\r\n;=]{1,256}=)?\Z", re.IGNORECASE),
    ),
}
# Phrases around the value: "Accepted password for jane from 10.0.0.1"; the user field of an
# access log ("10.1.2.3 - jane [14/Mar/2025:10:11:45 +0530]").
EVIDENCE_AROUND: Dict[str, Tuple[Tuple[Pattern[str], Pattern[str]], ...]] = {
    "USERNAME": (
        (re.compile(r"(?<![A-Za-z0-9])for[ \t]+\Z", re.IGNORECASE), re.compile(r"[ \t]+from[ \t]", re.IGNORECASE)),
        (re.compile(r"^[^\s]{1,64} [^\s]{1,64} \Z", re.MULTILINE), re.compile(r" \[\d{1,2}/[A-Za-z]{3}/\d{4}[: ]")),
    ),
}
# Evidence inside the value itself: a Windows account (DOMAIN\user), a home directory.
EVIDENCE_IN_VALUE: Dict[str, Tuple[Pattern[str], ...]] = {
    "USERNAME": (
        re.compile(r"[A-Z][A-Z0-9-]{1,14}\\[A-Za-z0-9._-]{1,64}"),
        re.compile(r"(?:[A-Za-z]:)?(?:\\Users\\|/home/|/Users/)[^\\/\s]{1,64}(?:[\\/].*)?", re.IGNORECASE),
    ),
}
# The labels this rule applies to.
EVIDENCE_LABELS = frozenset(EVIDENCE_BEFORE)
# A CamelCase name of two humps or more, right before code punctuation ({ ( $ @ or .word):
# a class, method or component of a system log, never an account or a secret there.
CODE_IDENTIFIER = re.compile(r"[A-Za-z][a-z0-9]*(?:[A-Z][a-z0-9]+){2,}(?=[{($@]|\.[A-Za-z])")


def looks_like_code(label: str, text: str, start: int, end: int) -> bool:
    """Whether a proposed USERNAME or CREDENTIAL is a code identifier (`CODE_IDENTIFIER`).

    label (str): the proposed label.
    text (str): the whole text.
    start (int): start of the value. end (int): its end.
    RETURNS (bool): True to drop it.
    """
    if label not in EVIDENCE_LABELS:
        return False
    code = CODE_IDENTIFIER.match(text, start)
    return code is not None and code.end() == end


def evidenced_label(label: str, text: str, start: int, end: int) -> Optional[str]:
    """The label a proposed value keeps: its own when it needs no evidence or has it; else
    the other evidence-bearing label if the line is evidence for that one (`Failed password
    for jdoe from`, proposed as CREDENTIAL, is a USERNAME); else None (dropped).

    label (str): the proposed label.
    text (str): the whole text.
    start (int): start of the value. end (int): its end.
    RETURNS (Optional[str]): the label to keep, or None.
    """
    if looks_like_code(label, text, start, end):
        return None  # `AppWindowToken{...}`, `HiSyncOption.init`: code, whatever key precedes it
    if has_evidence(label, text, start, end):
        return label
    for other in sorted(EVIDENCE_LABELS - {label}) if label in EVIDENCE_LABELS else ():
        if has_evidence(other, text, start, end):
            return other
    return None


def has_evidence(label: str, text: str, start: int, end: int) -> bool:
    """Whether the line of a proposed USERNAME or CREDENTIAL holds evidence for it (see the
    module docstring); True for every other label.

    label (str): the proposed label.
    text (str): the whole text.
    start (int): start of the value. end (int): its end.
    RETURNS (bool): True to keep the value.
    """
    before_rules = EVIDENCE_BEFORE.get(label)
    if before_rules is None:
        return True
    value = text[start:end]
    if label == "USERNAME" and value.startswith("@") and len(value) > 1:
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "._%+-"):
            return True
    if any(rule.fullmatch(value) for rule in EVIDENCE_IN_VALUE.get(label, ())):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    lo = max(line_start, start - EVIDENCE_WINDOW)
    before = text[lo:start]
    if any(rule.search(before) for rule in before_rules):
        return True
    for rule_before, rule_after in EVIDENCE_AROUND.get(label, ()):
        if rule_before.search(text, lo, start) and rule_after.match(text, end):
            return True
    if label == "CREDENTIAL":
        # A known token shape (the credential detector's) covering the value.
        core = value.strip()
        lead, trail = _lead(core), _trail(core)
        return any(m.start <= lead and m.end >= len(core) - trail for m in find_credentials(core))
    return False


def _lead(value: str) -> int:
    """Non-alphanumeric characters at the start of a value (quotes, brackets)."""
    n = 0
    while n < len(value) and not value[n].isalnum():
        n += 1
    return n


def _trail(value: str) -> int:
    """Non-alphanumeric characters at the end of a value, '=' padding kept aside."""
    n = 0
    while n < len(value) and not value[len(value) - 1 - n].isalnum():
        n += 1
    return n

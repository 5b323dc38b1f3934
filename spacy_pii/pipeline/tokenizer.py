"""A tokenizer for logs as well as prose: `spacy-pii.LogTokenizer.v1` and `.v2`.

spaCy's English tokenizer glues what logs put side by side: `ip=10.2.3.4` is one token,
`"phone":"+1 415 555 0101","email":"a@b.com"` splits into three. An entity that does not start
and end on a token boundary cannot be predicted exactly, and the redactor then masks the key
name or the quotes with the value. This tokenizer keeps spaCy's English rules and adds two things:

- *machine tokens*: timestamps, UUIDs, long hex runs, emails, IPv4 and MAC addresses are found
  by pattern first and each becomes one token, so `=`, `:` or `-` inside them never split;
- infixes for the separators of structured logs (`=`, quotes, brackets, `|`, `;`, `,"`, `":`,
  `key:value`), applied to the text between machine tokens.

The training configs name it in `[nlp.tokenizer]`, so a pipeline trained with it loads with it.
"""
import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Tuple, Union

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, registry

_HEX = "[0-9a-fA-F]"
# Shapes that are never PII but cost the encoder many wordpieces; one token each, and
# collapsed to one wordpiece (COLLAPSE_PATTERNS below). Hex runs need a letter: 16 digits may be
# a card number.
_TIMESTAMP = r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"
_UUID = rf"{_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}}"
_HEX_RUN = rf"(?=[0-9]*[a-fA-F]){_HEX}{{16,}}"
_BEFORE = r"(?<![\w.:@-])"
_AFTER = r"(?![\w@])"

# Each alternative is one token. Order matters only where two could start at one offset.
_MACHINE_V1 = [
    _TIMESTAMP,  # ISO 8601 with a time part; a bare date stays as spaCy splits it
    _UUID,
    _HEX_RUN,
    r"\w[\w.+%'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",  # email
    r"(?:\d{1,3}\.){3}\d{1,3}(?!\.\d)",  # IPv4 (not a 5-part version)
    rf"{_HEX}{{2}}(?:([:-]){_HEX}{{2}})(?:\1{_HEX}{{2}}){{4}}",  # MAC, one separator
    # IPv6: eight groups, or fewer around one "::"
    rf"(?:{_HEX}{{1,4}}:){{7}}{_HEX}{{1,4}}",
    rf"(?:{_HEX}{{1,4}}:)*{_HEX}{{0,4}}::(?:{_HEX}{{1,4}}:)*{_HEX}{{1,4}}",
]
# v2 adds the code identifiers and storage ids of system logs (JVM, Hadoop, YARN), which are
# never PII and which the v1 model read as user names, e-mails and card numbers:
# `org.apache.hadoop.hdfs.DataNode$PacketResponder`, `NIOServerCnxn@1001`, `workerEnv.init()`,
# `blk_-5627252808530876`, `container_1445144423722_0020_01_000002`, `0x7f3a2b`.
_HEX_LITERAL = rf"0x{_HEX}+"
_CODE_NAME = (
    r"(?:[a-z][a-z0-9_]*\.)+[A-Z][A-Za-z0-9_]*(?:\$[A-Za-z0-9_]+)*(?:@[0-9a-f]{1,16})?"  # package.Class
    r"|[A-Z][A-Za-z0-9_]*(?:\$[A-Za-z0-9_]+)+(?:@[0-9a-f]{1,16})?"  # Class$Inner
    r"|[A-Z][A-Za-z0-9_]*@[0-9a-f]{1,16}(?![.\w])"  # Class@hash (no domain after it)
    r"|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+\(\)"  # obj.method()
)
_STORAGE_ID = r"blk_-?\d+|(?:container|application|appattempt|job|attempt|task)(?:_[a-z]?\d+)+(?:_[mr](?:_\d+)+)?"
_MACHINE_V2 = _MACHINE_V1 + [_HEX_LITERAL, _STORAGE_ID, _CODE_NAME]


def _machine_regex(alternatives: List[str]) -> "re.Pattern[str]":
    return re.compile(_BEFORE + "(?:" + "|".join(alternatives) + ")" + _AFTER)


MACHINE_TOKEN = _machine_regex(_MACHINE_V1)
MACHINE_TOKEN_V2 = _machine_regex(_MACHINE_V2)
MACHINE_TOKENS = {1: MACHINE_TOKEN, 2: MACHINE_TOKEN_V2}

# The machine tokens the encoder reads as one in-vocabulary word: training/prepare_base.py
# writes these rules into the encoder's tokenizer.json (spacy-transformers saves it with the
# pipeline, so the packaged en_pii applies them with no extra code). Each match is a whole
# token under MACHINE_TOKEN, so its one wordpiece still aligns to exactly one spaCy token.
COLLAPSE_PATTERNS = [
    (_BEFORE + _TIMESTAMP + _AFTER, "stamp"),
    (_BEFORE + _UUID + _AFTER, "token"),
    (_BEFORE + _HEX_RUN + _AFTER, "digest"),
]
# With LogTokenizer.v2, whose machine tokens hold each of these whole.
COLLAPSE_PATTERNS_V2 = COLLAPSE_PATTERNS + [
    (_BEFORE + "(?:" + _HEX_LITERAL + ")" + _AFTER, "digest"),
    (_BEFORE + "(?:" + _STORAGE_ID + ")" + _AFTER, "token"),
    (_BEFORE + "(?:" + _CODE_NAME + ")" + _AFTER, "class"),
]
COLLAPSE_RULES = {1: COLLAPSE_PATTERNS, 2: COLLAPSE_PATTERNS_V2}

# Separators of structured logs, on top of spaCy's English infixes.
LOG_INFIXES = [
    r"=+",
    r'"',
    r"[{}\[\]()<>|;]",
    r"(?<=[\"'}\]]),",  # "a","b"  and  {...},{...}
    r",(?=[\"'{\[])",
    r"(?<=[\"'}\]]):",  # "key":value
    r":(?=[\"'{\[])",  # key:"value"
    # key:value where the key is a word (three letters, at least one outside a-f, so
    # MAC and IPv6 groups never split), and not a URL scheme
    r"(?<=[g-zG-Z_][A-Za-z_]{2}):(?!//)",
    r"(?<=[A-Za-z_][g-zG-Z_][A-Za-z_]):(?!//)",
    r"(?<=[A-Za-z_]{2}[g-zG-Z_]):(?!//)",
    r"(?<=[^\s/:])/(?=[^\s/])",  # path and URL segments: /home/jdoe/.ssh
    r"(?<=\w)[?&](?=\w)",  # query strings: ?user=jdoe&id=7
]


class LogTokenizer:
    """Machine tokens by pattern, the rest by spaCy's tokenizer with log infixes."""

    def __init__(self, inner: Tokenizer, version: int = 1) -> None:
        self.inner = inner
        self.vocab = inner.vocab
        self.version = version
        self.machine_token = MACHINE_TOKENS[version]

    def __call__(self, text: str) -> Doc:
        matches = list(self.machine_token.finditer(text))
        if not matches:
            return self.inner(text)
        words: List[str] = []
        spaces: List[bool] = []
        pos = 0
        for m in matches:
            self._add_segment(text[pos : m.start()], words, spaces)
            words.append(m.group())
            spaces.append(False)
            pos = m.end()
            # one space after a token is its trailing whitespace, as spaCy does it
            if text.startswith(" ", pos):
                spaces[-1] = True
                pos += 1
        self._add_segment(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add_segment(self, segment: str, words: List[str], spaces: List[bool]) -> None:
        if not segment:
            return
        for token in self.inner(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return self.inner.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = tuple()) -> "LogTokenizer":
        self.inner.from_bytes(bytes_data, exclude=exclude)
        self.inner.rules = log_rules(self.inner.rules or {})  # saved by an older version
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> None:
        self.inner.to_disk(path, exclude=exclude)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> "LogTokenizer":
        self.inner.from_disk(path, exclude=exclude)
        self.inner.rules = log_rules(self.inner.rules or {})  # saved by an older version
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        return (LogTokenizer, (self.inner, self.version))


def build_inner(nlp: Language) -> Tokenizer:
    """spaCy's tokenizer for nlp's language, with the log infixes added."""
    defaults = nlp.Defaults
    base = spacy_default_tokenizer(nlp)
    infixes = list(defaults.infixes or []) + LOG_INFIXES
    return Tokenizer(
        nlp.vocab,
        rules=log_rules(base.rules or {}),
        prefix_search=base.prefix_search,
        suffix_search=base.suffix_search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=base.token_match,
        url_match=None,  # URLs split on "/" so a username in a path is its own token
    )


def log_rules(rules: Dict[str, Any]) -> Dict[str, Any]:
    """spaCy's special cases without those that break log text.

    Dropped: splits of words without an apostrophe ("id" -> "i d", "dont"), since in logs
    "id" is a key, not "I'd"; and emoticons with "=" or ":" ("=/", ":/"), which glue a key to
    a path value (sudo's "PWD=/").
    """
    return {
        k: v for k, v in rules.items()
        if not (k.isalpha() and len(v) > 1) and "=" not in k and ":" not in k
    }


def spacy_default_tokenizer(nlp: Language) -> Tokenizer:
    create: Callable[[Language], Tokenizer] = registry.tokenizers.get("spacy.Tokenizer.v1")()
    return create(nlp)


@registry.tokenizers("spacy-pii.LogTokenizer.v1")
def create_log_tokenizer() -> Callable[[Language], LogTokenizer]:
    """Config: [nlp.tokenizer] @tokenizers = "spacy-pii.LogTokenizer.v1"."""

    def create(nlp: Language) -> LogTokenizer:
        return LogTokenizer(build_inner(nlp))

    return create


@registry.tokenizers("spacy-pii.LogTokenizer.v2")
def create_log_tokenizer_v2() -> Callable[[Language], LogTokenizer]:
    """v1 plus the code identifiers and storage ids of system logs as machine tokens
    (`MACHINE_TOKEN_V2`). Config: [nlp.tokenizer] @tokenizers = "spacy-pii.LogTokenizer.v2"."""

    def create(nlp: Language) -> LogTokenizer:
        return LogTokenizer(build_inner(nlp), version=2)

    return create


def add_collapse_rule(hf_tokenizer: Any, version: int = 1) -> None:
    """Put the collapse rules of a LogTokenizer version in front of a fast Hugging Face
    tokenizer's own normalizer."""
    from tokenizers import Regex, normalizers

    backend = hf_tokenizer.backend_tokenizer
    own = backend.normalizer
    rules = [normalizers.Replace(Regex(pattern), word) for pattern, word in COLLAPSE_RULES[version]]
    backend.normalizer = normalizers.Sequence(rules + ([own] if own is not None else []))

"""Presidio's REST API, compatible: its request fields, response shapes, status codes and
`{"error": ...}` bodies, and its anonymizer engine's semantics, written without Presidio
(the `serve` extra does not install it) and without a web framework (`app.py` maps HTTP
onto the functions here, so they are tested as plain functions).

Read against presidio-analyzer `app.py`, `analyzer_engine.py`, `pattern_recognizer.py`,
`context_aware_enhancers/lemma_context_aware_enhancer.py` and presidio-anonymizer `app.py`,
`anonymizer_engine.py`, `core/engine_base.py`, `core/text_replace_builder.py`,
`operators/*.py` (presidio 2.2.366). The messages in `PresidioError`s below are Presidio's own
texts, kept verbatim so a client that matches on them keeps working; they never quote a
request's text. Known differences are listed in the README ("spacy-pii serve").

Analyzer: the model's matches come from `Runner.redact` (computed elsewhere, passed in as
`PIIMatch`es); ad-hoc recognizers (per-request regex and deny-list recognizers) run here, with
the `regex` module and a timeout, as Presidio runs them. Anonymizer: `anonymize` applies given
results exactly as Presidio's `AnonymizerEngine` does; it never looks at a model.
"""
import hashlib
import os
import re as std_re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

import regex as re
from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import Errors, SpacyPIIError
from ..operators.core import RedactionPolicy
from ..pipeline.redactor import PIIMatch
from . import presidio_crypto

# --- Presidio's own messages (verbatim) -------------------------------------------------
NO_TEXT = "No text provided"
NO_LANGUAGE = "No language provided"
NO_RECOGNIZERS = "No matching recognizers were found to serve the request."
INVALID_JSON = "Invalid request json"
BAD_REQUEST = "The browser (or proxy) sent a request that this server could not understand."
CUSTOM_UNSUPPORTED = "Custom type anonymizer is not supported"
INTERNAL_ERROR = "Internal server error"
NO_ANALYZER_RESULTS = "Invalid input, request must contain analyzer results"
PARSE_FAILED = "Failed to parse /analyze request for AnalyzerEngine.analyze(). {reason}"

SUPPORTED_LANGUAGES: Tuple[str, ...] = ("en",)
# The name our model's results carry (as `spacy_pii.presidio.EnPiiRecognizer` does).
MODEL_RECOGNIZER = "EnPiiRecognizer"
DEFAULT_REGEX_FLAGS = int(re.DOTALL | re.MULTILINE | re.IGNORECASE)
# Presidio waits 60 s (REGEX_TIMEOUT_SECONDS) for one request's regex; a service shared by
# many clients cannot: a pattern that runs longer is skipped, as Presidio skips it.
REGEX_TIMEOUT_SECONDS = float(os.environ.get("SPACY_PII_REGEX_TIMEOUT", "1.0"))
# LemmaContextAwareEnhancer's defaults.
CONTEXT_SIMILARITY_FACTOR = 0.35
MIN_SCORE_WITH_CONTEXT_SIMILARITY = 0.4
CONTEXT_PREFIX_COUNT = 5
CONTEXT_SUFFIX_COUNT = 0
_WORD = std_re.compile(r"\w+")

# What GET /anonymizers and /deanonymizers list: Presidio's, less `custom` (Presidio's REST
# server rejects it too, with 400), plus spacy-pii's keyed operators.
PRESIDIO_ANONYMIZERS: Tuple[str, ...] = ("encrypt", "hash", "keep", "mask", "redact", "replace")
OUR_ANONYMIZERS: Tuple[str, ...] = ("surrogate", "pseudonym")
DEANONYMIZERS: Tuple[str, ...] = ("decrypt", "deanonymize_keep")


class PresidioError(Exception):
    """An error answer: HTTP status and the `error` message (never a request's text).

    status (int): the HTTP status Presidio answers with.
    message (str): the `error` field.
    """

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class InvalidParamError(PresidioError):
    """Presidio's InvalidParamError: 422 on the anonymizer's endpoints."""

    def __init__(self, message: str) -> None:
        super().__init__(422, message)


# === analyzer ==============================================================================


@dataclass
class AnalysisExplanation:
    """Presidio's AnalysisExplanation, serialized field for field (`to_dict`)."""

    recognizer: str
    original_score: float
    pattern_name: Optional[str] = None
    pattern: Optional[str] = None
    validation_result: Optional[bool] = None
    textual_explanation: Optional[str] = None
    regex_flags: Optional[int] = None
    score: float = field(init=False)
    score_context_improvement: float = field(init=False, default=0)
    supportive_context_word: str = field(init=False, default="")

    def __post_init__(self) -> None:
        self.score = self.original_score

    def set_improved_score(self, score: float) -> None:
        """Update the score and its improvement over the original score."""
        self.score = score
        self.score_context_improvement = self.score - self.original_score

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object Presidio writes."""
        return {
            "recognizer": self.recognizer,
            "pattern_name": self.pattern_name,
            "pattern": self.pattern,
            "original_score": self.original_score,
            "score": self.score,
            "textual_explanation": self.textual_explanation,
            "score_context_improvement": self.score_context_improvement,
            "supportive_context_word": self.supportive_context_word,
            "validation_result": self.validation_result,
            "regex_flags": self.regex_flags,
        }


@dataclass
class AnalyzerResult:
    """One analyzer result (Presidio's RecognizerResult); `recognizer_id` is internal."""

    entity_type: str
    start: int
    end: int
    score: float
    analysis_explanation: Optional[AnalysisExplanation]
    recognizer_id: str

    def contained_in(self, other: "AnalyzerResult") -> bool:
        return other.start <= self.start and self.end <= other.end

    def to_dict(self, decision_process: bool) -> Dict[str, Any]:
        """The JSON object Presidio's REST analyzer writes: it drops `recognition_metadata`,
        and `analysis_explanation` is null unless `return_decision_process`."""
        explanation = self.analysis_explanation if decision_process else None
        return {
            "analysis_explanation": explanation.to_dict() if explanation is not None else None,
            "end": self.end,
            "entity_type": self.entity_type,
            "score": self.score,
            "start": self.start,
        }


@dataclass
class Pattern:
    """One pattern of an ad-hoc recognizer (Presidio's `Pattern`: name, regex, score)."""

    name: str
    regex: str
    score: float


class PatternRecognizer:
    """An ad-hoc recognizer of one request: Presidio's `PatternRecognizer` (regex patterns
    and/or a deny list, context words), with its constructor's keywords, so a field Presidio
    does not know fails the same way (a TypeError, answered with 400).
    """

    def __init__(
        self,
        supported_entity: str,
        name: Optional[str] = None,
        supported_language: str = "en",
        patterns: Optional[List[Pattern]] = None,
        deny_list: Optional[List[str]] = None,
        context: Optional[List[str]] = None,
        deny_list_score: float = 1.0,
        global_regex_flags: Optional[int] = DEFAULT_REGEX_FLAGS,
        version: str = "0.0.1",
        country_code: Optional[str] = None,
    ) -> None:
        if not supported_entity:
            raise ValueError("Pattern recognizer should be initialized with entity")
        if not patterns and not deny_list:
            raise ValueError("Pattern recognizer should be initialized with patterns or with deny list")
        self.supported_entity = supported_entity
        self.name = name or type(self).__name__
        self.id = f"{self.name}_{id(self)}"
        self.supported_language = supported_language
        self.patterns: List[Pattern] = list(patterns or [])
        self.context = context
        self.deny_list_score = deny_list_score
        self.global_regex_flags = global_regex_flags
        if deny_list:
            escaped = [re.escape(element) for element in deny_list]
            self.patterns.append(
                Pattern("deny_list", r"(?:^|(?<=\W))(" + "|".join(escaped) + r")(?:(?=\W)|$)", deny_list_score)
            )
        self.flags = int(global_regex_flags) if global_regex_flags else 0
        # Compiled up front (Presidio compiles on first use): a bad regex fails the request
        # before the model runs, with the same answer.
        self._compiled = [(p, re.compile(p.regex, flags=self.flags)) for p in self.patterns]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "PatternRecognizer":
        """Build one from its JSON object, as Presidio's `PatternRecognizer.from_dict`."""
        if not isinstance(data, Mapping):
            raise TypeError("an ad-hoc recognizer must be a JSON object")
        params = dict(data)
        if params.get("patterns"):
            params["patterns"] = [_pattern(p) for p in params["patterns"]]
        if "supported_entity" in params and "supported_entities" in params:
            raise ValueError(
                "Both 'supported_entity' and 'supported_entities' are present in the input "
                "dictionary. Only one should be provided."
            )
        if "supported_entities" in params:
            entities = params.pop("supported_entities")
            if entities:
                params["supported_entity"] = entities[0]
        return cls(**params)

    def analyze(self, text: str) -> List[AnalyzerResult]:
        """Every pattern's matches, as Presidio's `PatternRecognizer.analyze` (a pattern
        that times out is skipped)."""
        flags = self.flags
        results = []
        for pattern, compiled in self._compiled:
            try:
                for match in compiled.finditer(text, timeout=REGEX_TIMEOUT_SECONDS):
                    start, end = match.span()
                    if start == end:
                        continue
                    explanation = AnalysisExplanation(
                        recognizer=self.name,
                        original_score=pattern.score,
                        pattern_name=pattern.name,
                        pattern=pattern.regex,
                        textual_explanation=f"Detected by `{self.name}` using pattern `{pattern.name}`",
                        regex_flags=flags,
                    )
                    if pattern.score > 0:
                        results.append(
                            AnalyzerResult(self.supported_entity, start, end, pattern.score, explanation, self.id)
                        )
            except TimeoutError:
                continue
        return remove_duplicates(results)


def _pattern(data: Any) -> Pattern:
    if not isinstance(data, Mapping):
        raise TypeError("a pattern must be a JSON object")
    pattern = Pattern(**data)
    # Presidio fails later, on the first comparison, with a TypeError too (so 400).
    if not isinstance(pattern.regex, str) or isinstance(pattern.score, bool) or not isinstance(pattern.score, (int, float)):
        raise TypeError("a pattern needs a string regex and a number score")
    return pattern


@dataclass
class AnalyzeRequest:
    """The fields of a POST /analyze body (Presidio's `AnalyzerRequest`)."""

    texts: List[str]
    batch: bool
    language: str
    entities: Optional[List[str]]
    correlation_id: Optional[str]
    score_threshold: Optional[float]
    return_decision_process: bool
    ad_hoc_recognizers: List[PatternRecognizer]
    context: Optional[List[str]]
    allow_list: Optional[List[str]]
    allow_list_match: str
    regex_flags: int


def parse_analyze_request(body: Any, supported_entities: Sequence[str]) -> AnalyzeRequest:
    """Validate a POST /analyze body as Presidio's REST analyzer does.

    body (Any): the parsed JSON.
    supported_entities (Sequence[str]): the entity types the model reports.
    RETURNS (AnalyzeRequest): the request.
    RAISES (PresidioError): 400 for a field Presidio's request objects reject (TypeError),
        500 with Presidio's message for a missing text or language, an unknown language or
        no recognizer for the entities asked for (Presidio answers these with 500).
    """
    if not isinstance(body, dict):
        raise PresidioError(400, BAD_REQUEST)
    try:
        ad_hoc = [PatternRecognizer.from_dict(r) for r in body.get("ad_hoc_recognizers") or []]
    except TypeError as e:
        raise PresidioError(400, PARSE_FAILED.format(reason=e.args[0] if e.args else "")) from None
    except (ValueError, re.error) as e:
        raise PresidioError(500, str(e.args[0]) if e.args else NO_RECOGNIZERS) from None
    text = body.get("text")
    if not text:
        raise PresidioError(500, NO_TEXT)
    batch = isinstance(text, list)
    texts = text if batch else [text]
    if not all(isinstance(t, str) for t in texts):
        raise PresidioError(400, PARSE_FAILED.format(reason="text must be a string or a list of strings"))
    language = body.get("language")
    if not language:
        raise PresidioError(500, NO_LANGUAGE)
    if language not in SUPPORTED_LANGUAGES:
        raise PresidioError(500, NO_RECOGNIZERS)
    entities = body.get("entities")
    if entities is not None and not (isinstance(entities, list) and all(isinstance(e, str) for e in entities)):
        raise PresidioError(400, PARSE_FAILED.format(reason="entities must be a list of strings"))
    if entities:
        ours = set(supported_entities)
        ad_hoc_entities = {r.supported_entity for r in ad_hoc if r.supported_language == language}
        if not (set(entities) & (ours | ad_hoc_entities)):
            raise PresidioError(500, NO_RECOGNIZERS)
    threshold = body.get("score_threshold")
    if threshold is not None and (isinstance(threshold, bool) or not isinstance(threshold, (int, float))):
        raise PresidioError(400, PARSE_FAILED.format(reason="score_threshold must be a number"))
    allow_list = body.get("allow_list")
    if allow_list is not None and not (isinstance(allow_list, list) and all(isinstance(a, str) for a in allow_list)):
        raise PresidioError(400, PARSE_FAILED.format(reason="allow_list must be a list of strings"))
    allow_list_match = body.get("allow_list_match", "exact")
    if allow_list and allow_list_match not in ("exact", "regex"):
        raise PresidioError(500, "allow_list_match must either be set to 'exact' or 'regex'.")
    regex_flags = body.get("regex_flags", DEFAULT_REGEX_FLAGS)
    if isinstance(regex_flags, bool) or not isinstance(regex_flags, int):
        raise PresidioError(400, PARSE_FAILED.format(reason="regex_flags must be an integer"))
    context = body.get("context")
    if context is not None and not (isinstance(context, list) and all(isinstance(c, str) for c in context)):
        raise PresidioError(400, PARSE_FAILED.format(reason="context must be a list of strings"))
    return AnalyzeRequest(
        texts=list(texts),
        batch=batch,
        language=language,
        entities=list(entities) if entities else None,
        correlation_id=body.get("correlation_id"),
        score_threshold=None if threshold is None else float(threshold),
        return_decision_process=bool(body.get("return_decision_process")),
        ad_hoc_recognizers=[r for r in ad_hoc if r.supported_language == language],
        context=context,
        allow_list=allow_list,
        allow_list_match=allow_list_match,
        regex_flags=regex_flags,
    )


def model_labels(request: AnalyzeRequest, supported_entities: Sequence[str]) -> Optional[List[str]]:
    """The labels the model must report for a request (None: all it supports; []: none, so
    the model need not run).

    request (AnalyzeRequest): the request.
    supported_entities (Sequence[str]): the model's entity types.
    RETURNS (Optional[List[str]]): labels.
    """
    if not request.entities:
        return None
    return [label for label in supported_entities if label in set(request.entities)]


def model_results(matches: Iterable[PIIMatch], recognizer_id: str = MODEL_RECOGNIZER) -> List[AnalyzerResult]:
    """The model's matches of one text as analyzer results.

    matches (Iterable[PIIMatch]): `Redaction.matches` of the text.
    recognizer_id (str): the id they carry.
    RETURNS (List[AnalyzerResult]): one result per match.
    """
    out = []
    for m in matches:
        score = float(m.score)
        explanation = AnalysisExplanation(
            recognizer=MODEL_RECOGNIZER,
            original_score=score,
            textual_explanation=f"Identified as {m.label} by spacy-pii ({m.source})",
        )
        out.append(AnalyzerResult(m.label, m.start, m.end, score, explanation, recognizer_id))
    return out


def analyze_text(
    text: str,
    request: AnalyzeRequest,
    matches: Iterable[PIIMatch],
) -> List[Dict[str, Any]]:
    """The POST /analyze answer for one text, as Presidio's `AnalyzerEngine.analyze` builds it:
    the model's results and the ad-hoc recognizers' results, context enhancement, the score
    threshold, duplicates and contained same-type results removed, the allow list, sorted by
    score (highest first), then start, then longer first.

    text (str): the text.
    request (AnalyzeRequest): the request.
    matches (Iterable[PIIMatch]): the model's matches of the text (already limited to the
        entity types asked for).
    RETURNS (List[Dict[str, Any]]): the result objects.
    """
    results = model_results(matches)
    wanted = set(request.entities) if request.entities else None
    context_of: Dict[str, Optional[List[str]]] = {}
    for recognizer in request.ad_hoc_recognizers:
        if wanted is not None and recognizer.supported_entity not in wanted:
            continue
        context_of[recognizer.id] = recognizer.context
        results.extend(recognizer.analyze(text))
    results = _enhance_using_context(text, results, context_of, request.context)
    threshold = request.score_threshold if request.score_threshold is not None else 0.0
    results = [r for r in results if r.score >= threshold]
    results = remove_duplicates(results)
    if request.allow_list:
        results = _remove_allow_list(results, request.allow_list, text, request.regex_flags, request.allow_list_match)
    return [r.to_dict(request.return_decision_process) for r in results]


def remove_duplicates(results: List[AnalyzerResult]) -> List[AnalyzerResult]:
    """Presidio's `EntityRecognizer.remove_duplicates`: drop zero scores, exact duplicates
    and results contained in a same-type result of equal or higher score; sort by score
    (highest first), start, longer first."""
    unique: Dict[Tuple[str, int, int, float], AnalyzerResult] = {}
    for r in results:
        unique.setdefault((r.entity_type, r.start, r.end, r.score), r)
    ordered = sorted(unique.values(), key=lambda x: (str(x.entity_type), x.start, -(x.end - x.start), -x.score))
    kept: List[AnalyzerResult] = []
    active: List[AnalyzerResult] = []
    current_type: Optional[str] = None
    for r in ordered:
        if r.entity_type != current_type:
            current_type, active = r.entity_type, []
        if r.score == 0:
            continue
        active = [a for a in active if a.end >= r.start]
        if any(r.contained_in(a) and r.score <= a.score for a in active):
            continue
        kept.append(r)
        active.append(r)
    return sorted(kept, key=lambda x: (-x.score, x.start, -(x.end - x.start)))


def _context_words(text: str, start: int, end: int) -> List[str]:
    """The words around a result that may support it: the match's own first word and the
    CONTEXT_PREFIX_COUNT words before it that are not stop words, lower-cased (Presidio takes
    spaCy lemmas; without a lemmatizer the word itself is used, which the default substring
    matching mostly makes up for: "drivers" contains "driver")."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    index = next((i for i, (s, e, _) in enumerate(words) if s == start or start < e), None)
    if index is None:
        return [""]
    keywords = [(i, w) for i, (_, _, w) in enumerate(words) if w not in STOP_WORDS]
    before = [w for i, w in keywords if i <= index][-(CONTEXT_PREFIX_COUNT + 1):]
    after = [w for i, w in keywords if i >= index][: CONTEXT_SUFFIX_COUNT + 1]
    return list(set(before + after))


def _enhance_using_context(
    text: str,
    results: List[AnalyzerResult],
    context_of: Mapping[str, Optional[List[str]]],
    request_context: Optional[List[str]],
) -> List[AnalyzerResult]:
    extra = [w.lower() for w in request_context or []]
    for result in results:
        recognizer_context = context_of.get(result.recognizer_id)
        if not recognizer_context:
            continue
        surrounding = _context_words(text, result.start, result.end) + extra
        supportive = next(
            (c for c in recognizer_context if any(c.lower() in word for word in surrounding)), ""
        )
        if supportive:
            score = result.score + CONTEXT_SIMILARITY_FACTOR
            score = max(score, MIN_SCORE_WITH_CONTEXT_SIMILARITY)
            result.score = min(score, 1.0)
            if result.analysis_explanation is not None:
                result.analysis_explanation.supportive_context_word = supportive
                result.analysis_explanation.set_improved_score(result.score)
    return results


def _remove_allow_list(
    results: List[AnalyzerResult], allow_list: List[str], text: str, flags: int, match: str
) -> List[AnalyzerResult]:
    if match == "regex":
        terms = [t for t in allow_list if t]
        if not terms:
            return results
        compiled = re.compile("|".join(terms), flags=flags)
        kept = []
        for r in results:
            try:
                if not compiled.search(text[r.start : r.end], timeout=REGEX_TIMEOUT_SECONDS):
                    kept.append(r)
            except TimeoutError:
                kept.append(r)  # Presidio keeps a result whose allow-list regex timed out
        return kept
    allowed = set(allow_list)
    return [r for r in results if text[r.start : r.end] not in allowed]


# === anonymizer ===========================================================================


@dataclass
class PIIEntity:
    """An analyzer result given to /anonymize, or an anonymizer result given to /deanonymize."""

    start: int
    end: int
    entity_type: str
    score: Optional[float] = None


def _check_entity(data: Any, what: str) -> PIIEntity:
    if not isinstance(data, Mapping):
        raise PresidioError(500, INTERNAL_ERROR)
    start: Any = data.get("start")
    end: Any = data.get("end")
    entity_type: Any = data.get("entity_type")
    for name, value in (("start", start), ("end", end)):
        if value is None:
            raise InvalidParamError(f"Invalid input, {what} must contain {name}")
        _validate_type(value, name, int)
    if not entity_type:
        raise InvalidParamError(f"Invalid input, {what} must contain entity_type")
    if start < 0 or end < 0:
        raise InvalidParamError("Invalid input, result start and end must be positive")
    if start > end:
        raise InvalidParamError(f"Invalid input, start index '{start}' must be smaller than end index '{end}'")
    return PIIEntity(start, end, str(entity_type))


def analyzer_results_from_json(data: Any) -> List[PIIEntity]:
    """`analyzer_results` of a POST /anonymize body.

    RAISES (InvalidParamError): 422 with Presidio's message for a missing list or a bad result.
    """
    if data is None:
        raise InvalidParamError(NO_ANALYZER_RESULTS)
    if not isinstance(data, list):
        raise PresidioError(500, INTERNAL_ERROR)
    out = []
    for item in data:
        entity = _check_entity(item, "result")
        score = item.get("score")
        if score is None:
            raise InvalidParamError("Invalid input, analyzer result must contain score")
        entity.score = score
        out.append(entity)
    return out


def anonymizer_results_from_json(data: Any) -> List[PIIEntity]:
    """`anonymizer_results` of a POST /deanonymize body (missing or empty: none)."""
    if not data:
        return []
    if not isinstance(data, list):
        raise PresidioError(500, INTERNAL_ERROR)
    out = []
    for item in data:
        entity = _check_entity(item, "result")
        score = item.get("score")
        entity.score = float(score) if score is not None else None
        out.append(entity)
    return out


@dataclass
class OperatorConfig:
    """An operator and its params (`{"type": "mask", "masking_char": "*", ...}`)."""

    operator_name: str
    params: Dict[str, Any]


def operators_from_json(data: Any) -> Dict[str, OperatorConfig]:
    """`anonymizers` / `deanonymizers` of a body: entity type (or DEFAULT) -> config."""
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise PresidioError(500, INTERNAL_ERROR)
    out = {}
    for entity_type, params in data.items():
        if not isinstance(params, Mapping):
            raise PresidioError(500, INTERNAL_ERROR)
        params = dict(params)
        name = params.pop("type", None)
        if not name:
            raise InvalidParamError("Invalid input, operator config must contain operator_name")
        out[str(entity_type)] = OperatorConfig(str(name), params)
    return out


_JSON_TYPES = {str: "string", bool: "boolean", int: "number", list: "array", object: "object"}


def _validate_type(value: Any, name: str, expected: type) -> None:
    # Presidio's validate_type: a falsy value passes (0, "", False), as it does there.
    if value and not isinstance(value, expected):
        want, got = _JSON_TYPES.get(expected), _JSON_TYPES.get(type(value))
        if want and got:
            raise InvalidParamError(f"Invalid parameter value for {name}. Expecting '{want}', but got '{got}'.")
        raise InvalidParamError(f"Invalid parameter value for '{name}'.")


def _validate_parameter(value: Any, name: str, expected: type) -> None:
    if value is None:
        raise InvalidParamError(f"Expected parameter {name}")
    _validate_type(value, name, expected)


def _validate_key(params: Mapping[str, Any]) -> None:
    key: Any = params.get("key")
    _validate_parameter(key, "key", str if isinstance(key, str) else bytes)
    if not presidio_crypto.is_valid_key(key):
        raise InvalidParamError("Invalid input, key must be of length 128, 192 or 256 bits")


def _mask(text: str, params: Mapping[str, Any]) -> str:
    char: Any = params.get("masking_char")
    _validate_parameter(char, "masking_char", str)
    if len(char) > 1:
        raise InvalidParamError("Invalid input, masking_char must be a character")
    n: Any = params.get("chars_to_mask")
    _validate_parameter(n, "chars_to_mask", int)
    from_end = params.get("from_end")
    _validate_parameter(from_end, "from_end", bool)
    n = min(len(text), n) if n > 0 else 0
    if not from_end:
        return char * n + text[n:]
    return text[: len(text) - n] + char * n


def _hash(text: str, params: Mapping[str, Any]) -> str:
    hash_type = params.get("hash_type", "sha256")
    _validate_parameter(hash_type, "hash_type", object)
    if hash_type not in ("sha256", "sha512"):
        raise InvalidParamError(
            f"Parameter hash_type value {hash_type} is not in range of values ['sha256', 'sha512']"
        )
    # Presidio >= 2.2.358 salts every hash: a random 32-byte salt per value unless the
    # request gives one (>= 16 bytes), so an unsalted hash of a phone number is not offered.
    if "salt" in params:
        salt = params["salt"]
        salt = salt.encode() if isinstance(salt, str) else salt
        if len(salt) == 0:
            raise InvalidParamError(
                "Salt parameter cannot be empty. Either omit the salt parameter to auto-generate "
                "a random salt, or provide a salt of at least 16 bytes (128 bits)."
            )
        if len(salt) < 16:
            raise InvalidParamError(
                f"Salt must be at least 16 bytes (128 bits). Provided salt is {len(salt)} bytes."
            )
    else:
        salt = os.urandom(32)
    algorithm = hashlib.sha256 if hash_type == "sha256" else hashlib.sha512
    return algorithm(text.encode() + salt).hexdigest()


def _replace(text: str, params: Mapping[str, Any]) -> str:
    new_value = params.get("new_value")
    _validate_type(new_value, "new_value", str)
    return new_value if new_value else f"<{params.get('entity_type')}>"


def _encrypt(text: str, params: Mapping[str, Any]) -> str:
    _validate_key(params)
    return presidio_crypto.encrypt(params["key"], text)


def _decrypt(text: str, params: Mapping[str, Any]) -> str:
    _validate_key(params)
    try:
        return presidio_crypto.decrypt(params["key"], text)
    except presidio_crypto.PresidioDecryptError:
        # Presidio answers a failed decryption with its generic 500.
        raise PresidioError(500, INTERNAL_ERROR) from None


OperatorFn = Callable[[str, Mapping[str, Any]], str]
_ANONYMIZE: Dict[str, OperatorFn] = {
    "replace": _replace,
    "redact": lambda text, params: "",
    "mask": _mask,
    "hash": _hash,
    "encrypt": _encrypt,
    "keep": lambda text, params: text,
}
_DEANONYMIZE: Dict[str, OperatorFn] = {
    "decrypt": _decrypt,
    "deanonymize_keep": lambda text, params: text,
}


class KeyedOperators:
    """spacy-pii's keyed operators for /anonymize (`surrogate`, `pseudonym`), under the key the
    server was started with (--key-file or SPACY_PII_KEY). A request never brings a key for
    them: one that does is refused (E808), so a key cannot leak into request logs of proxies.

    key (Optional[bytes]): the server's key; None: these operators answer 422 (E809).
    """

    def __init__(self, key: Optional[bytes]) -> None:
        self._policies: Dict[str, RedactionPolicy] = {}
        if key:
            for name in OUR_ANONYMIZERS:
                self._policies[name] = RedactionPolicy(operator=name, key=key)

    def operate(self, name: str, text: str, params: Mapping[str, Any]) -> str:
        """Replace one value with the named operator."""
        if "key" in params:
            raise InvalidParamError(Errors.E808.format(operator=name))
        policy = self._policies.get(name)
        if policy is None:
            raise InvalidParamError(Errors.E809.format(operator=name))
        return policy.replace(text, str(params.get("entity_type", "")))


def _operate(
    text: str,
    entities: Sequence[PIIEntity],
    operators: Mapping[str, OperatorConfig],
    table: Mapping[str, OperatorFn],
    keyed: Optional[KeyedOperators],
    sort_key: Callable[[PIIEntity], Any],
) -> Dict[str, Any]:
    """Presidio's `EngineBase._operate`: replace from the end of the text to its start, each
    entity against the original text (so partially overlapping entities are both applied,
    the later one's replacement ending where the earlier one begins), and report items with
    offsets in the output text, last entity first."""
    output = text
    last_replacement = len(text)
    items: List[Tuple[int, PIIEntity, str, str]] = []
    for entity in sorted(entities, key=sort_key, reverse=True):
        if len(text) < entity.start or entity.end > len(text):
            raise InvalidParamError(
                f"Invalid analyzer result, start: {entity.start} and end: {entity.end}, "
                f"while text length is only {len(text)}."
            )
        config = operators.get(entity.entity_type) or operators.get("DEFAULT")
        if config is None:
            raise PresidioError(500, INTERNAL_ERROR)  # Presidio: no operator, AttributeError
        params = dict(config.params)
        params["entity_type"] = entity.entity_type
        value = text[entity.start : entity.end]
        fn = table.get(config.operator_name)
        if fn is not None:
            changed = fn(value, params)
        elif keyed is not None and config.operator_name in OUR_ANONYMIZERS:
            changed = keyed.operate(config.operator_name, value, params)
        else:
            raise InvalidParamError(f"Invalid operator class '{config.operator_name}'.")
        end = min(entity.end, last_replacement)
        last_replacement = entity.start
        after = output[end:]
        output = output[: entity.start] + changed + after
        items.append((len(after) + len(changed), entity, changed, config.operator_name))
    result_items = []
    for from_end, entity, changed, name in items:
        start = len(output) - from_end
        result_items.append(
            {
                "start": start,
                "end": start + len(changed),
                "entity_type": entity.entity_type,
                "text": changed,
                "operator": name,
                "score": entity.score,
            }
        )
    return {"text": output, "items": result_items}


def _merge_same_type_intersections(results: List[PIIEntity]) -> List[PIIEntity]:
    """Results of one entity type that overlap by a character or more become one: the union
    of their spans, the highest score, at the position of the last one absorbed."""
    by_type: Dict[str, List[Tuple[int, PIIEntity]]] = {}
    for position, r in enumerate(results):
        by_type.setdefault(r.entity_type, []).append((position, r))
    kept: List[Tuple[int, PIIEntity]] = []
    for positioned in by_type.values():
        positioned.sort(key=lambda item: (item[1].start, item[1].end))
        position, current = positioned[0]
        for next_position, r in positioned[1:]:
            # Presidio's `intersects`: spans that only touch do not intersect.
            if min(current.end, r.end) - max(current.start, r.start) <= 0:
                kept.append((position, current))
                position, current = next_position, r
                continue
            current.start = min(current.start, r.start)
            current.end = max(current.end, r.end)
            current.score = max(_score(current), _score(r))
            position = max(position, next_position)
        kept.append((position, current))
    kept.sort(key=lambda item: item[0])
    return [r for _, r in kept]


def _score(entity: PIIEntity) -> float:
    return float(entity.score) if entity.score is not None else 0.0


def _remove_contained(results: List[PIIEntity]) -> List[PIIEntity]:
    """A result inside another is dropped; of results on the same span (any type), the
    highest score survives, the later one on a tie."""
    order = sorted(range(len(results)), key=lambda i: (results[i].start, -results[i].end))
    dropped: Set[int] = set()
    largest_end: Optional[int] = None
    i = 0
    while i < len(order):
        first = results[order[i]]
        j = i
        while j < len(order) and (results[order[j]].start, results[order[j]].end) == (first.start, first.end):
            j += 1
        group = order[i:j]
        if largest_end is not None and largest_end >= first.end:
            dropped.update(group)
        else:
            survivor = max(group, key=lambda k: (_score(results[k]), k))
            dropped.update(k for k in group if k != survivor)
        if largest_end is None or first.end > largest_end:
            largest_end = first.end
        i = j
    return [r for k, r in enumerate(results) if k not in dropped]


def _merge_with_spaces_between(text: str, results: List[PIIEntity]) -> List[PIIEntity]:
    """Adjacent results of one type with only spaces between them become one."""
    merged: List[PIIEntity] = []
    previous: Optional[PIIEntity] = None
    for r in results:
        if previous is not None and previous.entity_type == r.entity_type:
            if std_re.search(r"^( )+$", text[previous.end : r.start]):
                merged.remove(previous)
                r.start = previous.start
        merged.append(r)
        previous = r
    return merged


def parse_anonymize_body(body: Any) -> Tuple[str, List[PIIEntity], Dict[str, OperatorConfig]]:
    """Validate a POST /anonymize body as Presidio's REST anonymizer does.

    RETURNS (Tuple[str, List[PIIEntity], Dict[str, OperatorConfig]]): text, results, operators.
    RAISES (PresidioError): 400 for an empty body or a `custom` operator, 422 for bad params.
    """
    if not body:
        raise PresidioError(400, INVALID_JSON)
    if not isinstance(body, dict):
        raise PresidioError(500, INTERNAL_ERROR)
    operators = operators_from_json(body.get("anonymizers"))
    if any(config.operator_name == "custom" for config in operators.values()):
        raise PresidioError(400, CUSTOM_UNSUPPORTED)
    results = analyzer_results_from_json(body.get("analyzer_results"))
    text = body.get("text", "")
    if not isinstance(text, str):
        raise PresidioError(500, INTERNAL_ERROR)
    return text, results, operators


def anonymize(
    text: str,
    analyzer_results: Sequence[PIIEntity],
    operators: Optional[Mapping[str, OperatorConfig]] = None,
    keyed: Optional[KeyedOperators] = None,
) -> Dict[str, Any]:
    """Presidio's `AnonymizerEngine.anonymize` (conflict strategy MERGE_SIMILAR_OR_CONTAINED,
    whitespace merging on): overlapping results of one type merged, a result inside another
    dropped, equal spans keep the higher score, partial overlaps of different types both
    applied, adjacent same-type results with only spaces between merged; then each replaced
    by its type's operator or DEFAULT (default: replace).

    text (str): the text.
    analyzer_results (Sequence[PIIEntity]): the results to apply (not changed).
    operators (Optional[Mapping[str, OperatorConfig]]): entity type or DEFAULT -> operator.
    keyed (Optional[KeyedOperators]): spacy-pii's keyed operators, if the server offers them.
    RETURNS (Dict[str, Any]): {"text": ..., "items": [...]}, items last-in-text first, offsets
        in the output text.
    """
    results = [PIIEntity(r.start, r.end, r.entity_type, r.score) for r in analyzer_results]
    results.sort(key=lambda r: (r.start, r.end))
    results = _remove_contained(_merge_same_type_intersections(results))
    results = _merge_with_spaces_between(text, results)
    ops = dict(operators or {})
    if not ops.get("DEFAULT"):
        ops["DEFAULT"] = OperatorConfig("replace", {})
    return _operate(text, results, ops, _ANONYMIZE, keyed, sort_key=lambda r: (r.start, r.end))


def deanonymize(body: Any) -> Dict[str, Any]:
    """POST /deanonymize, as Presidio's REST anonymizer answers it.

    body (Any): the parsed JSON ({"text", "deanonymizers", "anonymizer_results"}).
    RETURNS (Dict[str, Any]): {"text": ..., "items": [...]}.
    RAISES (PresidioError): 400 for an empty body, 422 for bad params, 500 for a value that
        does not decrypt.
    """
    if not body:
        raise PresidioError(400, INVALID_JSON)
    if not isinstance(body, dict):
        raise PresidioError(500, INTERNAL_ERROR)
    text = body.get("text", "")
    if not isinstance(text, str):
        raise PresidioError(500, INTERNAL_ERROR)
    entities = anonymizer_results_from_json(body.get("anonymizer_results"))
    operators = operators_from_json(body.get("deanonymizers"))
    # Presidio sorts these by start only (PIIEntity.__gt__).
    return _operate(text, entities, operators, _DEANONYMIZE, None, sort_key=lambda r: r.start)


def check_presidio_compat_error(e: BaseException) -> PresidioError:
    """Any other exception as Presidio's generic 500 (its message withheld: it may quote text)."""
    if isinstance(e, PresidioError):
        return e
    if isinstance(e, SpacyPIIError):
        return PresidioError(500, str(e))
    return PresidioError(500, INTERNAL_ERROR)

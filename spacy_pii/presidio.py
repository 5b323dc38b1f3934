"""Presidio interop: `EnPiiRecognizer`, a Presidio `EntityRecognizer` backed by a spacy-pii pipeline.

Needs the `presidio` extra (`pip install 'spacy-pii[presidio]'`); this is the only module that
imports presidio_analyzer. Our label names are Presidio's entity names where Presidio has one
(PERSON, EMAIL_ADDRESS, ...), so results need no mapping; STREET_ADDRESS, USERNAME and CREDENTIAL
are entity types of their own.

    from presidio_analyzer import AnalyzerEngine
    from spacy_pii.presidio import EnPiiRecognizer

    analyzer = AnalyzerEngine()
    analyzer.registry.add_recognizer(EnPiiRecognizer())   # en_pii, loaded on first use
    results = analyzer.analyze(text, language="en")
"""
from threading import Lock
from typing import Any, Dict, List, Optional, Sequence, Union

from spacy.language import Language

from .api import DEFAULT_MODEL
from .errors import Errors, SpacyPIIError
from .labels import LABELS
from .operators.crypto import encrypt_value
from .operators.restore import restore_text
from .operators.surrogates import DEFAULT_LOCALE, generator_for

try:
    from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
except ImportError as e:  # pragma: no cover - the extra is installed wherever this is tested
    raise ImportError(Errors.E116) from e
try:
    from presidio_anonymizer.entities import InvalidParamError
    from presidio_anonymizer.operators import Operator, OperatorType
except ImportError as e:  # pragma: no cover
    raise ImportError(Errors.E509) from e


class EnPiiRecognizer(EntityRecognizer):
    """Presidio recognizer that runs a pipeline with a `pii_redactor` and reports its final spans.

    Each `doc._.pii_matches` entry becomes a `RecognizerResult` with the same character offsets,
    label and score, passed through unchanged (`PIIMatch.score`: for model spans the entity's
    probability when the pipeline's NER is `pii_ner`, else 1.0; for detector spans the score of
    their evidence), so Presidio's `score_threshold` works on it. The match's source
    ("ner"/"pattern") is in the analysis explanation.

    nlp (Optional[Language]): the pipeline; if None, `model` is loaded on first use.
    model (str): package name or path loaded when `nlp` is None.
    supported_entities (Optional[Sequence[str]]): entity types to report; default: every label
        of the scheme.
    supported_language (str): Presidio language code.
    name (Optional[str]): recognizer name; default: the class name.
    """

    name: str

    def __init__(
        self,
        nlp: Optional[Language] = None,
        *,
        model: str = DEFAULT_MODEL,
        supported_entities: Optional[Sequence[str]] = None,
        supported_language: str = "en",
        name: Optional[str] = None,
    ) -> None:
        self._nlp = nlp
        self._model = model
        self._lock = Lock()
        super().__init__(
            supported_entities=list(supported_entities or LABELS),
            name=name if name is not None else type(self).__name__,
            supported_language=supported_language,
        )

    def load(self) -> None:
        """Nothing to do at construction: the pipeline is loaded on first use (`nlp`)."""

    @property
    def nlp(self) -> Language:
        """The pipeline, loaded once on first access when none was passed."""
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = _load(self._model)
        return self._nlp

    def analyze(self, text: str, entities: List[str], nlp_artifacts: Any = None) -> List[Any]:
        """Run the pipeline on `text` and report its PII matches.

        text (str): the text.
        entities (List[str]): the entity types asked for (empty or None: all supported).
        nlp_artifacts (NlpArtifacts): Presidio's NLP result; not used, the pipeline does its own.
        RETURNS (List[RecognizerResult]): one result per match, in text order.
        """
        from .api import find_redactor

        find_redactor(self.nlp)  # fail with E111 rather than report nothing
        wanted = set(entities or self.supported_entities) & set(self.supported_entities)
        doc = self.nlp(text)
        results = []
        for m in doc._.get("pii_matches") or []:
            # A PIIMatch, or a plain list after Doc.to_bytes: (start, end, label, source, score)
            start, end, label, source, score = m[0], m[1], m[2], m[3], float(m[4])
            if label not in wanted:
                continue
            explanation = AnalysisExplanation(
                recognizer=self.name,
                original_score=score,
                textual_explanation=f"spacy-pii {source} match",
            )
            results.append(
                RecognizerResult(
                    entity_type=label,
                    start=start,
                    end=end,
                    score=score,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results


def _load(model: Union[str, Any]) -> Language:
    import spacy

    try:
        return spacy.load(model)
    except OSError as e:
        # spaCy's message names the package or path only; keep just the exception type.
        raise SpacyPIIError(Errors.E115.format(model=str(model), reason=type(e).__name__)) from None


# --- anonymizer operators -----------------------------------------------------------------
# spacy-pii's keyed operators for Presidio's AnonymizerEngine / DeanonymizeEngine:
#
#     engine = AnonymizerEngine()
#     engine.add_anonymizer(SpacyPiiEncrypt)
#     engine.anonymize(text, results, {"DEFAULT": OperatorConfig("spacy_pii_encrypt", {"key": key})})
#
# The outputs are the same as spacy-pii's own operators ("[PERSON:enc.TOKEN]", surrogates), so
# `spacy-pii restore` works on what Presidio wrote, and the other way round.


class _KeyedOperator(Operator):
    name = ""

    def validate(self, params: Optional[Dict[str, Any]] = None) -> None:
        """Require a `key` param (bytes or str); its length is checked when used (E501)."""
        key = (params or {}).get("key")
        if not isinstance(key, (bytes, str)) or not key:
            raise InvalidParamError(Errors.E508.format(name=self.name))

    def operator_name(self) -> str:
        return self.name


class SpacyPiiEncrypt(_KeyedOperator):
    """Presidio anonymizer: `[ENTITY_TYPE:enc.TOKEN]`, spacy-pii's `encrypt` (AES-SIV).

    params: key (bytes or str), the user key.
    """

    name = "spacy_pii_encrypt"

    def operate(self, text: str, params: Optional[Dict[str, Any]] = None) -> str:
        params = params or {}
        return encrypt_value(text, str(params.get("entity_type", "PII")), params["key"])

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


class SpacyPiiDecrypt(_KeyedOperator):
    """Presidio deanonymizer: the value of a `[ENTITY_TYPE:enc.TOKEN]` (wrong key: E502).

    params: key (bytes or str), the user key.
    """

    name = "spacy_pii_decrypt"

    def operate(self, text: str, params: Optional[Dict[str, Any]] = None) -> str:
        return restore_text(text, (params or {})["key"])

    def operator_type(self) -> OperatorType:
        return OperatorType.Deanonymize


class SpacyPiiSurrogate(_KeyedOperator):
    """Presidio anonymizer: spacy-pii's `surrogate` (keyed, format-keeping, one-way).

    params: key (bytes or str), the user key; locale (str, Faker locale for names and
    places, default en_US); phone_regions (list of region codes for numbers written without
    a country code).
    """

    name = "spacy_pii_surrogate"

    def operate(self, text: str, params: Optional[Dict[str, Any]] = None) -> str:
        params = params or {}
        key = params["key"]
        options: Dict[str, Any] = {"locale": params.get("locale", DEFAULT_LOCALE)}
        if params.get("phone_regions"):
            options["phone_regions"] = tuple(params["phone_regions"])
        generator = generator_for(key.encode("utf-8") if isinstance(key, str) else key, **options)
        return generator(text, str(params.get("entity_type", "")))

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize

"""The pii_redactor component and the redact() API, on small pipelines built here."""
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import spacy_pii
from spacy_pii import api
from spacy_pii.errors import SpacyPIIError
from spacy_pii.labels import LABELS, OPT_IN_LABELS
from spacy_pii.operators.core import KEY_ENV, RedactionPolicy
from spacy_pii.pipeline.redactor import PIIRedactor, register_extensions

RULER_PATTERNS: List[Dict[str, Any]] = [
    {"label": "PERSON", "pattern": [{"LOWER": "jane"}, {"LOWER": "doe"}]},
    {"label": "PERSON", "pattern": "Bob"},
    {"label": "LOCATION", "pattern": "Berlin"},
    {"label": "GPE", "pattern": "Paris"},  # not in the scheme: ignored
    # a model that calls a card number a phone number: the card detector overrides it
    {"label": "PHONE_NUMBER", "pattern": [{"TEXT": {"REGEX": r"^4\d{15}$"}}]},
    # a model span that runs over a card number: it keeps only the part outside the card
    {"label": "ORGANIZATION", "pattern": [{"LOWER": "acme"}, {"TEXT": {"REGEX": r"^5\d{15}$"}}]},
]
TEXTS = [
    "Jane Doe paid with 4111111111111111 in Berlin and Paris.",
    "Mail bob at jane.doe@example.com or call (415) 555-0199, Bob.",
    "user=jane password=hunter2 ip 10.1.2.3",
    "Nothing to see here.",
    "",
    "ACME 5555555555554444 charged Bob.",
]


def make_nlp(**config: Any) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(RULER_PATTERNS)  # type: ignore[attr-defined]
    nlp.add_pipe("pii_redactor", config=config)
    return nlp


def redactor(nlp: Language) -> PIIRedactor:
    component = nlp.get_pipe("pii_redactor")
    assert isinstance(component, PIIRedactor)
    return component


@pytest.fixture(scope="module")
def nlp() -> Language:
    return make_nlp()


@pytest.fixture(autouse=True)
def no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)


def snapshot(doc: Doc, attr: str = "redacted") -> Dict[str, Any]:
    return {
        "redacted": doc._.get(attr),
        "matches": [tuple(m) for m in doc._.pii_matches],
        "spans": [(s.start_char, s.end_char, s.label_, s._.pii_source, s._.pii_score) for s in doc.spans["pii"]],
    }


# --- merge rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        # pattern beats a model span of another label; labels outside the scheme are ignored
        ("Jane Doe paid with 4111111111111111 in Berlin and Paris.",
         "[PERSON] paid with [CREDIT_CARD] in [LOCATION] and Paris."),
        # a model span overlapping a pattern span keeps only its part outside it
        ("ACME 5555555555554444 charged Bob.", "[ORGANIZATION] [CREDIT_CARD] charged [PERSON]."),
        # only the value of a key=value secret is replaced
        ("user=jane password=hunter2 ip 10.1.2.3", "user=jane password=[CREDENTIAL] ip [IP_ADDRESS]"),
        ("Mail bob at jane.doe@example.com or call (415) 555-0199, Bob.",
         "Mail bob at [EMAIL_ADDRESS] or call [PHONE_NUMBER], [PERSON]."),
    ],
)  # fmt: skip
def test_merge_rule(nlp: Language, text: str, expected: str) -> None:
    assert nlp(text)._.redacted == expected


def test_sources_and_scores() -> None:
    nlp = make_nlp(pattern_score=0.7)
    doc = nlp("Jane Doe paid with 4111111111111111, mail jane@example.com")
    got = {s.label_: (s._.pii_source, s._.pii_score) for s in doc.spans["pii"]}
    assert got == {
        "PERSON": ("ner", 1.0),
        "CREDIT_CARD": ("pattern", 1.0),  # Luhn-validated
        "EMAIL_ADDRESS": ("pattern", 0.7),  # shape only: pattern_score
    }


def test_same_label_pattern_keeps_its_bounds_model_keeps_the_remainder() -> None:
    # Issue 17: a pattern span's boundaries win over a model span of the same label (no
    # union); the model's extra letters stay redacted as the trimmed remainder.
    nlp = make_nlp(patterns=[{"label": "PERSON", "pattern": r"Doe-Smith"}])
    doc = nlp("Jane Doe-Smith signed.")
    assert doc._.redacted == "[PERSON] [PERSON] signed."
    assert [tuple(m)[:4] for m in doc._.pii_matches] == [(0, 4, "PERSON", "ner"), (5, 14, "PERSON", "pattern")]


def test_longer_pattern_wins_between_patterns() -> None:
    nlp = make_nlp(patterns=[{"label": "USERNAME", "pattern": r"jane\.doe"}])
    assert nlp("reach jane.doe@example.com")._.redacted == "reach [EMAIL_ADDRESS]"


def test_exact_offsets_kept_and_spans_token_aligned(nlp: Language) -> None:
    doc = nlp("login:jane.doe@example.com;")
    assert doc._.redacted == "login:[EMAIL_ADDRESS];"
    (match,) = doc._.pii_matches
    assert doc.text[match.start : match.end] == "jane.doe@example.com"
    (span,) = doc.spans["pii"]
    assert span.label_ == "EMAIL_ADDRESS"
    assert span.start_char <= match.start and match.end <= span.end_char
    assert doc.char_span(span.start_char, span.end_char) is not None  # on token bounds


# --- configuration ----------------------------------------------------------------------


def test_labels_filter() -> None:
    nlp = make_nlp(labels=["EMAIL_ADDRESS", "location"])
    doc = nlp("Jane Doe in Berlin: jane@example.com, 4111111111111111")
    assert doc._.redacted == "Jane Doe in [LOCATION]: [EMAIL_ADDRESS], 4111111111111111"
    assert {s.label_ for s in doc.spans["pii"]} == {"LOCATION", "EMAIL_ADDRESS"}


def test_labels_settable_at_run_time() -> None:
    nlp = make_nlp()
    component = redactor(nlp)
    component.labels = ["PERSON"]
    assert nlp("Jane Doe, jane@example.com")._.redacted == "[PERSON], jane@example.com"
    component.labels = None
    assert nlp("Jane Doe, jane@example.com")._.redacted == "[PERSON], [EMAIL_ADDRESS]"
    with pytest.raises(ValueError, match=r"\[E001\]"):
        component.labels = ["NOT_A_LABEL"]


def test_allow_list() -> None:
    nlp = make_nlp(
        allow_list=["SUPPORT@ACME.COM", "berlin"],
        patterns=[{"label": "ORGANIZATION", "pattern": r"acme\.com"}],
    )
    doc = nlp("Write to support@acme.com or jane@example.com in Berlin, not acme.com")
    # the allowed e-mail stays whole (the ORGANIZATION inside it goes too), case-insensitively
    assert doc._.redacted == "Write to support@acme.com or [EMAIL_ADDRESS] in Berlin, not [ORGANIZATION]"


def test_user_pattern_value_group(nlp: Language) -> None:
    nlp = make_nlp(patterns=[{"label": "USERNAME", "pattern": r"user=(?P<value>\w+)"}])
    assert nlp("user=jsmith logged in")._.redacted == "user=[USERNAME] logged in"


@pytest.mark.parametrize(
    "config,expected",
    [
        ({"use_ner": False}, "Jane Doe: [EMAIL_ADDRESS]"),
        ({"use_patterns": False}, "[PERSON]: jane@example.com"),
        ({"operator": "remove"}, ": "),
        ({"operators": {"EMAIL_ADDRESS": "mask"}}, "[PERSON]: ****@*******.***"),
        ({"operator": "mask", "mask_char": "#"}, "#### ###: ####@#######.###"),
        ({"operator": "pseudonym"}, "<PERSON_1>: <EMAIL_ADDRESS_1>"),
    ],
)
def test_config_options(config: Dict[str, Any], expected: str) -> None:
    assert make_nlp(**config)("Jane Doe: jane@example.com")._.redacted == expected


def test_keep_last_from_config() -> None:
    doc = make_nlp(operator="mask", keep_last=4)("Jane Doe, card 4111 1111 1111 1111")
    assert doc._.redacted == "**** ***, card **** **** **** 1111"


@pytest.mark.parametrize(
    "config,pattern",
    [
        ({"operator": "blur"}, r"\[E100\]"),
        ({"operators": {"PERSON": "shred"}}, r"\[E100\]"),
        ({"labels": ["NOPE"]}, r"\[E001\]"),
        ({"phone_regions": ["US", "XX"]}, r"\[E109\]"),
        ({"patterns": [{"label": "PERSON", "pattern": "(x"}]}, r"\[E107\]"),
        ({"patterns": [{"label": "PERSON"}]}, r"\[E108\]"),
        ({"pattern_score": 2.0}, r"\[E105\]"),
        ({"mask_char": "ab"}, r"\[E104\]"),
    ],
)
def test_config_errors(config: Dict[str, Any], pattern: str) -> None:
    with pytest.raises(ValueError, match=pattern):
        make_nlp(**config)


def test_config_types_validated_by_spacy() -> None:
    from thinc.api import ConfigValidationError

    with pytest.raises(ConfigValidationError):
        make_nlp(keep_last="four")


def test_policy_replaced_at_run_time() -> None:
    nlp = make_nlp()
    redactor(nlp).policy = RedactionPolicy(operator="mask", keep_last=4)
    assert nlp("card 4111111111111111")._.redacted == "card ************1111"


def test_hash_from_config_uses_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "env-secret-key")
    out = make_nlp(operator="hash")("Jane Doe")._.redacted
    assert re.fullmatch(r"\[PERSON:[0-9a-f]{16}\]", out)


def test_hash_without_key_refuses_and_leaks_nothing() -> None:
    nlp = make_nlp(operator="hash")  # building works: the CLI may set a key-bearing policy
    with pytest.raises(SpacyPIIError, match=r"\[E101\]") as info:
        nlp("Jane Doe, jane@example.com")
    assert "Jane" not in str(info.value) and "jane@" not in str(info.value)


# --- one code path, batching, processes, serialization ----------------------------------


def test_call_and_pipe_identical(nlp: Language) -> None:
    one_by_one = [snapshot(nlp(text)) for text in TEXTS]
    for batch_size in (1, 2, 100):
        assert [snapshot(doc) for doc in nlp.pipe(TEXTS, batch_size=batch_size)] == one_by_one
    component = redactor(nlp)
    docs = [nlp.make_doc(t) for t in TEXTS]
    for doc in docs:
        nlp.get_pipe("entity_ruler")(doc)
    assert [snapshot(d) for d in component.pipe(docs, batch_size=3)] == one_by_one


def test_n_process_2(nlp: Language) -> None:
    expected = [snapshot(nlp(text)) for text in TEXTS]
    got = [snapshot(doc) for doc in nlp.pipe(TEXTS * 2, batch_size=2, n_process=2)]
    assert got == expected * 2


def test_to_disk_and_load_round_trip(tmp_path: Path) -> None:
    config = {
        "labels": ["PERSON", "EMAIL_ADDRESS", "CREDENTIAL", "USERNAME"],
        "allow_list": ["bob"],
        "patterns": [{"label": "USERNAME", "pattern": r"user=(?P<value>\w+)"}],
        "operators": {"EMAIL_ADDRESS": "mask"},
        "redacted_attr": "clean",
        "spans_key": "found",
    }
    nlp = make_nlp(**config)
    texts = TEXTS + ["Bob: user=jsmith password=hunter2 jane@example.com"]
    before = [nlp(t) for t in texts]
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["entity_ruler", "pii_redactor"]
    after = [loaded(t) for t in texts]
    assert [d._.clean for d in after] == [d._.clean for d in before]
    assert [[(s.start_char, s.end_char, s.label_) for s in d.spans["found"]] for d in after] == [
        [(s.start_char, s.end_char, s.label_) for s in d.spans["found"]] for d in before
    ]
    assert after[-1]._.clean == "Bob: user=[USERNAME] password=[CREDENTIAL] ****@*******.***"


def test_default_config_round_trip(tmp_path: Path, nlp: Language) -> None:
    # Issue 17: the opt-in URL is not among the default labels.
    assert nlp.meta["labels"]["pii_redactor"] == [lb for lb in LABELS if lb not in OPT_IN_LABELS]
    nlp.to_disk(tmp_path / "default")
    loaded = spacy.load(tmp_path / "default")
    assert [loaded(t)._.redacted for t in TEXTS] == [nlp(t)._.redacted for t in TEXTS]


def test_pipeline_without_ner() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("pii_redactor")
    assert nlp("Jane Doe: jane@example.com")._.redacted == "Jane Doe: [EMAIL_ADDRESS]"


# --- extensions -------------------------------------------------------------------------


def test_extensions_registered(nlp: Language) -> None:
    for name in ("redacted", "pii_matches"):
        assert Doc.has_extension(name)
    for name in ("pii_source", "pii_score"):
        assert Span.has_extension(name)
    register_extensions()  # idempotent
    register_extensions("redacted")
    make_nlp(redacted_attr="scrubbed")
    assert Doc.has_extension("scrubbed")
    assert Doc.get_extension("pii_matches")[0] is None  # no shared mutable default


def test_each_doc_has_its_own_matches(nlp: Language) -> None:
    a, b = nlp("jane@example.com"), nlp("nothing")
    assert a._.pii_matches is not b._.pii_matches
    assert b._.pii_matches == [] and len(a._.pii_matches) == 1
    assert nlp.make_doc("fresh")._.pii_matches is None


def test_component_is_plain_class(nlp: Language) -> None:
    component = redactor(nlp)
    assert isinstance(component, PIIRedactor)
    assert isinstance(component.policy, RedactionPolicy)
    # None selects all but the opt-in labels (issue 17); spaCy's meta lists them
    assert component.labels == [lb for lb in LABELS if lb not in OPT_IN_LABELS]
    assert component.attr == component.redacted_attr == "redacted"
    assert component.spans_key == "pii"


# --- redact() ---------------------------------------------------------------------------

TEXT = "Jane Doe: jane@example.com, 4111 1111 1111 1111"


def test_redact_default_policy(nlp: Language) -> None:
    assert spacy_pii.redact(TEXT, nlp=nlp) == "[PERSON]: [EMAIL_ADDRESS], [CREDIT_CARD]"


def test_redact_options_do_not_mutate_pipeline(nlp: Language) -> None:
    component = redactor(nlp)
    policy = component.policy
    out = api.redact(TEXT, nlp=nlp, operator="mask", keep_last=4)
    assert out == "**** ***: ****@*******.***, **** **** **** 1111"
    assert component.policy is policy and policy.operator == "tag"
    assert api.redact(TEXT, nlp=nlp) == "[PERSON]: [EMAIL_ADDRESS], [CREDIT_CARD]"


@pytest.mark.parametrize(
    "options,expected",
    [
        ({"labels": ["EMAIL_ADDRESS"]}, "Jane Doe: [EMAIL_ADDRESS], 4111 1111 1111 1111"),
        ({"operators": {"PERSON": "remove"}}, ": [EMAIL_ADDRESS], [CREDIT_CARD]"),
        ({"allow_list": ["JANE DOE"]}, "Jane Doe: [EMAIL_ADDRESS], [CREDIT_CARD]"),
        ({"operator": "pseudonym"}, "<PERSON_1>: <EMAIL_ADDRESS_1>, <CREDIT_CARD_1>"),
    ],
)
def test_redact_options(nlp: Language, options: Dict[str, Any], expected: str) -> None:
    assert api.redact(TEXT, nlp=nlp, **options) == expected


def test_redact_hash_key(nlp: Language, tmp_path: Path) -> None:
    with pytest.raises(SpacyPIIError, match=r"\[E101\]"):
        api.redact(TEXT, nlp=nlp, operator="hash")
    by_key = api.redact(TEXT, nlp=nlp, operator="hash", key="secret")
    key_file = tmp_path / "key"
    key_file.write_text("secret\n")
    assert api.redact(TEXT, nlp=nlp, operator="hash", key_file=key_file) == by_key
    assert re.fullmatch(r"\[PERSON:[0-9a-f]{16}\]: \[EMAIL_ADDRESS:[0-9a-f]{16}\], .*", by_key)


def test_redact_hash_pipeline_without_key_but_call_with_key() -> None:
    nlp = make_nlp(operator="hash")
    assert api.redact("Jane Doe", nlp=nlp, key=b"k").startswith("[PERSON:")


def test_redact_errors(nlp: Language) -> None:
    with pytest.raises(SpacyPIIError, match=r"\[E112\].*colour"):
        api.redact(TEXT, nlp=nlp, colour="red")
    with pytest.raises(SpacyPIIError, match=r"\[E111\]"):
        api.redact(TEXT, nlp=spacy.blank("en"))


def test_redact_loads_en_pii_once(monkeypatch: pytest.MonkeyPatch, nlp: Language) -> None:
    calls: List[str] = []

    def fake_load(name: str, *args: Any, **kwargs: Any) -> Language:
        calls.append(name)
        return nlp

    api.load_default_pipeline.cache_clear()
    monkeypatch.setattr(spacy, "load", fake_load)
    try:
        assert api.redact(TEXT) == api.redact(TEXT) == "[PERSON]: [EMAIL_ADDRESS], [CREDIT_CARD]"
        assert calls == ["en_pii"]
    finally:
        api.load_default_pipeline.cache_clear()


def test_redact_without_en_pii(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str, *args: Any, **kwargs: Any) -> Language:
        raise OSError("[E050] Can't find model 'en_pii'.")

    api.load_default_pipeline.cache_clear()
    monkeypatch.setattr(spacy, "load", missing)
    try:
        with pytest.raises(SpacyPIIError, match=r"\[E110\].*make demo.*packages/"):
            api.redact(TEXT)
    finally:
        api.load_default_pipeline.cache_clear()


# --- declared attributes, scorer, one overlap resolution per Doc -------------------------


def test_factory_declares_what_it_assigns_and_requires() -> None:
    meta = Language.get_factory_meta("pii_redactor")
    assert "doc._.redacted" in meta.assigns and "doc.spans" in meta.assigns
    assert meta.requires == ["doc.ents"]
    assert set(meta.default_score_weights) == {"pii_f", "pii_p", "pii_r", "pii_per_type"}


def test_scorer_scores_final_spans_against_reference(nlp: Language) -> None:
    from spacy.training import Example

    text = "Jane Doe: jane@example.com"
    pred = nlp(text)
    ref = nlp.make_doc(text)
    ref.ents = [ref.char_span(10, 26, label="EMAIL_ADDRESS"), ref.char_span(0, 8, label="PERSON")]
    scores = nlp.get_pipe("pii_redactor").score([Example(pred, ref)])  # type: ignore[attr-defined]
    assert scores["pii_f"] == 1.0
    assert set(scores["pii_per_type"]) == {"EMAIL_ADDRESS", "PERSON"}
    assert "pii_f" in nlp.evaluate([Example(nlp.make_doc(text), ref)])


def test_overlaps_resolved_once_per_doc(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy_pii.detectors.detector_set
    import spacy_pii.operators.core
    import spacy_pii.pipeline.redactor
    from spacy_pii.pipeline.overlaps import resolve_overlaps

    calls: List[int] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return resolve_overlaps(*args, **kwargs)

    for module in (spacy_pii.pipeline.redactor, spacy_pii.operators.core, spacy_pii.detectors.detector_set):
        monkeypatch.setattr(module, "resolve_overlaps", counting)
    docs = list(nlp.pipe([TEXT, "Call +1 415 555 0100 or mail jane@example.com", "nothing"]))
    assert len(calls) == len(docs)
    api.redact(TEXT, nlp=nlp, operator="mask")
    assert len(calls) == len(docs) + 1


@pytest.mark.parametrize(
    "text,redacted",
    [
        # the check holds: the validated national ID wins over the model's number-like guess
        ("T.C. Kimlik No: 38512047640", "T.C. Kimlik No: [TR_NATIONAL_ID]"),
        ("USt-IdNr. DE136458297", "USt-IdNr. [DE_VAT_ID]"),
        # the check fails: no detector claims the value, the model's label stands
        ("T.C. Kimlik No: 38512047641", "T.C. Kimlik No: [PHONE_NUMBER]"),
        ("USt-IdNr. DE136458296", "USt-IdNr. [PHONE_NUMBER]"),
    ],
)
def test_checksum_label_wins_over_ner_number_guess(text: str, redacted: str) -> None:
    """Issue 19 item 4: on the same characters a detector with a checksum beats the NER."""
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PHONE_NUMBER", "pattern": [{"TEXT": {"REGEX": r"^(?:DE)?\d{9,11}$"}}]}])
    nlp.add_pipe("pii_redactor", config={"countries": ["TR", "DE"]})
    doc = nlp(text)
    assert doc._.redacted == redacted
    assert [ent.label_ for ent in doc.ents] == ["PHONE_NUMBER"]  # the model did guess a phone

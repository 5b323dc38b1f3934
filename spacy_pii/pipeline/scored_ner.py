"""`pii_ner`: spaCy's EntityRecognizer that also gives each entity a probability.

spaCy's greedy `ner` picks the best transition at each token and keeps no probability. This
component runs the same weights (it is a subclass: same model, same moves, same training
update, same serialization, so a trained `ner` directory loads into it unchanged) and decodes
with a small beam of locally normalised transition probabilities:

- each transition's log-probability is the log-softmax of the model's scores, divided by a
  `temperature` (1: as trained), over the valid transitions of the state (the greedy parser
  is trained with a softmax over exactly those);
- a parse's log-probability is the sum over its transitions;
- with `beam_width` 1 the parse is the greedy one, and an entity's probability is the product
  of its own transitions' probabilities (B, I..., L or U) given the parse before it;
- with `beam_width` k >= 2 the best of the k parses is kept, and an entity's probability is
  the share of the beam's probability mass on parses that contain it (its marginal over the
  beam, as spaCy's `EntityRecognizer.scored_ents` computes for a beam-trained model).

A greedy NER's probabilities run overconfident; `fit_temperature` picks the temperature that
minimises the Expected Calibration Error on held-out gold data (the dev split, never the test
split or the challenge set), running the pipeline's earlier components once.

The probability lands on each entity in `ent._.pii_score`; `pii_redactor` copies it to its own
spans and `PIIMatch.score`. Docs that already carry entity annotations when they reach the
component (a preset `ent_iob`, e.g. from an entity ruler before it) are parsed greedily by
spaCy's own code and their entities get no score (the redactor then uses 1.0).

Enable it on a trained pipeline by replacing the `ner` factory:

    nlp = spacy.load("en_pii")            # pipes: ..., ner, pii_redactor
    nlp.replace_pipe("ner", "pii_ner")    # then copy the weights: see `scored_from`
"""
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

import numpy
from spacy.language import Language
from spacy.pipeline.ner import EntityRecognizer, ner_score
from spacy.tokens import Doc
from spacy.training import Example
from spacy.vocab import Vocab
from thinc.api import Config, Model

from ..errors import Errors, SpacyPIIError
from .redactor import SCORE_ATTR, register_extensions

DEFAULT_BEAM_WIDTH = 4
DEFAULT_TEMPERATURES: Tuple[float, ...] = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)
# spaCy's default `ner` model, so a `pii_ner` trained from scratch matches a `ner` one.
DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 4
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = true
"""
# (token start, token end, label)
EntKey = Tuple[int, int, str]


def scored_ner_score(examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
    """The `ner` scorer (P/R/F of doc.ents), for `pii_ner`."""
    return ner_score(examples, **kwargs)


@Language.factory(
    "pii_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", f"span._.{SCORE_ATTR}"],
    default_config={
        "model": Config().from_str(DEFAULT_MODEL_CONFIG)["model"],
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "incorrect_spans_key": None,
        "beam_width": DEFAULT_BEAM_WIDTH,
        "temperature": 1.0,
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_pii_ner(
    nlp: Language,
    name: str,
    model: Model,
    moves: Optional[Any],
    update_with_oracle_cut_size: int,
    incorrect_spans_key: Optional[str],
    beam_width: int,
    temperature: float,
) -> "ScoredEntityRecognizer":
    """Build a `pii_ner` component: spaCy's `ner`, decoding with a beam and scoring entities.

    model (Model): the transition-based parser model (as for `ner`).
    moves (Optional[TransitionSystem]): as for `ner`; None builds BILUO moves.
    update_with_oracle_cut_size (int): as for `ner` (training is spaCy's greedy update).
    incorrect_spans_key (Optional[str]): as for `ner`.
    beam_width (int): parses kept while decoding; 1 is greedy (see the module docstring).
    temperature (float): the model's scores are divided by it before the softmax (> 0; above
        1 softens overconfident probabilities; the parse at beam width 1 does not change).
    RETURNS (ScoredEntityRecognizer): the component.
    """
    return ScoredEntityRecognizer(
        nlp.vocab,
        model,
        name,
        moves,
        update_with_oracle_cut_size=update_with_oracle_cut_size,
        incorrect_spans_key=incorrect_spans_key,
        score_beam_width=beam_width,
        temperature=temperature,
    )


class _Hyp(NamedTuple):
    """One parse in the beam."""

    logp: float
    state: Any  # StateClass
    open_label: Optional[str]  # the label of the entity being built
    open_start: int
    open_logp: float
    ents: Tuple[Tuple[int, int, str, float], ...]  # (start, end, label, log-prob of its moves)


class _Moves:
    """The transition classes of a BILUO move set, by kind and label, for vectorised masks."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self.n = len(names)
        self.kind: List[str] = []
        self.label: List[str] = []
        for name in names:
            kind, _, label = name.partition("-")
            self.kind.append(kind)
            self.label.append(label)
        self.labels = sorted({label for label in self.label if label})

        def mask(kinds: str, label: Optional[str] = None) -> numpy.ndarray:
            return numpy.array(
                [k in kinds and lab != "" and (label is None or lab == label) for k, lab in zip(self.kind, self.label)]
            )

        self.out = numpy.array([k == "O" for k in self.kind])
        self.unit = mask("U")
        self.begin = mask("B")
        self.last = {label: mask("L", label) for label in self.labels}
        self.inside = {label: mask("I", label) for label in self.labels}

    def valid(self, hyp: _Hyp, space: bool, can_continue: bool) -> numpy.ndarray:
        """The transitions spaCy's BiluoPushDown allows in this state, for docs without preset
        entities: a new entity cannot start on whitespace, an entity cannot run past the last
        token or across a sentence start."""
        if hyp.open_label is not None:
            m = self.last[hyp.open_label].copy()
            if can_continue:
                m |= self.inside[hyp.open_label]
            return m
        m = self.out.copy()
        if not space:
            m |= self.unit
            if can_continue:
                m |= self.begin
        return m


class ScoredEntityRecognizer(EntityRecognizer):
    """spaCy's EntityRecognizer decoding with a beam of locally normalised transition
    probabilities and writing each entity's probability to `ent._.pii_score`.

    score_beam_width (int): parses kept while decoding (1: greedy). It is an attribute, not
        part of `cfg`, so loading a greedy `ner`'s weights and cfg does not reset it.
    temperature (float): divides the model's scores before the softmax (an attribute too).
    Other arguments: as for spaCy's `EntityRecognizer`.
    """

    def __init__(
        self,
        vocab: Vocab,
        model: Model,
        name: str = "pii_ner",
        moves: Optional[Any] = None,
        *,
        update_with_oracle_cut_size: int = 100,
        incorrect_spans_key: Optional[str] = None,
        scorer: Optional[Callable] = scored_ner_score,
        score_beam_width: int = DEFAULT_BEAM_WIDTH,
        temperature: float = 1.0,
    ) -> None:
        super().__init__(
            vocab,
            model,
            name,
            moves,
            update_with_oracle_cut_size=update_with_oracle_cut_size,
            incorrect_spans_key=incorrect_spans_key,
            scorer=scorer,
        )
        if not isinstance(score_beam_width, int) or isinstance(score_beam_width, bool) or score_beam_width < 1:
            raise SpacyPIIError(Errors.E605.format(value=score_beam_width))
        self.score_beam_width = score_beam_width
        if isinstance(temperature, bool) or not isinstance(temperature, (int, float)) or not temperature > 0:
            raise SpacyPIIError(Errors.E606.format(value=temperature))
        self.temperature = float(temperature)
        register_extensions()

    def predict(self, docs: Any) -> Any:
        """Decode `docs`: a list of (best state, {(start, end, label): probability}) per doc.

        docs (Iterable[Doc]): the docs.
        RETURNS (List[Tuple[StateClass, Optional[Dict[EntKey, float]]]]): per doc, its best
            parse and its entities' probabilities (None for docs parsed greedily by spaCy).
        """
        if isinstance(docs, Doc):
            docs = [docs]
        docs = list(docs)
        preset = [any(t.ent_iob != 0 for t in doc) for doc in docs]
        out: List[Any] = [None] * len(docs)
        plain = [i for i, p in enumerate(preset) if not p and len(docs[i])]
        other = [i for i in range(len(docs)) if i not in set(plain)]
        if other:
            for i, state in zip(other, super().predict([docs[i] for i in other])):
                out[i] = (state, None)
        if plain:
            for i, result in zip(plain, self._beam_parse([docs[i] for i in plain])):
                out[i] = result
        return out

    def set_annotations(self, docs: Any, parses: Any) -> None:
        """Set each doc's entities from its best parse, and each entity's `pii_score`.

        docs (Iterable[Doc]): the docs.
        parses: the output of `predict`.
        """
        docs = list(docs)
        for doc, (state, probs) in zip(docs, parses):
            self.moves.set_annotations(state, doc)
            for hook in self.postprocesses:
                hook(doc)
            if probs is None:
                continue
            for ent in doc.ents:
                prob = probs.get((ent.start, ent.end, ent.label_))
                if prob is not None:
                    ent._.set(SCORE_ATTR, prob)

    def _beam_parse(self, docs: List[Doc]) -> List[Tuple[Any, Dict[EntKey, float]]]:
        self._ensure_labels_are_added(docs)
        k = self.score_beam_width
        moves = _Moves([self.moves.get_class_name(i) for i in range(self.moves.n_moves)])
        step_model = self.model.predict(docs)
        beams: List[List[_Hyp]] = [[_Hyp(0.0, s, None, -1, 0.0, ())] for s in self.moves.init_batch(docs)]
        # per doc: is token i whitespace; can an entity continue past token i
        spaces = [numpy.array([t.is_space for t in doc]) for doc in docs]
        continues = [
            numpy.array([i + 1 < len(doc) and doc[i + 1].is_sent_start is not True for i in range(len(doc))])
            for doc in docs
        ]
        while True:
            live = [(d, h) for d, beam in enumerate(beams) for h in beam if not h.state.is_final()]
            if not live:
                break
            scores = step_model.predict([h.state for _, h in live])
            by_doc: Dict[int, List[Tuple[_Hyp, numpy.ndarray]]] = {}
            for (d, hyp), row in zip(live, scores):
                pos = hyp.state.B(0)
                valid = moves.valid(hyp, bool(spaces[d][pos]), bool(continues[d][pos]))
                logits = numpy.where(valid, row.astype("float64") / self.temperature, -numpy.inf)
                top = logits.max()
                logp = logits - (top + numpy.log(numpy.exp(logits - top).sum()))
                by_doc.setdefault(d, []).append((hyp, logp))
            for d, rows in by_doc.items():
                beams[d] = self._advance(moves, beams[d], rows, k)
        step_model.clear_memory()
        return [_best_and_probs(beam, k) for beam in beams]

    def _advance(self, moves: _Moves, beam: List[_Hyp], rows: List[Tuple[_Hyp, numpy.ndarray]], k: int) -> List[_Hyp]:
        # Candidates: finished parses as they are, and each live parse with each valid move.
        done = [h for h in beam if h.state.is_final()]
        cands: List[Tuple[float, int, int]] = [(h.logp, -1, i) for i, h in enumerate(done)]
        for r, (hyp, logp) in enumerate(rows):
            n = min(k, int(numpy.isfinite(logp).sum()))
            for a in numpy.argpartition(-logp, n - 1)[:n]:
                cands.append((hyp.logp + float(logp[a]), r, int(a)))
        cands.sort(key=lambda c: -c[0])
        new: List[_Hyp] = []
        for total, r, a in cands:
            if len(new) >= k:
                break
            if r < 0:
                new.append(done[a])
                continue
            hyp, logp = rows[r]
            state = hyp.state.copy()
            self.moves.apply_transition(state, moves.names[a])
            new.append(_step(hyp, state, total, moves.kind[a], moves.label[a], float(logp[a])))
        return new


def _step(hyp: _Hyp, state: Any, total: float, kind: str, label: str, lp: float) -> _Hyp:
    pos = hyp.state.B(0)
    if kind == "B":
        return _Hyp(total, state, label, pos, lp, hyp.ents)
    if kind == "I":
        return _Hyp(total, state, hyp.open_label, hyp.open_start, hyp.open_logp + lp, hyp.ents)
    if kind == "L":
        ent = (hyp.open_start, pos + 1, label, hyp.open_logp + lp)
        return _Hyp(total, state, None, -1, 0.0, hyp.ents + (ent,))
    if kind == "U":
        return _Hyp(total, state, None, -1, 0.0, hyp.ents + ((pos, pos + 1, label, lp),))
    return _Hyp(total, state, None, -1, 0.0, hyp.ents)


def _best_and_probs(beam: List[_Hyp], k: int) -> Tuple[Any, Dict[EntKey, float]]:
    best = max(beam, key=lambda h: h.logp)
    if k == 1:
        return best.state, {(s, e, label): float(numpy.exp(lp)) for s, e, label, lp in best.ents}
    top = best.logp
    weights = [float(numpy.exp(h.logp - top)) for h in beam]
    total = sum(weights)
    probs: Dict[EntKey, float] = {}
    for h, w in zip(beam, weights):
        for s, e, label, _ in h.ents:
            probs[(s, e, label)] = probs.get((s, e, label), 0.0) + w / total
    # Sums of floats can pass 1 by a rounding error.
    return best.state, {key: min(p, 1.0) for key, p in probs.items()}


def scored_from(
    nlp: Language, name: str = "ner", *, beam_width: int = DEFAULT_BEAM_WIDTH, temperature: float = 1.0
) -> None:
    """Swap a trained `ner` (or a `pii_ner`, to change its settings) for a `pii_ner` with the
    same weights, in place.

    nlp (Language): the pipeline.
    name (str): the `ner` component's name.
    beam_width (int): the new component's beam width.
    temperature (float): the new component's temperature.
    """
    old: Any = nlp.get_pipe(name)
    data = old.to_bytes(exclude=["vocab"])
    config = {
        "beam_width": beam_width,
        "temperature": temperature,
        "model": nlp.config["components"][name]["model"],
    }
    new: Any = nlp.replace_pipe(name, "pii_ner", config=config)
    new.from_bytes(data, exclude=["vocab"])

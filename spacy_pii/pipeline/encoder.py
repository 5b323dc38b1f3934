"""The lean inference encoder: `pii_encoder`, an int8 ONNX graph run by ONNX Runtime, torch-free.

en_pii is trained with spacy-transformers and torch; `spacy-pii quantize` then turns the
trained pipeline into `tokenizer -> pii_encoder -> ner -> pii_redactor`, which needs spaCy,
onnxruntime, `tokenizers` and numpy only. The component reproduces what spacy-transformers
computes for the NER at inference (a test checks the spans are identical at batch size 1):

- the same strided windows over spaCy tokens (`window`/`stride` of the training config), so
  only a text longer than the trained window is split; almost every log line goes whole;
- the same wordpieces (the trained `tokenizer.json`, collapse rules included), and the same
  token-to-wordpiece alignment through character offsets;
- mean pooling of the aligned wordpieces into `doc.tensor`, which the NER reads through
  `spacy-pii.DocTensor.v1` instead of a transformer listener.

What it does not copy is the batching: windows are sorted by length inside a bounded buffer
and grouped by a budget of padded wordpieces, so a batch wastes little on padding, and the
docs come back in input order.
"""
import os
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, cast

import numpy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch, registry
from thinc.api import Model
from thinc.types import Floats2d

from ..errors import Errors, SpacyPIIError

ENCODER_FACTORY = "pii_encoder"
DOC_TENSOR_ARCHITECTURE = "spacy-pii.DocTensor.v1"
GRAPH_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
CFG_FILE = "cfg"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")

DEFAULT_ENCODER_CONFIG: Dict[str, Any] = {
    "window": 128,
    "stride": 96,
    "max_wordpieces": 512,
    "batch_wordpieces": 0,
    "buffer_size": 256,
    "threads": 0,
}


@Language.factory(
    ENCODER_FACTORY,
    default_config=DEFAULT_ENCODER_CONFIG,
    assigns=["doc.tensor"],
)
def make_pii_encoder(
    nlp: Language,
    name: str,
    window: int,
    stride: int,
    max_wordpieces: int,
    batch_wordpieces: int,
    buffer_size: int,
    threads: int,
) -> "PIIEncoder":
    """Create the torch-free int8 encoder component (inference only).

    window (int): spaCy tokens per window; longer texts are split (as in training).
    stride (int): tokens between window starts (window - stride tokens overlap).
    max_wordpieces (int): the encoder's limit per window (wordpieces past it are dropped).
    batch_wordpieces (int): budget of padded wordpieces per encoder call; 0 runs each window
        on its own, so a text's result never depends on its neighbours (int8 activations are
        quantized per call) and nothing is padded.
    buffer_size (int): docs read ahead and sorted by length before batching.
    threads (int): ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose.
    """
    if batch_wordpieces < 0:
        raise SpacyPIIError(Errors.E105.format(name="batch_wordpieces", expected="0 or more", value=batch_wordpieces))
    for key, value in (("window", window), ("stride", stride), ("max_wordpieces", max_wordpieces),
                       ("buffer_size", buffer_size)):
        if value < 1:
            raise SpacyPIIError(Errors.E105.format(name=key, expected="a positive integer", value=value))
    if stride > window:
        raise SpacyPIIError(Errors.E105.format(name="stride", expected=f"at most window={window}", value=stride))
    return PIIEncoder(
        name,
        window=window,
        stride=stride,
        max_wordpieces=max_wordpieces,
        batch_wordpieces=batch_wordpieces,
        buffer_size=buffer_size,
        threads=threads,
    )


def strided_windows(doc: Doc, window: int, stride: int) -> List[Span]:
    """The windows spacy-transformers' `strided_spans.v1` cuts from a doc (same edge cases).

    doc (Doc): the doc.
    RETURNS (List[Span]): the windows, in order; none for an empty doc.
    """
    spans: List[Span] = []
    start = 0
    for _ in range(len(doc) // stride):
        spans.append(doc[start : start + window])
        if start + window >= len(doc):
            break
        start += stride
    else:
        if start < len(doc):
            spans.append(doc[start:])
    return spans


def align_window(span: Span, offsets: Sequence[Tuple[int, int]], n_wordpieces: int) -> Tuple[Any, Any]:
    """Pairs (token, wordpiece) of a window whose characters overlap, as spacy-transformers'
    `get_alignment_via_offset_mapping` finds them: a token owns its characters and the one
    after it (a following token takes that character back).

    span (Span): the window.
    offsets (Sequence[Tuple[int, int]]): wordpiece character offsets in `span.text`.
    n_wordpieces (int): wordpieces kept (the rest were cut at the encoder's limit).
    RETURNS (Tuple[ndarray, ndarray]): doc token indices and wordpiece indices, one pair each.
    """
    base = span.start_char
    char_to_token = numpy.full(len(span.text) + 1, -1, dtype=numpy.int64)
    for token in span:
        start = token.idx - base
        char_to_token[start : start + len(token) + 1] = token.i
    offs = numpy.asarray(offsets[:n_wordpieces], dtype=numpy.int64).reshape(-1, 2)
    lengths = numpy.clip(offs[:, 1] - offs[:, 0], 0, None)
    if not lengths.sum():
        empty = numpy.zeros(0, dtype=numpy.int64)
        return empty, empty
    wps = numpy.repeat(numpy.arange(len(offs)), lengths)
    firsts = numpy.repeat(offs[:, 0] - numpy.cumsum(lengths) + lengths, lengths)
    chars = numpy.arange(len(wps)) + firsts
    inside = (chars >= 0) & (chars < len(char_to_token))
    tokens = numpy.full(len(chars), -1, dtype=numpy.int64)
    tokens[inside] = char_to_token[chars[inside]]
    keep = tokens >= 0
    pairs = numpy.unique(numpy.stack([tokens[keep], wps[keep]], axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1]


def length_batches(lengths: Sequence[int], budget: int) -> List[List[int]]:
    """Group items, shortest first, so that each group's padded size (items x longest) stays
    within `budget` wordpieces; an item longer than the budget goes alone.

    lengths (Sequence[int]): wordpieces per item.
    budget (int): padded wordpieces per group; 0 puts every item in a group of its own.
    RETURNS (List[List[int]]): item indices per group; every index exactly once.
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    if budget <= 0:
        return [[i] for i in order]
    batches: List[List[int]] = []
    current: List[int] = []
    for i in order:
        if current and (len(current) + 1) * lengths[i] > budget:
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


class PIIEncoder:
    """Runs the int8 encoder over docs and stores mean-pooled wordpiece states in `doc.tensor`."""

    def __init__(
        self,
        name: str = ENCODER_FACTORY,
        *,
        window: int = 128,
        stride: int = 96,
        max_wordpieces: int = 512,
        batch_wordpieces: int = 0,
        buffer_size: int = 256,
        threads: int = 0,
    ) -> None:
        self.name = name
        self.cfg: Dict[str, Any] = {
            "window": window,
            "stride": stride,
            "max_wordpieces": max_wordpieces,
            "batch_wordpieces": batch_wordpieces,
            "buffer_size": buffer_size,
            "threads": threads,
        }
        self.graph: Optional[bytes] = None
        self.tokenizer_json: Optional[str] = None
        self.width = 0
        self._tokenizer: Any = None
        self._session: Any = None
        self._session_key: Tuple[int, int] = (0, 0)
        # padded and real wordpieces run so far, for the benchmark's padding report
        self.wordpieces = {"padded": 0, "real": 0}

    # -- set-up -----------------------------------------------------------------------------
    def set_model(self, graph: bytes, tokenizer_json: str, width: int = 0) -> None:
        """Give the component its int8 ONNX graph and `tokenizers` JSON.

        graph (bytes): the serialized ONNX graph (inputs input_ids, attention_mask,
            token_type_ids; output last_hidden_state).
        tokenizer_json (str): the trained tokenizer, as `tokenizers` saves it.
        width (int): the hidden size; 0 reads it from a session built now. A saved pipeline
            passes it, so loading builds no session: the first text does, in the process that
            runs it (an ONNX Runtime session built before a fork hangs the forked worker).
        """
        self.graph = graph
        self.tokenizer_json = tokenizer_json
        self._tokenizer = None
        self._session = None
        self.width = width or int(self.session().get_outputs()[0].shape[-1])

    def set_threads(self, threads: int) -> None:
        """Use `threads` ONNX Runtime intra-op threads from the next call (0: its default)."""
        self.cfg["threads"] = threads

    @property
    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            from tokenizers import Tokenizer

            if self.tokenizer_json is None:
                raise SpacyPIIError(Errors.E700.format(name=self.name))
            tokenizer = Tokenizer.from_str(self.tokenizer_json)
            tokenizer.no_truncation()
            tokenizer.no_padding()
            self._tokenizer = tokenizer
        return self._tokenizer

    def session(self) -> Any:
        """The ONNX Runtime session of this process and thread count (a forked worker, as in
        `nlp.pipe(n_process=...)`, builds its own: a session's thread pool does not survive
        a fork)."""
        key = (os.getpid(), int(self.cfg["threads"]))
        if self._session is None or self._session_key != key:
            import onnxruntime

            if self.graph is None:
                raise SpacyPIIError(Errors.E700.format(name=self.name))
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = key[1]
            options.inter_op_num_threads = 1
            try:
                self._session = onnxruntime.InferenceSession(
                    self.graph, options, providers=["CPUExecutionProvider"]
                )
            except Exception as e:  # onnxruntime raises its own exception types
                reason = str(e).splitlines()[0] if str(e) else type(e).__name__
                raise SpacyPIIError(Errors.E304.format(reason=reason[:200])) from None
            self._session_key = key
        return self._session

    # -- inference ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Encode one doc (the batch path with a batch of one)."""
        self.set_annotations([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Encode docs in buffers of `buffer_size`, yielding them in input order."""
        for docs in minibatch(stream, size=self.cfg["buffer_size"]):
            self.set_annotations(docs)
            yield from docs

    def set_annotations(self, docs: Sequence[Doc]) -> None:
        """Set `doc.tensor` (tokens x width, float32) for every doc.

        docs (Sequence[Doc]): the docs; they are batched by length, not in this order.
        """
        cfg = self.cfg
        windows: List[Tuple[int, Span]] = []
        for i, doc in enumerate(docs):
            windows.extend((i, span) for span in strided_windows(doc, cfg["window"], cfg["stride"]))
        encodings = self.tokenizer.encode_batch([span.text for _, span in windows], add_special_tokens=True)
        lengths = [min(len(e.ids), cfg["max_wordpieces"]) for e in encodings]
        states: List[Any] = [None] * len(windows)
        for batch in length_batches(lengths, cfg["batch_wordpieces"]):
            width = max(lengths[j] for j in batch)
            ids = numpy.zeros((len(batch), width), dtype=numpy.int64)
            mask = numpy.zeros((len(batch), width), dtype=numpy.int64)
            types = numpy.zeros((len(batch), width), dtype=numpy.int64)
            for row, j in enumerate(batch):
                n = lengths[j]
                ids[row, :n] = encodings[j].ids[:n]
                mask[row, :n] = 1
                types[row, :n] = encodings[j].type_ids[:n]
            (hidden,) = self.session().run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
            )
            self.wordpieces["padded"] += ids.size
            self.wordpieces["real"] += sum(lengths[j] for j in batch)
            for row, j in enumerate(batch):
                states[j] = hidden[row, : lengths[j]]
        sums = [numpy.zeros((len(doc), self.width), dtype=numpy.float32) for doc in docs]
        counts = [numpy.zeros(len(doc), dtype=numpy.float32) for doc in docs]
        for (i, span), encoding, n, state in zip(windows, encodings, lengths, states):
            tokens, wps = align_window(span, encoding.offsets, n)
            numpy.add.at(sums[i], tokens, state[wps])
            numpy.add.at(counts[i], tokens, 1.0)
        for doc, total, count in zip(docs, sums, counts):
            doc.tensor = total / numpy.maximum(count, 1.0)[:, None]

    def __getstate__(self) -> Dict[str, Any]:
        # for nlp.pipe(n_process=...) under spawn: sessions and tokenizers are rebuilt there
        state = dict(self.__dict__)
        state["_session"] = None
        state["_tokenizer"] = None
        return state

    # -- serialization: the graph, the tokenizer and the width are all the state there is ----
    def to_disk(self, path: Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.graph is None or self.tokenizer_json is None:
            raise SpacyPIIError(Errors.E700.format(name=self.name))
        (path / GRAPH_FILE).write_bytes(self.graph)
        (path / TOKENIZER_FILE).write_text(self.tokenizer_json, encoding="utf8")
        srsly.write_json(path / CFG_FILE, {"width": self.width})

    def from_disk(self, path: Path, *, exclude: Iterable[str] = tuple()) -> "PIIEncoder":
        path = Path(path)
        for name in (GRAPH_FILE, TOKENIZER_FILE):
            if not (path / name).is_file():
                raise SpacyPIIError(Errors.E701.format(name=self.name, file=name))
        cfg = srsly.read_json(path / CFG_FILE) if (path / CFG_FILE).is_file() else {}
        self.set_model(
            (path / GRAPH_FILE).read_bytes(),
            (path / TOKENIZER_FILE).read_text(encoding="utf8"),
            int(cfg.get("width", 0)),
        )
        return self

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        if self.graph is None or self.tokenizer_json is None:
            raise SpacyPIIError(Errors.E700.format(name=self.name))
        return srsly.msgpack_dumps({"graph": self.graph, "tokenizer": self.tokenizer_json, "width": self.width})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "PIIEncoder":
        msg = srsly.msgpack_loads(data)
        self.set_model(msg["graph"], msg["tokenizer"], int(msg.get("width", 0)))
        return self


def set_encoder_threads(nlp: Language, threads: int) -> None:
    """Give every `pii_encoder` of a pipeline `threads` intra-op threads (0: the default)."""
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, PIIEncoder):
            pipe.set_threads(threads)


@registry.architectures(DOC_TENSOR_ARCHITECTURE)
def create_doc_tensor(width: int) -> Model[List[Doc], List[Floats2d]]:
    """The NER's token vectors, read from `doc.tensor` as `pii_encoder` set it (inference only).

    width (int): the encoder's hidden size.
    """
    return Model("pii-doc-tensor", _doc_tensor_forward, dims={"nO": width})


def _doc_tensor_forward(
    model: Model[List[Doc], List[Floats2d]], docs: List[Doc], is_train: bool
) -> Tuple[List[Floats2d], Callable]:
    width = model.get_dim("nO")
    if is_train:
        raise SpacyPIIError(Errors.E305)
    out: List[Floats2d] = []
    for doc in docs:
        tensor = doc.tensor
        if getattr(tensor, "shape", None) != (len(doc), width):
            if len(doc) == 0:
                out.append(model.ops.alloc2f(0, width))
                continue
            raise SpacyPIIError(Errors.E702.format(factory=ENCODER_FACTORY, width=width))
        out.append(model.ops.asarray2f(cast(Floats2d, tensor)))
    return out, lambda d_out: []

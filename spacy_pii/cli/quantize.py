"""`spacy-pii quantize IN OUT`: int8 build of a trained pipeline, checked after a strict reload.

`--backend lean` (the default, what en_pii ships) writes the torch-free pipeline
(pii_encoder -> ner -> pii_redactor) around the ONNX Runtime int8 graph; `onnx` and `torch`
write int8 spacy-transformers pipelines (training-side tools)."""
import warnings
from pathlib import Path
from typing import Any, List, Optional

import typer

from ..corpus import read_jsonl
from ..errors import Errors, SpacyPIIError
from ._app import app
from ._util import err_console, load_pipeline


@app.command("quantize")
def quantize_cli(
    in_path: Path = typer.Argument(..., help="Trained fp32 pipeline directory"),
    out_path: Path = typer.Argument(..., help="Where to write the int8 pipeline"),
    check: Optional[Path] = typer.Option(
        None, "--check", help="JSONL whose texts must get the same spans after reload"
    ),
    check_limit: int = typer.Option(300, "--check-limit", help="Texts of --check to compare"),
    keep_fp32: List[str] = typer.Option(
        [], "--keep-fp32", help="Regex of Linear layer names to keep in fp32 (repeatable), "
        r"e.g. 'layer\.\d+\.output\.dense' for the FFN output projections"
    ),
    backend: str = typer.Option(
        "lean", "--backend", help="lean (torch-free pii_encoder around an ONNX Runtime int8 graph: "
        "what en_pii ships), onnx (ONNX Runtime int8 inside spacy-transformers) or torch "
        "(dynamic int8 torch modules)"
    ),
    ner_scores: bool = typer.Option(
        True, "--ner-scores/--no-ner-scores", help="lean: the NER becomes pii_ner (same weights), "
        "which gives each entity a probability (span._.pii_score); detectors score by evidence"
    ),
    beam_width: int = typer.Option(1, "--beam-width", min=1, help="pii_ner beam (1: the greedy parse)"),
    calibrate: Optional[Path] = typer.Option(
        None, "--calibrate", help="Held-out JSONL (the dev split) on which pii_ner's temperature "
        "is chosen for the lowest calibration error"
    ),
    calibrate_limit: int = typer.Option(500, "--calibrate-limit", help="Texts of --calibrate to use"),
) -> None:
    """Quantize the transformer to int8 (Linear layers and word embeddings), save, reload
    strictly, and check the reloaded pipeline predicts what the in-memory one did.
    With `--backend lean` the check compares the lean pipeline with the ONNX int8
    spacy-transformers build of the same graph, text by text (batch size 1).
    Exit codes: 0 ok, 1 reload mismatch or bad input, 3 model not loadable."""
    import spacy

    from ..quantize import lean_pipeline, model_size, quantize_pipeline

    nlp = load_pipeline(str(in_path))
    reference = None
    try:
        quantize_pipeline(nlp, fp32_modules=keep_fp32, backend="onnx" if backend == "lean" else backend)
        if backend == "lean":
            reference, nlp = nlp, lean_pipeline(nlp)
            if ner_scores:
                _score_spans(nlp, beam_width, calibrate, calibrate_limit)
    except SpacyPIIError as e:
        err_console.print(str(e), markup=False)
        raise typer.Exit(1) from None
    nlp.config["paths"]["train"] = None
    nlp.config["paths"]["dev"] = None
    nlp.meta.update(
        name="pii",
        description="PII detection and redaction: MiniLM (int8) NER + validated pattern "
        "detectors (pii_redactor). Trained on the spacy-pii synthetic corpus.",
        license="MIT",
        author="spacy-pii",
    )
    nlp.to_disk(out_path)
    sizes = model_size(reference if reference is not None else nlp)
    if reference is not None:
        err_console.print(f"lean int8 pipeline written to {out_path}: {sizes['onnx'] / 1e6:.1f} MB ONNX graph")
    elif sizes["onnx"]:
        err_console.print(f"int8 pipeline written to {out_path}: {sizes['onnx'] / 1e6:.1f} MB ONNX graph")
    else:
        err_console.print(
            f"int8 pipeline written to {out_path}: {sizes['int8'] / 1e6:.1f} MB int8, "
            f"{sizes['fp32'] / 1e6:.1f} MB fp32 tensors in the transformer"
        )
    if check is None:
        return
    texts = [r.text for r, _ in zip(read_jsonl(check), range(check_limit))]
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        reloaded = spacy.load(out_path)
    if reference is not None:
        # one text at a time: int8 activations are quantized per call, so a batch's neighbours
        # move the numbers a little; text by text (a long text's windows in one call, as
        # spacy-transformers runs them) both builds must agree exactly
        reloaded.get_pipe("pii_encoder").cfg["batch_wordpieces"] = 1 << 30  # type: ignore[attr-defined]
        before = [_spans(reference(t)) for t in texts]
        after = [_spans(reloaded(t)) for t in texts]
    else:
        before = [_spans(d) for d in nlp.pipe(texts)]
        after = [_spans(d) for d in reloaded.pipe(texts)]
    differ = sum(1 for a, b in zip(before, after) if a != b)
    if differ:
        err_console.print(Errors.E303.format(differ=differ, n=len(texts)), markup=False)
        raise typer.Exit(1)
    what = "the ONNX int8 build and the reloaded lean pipeline" if reference is not None else "before and after reload"
    err_console.print(f"reload check: {len(texts)} texts, identical spans from {what}")


def _score_spans(nlp: Any, beam_width: int, calibrate: Optional[Path], limit: int) -> None:
    """NER probabilities (pii_ner) and detector evidence scores in place of constants."""
    from ..evaluation.calibration import fit_temperature
    from ..pipeline.scored_ner import scored_from

    scored_from(nlp, beam_width=beam_width)
    # null: each detector's own evidence score (validated > context-confirmed > bare shape)
    nlp.get_pipe_config("pii_redactor")["pattern_score"] = None
    if calibrate is not None:
        records = [r for r, _ in zip(read_jsonl(calibrate), range(limit))]
        temperature, table = fit_temperature(nlp, records)
        tried = ", ".join(f"{t:g}: {e:.3f}" for t, e in table)
        err_console.print(f"pii_ner temperature {temperature:g} (dev ECE by temperature: {tried})")


def _spans(doc) -> list:  # type: ignore[no-untyped-def]
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]

"""`spacy-pii quantize IN OUT`: int8 build of a trained pipeline, checked after a strict reload."""
import warnings
from pathlib import Path
from typing import List, Optional

import typer

from ..corpus import read_jsonl
from ..errors import SpacyPIIError
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
        "torch", "--backend", help="torch (dynamic int8 modules) or onnx (ONNX Runtime int8 graph)"
    ),
) -> None:
    """Quantize the transformer to int8 (Linear layers and word embeddings), save, reload
    strictly, and check the reloaded pipeline predicts what the in-memory one did.
    Exit codes: 0 ok, 1 reload mismatch or bad input, 3 model not loadable."""
    import spacy

    from ..quantize import model_size, quantize_pipeline

    nlp = load_pipeline(str(in_path))
    try:
        quantize_pipeline(nlp, fp32_modules=keep_fp32, backend=backend)
    except SpacyPIIError as e:
        err_console.print(str(e), markup=False)
        raise typer.Exit(1)
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
    sizes = model_size(nlp)
    if sizes["onnx"]:
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
    before = [_spans(d) for d in nlp.pipe(texts)]
    after = [_spans(d) for d in reloaded.pipe(texts)]
    differ = sum(1 for a, b in zip(before, after) if a != b)
    if differ:
        err_console.print(f"[E303] {differ} of {len(texts)} texts got other spans after reload.")
        raise typer.Exit(1)
    err_console.print(f"reload check: {len(texts)} texts, identical spans before and after reload")


def _spans(doc) -> list:  # type: ignore[no-untyped-def]
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]

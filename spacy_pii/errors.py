"""Coded error and warning messages.

Messages name where (file, line, offset, label) and never carry the text of a span or line:
a PII value must never reach a log, an exception or a traceback.
Code ranges: E0xx labels/corpus, E1xx detectors/operators/redactor, E2xx CLI and streams,
E3xx model build, quantization and evaluation.
"""


class Errors:
    # --- labels / corpus (E0xx) ---
    E001 = "[E001] Unknown label(s): {labels}. Known labels: {known}."
    E050 = "[E050] A {label} value rendered empty at offset {offset}: a slot function is broken."
    E051 = "[E051] Unknown slot '{{{slot}}}' in template {template} of genre '{genre}'."
    E052 = "[E052] Split sizes must be non-negative integers, got {split}={size}."
    E053 = "[E053] Output path {path} exists and is not a directory."
    E054 = "[E054] Genre '{genre}' has no {kind} templates."
    E010 = "[E010] {path}:{line}:{col}: invalid JSON ({reason})."
    E011 = "[E011] {path}:{line}: the record has no string \"text\" field."
    E012 = ("[E012] {path}:{line}: span {index} is malformed: expected {{\"start\", \"end\", "
            "\"label\"}} objects under \"spans\"/\"entities\", or [start, end, label] "
            "triples under \"span_labels\".")
    E013 = ("[E013] {path}:{line}: span {index} has offsets {start}..{end} outside the text "
            "(length {length}) or reversed.")
    E014 = "[E014] {path}:{line}: span {index} ({start}..{end}) overlaps span {other} ({ostart}..{oend})."
    E015 = "[E015] {path}:{line}: span {index} has label {label!r}, which is not in the scheme."
    E016 = ("[E016] {path}:{line}: span {index} ({start}..{end}, {label}) does not fall on token "
            "boundaries and --alignment is strict.")
    E017 = "[E017] {path}: no such file (corpus reader path for {what})."
    E018 = "[E018] Unknown alignment mode {mode!r}; use one of: expand, contract, strict."
    E019 = "[E019] {path}:{line}: the line is a JSON {kind}, not an object."
    # --- detectors / operators / redactor (E1xx) ---
    # --- CLI and streams (E2xx) ---
    E200 = "[E200] Could not load the model {model!r} ({reason}). {hint}"
    E201 = ("[E201] The pipeline {model!r} has no pii_redactor component (pipes: {pipes}). "
            "Add one with nlp.add_pipe(\"pii_redactor\") or pass --model with a spacy-pii model.")
    E202 = ("[E202] The operator(s) {operators} need a key: pass --key-file PATH or set the "
            "SPACY_PII_KEY environment variable.")
    E203 = "[E203] --operator-for expects LABEL=OPERATOR, got {value!r}."
    E204 = "[E204] Unknown operator {operator!r}; use one of: {known}."
    E205 = "[E205] {path}: no such file, or not a regular file."
    E206 = "[E206] {source}:{line}: redaction failed ({exc_type}); the line was {action}."
    E207 = ("[E207] Unexpected error ({exc_type} at {where}). Set SPACY_PII_DEBUG=1 to see the "
            "full traceback (it may contain input text).")
    E208 = "[E208] --mask-char must be exactly one character, got {length}."
    E209 = "[E209] {option} must be {rule}, got {value}."
    E210 = "[E210] {source}: reading failed ({exc_type})."
    E211 = "[E211] --key {value!r}: a JSON key path is dot-separated non-empty keys, like user.email."
    E212 = "[E212] {source}:{line}: redaction failed ({exc_type}); stopping (--on-error fail)."
    # --- model, quantization, evaluation (E3xx) ---
    E300 = "[E300] Cannot quantize a {kind}: expected a BERT-like encoder with embeddings.word_embeddings."
    E301 = ("[E301] The int8 transformer weights do not match the quantized architecture ({reason}). "
            "Refusing a non-strict load, which would run with random weights; rebuild the package "
            "with `spacy-pii quantize`.")
    E302 = "[E302] Expected exactly one transformer component to quantize, found {n}."


class Warnings:
    # --- corpus (W0xx) ---
    # --- redactor / CLI (W1xx, W2xx) ---
    pass


class SpacyPIIError(ValueError):
    """Base class of the errors spacy-pii raises on bad input or configuration."""

"""Coded error and warning messages.

Messages name where (file, line, offset, label) and never carry the text of a span or line:
a PII value must never reach a log, an exception or a traceback.
Code ranges: E0xx labels/corpus, E1xx detectors/operators/redactor, E2xx CLI and streams,
E3xx model build, quantization and evaluation.
"""


class Errors:
    # --- labels / corpus (E0xx) ---
    E001 = "[E001] Unknown label(s): {labels}. Known labels: {known}."
    # --- detectors / operators / redactor (E1xx) ---
    # --- CLI and streams (E2xx) ---
    # --- model, quantization, evaluation (E3xx) ---


class Warnings:
    # --- corpus (W0xx) ---
    # --- redactor / CLI (W1xx, W2xx) ---
    pass


class SpacyPIIError(ValueError):
    """Base class of the errors spacy-pii raises on bad input or configuration."""

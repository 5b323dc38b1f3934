"""Validated pattern detectors: one per module, on a small base class, in a registry."""

"""The registries a user may extend without forking spacy-pii (catalogue, as spaCy does).

- `registry.detectors`: pattern detectors (`spacy_pii.detectors.Detector` subclasses or
  factories returning one), entry-point group `spacy_pii_detectors`.
- `registry.operators`: redaction operators (`spacy_pii.operators.core.Operator`, or a plain
  `(value, label, policy) -> str` function), entry-point group `spacy_pii_operators`.
  Register with `spacy_pii.operators.core.register_operator(name, needs_key=...)`.

Register from code:

    from spacy_pii.registry import registry

    @registry.detectors("my_detector")
    class MyDetector(Detector): ...

or declare an entry point in a package's setup.cfg:

    [options.entry_points]
    spacy_pii_detectors =
        my_detector = my_package.detectors:MyDetector
"""
import catalogue


class registry:
    """Namespace of the spacy-pii registries (one attribute per registry)."""

    detectors = catalogue.create("spacy_pii", "detectors", entry_points=True)
    operators = catalogue.create("spacy_pii", "operators", entry_points=True)

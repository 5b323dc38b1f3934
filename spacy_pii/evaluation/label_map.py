"""Map other people's span labels onto the scheme, so `evaluate` and `review` score any dataset.

A label map sends THEIRS -> OURS, or THEIRS -> None to ignore a label (its spans are dropped
from the gold). Labels of the scheme map to themselves unless the map says otherwise. A gold
label with no mapping is not fatal: its spans are dropped and counted (`LabelMap.unmapped`),
and the CLI lists the counts on stderr.

A map is built from specs, each one of:
- a preset name: `presidio` (Presidio's entity names and its spaCy-NER mapping), `ontonotes`
  (the 18 OntoNotes 5 names of spaCy's `en_core_web_*`);
- a JSON file holding one object `{"THEIRS": "OURS", "THEIRS2": null}` (null or "": ignore);
- a pair `THEIRS=OURS`, or `THEIRS=` to ignore THEIRS.
Later specs override earlier ones, so `--label-map ontonotes --label-map DATE=` starts from the
preset and ignores DATE.
"""
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import orjson

from ..errors import Errors, SpacyPIIError, Warnings
from ..labels import LABEL_DESCRIPTIONS, LABELS

CharSpan = Tuple[int, int, str]

# Presidio's own entity names that are ours already map to themselves (the scheme follows
# Presidio). Below: Presidio's other names, and the names of its default spaCy NER mapping
# (presidio_analyzer NerModelConfiguration.model_to_presidio_entity_mapping).
PRESIDIO: Dict[str, Optional[str]] = {
    "PER": "PERSON",
    "NORP": "NRP",
    "FAC": "LOCATION",
    "LOC": "LOCATION",
    "GPE": "LOCATION",
    "ORG": "ORGANIZATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
    # presidio-research's synthetic data
    "ADDRESS": "STREET_ADDRESS",
    "ZIP_CODE": "STREET_ADDRESS",
    "TITLE": None,  # Mr, Dr: not identifying on their own
    "PREFIX": None,
}
# spaCy's OntoNotes labels, mapped as Presidio maps them; the rest are not PII.
ONTONOTES: Dict[str, Optional[str]] = {
    "PERSON": "PERSON",
    "NORP": "NRP",
    "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
    "PRODUCT": None,
    "EVENT": None,
    "WORK_OF_ART": None,
    "LAW": None,
    "LANGUAGE": None,
    "PERCENT": None,
    "MONEY": None,
    "QUANTITY": None,
    "ORDINAL": None,
    "CARDINAL": None,
}
PRESETS: Dict[str, Dict[str, Optional[str]]] = {"presidio": PRESIDIO, "ontonotes": ONTONOTES}


class LabelMap:
    """THEIRS -> OURS (None: ignore), applied to gold spans, counting what it drops.

    mapping (Mapping[str, Optional[str]]): the map; targets must be labels of the scheme.
    """

    def __init__(self, mapping: Optional[Mapping[str, Optional[str]]] = None) -> None:
        self.mapping: Dict[str, Optional[str]] = {}
        for theirs, ours in (mapping or {}).items():
            self.mapping[theirs] = _target(theirs, ours)
        # spans dropped, by label: no mapping / mapped to nothing
        self.unmapped: Counter = Counter()
        self.ignored: Counter = Counter()

    def map_label(self, label: str) -> Optional[str]:
        """Our label for `label`, or None when it is ignored or has no mapping (counted)."""
        if label in self.mapping:
            ours = self.mapping[label]
            if ours is None:
                self.ignored[label] += 1
            return ours
        if label in LABEL_DESCRIPTIONS:
            return label
        self.unmapped[label] += 1
        return None

    def map_spans(self, spans: Iterable[CharSpan]) -> List[CharSpan]:
        """The spans with our labels; ignored and unmapped spans are dropped (and counted)."""
        out = []
        for start, end, label in spans:
            ours = self.map_label(label)
            if ours is not None:
                out.append((start, end, ours))
        return out


def _target(theirs: str, ours: Optional[str]) -> Optional[str]:
    if ours is None or not ours.strip():
        return None
    ours = ours.strip().upper()
    if ours not in LABEL_DESCRIPTIONS:
        raise SpacyPIIError(Errors.E601.format(theirs=theirs, ours=ours, known=", ".join(LABELS)))
    return ours


def read_label_map_file(path: Path) -> Dict[str, Optional[str]]:
    """Read a JSON label map: one object, THEIRS -> OURS (a string) or null/"" to ignore.

    path (Path): the file.
    RETURNS (Dict[str, Optional[str]]): the map, targets not yet checked.
    """
    try:
        obj = orjson.loads(Path(path).read_bytes())
    except orjson.JSONDecodeError as e:
        raise SpacyPIIError(Errors.E602.format(path=path, reason=e.msg)) from None
    if not isinstance(obj, dict) or not all(v is None or isinstance(v, str) for v in obj.values()):
        raise SpacyPIIError(Errors.E602.format(path=path, reason="expected one object of label -> label or null"))
    return {str(k): v for k, v in obj.items()}


def parse_label_map(specs: Sequence[str]) -> LabelMap:
    """Build a LabelMap from specs: preset names, JSON files, `THEIRS=OURS` pairs (see module).

    specs (Sequence[str]): the specs, in order; later ones override earlier ones.
    RETURNS (LabelMap): the map.
    """
    mapping: Dict[str, Optional[str]] = {}
    for spec in specs:
        if Path(spec).is_file():
            mapping.update(read_label_map_file(Path(spec)))
        elif "=" in spec:
            theirs, _, ours = spec.partition("=")
            if not theirs.strip():
                raise SpacyPIIError(Errors.E600.format(spec=spec, presets=", ".join(PRESETS)))
            mapping[theirs.strip()] = ours.strip() or None
        elif spec.strip().lower() in PRESETS:
            mapping.update(PRESETS[spec.strip().lower()])
        else:
            raise SpacyPIIError(Errors.E600.format(spec=spec, presets=", ".join(PRESETS)))
    return LabelMap(mapping)


def unmapped_report(label_map: LabelMap) -> List[str]:
    """Lines for stderr naming each dropped gold label with its span count (labels only)."""
    lines = []
    if label_map.unmapped:
        listed = ", ".join(f"{label} ({n})" for label, n in sorted(label_map.unmapped.items()))
        lines.append(Warnings.W600.format(labels=listed))
    if label_map.ignored:
        listed = ", ".join(f"{label} ({n})" for label, n in sorted(label_map.ignored.items()))
        lines.append(Warnings.W601.format(labels=listed))
    return lines

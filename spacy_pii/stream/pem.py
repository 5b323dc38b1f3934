"""The multi-line carries a stream runs by default.

Detection stays with the detectors: the PEM private-key body carry is the credential
detector's (`spacy_pii.detectors.credential.PemCarry`). The stream loop knows only the
`LineCarry` interface (`spacy_pii.stream.loop`) and takes its carries as an argument;
`DEFAULT_CARRIES` is the one place that names them.
"""
from typing import Callable, Sequence

from ..detectors.credential import PemCarry

# Factories of the carries a stream runs by default (one fresh state per stream).
DEFAULT_CARRIES: Sequence[Callable[[], PemCarry]] = (PemCarry,)

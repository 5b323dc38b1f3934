"""Every coded message lives in spacy_pii/errors.py, once, in spaCy's ErrorsWithCodes shape."""
import ast
import re
from collections import Counter
from pathlib import Path
from typing import List, Tuple

import pytest

from spacy_pii.errors import Errors, ErrorsWithCodes, Warnings

PACKAGE = Path(__file__).resolve().parents[1] / "spacy_pii"
CODE = re.compile(r"[EW]\d{3}")
CODED_TEXT = re.compile(r"\[[EW]\d{3}\]")


def codes(cls: type) -> List[str]:
    return [name for name in vars(cls) if CODE.fullmatch(name)]


@pytest.mark.parametrize("cls", [Errors, Warnings])
def test_every_message_reads_with_its_code_once(cls: type) -> None:
    assert type(cls) is ErrorsWithCodes
    for code in codes(cls):
        message = getattr(cls, code)
        assert message.startswith(f"[{code}] ") and message.count(f"[{code}]") == 1, code


def test_no_code_is_defined_twice() -> None:
    # A second `E123 = ...` in the class body silently replaces the first.
    tree = ast.parse((PACKAGE / "errors.py").read_text(encoding="utf-8"))
    names: List[Tuple[str, str]] = []
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef):
            for node in cls.body:
                if isinstance(node, ast.Assign):
                    names += [(cls.name, t.id) for t in node.targets if isinstance(t, ast.Name) and CODE.fullmatch(t.id)]
    twice = [name for name, n in Counter(names).items() if n > 1]
    assert not twice, twice


def test_no_coded_message_outside_errors_py() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "errors.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODED_TEXT.match(node.value):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert not found, "coded messages outside spacy_pii/errors.py: " + ", ".join(found)

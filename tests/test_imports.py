"""Imports run one way: every module imports alone and in any order, and no module imports
another that imports it back (module-level and function-level imports alike)."""
import ast
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "spacy_pii"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: Dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(module: str, is_package: bool, level: int, target: Optional[str]) -> str:
    if level == 0:
        return target or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def imports_of(module: str) -> Set[str]:
    """The spacy_pii modules a module imports anywhere in its code (not under TYPE_CHECKING)."""
    path = MODULES[module]
    return imports_in(module, path.name == "__init__.py", path.read_text(encoding="utf-8"))


def imports_in(module: str, is_package: bool, source: str) -> Set[str]:
    """The spacy_pii modules imported by `source`, module level and function level alike."""
    found: Set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for branch in node.orelse:
                visit(branch)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, is_package, node.level, node.module)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                # `from pkg import submodule` imports the submodule; `from mod import name` the module.
                found.add(sub if sub in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return {m for m in found if m in MODULES and m != module}


def cycles(graph: Dict[str, Set[str]]) -> List[Tuple[str, ...]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    out: List[Tuple[str, ...]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(tuple(sorted(component)))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph) + 100))
    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(out)


@pytest.mark.parametrize(
    "graph,expected",
    [
        ({"a": {"b"}, "b": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [("a", "b")]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [("a", "b", "c")]),
    ],
)
def test_cycle_finder(graph: Dict[str, Set[str]], expected: List[Tuple[str, ...]]) -> None:
    assert cycles(graph) == expected


@pytest.mark.parametrize(
    "module,is_package,level,target,expected",
    [
        ("spacy_pii.cli.redact", False, 2, "errors", "spacy_pii.errors"),
        ("spacy_pii.cli.redact", False, 1, "_util", "spacy_pii.cli._util"),
        ("spacy_pii.stream", True, 2, "errors", "spacy_pii.errors"),
        ("spacy_pii.stream", True, 1, "loop", "spacy_pii.stream.loop"),
        ("spacy_pii.api", False, 0, "spacy_pii.errors", "spacy_pii.errors"),
    ],
)
def test_relative_imports_resolve(module: str, is_package: bool, level: int, target: str, expected: str) -> None:
    assert _resolve(module, is_package, level, target) == expected


@pytest.mark.parametrize(
    "source,expected",
    [
        ("from .errors import Errors", {"spacy_pii.errors"}),
        ("def f():\n    from .spark import redact_column", {"spacy_pii.spark"}),  # function level
        ("from . import stream", {"spacy_pii.stream"}),
        ("import spacy_pii.cli.redact", {"spacy_pii.cli.redact"}),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .spark import x", set()),
        ("import os", set()),
    ],
)
def test_imports_found(source: str, expected: Set[str]) -> None:
    assert imports_in("spacy_pii.api", False, source) == expected


def test_no_module_imports_one_that_imports_it_back() -> None:
    found = cycles({m: imports_of(m) for m in MODULES})
    assert not found, "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


# --- imports in fresh interpreters --------------------------------------------------------

# Third-party packages loaded before the fork, so each child only imports spacy-pii modules.
WARM = ("spacy", "thinc.api", "typer", "rich.console", "orjson", "catalogue", "phonenumbers", "faker",
        "torch", "transformers", "spacy_transformers", "onnxruntime", "pandas", "pyarrow", "pyspark")

RUNNER = textwrap.dedent(
    """
    import importlib, os, sys, traceback
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    for name in sys.argv[2].split(","):
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    assert not any(m == "spacy_pii" or m.startswith("spacy_pii.") for m in sys.modules)
    failed = []
    for module in sys.argv[1].split(","):
        pid = os.fork()
        if pid == 0:  # a child imports one module into an interpreter with none of ours
            code = 0
            try:
                sys.argv = [module, "--help"]  # a __main__ module runs its command: help only
                importlib.import_module(module)
            except SystemExit as e:
                code = 0 if e.code in (0, None) else 1
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        if status != 0:
            failed.append(module)
    print("FAILED=" + ",".join(failed))
    """
)


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=900)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs os.fork")
def test_every_module_imports_alone() -> None:
    out = _run(RUNNER, ",".join(MODULES), ",".join(WARM))
    assert out.returncode == 0, out.stderr[-3000:]
    failed = out.stdout.strip().rsplit("FAILED=", 1)[-1]
    assert failed == "", f"these modules fail to import alone: {failed}\n{out.stderr[-3000:]}"


@pytest.mark.parametrize("order", ["sorted", "reversed"])
def test_all_modules_import_in_one_interpreter_in_either_order(order: str) -> None:
    names = [m for m in MODULES if not m.endswith("__main__")]
    if order == "reversed":
        names.reverse()
    code = (
        "import importlib, os, sys; os.environ.setdefault('HF_HUB_OFFLINE', '1'); "
        "os.environ.setdefault('TRANSFORMERS_OFFLINE', '1'); "
        "[importlib.import_module(m) for m in sys.argv[1].split(',')]; print('ok')"
    )
    out = _run(code, ",".join(names))
    assert out.returncode == 0 and out.stdout.strip().endswith("ok"), out.stderr[-3000:]

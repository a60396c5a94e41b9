"""The house rules, checked on the source: stages in folders that import only downward, no import
circles, short functions, dependency labels spelled in one module, English words in data files."""

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "eventcoder"
MODULES = sorted(p for p in SRC.rglob("*.py"))

#: Each room's floor: a module may import only from lower floors, or from its own folder. The
#: package's face (__init__: eventcoder.extract, ...) stands over the public functions it hands on;
#: the exceptions stand under everything, the data model raising them too.
FLOORS = {
    "__main__": 9, "cli": 8, "__init__": 8, "api": 7, "scale": 6, "pipeline": 5,
    "document": 4, "viewer": 4, "sentence": 3, "corpus": 3, "io": 3, "nlp": 2,
    "lexicons": 1, "model": 0, "options": 0, "_version": 0, "errors": -1,
}  # fmt: skip
MAX_LINES = 60


def room(module: str) -> str:
    """The floor key of a dotted module name below ``eventcoder``."""
    first = module.split(".")[0]
    return first


def dotted(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts) or "__init__"


def imports(path: Path) -> set[str]:
    """The eventcoder modules *path* imports (outside ``if TYPE_CHECKING:``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    here = [] if dotted(path) == "__init__" else dotted(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out = set()
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
        target = [*base, *(node.module.split(".") if node.module else [])]
        for alias in node.names:
            full = ".".join([*target, alias.name])
            is_module = (SRC / (full.replace(".", "/") + ".py")).exists() or (
                SRC / full.replace(".", "/")
            ).is_dir()
            out.add(full if is_module else ".".join(target) or "__init__")
    return {m for m in out if m != dotted(path)}


GRAPH = {dotted(p): imports(p) for p in MODULES}


def test_imports_run_downward():
    upward = [
        (a, b)
        for a, targets in GRAPH.items()
        for b in targets
        if room(a) != room(b) and FLOORS.get(room(b), 0) >= FLOORS.get(room(a), 0)
    ]
    assert not upward, upward


def test_no_import_circles():
    seen, stack, circles = set(), [], []

    def visit(m):
        if m in stack:
            circles.append(stack[stack.index(m) :] + [m])
            return
        if m in seen:
            return
        seen.add(m)
        stack.append(m)
        for n in GRAPH.get(m, ()):
            visit(n)
        stack.pop()

    for m in GRAPH:
        visit(m)
    assert not circles, circles


@pytest.mark.parametrize("path", MODULES, ids=lambda p: dotted(p))
def test_functions_are_short(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        (n.name, n.end_lineno - n.lineno + 1)
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.end_lineno - n.lineno + 1 > MAX_LINES
    ]
    assert not long, long


LABELS = re.compile(
    r"""["'](nsubj|nsubjpass|dobj|pobj|prep|agent|amod|compound|poss|conj|ccomp|xcomp|advcl|relcl|acl|auxpass|npadvmod|nummod|dative|pcomp|advmod|prt|acomp|oprd)["']"""
)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: dotted(p))
def test_dependency_labels_are_spelled_in_one_module(path):
    if path.name == "deps.py":
        return
    assert not LABELS.findall(path.read_text(encoding="utf-8")), "name the relation through nlp/deps.py"


def test_every_room_is_on_a_floor():
    assert {room(m) for m in GRAPH} <= set(FLOORS)

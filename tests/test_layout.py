"""The package's layout: imports point one way along the data flow, no cycle, small modules, ids only in data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lib" / "minzheng"
# The data flow, lowest first: a module may import its own layer and the layers before it, never a later one.
LAYERS = [
    ("paths", "errors", "english", "writers", "codebook", "schema"),
    ("read",),
    ("extract",),
    ("corpus",),
    ("words",),
    ("compare",),
    ("present",),
    ("publish",),
    ("evaluate", "cli", "__main__", "__init__"),
]
DRAWING = ("matplotlib", "seaborn", "IPython", "matplotlib_inline")
DRAWING_LAYERS = ("present", "publish")
MAX_LINES = 350
ID_LITERAL = re.compile(r"""["'](?:sa|ec|cp|pb|so|gov)\.[a-z_]+["']""")


def module_name(path: Path) -> str:
    """'read.clean' for lib/minzheng/read/clean.py; 'read' for read/__init__.py."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def layer_of(module: str) -> int:
    """The index of the layer a module belongs to (by its first name part)."""
    head = module.split(".")[0]
    return next(i for i, names in enumerate(LAYERS) if head in names)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every import in a file, at any depth (function-local ones too), as (line, dotted name)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "minzheng":
                found += [(node.lineno, f"minzheng.{alias.name}") for alias in node.names]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer():
    for path in MODULES:
        assert layer_of(module_name(path)) >= 0, path


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_point_from_later_layers_to_earlier_ones(path):
    here = layer_of(module_name(path))
    wrong = [
        f"line {line}: {name}"
        for line, name in imports_of(path)
        if name.startswith("minzheng.") and layer_of(name.removeprefix("minzheng.")) > here
    ]
    assert not wrong, f"{module_name(path)} (layer {here}) imports a later layer: {wrong}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_only_presenting_and_publishing_import_drawing_libraries(path):
    if module_name(path).split(".")[0] in DRAWING_LAYERS:
        return
    drawing = [f"line {line}: {name}" for line, name in imports_of(path) if name.split(".")[0] in DRAWING]
    assert not drawing, f"{module_name(path)} imports a drawing library: {drawing}"


def test_the_package_has_no_import_cycle():
    graph: dict[str, set[str]] = {}
    names = {module_name(p) for p in MODULES}
    for path in MODULES:
        targets = {n.removeprefix("minzheng.") for _, n in imports_of(path) if n.startswith("minzheng.")}
        graph[module_name(path)] = {t for t in targets if t in names and t != module_name(path)}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(trail[trail.index(nxt) :] + [nxt]))
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_is_longer_than_the_limit(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module_name(path)} has {lines} lines (limit {MAX_LINES}): split it by what it holds"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_library_module_types_a_codebook_id(path):
    found = ID_LITERAL.findall(path.read_text(encoding="utf-8"))
    assert not found, f"{module_name(path)} types codebook ids {found}: put the fact in data/codebook.csv"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_every_module_says_what_it_holds_in_its_first_line(path):
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc and doc.strip(), f"{module_name(path)} has no docstring"

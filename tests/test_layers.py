"""The package is a stack of layers: each imports only the layers below it, and
no two modules import each other, directly or through a loop.

The imports are read from the source (every `import` statement, also those
inside functions), so a lazy import counts like any other. An import under
`if TYPE_CHECKING:` is never executed: it counts for the layers (a type from a
higher layer is still a dependency on it) but not for loops.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "timeline"

# package (or top-level module) -> its floor; a module may import its own layer
# and any lower one. `load` and `diff` stand side by side on the same floor and
# must not import each other.
LAYERS = {
    "errors": 0,
    "__init__": 0,
    "dates": 1,
    "model": 2,
    "load": 3,
    "diff": 3,
    "store": 4,
    "views": 5,
    "exporters": 6,
    "cli": 7,
    "__main__": 8,
}
TOP_LEVEL_MODULES = {"__init__.py", "__main__.py", "errors.py"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(name: str) -> str | None:
    """The module of ours that `name` (a module, or a name in one) stands for."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(module: str) -> list[tuple[str, bool]]:
    """(imported module, whether only under TYPE_CHECKING) for each import of ours."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, typing_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for statement in child.body:
                    visit_statement(statement, True)
                for statement in child.orelse:
                    visit_statement(statement, typing_only)
                continue
            visit_statement(child, typing_only)

    def visit_statement(node: ast.AST, typing_only: bool) -> None:
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for name in names:
            target = _resolve(name)
            if target is not None and target != module:
                found.append((target, typing_only))
        visit(node, typing_only)

    visit(tree, False)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def _layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return LAYERS["__init__"]
    return LAYERS[parts[1]]


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_top_level_holds_only_packages_and_three_modules() -> None:
    loose = {path.name for path in PACKAGE.glob("*.py")}
    assert loose == TOP_LEVEL_MODULES
    for folder in PACKAGE.iterdir():
        if folder.is_dir() and folder.name != "__pycache__" and (folder / "__init__.py").exists():
            assert folder.name in LAYERS, f"{folder.name}/ is not in a layer of this test"


@pytest.mark.parametrize("room", [name for name in LAYERS if "_" not in name and name != "errors"])
def test_each_package_says_which_layer_it_is(room: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text()))
    assert doc is not None
    assert f"Layer {LAYERS[room]}, {room}:" in doc.splitlines()[0]


def test_no_module_imports_a_higher_layer_or_a_sibling_layer() -> None:
    wrong = []
    for module, imports in GRAPH.items():
        for target, _ in imports:
            higher = _layer(target) > _layer(module)
            sideways = _layer(target) == _layer(module) and _room(target) != _room(module)
            if higher or sideways:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def _cycle() -> list[str] | None:
    """One loop of runtime imports, if there is any."""
    state: dict[str, int] = {}  # 1 being visited, 2 done
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for target, typing_only in GRAPH[module]:
            if typing_only:
                continue
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[module] = 2
        return None

    for module in GRAPH:
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


def test_no_import_loops() -> None:
    assert _cycle() is None


def test_the_walk_sees_lazy_imports_and_loops(tmp_path: Path) -> None:
    """The test above can fail: a loop hidden in a function is found."""
    GRAPH["timeline.dates.units"].append(("timeline.dates.model", False))
    try:
        assert _cycle() is not None
    finally:
        GRAPH["timeline.dates.units"].pop()
    assert ("timeline.load.files", False) in GRAPH["timeline.store.cache"]  # a lazy import

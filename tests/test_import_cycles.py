"""No import cycles inside rlbaby (issue 14: a house that is easy to walk).

The graph is built from the source, not from ``sys.modules``: every ``import`` and
``from ... import`` in a file counts, at any depth (a function-level import that only
hides a cycle from the interpreter is still a cycle for the reader). Only imports under
``if TYPE_CHECKING:`` are left out, because they never run. Each file is one node; an
import of a package's name that is itself a module (``from rlbaby.store import backup``)
points at that module, any other name points at the package's ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "rlbaby"


def module_files(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the package by dotted name."""
    found: dict[str, Path] = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """All import statements, skipping the bodies of ``if TYPE_CHECKING:``.

    ``importlib.import_module("rlbaby.x")`` with a literal name counts as ``import``.
    """
    found: list[ast.Import | ast.ImportFrom] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(ast.Import(names=[ast.alias(name=node.args[0].value)]))
        stack.extend(ast.iter_child_nodes(node))
    return found


def _base(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module named by a ``from`` import (resolving dots)."""
    if node.level == 0:
        return node.module or ""
    parts = module.split(".")
    # A package's own module is its __init__: one dot means the package itself.
    keep = len(parts) - node.level + (1 if is_package else 0)
    base = parts[:keep]
    if node.module:
        base.append(node.module)
    return ".".join(base)


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Module -> the rlbaby modules it imports."""
    files = module_files(root)
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in _imports(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = _base(name, is_package, node)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.append(sub if sub in files else base)
            for target in targets:
                # `import rlbaby.a.b` names the deepest module that exists.
                while target and target not in files:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that returns to its start) per strongly connected group."""
    return [_path_in(graph, group) for group in tangles(graph)]


def tangles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0

    def connect(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(groups)


def _path_in(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """A shortest cycle through the group's first module, for the failure message."""
    members = set(group)
    start = group[0]
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for nxt in sorted(graph[node] & members):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if nxt not in previous:
                    previous[nxt] = node
                    following.append(nxt)
        frontier = following
    return [*group, start]


def test_rlbaby_has_no_import_cycle() -> None:
    found = cycles(import_graph())
    message = "\n".join(
        " -> ".join(cycle) + f"   (all tangled: {', '.join(group)})"
        for cycle, group in zip(found, tangles(import_graph()), strict=True)
    )
    assert not found, f"import cycles in {PACKAGE}/:\n{message}"


def test_the_walker_sees_relative_function_level_and_package_imports(tmp_path: Path) -> None:
    pkg = tmp_path / PACKAGE
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from .sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("from .c import thing\n")
    (pkg / "sub" / "b.py").write_text("from rlbaby.sub import thing\n")
    (pkg / "sub" / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from rlbaby import a\n"
    )
    (pkg / "d.py").write_text("import importlib\nimportlib.import_module('rlbaby.a.missing')\n")
    graph = import_graph(tmp_path)
    assert graph["rlbaby.a"] == {"rlbaby.sub.b"}
    assert graph["rlbaby.sub"] == {"rlbaby.sub.c"}
    assert graph["rlbaby.sub.b"] == {"rlbaby.sub"}
    assert graph["rlbaby.sub.c"] == set()
    assert graph["rlbaby.d"] == {"rlbaby.a"}
    assert cycles(graph) == []
    (pkg / "a.py").write_text("import rlbaby.sub.c\nfrom .sub import b\n")
    (pkg / "sub" / "c.py").write_text("from .. import a\n")
    assert cycles(import_graph(tmp_path)) == [["rlbaby.a", "rlbaby.sub.c", "rlbaby.a"]]

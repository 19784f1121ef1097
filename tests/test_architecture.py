"""The rooms stay separate: engines import only ``model``, ``errors`` and ``settings`` of mistrust.

Engines take and return model objects; the Workspace wires them to the store and to each other.
This test reads every engine module's imports, so a shortcut through the store (or into another
engine) fails here rather than in a review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "mistrust"
ENGINES = ("lists", "screen", "ingest", "extract", "corroborate", "report")
ALLOWED = {"model", "errors", "settings"}


def _mistrust_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rooms: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "mistrust" and len(parts) > 1:
                rooms.add(parts[1])
    return rooms


@pytest.mark.parametrize("engine", ENGINES)
def test_engines_import_only_the_shared_rooms(engine: str) -> None:
    offenders = {}
    for path in sorted((SRC / engine).rglob("*.py")):
        bad = _mistrust_imports(path) - ALLOWED - {engine}
        if bad:
            offenders[str(path.relative_to(SRC))] = sorted(bad)
    assert not offenders, f"engine modules importing other rooms: {offenders}"


def test_store_never_imports_engines_or_edges() -> None:
    for path in sorted((SRC / "store").rglob("*.py")):
        bad = _mistrust_imports(path) & {*ENGINES, "workspace", "cli", "api", "web"}
        assert not bad, f"{path.name} imports {sorted(bad)}"


EDGES = ("cli", "api", "web")
EDGE_ALLOWED = {"workspace", "model", "errors", "settings"}


def _all_mistrust_imports(path: Path) -> set[str]:
    """Every ``mistrust.X`` room a module imports, at the top or inside a function."""
    return _mistrust_imports(path) | _lazy_package_imports(path)


def _lazy_package_imports(path: Path) -> set[str]:
    # ``from mistrust import Workspace`` names the package itself: count it as the workspace
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {"workspace" for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "mistrust" and node.level == 0}


@pytest.mark.parametrize("edge", EDGES)
def test_edges_call_only_the_workspace(edge: str) -> None:
    """CLI, API and pages reach the engines and the store only through the Workspace."""
    offenders = {}
    for path in sorted((SRC / edge).rglob("*.py")):
        bad = _all_mistrust_imports(path) - EDGE_ALLOWED - set(EDGES)
        if bad:
            offenders[str(path.relative_to(SRC))] = sorted(bad)
    assert not offenders, f"edge modules reaching around the Workspace: {offenders}"


def test_edges_import_each_other_one_way() -> None:
    """The app assembles the pages (api -> web) and the CLI serves the app (cli -> api); never back."""
    order = {"cli": 0, "api": 1, "web": 2}
    for edge, rank in order.items():
        for path in sorted((SRC / edge).rglob("*.py")):
            back = {e for e in _all_mistrust_imports(path) & set(EDGES) if order[e] < rank}
            assert not back, f"{path.relative_to(SRC)} imports {sorted(back)}: an import cycle between edges"

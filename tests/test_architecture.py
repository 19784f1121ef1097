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

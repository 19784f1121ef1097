"""Helpers for the lists tests: shared files parsed once per test session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from click.testing import CliRunner, Result

from conftest import require_shared
from mistrust.cli import main
from mistrust.lists import load_file
from mistrust.model.lists import LoadedList

FIXTURES = Path(__file__).parent / "fixtures" / "lists"


def run_cli(db: Path, *args: str) -> Result:
    """``mistrust --db DB ARGS...`` in-process, letting exceptions through so a traceback shows."""
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def sanctions(*parts: str) -> Path:
    return require_shared("sanctions", *parts)


@cache
def _load(path: str) -> LoadedList:
    return load_file(path)


def loaded(*parts: str) -> LoadedList:
    return _load(str(sanctions(*parts)))


def by_id(lst: LoadedList) -> dict:
    return {e.id: e for e in lst.entities}

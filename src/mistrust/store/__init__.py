"""SQLite persistence. Engines never import ``store``; the Workspace wires them together."""

from __future__ import annotations

from pathlib import Path

from mistrust.store import corroboration, documents, extraction, lists, screening
from mistrust.store.db import Database, Migration

ALL_MIGRATIONS: list[Migration] = [
    *lists.MIGRATIONS,
    *screening.MIGRATIONS,
    *documents.MIGRATIONS,
    *extraction.MIGRATIONS,
    *corroboration.MIGRATIONS,
]


def open_database(path: str | Path) -> Database:
    return Database(path, ALL_MIGRATIONS)


__all__ = ["ALL_MIGRATIONS", "Database", "Migration", "open_database"]

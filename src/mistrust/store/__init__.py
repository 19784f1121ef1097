"""SQLite persistence. Engines never import ``store``; the Workspace wires them together."""

from __future__ import annotations

from pathlib import Path

from mistrust.store import corroboration, documents, extraction, lists, screening
from mistrust.store.db import DEFAULT_BUSY_TIMEOUT, Database, Migration

ALL_MIGRATIONS: list[Migration] = [
    *lists.MIGRATIONS,
    *screening.MIGRATIONS,
    *documents.MIGRATIONS,
    *extraction.MIGRATIONS,
    *corroboration.MIGRATIONS,
]


def open_database(path: str | Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Database:
    return Database(path, ALL_MIGRATIONS, busy_timeout=busy_timeout)


__all__ = ["ALL_MIGRATIONS", "Database", "Migration", "open_database"]

"""Persistence, on SQLite (default, one file) or PostgreSQL (a ``postgresql://`` URL).

Engines never import ``store``; the Workspace wires them together.

How to write a migration (for both backends): write it in SQLite's dialect, as a ``(name, sql)``
pair in your module's ``MIGRATIONS``, and list the module below. ``store/dialect.py`` translates
the SQLite-isms the store uses for Postgres (``?``, ``INSERT OR IGNORE``/``OR REPLACE``,
``AUTOINCREMENT``, ``INTEGER``/``REAL``/``BLOB``, ``WITHOUT ROWID``, the implicit ``rowid``,
``CURRENT_TIMESTAMP``, ``json_extract``, ``GROUP_CONCAT``, ``LIKE``, a ``user`` column); its table
says exactly what. Only what cannot be translated (a virtual table, a trigger, a SQLite-only
function) needs a Postgres version: then the migration is ``(name, sql, postgres_sql)``, the
third item run as written. Queries follow the same rule; a query that needs another form on
Postgres branches on ``db.backend`` (see ``documents.list_documents``). ``tests/test_store_dialect.py``
runs every migration through the translation, and the whole suite runs on both backends.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mistrust.store import (
    accounts,
    corroboration,
    documents,
    exports,
    extraction,
    lists,
    monitoring,
    review,
    screening,
)
from mistrust.store.db import DEFAULT_BUSY_TIMEOUT, Database, Migration, is_url
from mistrust.store.sqlite import SQLiteDatabase

# Functions the store's SQL calls that SQLite gets from Python (``casefold``, registered on each
# connection there). Postgres's lower() folds beyond ASCII only under a Unicode-aware collation:
# ICU's root collation, which Debian's server is built with.
FUNCTIONS: list[Migration] = [
    ("store_001_functions", "",
     "CREATE OR REPLACE FUNCTION casefold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
     " AS 'SELECT lower($1 COLLATE \"und-x-icu\")'"),
]

ALL_MIGRATIONS: list[Migration] = [
    *FUNCTIONS,
    *lists.MIGRATIONS,
    *screening.MIGRATIONS,
    *documents.MIGRATIONS,
    *extraction.MIGRATIONS,
    *corroboration.MIGRATIONS,
    *monitoring.MIGRATIONS,
    *accounts.MIGRATIONS,
    *review.MIGRATIONS,
    *exports.MIGRATIONS,
]


def open_database(target: str | Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
                  migrations: Sequence[Migration] = ALL_MIGRATIONS, create: bool = True) -> Database:
    """The workspace at ``target``: a ``postgresql://`` URL, else a SQLite file (or ``:memory:``).

    ``create=False``: a workspace that does not exist yet (no file; a Postgres database without
    mistrust's tables) raises ``WorkspaceNotFound`` instead of being created empty.
    """
    if is_url(target):
        from mistrust.store.postgres import PostgresDatabase  # psycopg loads only for a Postgres workspace

        return PostgresDatabase(str(target), migrations, busy_timeout=busy_timeout, create=create)
    return SQLiteDatabase(target, migrations, busy_timeout=busy_timeout, create=create)


__all__ = ["ALL_MIGRATIONS", "Database", "Migration", "SQLiteDatabase", "is_url", "open_database"]

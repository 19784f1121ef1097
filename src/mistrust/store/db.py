"""What every backend offers the store's modules: one interface, two implementations.

``SQLiteDatabase`` (``store/sqlite.py``, the default: one file) and ``PostgresDatabase``
(``store/postgres.py``: a server, chosen by a ``postgresql://`` URL) run the same SQL, written in
SQLite's dialect and translated for Postgres by ``store/dialect.py``.

Each domain module (``store/lists.py``, ``store/screening.py``, ...) declares its own
``MIGRATIONS``: ``(name, sql)`` pairs applied once, in order, and recorded in ``_migrations``.
Names are prefixed by the domain so modules never collide. A migration that Postgres cannot read
even translated (an FTS5 virtual table and its triggers) is a triple ``(name, sql, postgres_sql)``:
the third item is run on Postgres as it is written.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from mistrust.store.dialect import split_sql
from mistrust.store.writer import Job, Writer

Migration = tuple[str, str] | tuple[str, str, str]

DEFAULT_BUSY_TIMEOUT = 30.0

Row = Any  # sqlite3.Row, or store.postgres.Row: both read by name, by index, and by dict()


class Connection(Protocol):
    """The write connection a transaction hands out (``sqlite3.Connection`` or its Postgres wrapper)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...
    def executemany(self, sql: str, parameters: Any, /) -> Any: ...


class Database(ABC):
    backend: str
    path: str
    busy_timeout: float
    writer: Writer
    in_memory: bool = False
    applied_now: list[str]  # the migrations this opening applied
    # Write transactions committed through this object (not the background writer's audit rows):
    # a Workspace keeps a cheap answer (are there users, which lists are current) while this
    # stays the same, so its own writes are seen at once (workspace/base.py ``fresh``).
    changes: int = 0

    @abstractmethod
    def migrate(self, migrations: Sequence[Migration]) -> list[str]:
        """Apply the migrations not applied yet; returns their names."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Connection]:
        """One write transaction: everything inside commits together or not at all."""

    @abstractmethod
    def query(self, sql: str, params: Sequence[object] = ()) -> list[Row]: ...

    @abstractmethod
    def write_job(self, job: Job) -> None:
        """Run the statements of one background-writer job in one transaction."""

    @abstractmethod
    def tables(self) -> list[str]:
        """The data tables, in the order they were created (so references come after what they reference)."""

    @abstractmethod
    def columns(self, table: str) -> list[str]:
        """A table's columns, ``rowid`` first when the table has one."""

    @abstractmethod
    def close(self) -> int:
        """Write what is queued and close; returns how many writes were left in the spool."""

    def write_audit_apart(self) -> None:
        """Have the audit rows written outside this process where the backend allows it (a server
        calls it as it opens the workspace). PostgreSQL: a writer process (``store/writer_process.py``).
        SQLite keeps its writer thread, which waits for the file's write lock and spools behind it."""
        return None

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.query("SELECT name FROM _migrations ORDER BY rowid")]


SCHEMES = ("postgresql://", "postgres://")


def is_url(target: object) -> bool:
    return str(target).startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL without its password, for messages and cache keys."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def migration_sql(migration: Migration, backend: str) -> str:
    """The SQL of a migration for ``backend`` (its Postgres override when it has one)."""
    if backend == "postgres" and len(migration) == 3:
        return migration[2]
    return migration[1]


__all__ = ["DEFAULT_BUSY_TIMEOUT", "Connection", "Database", "Migration", "Row", "is_url", "migration_sql", "redact", "split_sql"]

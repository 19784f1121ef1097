"""The SQLite connection: WAL, foreign keys, named migrations recorded in a table.

Each domain module (``store/lists.py``, ``store/screening.py``, ...) declares its own
``MIGRATIONS``: a list of ``(name, sql)`` pairs applied once, in order, and recorded in
``_migrations``. Names are prefixed by the domain so modules never collide.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from mistrust.errors import StoreError

Migration = tuple[str, str]


class Database:
    def __init__(self, path: str | Path, migrations: Sequence[Migration] = ()) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:  # pragma: no cover - e.g. a directory given as path
            raise StoreError(f"cannot open workspace {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.migrate(migrations)

    def migrate(self, migrations: Sequence[Migration]) -> list[str]:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)"
        )
        done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
        applied = []
        for name, sql in migrations:
            if name in done:
                continue
            with self.transaction() as conn:
                for statement in _split_sql(sql):
                    conn.execute(statement)
                conn.execute("INSERT INTO _migrations(name) VALUES (?)", (name,))
            applied.append(name)
        return applied

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def query(self, sql: str, params: Sequence[object] | dict[str, object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        self.conn.close()


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (``sqlite3.complete_statement`` knows about triggers)."""
    statements, buf = [], ""
    for piece in script.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n\t;"):
                statements.append(buf.strip())
            buf = ""
    if buf.strip(" \n\t;"):
        statements.append(buf.strip())
    return statements

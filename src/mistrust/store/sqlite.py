"""The SQLite backend (the default): one file, WAL, foreign keys.

Connections: one write connection (transactions are serialised on it), and one read-only
connection per thread that queries. WAL lets those readers run beside a writer, in this
process or another, so a server thread reading the store never waits behind a list load or
behind another thread's write. Writes that may wait (the audit rows of screening runs) go to
``writer``, a background thread with its own connection (see ``store/writer.py``).

A write that waits longer than ``busy_timeout`` for another process's lock raises
``StoreBusy`` (exit code 7, HTTP 503): nothing was written and the command can be run again.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from mistrust.errors import StoreBusy, StoreError, WorkspaceNotFound
from mistrust.store.db import DEFAULT_BUSY_TIMEOUT, Database, Migration, migration_sql, split_sql
from mistrust.store.writer import BackgroundWriter, Job, consecutive_runs


def is_busy(exc: sqlite3.Error) -> bool:
    """SQLite's lock timeouts: 'database is locked' (another connection writes) or '... is busy'."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


class SQLiteDatabase(Database):
    backend = "sqlite"

    def __init__(self, path: str | Path, migrations: Sequence[Migration] = (),
                 busy_timeout: float = DEFAULT_BUSY_TIMEOUT, create: bool = True) -> None:
        self.path = str(path)
        self.busy_timeout = busy_timeout
        # every connection to ":memory:" is a database of its own: there, everything uses one
        self.in_memory = self.path == ":memory:" or self.path.startswith("file::memory:")
        if not create and not self.in_memory and not self.path.startswith("file:") and not Path(self.path).exists():
            # sqlite3.connect would create the file: check before it can
            raise WorkspaceNotFound(f"no workspace at {self.path}: the file does not exist (create=True makes one)", path=self.path)
        self.conn = self._connect()
        self._lock = threading.RLock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        try:
            if not self.in_memory:
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.applied_now = self.migrate(migrations)
        except sqlite3.OperationalError as exc:  # a new file, or a migration, meeting another writer
            self.conn.close()
            if is_busy(exc):
                raise self._busy(exc) from exc
            raise
        spool = None if self.in_memory else Path(self.path + ".pending-writes.jsonl")
        self.writer = BackgroundWriter(self._connect if not self.in_memory else None, spool,
                                       direct=self.write_job if self.in_memory else None)

    def _connect(self, timeout: float | None = None) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                   timeout=self.busy_timeout if timeout is None else timeout)
        except sqlite3.Error as exc:  # pragma: no cover - e.g. a directory given as path
            raise StoreError(f"cannot open workspace {self.path}: {exc}") from exc
        conn.row_factory = sqlite3.Row
        # a per-connection setting: the background writer's connection commits as this one does (with
        # WAL, a commit is not synced to disk at once; a crash of the process loses nothing, a power
        # cut the last commits). It used to keep the default, FULL: a sync of the log at every
        # commit of audit rows, some hundred a second on a busy server
        conn.execute("PRAGMA synchronous=NORMAL")
        # SQLite's lower() folds ASCII only; names in queries are compared as Python folds them
        conn.create_function("casefold", 1, _casefold, deterministic=True)
        return conn

    def migrate(self, migrations: Sequence[Migration]) -> list[str]:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)"
        )
        done = {r[0] for r in self.conn.execute("SELECT name FROM _migrations")}
        applied = []
        for migration in migrations:
            name = migration[0]
            if name in done:
                continue
            with self.transaction() as conn:
                for statement in split_sql(migration_sql(migration, self.backend)):
                    conn.execute(statement)
                conn.execute("INSERT INTO _migrations(name) VALUES (?)", (name,))
            applied.append(name)
        return applied

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if is_busy(exc):
                    raise self._busy(exc) from exc
                raise
            self._local.in_transaction = True
            try:
                yield self.conn
                self.conn.execute("COMMIT")
                self.changes += 1
            except BaseException as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError) and is_busy(exc):
                    raise self._busy(exc) from exc
                raise
            finally:
                self._local.in_transaction = False

    def query(self, sql: str, params: Sequence[object] | dict[str, object] = ()) -> list[sqlite3.Row]:
        try:
            if self.in_memory or getattr(self._local, "in_transaction", False):
                # inside a write transaction, read what it has written so far
                with self._lock:
                    return self.conn.execute(sql, params).fetchall()
            return self._reader().execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise self._busy(exc) from exc
            raise

    def write_job(self, job: Job) -> None:
        """Run the statements of one job in one transaction (the writer's own path, and ``:memory:``'s)."""
        with self.transaction() as conn:
            for sql, rows in consecutive_runs([job]):
                conn.executemany(sql, rows)

    def _reader(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "reader", None)
        if conn is None:
            conn = self._connect()
            conn.execute("PRAGMA query_only=ON")
            with self._lock:
                self._readers.append(conn)
            self._local.reader = conn
        return conn

    def _busy(self, exc: sqlite3.Error) -> StoreBusy:
        return StoreBusy(f"the workspace {self.path} is locked by another process (waited "
                         f"{self.busy_timeout:g} s): {exc}; nothing was written, try again when it is done",
                         path=self.path)

    def tables(self) -> list[str]:
        rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_migrations'"
                          " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid")
        virtual = [r[0] for r in self.query("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
        # the shadow tables of an FTS5 index are kept by its triggers, never copied
        return [r[0] for r in rows if not any(r[0].startswith(v + "_") for v in virtual)]

    def columns(self, table: str) -> list[str]:
        declared = [r["name"] for r in self.query(f"PRAGMA table_info({table})")]
        try:
            self.query(f"SELECT rowid FROM {table} LIMIT 0")  # noqa: S608 - a table name read from the schema
        except sqlite3.OperationalError:  # WITHOUT ROWID
            return declared
        return declared if "rowid" in declared else ["rowid", *declared]

    def close(self) -> int:
        """Write what the background writer still holds, then close every connection.

        Returns how many queued writes could not be made (kept in the spool file for the next run).
        """
        left = self.writer.close(self.busy_timeout)
        with self._lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()
            self.conn.close()
        return left


def _casefold(text: object) -> str | None:
    return text.casefold() if isinstance(text, str) else None

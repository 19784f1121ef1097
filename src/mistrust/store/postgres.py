"""The PostgreSQL backend: a shared workspace on a server, through psycopg 3 and its pool.

Connections come from a ``psycopg_pool.ConnectionPool`` (autocommit for reads, so a reader never
holds a snapshot open), which lets every server thread and every ``serve --workers`` process read
at once. The same SQL as on SQLite runs here, translated by ``store/dialect.py``.

Writes: SQLite lets one writer in at a time, and the store's read-modify-write transactions
(which list version is current, story positions) rely on that. Here every ``transaction()``
takes the same transaction-level advisory lock first, so writers queue as they do on SQLite,
while readers never wait. ``lock_timeout`` is the busy timeout: a write that waits longer for that
lock (or any row lock) raises ``StoreBusy``, as does a pool with no free connection in that time.
The audit rows of screening runs are idempotent inserts that need no such order: a background
thread writes them (all queued jobs in one transaction) without the advisory lock, so a list load
never holds up a screening answer and the answer waits for no round trip (and there is no spool
file: nothing waits for a file lock here; rows still queued when the process ends are lost).

Postgres text cannot hold a NUL character; one in a value is stored as U+FFFD.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import psycopg
import psycopg.errors
from psycopg.adapt import Loader
from psycopg_pool import ConnectionPool, PoolTimeout

from mistrust.errors import StoreBusy, StoreError, WorkspaceNotFound
from mistrust.store.db import DEFAULT_BUSY_TIMEOUT, Database, Migration, Row, migration_sql, redact, split_sql
from mistrust.store.dialect import to_postgres
from mistrust.store.writer import BackgroundWriter, Job, Writer, statement_runs

WRITE_LOCK = 0x6D697374  # the advisory lock every write transaction takes ("mist")
POOL_SIZE = 10
SLICE = 16  # audit rows sent between two waits for the database's answers (see _write_unlocked)

class PgRow(tuple[Any, ...]):
    """A row read by index (``row[0]``), by name (``row["id"]``) and by ``dict(row)``, as ``sqlite3.Row``."""

    _names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    names = {d.name: i for i, d in enumerate(cursor.description or [])}
    row_type = type("Row", (PgRow,), {"_names": names})

    def make(values: Sequence[Any]) -> PgRow:
        return row_type(values)
    return make


class _NumberLoader(Loader):
    """SUM and AVG give ``numeric``: read as int when whole, else float (SQLite's answer)."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        return float(text) if "." in text or "e" in text.lower() or text in ("NaN", "Infinity", "-Infinity") \
            else int(Decimal(text))


PrimaryKeyOf = Callable[["psycopg.Connection[Any]", str], list[str]]


class PgConnection:
    """A psycopg connection that reads the store's SQLite-dialect SQL."""

    def __init__(self, raw: psycopg.Connection[Any], primary_key: PrimaryKeyOf) -> None:
        self.raw = raw
        self._primary_key = primary_key

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self.raw.execute(to_postgres(sql, self._key), _params(parameters))  # type: ignore[arg-type]

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        cur = self.raw.cursor()
        cur.executemany(to_postgres(sql, self._key), [_params(p) for p in parameters])  # type: ignore[arg-type]
        return cur

    def _key(self, table: str) -> list[str]:
        return self._primary_key(self.raw, table)


def _params(params: Any) -> list[Any]:
    return [p.replace("\x00", "\ufffd") if isinstance(p, str) and "\x00" in p else p for p in params]


class PostgresDatabase(Database):
    backend = "postgres"

    def __init__(self, url: str, migrations: Sequence[Migration] = (),
                 busy_timeout: float = DEFAULT_BUSY_TIMEOUT, pool_size: int = POOL_SIZE,
                 create: bool = True) -> None:
        self.path = redact(url)
        self._url = url
        self.busy_timeout = busy_timeout
        self._local = threading.local()
        self._keys: dict[str, list[str]] = {}
        try:  # one plain connection first: a wrong URL or a stopped server says so at once
            with psycopg.connect(url, connect_timeout=max(1, int(busy_timeout))) as conn:
                exists = conn.execute("SELECT to_regclass('_migrations') IS NOT NULL").fetchone()
        except psycopg.Error as exc:
            raise StoreError(f"cannot open workspace {self.path}: {exc}".strip()) from exc
        if not create and not (exists and exists[0]):
            # a reachable database without mistrust's tables is no workspace: reading it would
            # create them and answer from nothing
            raise WorkspaceNotFound(f"no workspace at {self.path}: the database has no mistrust tables "
                                    "(create=True makes them)",
                                    path=self.path)
        self.pool = ConnectionPool(url, min_size=1, max_size=pool_size, open=False, timeout=busy_timeout,
                                   kwargs={"autocommit": True, "row_factory": _row_factory},
                                   configure=self._configure, name="mistrust")
        self.pool.open(wait=True, timeout=max(1.0, busy_timeout))
        try:
            self.applied_now = self.migrate(migrations)
        except BaseException:
            self.pool.close()
            raise
        # audit rows: by a thread, the jobs queued meanwhile in one transaction of their own
        # (see the module docstring), so a screening answer waits for no round trip
        self.writer: Writer = BackgroundWriter(None, None, batches=self._write_unlocked)

    def _configure(self, conn: psycopg.Connection[Any]) -> None:
        conn.execute(f"SET lock_timeout = {int(self.busy_timeout * 1000)}")
        conn.adapters.register_loader("numeric", _NumberLoader)

    # -- the interface ---------------------------------------------------------------------------

    def migrate(self, migrations: Sequence[Migration]) -> list[str]:
        """Pending migrations, all in one transaction under the write lock (DDL is transactional here)."""
        applied = []
        with self.transaction() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY,"
                         " applied_at TEXT DEFAULT CURRENT_TIMESTAMP)")
            done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
            for migration in migrations:
                if migration[0] in done:
                    continue
                override = len(migration) == 3
                for statement in split_sql(migration_sql(migration, self.backend)):
                    if override:  # written for Postgres: run as it is
                        conn.raw.execute(statement)  # type: ignore[call-overload]
                    else:
                        conn.execute(statement)
                conn.execute("INSERT INTO _migrations(name) VALUES (?)", (migration[0],))
                applied.append(migration[0])
        return applied

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:  # type: ignore[override]
        with self._write() as conn:
            yield conn
        self.changes += 1

    @contextmanager
    def _write(self) -> Iterator[PgConnection]:
        if getattr(self._local, "conn", None) is not None:
            raise StoreError("a write transaction is already open in this thread")
        with self._busy(), self.pool.connection() as raw, raw.transaction():
            raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            conn = PgConnection(raw, self._primary_key)
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = None

    def query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        conn: PgConnection | None = getattr(self._local, "conn", None)
        if conn is not None:  # inside a write transaction: read what it has written so far
            return conn.execute(sql, params).fetchall()  # type: ignore[no-any-return]
        with self._busy(), self.pool.connection() as raw:
            return PgConnection(raw, self._primary_key).execute(sql, params).fetchall()  # type: ignore[no-any-return]

    def write_job(self, job: Job) -> None:
        with self._write() as conn:  # audit rows: not a change ``changes`` counts
            for sql, params in job:
                conn.execute(sql, params)

    def tables(self) -> list[str]:
        rows = self.query("SELECT c.relname FROM pg_class c WHERE c.relkind = 'r'"
                          " AND c.relnamespace = current_schema()::regnamespace AND c.relname <> '_migrations'"
                          " ORDER BY c.oid")
        return [r[0] for r in rows]

    def columns(self, table: str) -> list[str]:
        rows = self.query("SELECT column_name, is_generated FROM information_schema.columns"
                          " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                          (table,))
        names = [r[0] for r in rows if r[1] != "ALWAYS"]  # a generated column (the tsvector) is not copied
        return sorted(names, key=lambda n: n != "rowid")

    def write_audit_apart(self) -> None:
        """A server's audit rows from a process of their own (``store/writer_process.py`` says why)."""
        from mistrust.store.writer_process import ProcessWriter

        if ProcessWriter.AVAILABLE and not isinstance(self.writer, ProcessWriter):
            self.writer.close(self.busy_timeout)  # (nothing is queued yet as a server opens its workspace)
            self.writer = ProcessWriter(self._url, self.busy_timeout)

    def close(self) -> int:
        left = self.writer.close(self.busy_timeout)
        self.pool.close()
        return left

    # -- helpers -------------------------------------------------------------------------------

    def _write_unlocked(self, jobs: list[Job]) -> None:
        with self._busy(), self.pool.connection() as raw:
            # on the serving process's own thread: wait for the answers every SLICE rows, so a
            # batch sent in one stretch of Python does not hold the GIL from the event loop
            # (measured: saturated p99 5 ms higher than one round trip per job)
            write_jobs(raw, self._primary_key, jobs, sync_every=SLICE)

    def _primary_key(self, raw: psycopg.Connection[Any], table: str) -> list[str]:
        """A table's primary key columns (for INSERT OR REPLACE), read from the catalogue once."""
        if table not in self._keys:
            self._keys[table] = read_primary_key(raw, table)
        return self._keys[table]

    @contextmanager
    def _busy(self) -> Iterator[None]:
        try:
            yield
        except (psycopg.errors.LockNotAvailable, PoolTimeout) as exc:
            raise StoreBusy(f"the workspace {self.path} is locked by another writer (waited "
                            f"{self.busy_timeout:g} s): {exc}; nothing was written, try again when it is done",
                            path=self.path) from exc
        except psycopg.OperationalError as exc:
            raise StoreError(f"the workspace {self.path} cannot be reached: {exc}") from exc


def write_jobs(raw: psycopg.Connection[Any], primary_key: PrimaryKeyOf, jobs: list[Job],
               sync_every: int | None = None) -> None:
    """Write ``jobs`` (idempotent audit rows) in one transaction, without the write lock.

    The rows of one statement go as one executemany (``statement_runs``), without a Python-side
    execute per row, and the whole batch in one pipeline, so no statement waits for the answer to
    the one before (a round trip, and a turn of the GIL, per job: they cost the server more CPU
    than the screening). An error comes back at the end of the pipeline and rolls the whole batch
    back. ``sync_every``: wait for the answers every so many rows (a wait lets go of the GIL).
    """
    with raw.transaction(), raw.pipeline() as pipeline:
        conn = PgConnection(raw, primary_key)
        for sql, rows in statement_runs(jobs):
            step = sync_every or len(rows)
            for start in range(0, len(rows), step):
                part = rows[start:start + step]
                if len(part) == 1:
                    conn.execute(sql, part[0])
                else:
                    conn.executemany(sql, part)
                if sync_every:
                    pipeline.sync()


def read_primary_key(raw: psycopg.Connection[Any], table: str) -> list[str]:
    """A table's primary key columns, from the catalogue."""
    rows = raw.execute(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
        " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary"
        " ORDER BY array_position(i.indkey::int2[], a.attnum)", (table,)).fetchall()
    return [r[0] for r in rows]


__all__ = ["PostgresDatabase", "read_primary_key", "statement_runs", "write_jobs"]

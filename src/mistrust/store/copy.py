"""Copy a whole workspace from one database to another (SQLite <-> PostgreSQL, or the same kind).

Both ends are opened with every migration, so they hold the same tables. Tables are copied in the
order they were created (what a row refers to is copied before it), in batches, all inside one
transaction on the target: an interrupted copy leaves the target as it was. ``rowid`` is copied
too, so "oldest first" orders survive the move; on Postgres the identity counters are then set
past the copied values. Derived data is not copied but rebuilt by the target: the FTS5 index by
its triggers, Postgres's ``tsvector`` column by itself.

A target that already holds rows is refused unless ``replace`` is given; then its rows are
deleted first, in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from mistrust.errors import InputError
from mistrust.store.db import Database
from mistrust.store.dialect import quote_column as _quote

BATCH = 5000


@dataclass
class CopyResult:
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_database(src: Database, dst: Database, replace: bool = False, batch: int = BATCH) -> CopyResult:
    tables = src.tables()
    missing = [t for t in tables if t not in set(dst.tables())]
    if missing:
        raise InputError(f"the target has no table {', '.join(missing)}: is it a mistrust workspace of "
                         "another release? run `mistrust db migrate` on both first")
    filled = [t for t in dst.tables() if dst.query(f"SELECT 1 FROM {t} LIMIT 1")]  # noqa: S608 - names from the schema
    if filled and not replace:
        raise InputError(f"the target {dst.path} is not empty ({', '.join(filled)}): nothing was copied; "
                         "give --replace to delete what it holds first")
    counts: dict[str, int] = {}
    with dst.transaction() as conn:
        for table in reversed(dst.tables()):  # references before what they refer to
            if replace and table in filled:
                conn.execute(f"DELETE FROM {table}")  # noqa: S608
        for table in tables:
            target_cols = set(dst.columns(table))
            cols = [c for c in src.columns(table) if c in target_cols]
            counts[table] = _copy_table(src, conn, table, cols, batch)
        if dst.backend == "postgres":
            _reset_identities(dst, conn, tables)
    return CopyResult(counts)


def _copy_table(src: Database, conn: object, table: str, cols: list[str], batch: int) -> int:
    names = ", ".join(_quote(c) for c in cols)
    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})"  # noqa: S608
    copied, last = 0, None
    while True:
        if cols[0] == "rowid":  # keyset pagination: each batch is one index range
            rows = src.query(f"SELECT {names} FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?",  # noqa: S608
                             (-1 if last is None else last, batch))
        else:  # a table without rowid: a stable order over every column
            order = ", ".join(str(i + 1) for i in range(len(cols)))
            rows = src.query(f"SELECT {names} FROM {table} ORDER BY {order} LIMIT ? OFFSET ?",  # noqa: S608
                             (batch, copied))
        if not rows:
            return copied
        conn.executemany(insert, [tuple(r) for r in rows])  # type: ignore[attr-defined]
        copied += len(rows)
        last = rows[-1][0]


def _reset_identities(dst: Database, conn: object, tables: list[str]) -> None:
    """Identity columns filled with copied values: the next row must get a value after them."""
    rows = dst.query("SELECT table_name, column_name FROM information_schema.columns WHERE"
                     " table_schema = current_schema() AND is_identity = 'YES'")
    for table, column in rows:
        if table in tables:
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"  # type: ignore[attr-defined]
                         f" COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)")


__all__ = ["CopyResult", "copy_database"]

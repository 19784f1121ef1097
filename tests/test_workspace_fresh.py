"""Answers a served screening reuses instead of asking the store each time (``WorkspaceBase.fresh``),
and the Postgres-style background writer (``BackgroundWriter(batches=...)``)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from mistrust.store import writer as writer_module
from mistrust.store.writer import BackgroundWriter, Job
from mistrust.workspace import Workspace
from mistrust.workspace import base as workspace_base


def test_own_writes_are_seen_at_once_and_another_process_s_within_the_fresh_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "w.db"
    with Workspace(db, create=True) as server, Workspace(db) as other:
        assert not server.has_users()
        assert server.no_users_known()  # a request can skip the store and the thread hop
        other.add_user("ana", "admin", "a long enough password")  # as `users add` in another process
        assert not server.has_users()  # the answer is still fresh
        monkeypatch.setattr(workspace_base, "FRESH_SECONDS", 0.0)
        assert server.has_users()
        assert not server.no_users_known()
        monkeypatch.setattr(workspace_base, "FRESH_SECONDS", 60.0)
        before = server.lists_state()
        server.add_user("bo", "analyst", "another long password")  # a write through this Workspace
        assert server.has_users()
        assert server.lists_state() == before


def test_batches_writer_keeps_a_failed_batch_and_writes_it_again_in_order() -> None:
    written: list[Job] = []
    failures = [RuntimeError("server gone")]
    lock = threading.Lock()

    def write(jobs: list[Job]) -> None:
        with lock:
            if failures:
                raise failures.pop()
            written.extend(jobs)

    writer = BackgroundWriter(None, None, batches=write)
    jobs: list[Job] = [[("INSERT 1", [])], [("INSERT 2", [])], [("INSERT 3", [])]]
    for job in jobs:
        writer.submit(job)
    assert writer.flush(5.0)
    assert written == jobs
    assert writer.close(1.0) == 0


def test_every_sqlite_connection_commits_alike_the_background_writer_s_too(tmp_path: Path) -> None:
    """``synchronous`` is a setting of each connection: the writer's own (made by the same
    ``_connect``) must not keep SQLite's default FULL, a sync of the log at each audit commit."""
    from mistrust.store import SQLiteDatabase

    db = SQLiteDatabase(tmp_path / "w.db")
    writer_conn = db._connect(0.25)  # noqa: SLF001 - what the BackgroundWriter is given as ``connect``
    try:
        normal = 1
        assert db.conn.execute("PRAGMA synchronous").fetchone()[0] == normal
        assert writer_conn.execute("PRAGMA synchronous").fetchone()[0] == normal
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # what makes NORMAL safe
    finally:
        writer_conn.close()
        db.close()


class _CountingCommits:
    """A SQLite connection that counts its commits (the writer's transactions)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn, self.commits = conn, 0

    def execute(self, sql: str, params: Any = ()) -> Any:
        self.commits += sql == "COMMIT"
        return self.conn.execute(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def _a_job_then_nineteen(writer: BackgroundWriter, job: Any) -> None:
    writer.submit(job(0))
    time.sleep(0.1)  # the thread is awake by now: without gathering it writes this job alone
    for n in range(1, 20):
        writer.submit(job(n))
    assert writer.flush(30.0)


def test_the_writer_gathers_the_jobs_of_a_moment_into_one_transaction(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer_module, "GATHER", 0.5)  # wide, so that the test does not race the thread
    path = tmp_path / "w.db"
    with sqlite3.connect(path) as setup:
        setup.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)")
    conns: list[_CountingCommits] = []

    def connect(timeout: float) -> Any:
        conns.append(_CountingCommits(sqlite3.connect(path, timeout=timeout, isolation_level=None,
                                                      check_same_thread=False)))
        return conns[-1]

    writer = BackgroundWriter(connect, tmp_path / "spool.jsonl")
    _a_job_then_nineteen(writer, lambda n: [("INSERT INTO t(n) VALUES (?)", [n])])
    assert [c.commits for c in conns] == [1]
    with sqlite3.connect(path) as check:
        assert check.execute("SELECT count(*) FROM t").fetchone()[0] == 20
    assert writer.close(1.0) == 0

    sizes: list[int] = []  # the Postgres-style thread (``batches``) gathers alike
    batches = BackgroundWriter(None, None, batches=lambda jobs: sizes.append(len(jobs)))
    _a_job_then_nineteen(batches, lambda n: [(f"INSERT {n}", [])])
    assert sizes == [20]
    assert batches.close(1.0) == 0

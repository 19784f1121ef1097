"""A server's audit writer process on PostgreSQL (``store/writer_process.py``): what a serving
process hands it is committed, also across a writer process that dies or is stopped, and what
cannot be written is said (``last_error``) and counted (``close``)."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from _backend import PG_URL, Schemas
from mistrust.store import open_database
from mistrust.store import screening as store
from mistrust.store.db import Database
from mistrust.store.writer import BackgroundWriter
from mistrust.store.writer_process import ProcessWriter
from mistrust.workspace import Workspace
from mistrust.workspace.shared import SharedWorkspace

needs_pg = pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server: MISTRUST_TEST_PG_URL "
                                                 "(scripts/pg_cluster.sh run)")


@pytest.fixture
def pg(tmp_path: Path) -> Iterator[Database]:
    schemas = Schemas(PG_URL)
    db = open_database(schemas.url_for(tmp_path / "audit"))
    try:
        db.write_audit_apart()
        yield db
    finally:
        db.close()
        schemas.drop_all()


def _record(db: Database, names: list[str]) -> None:
    for name in names:
        store.record_run(db, kind="query", query={"name": name}, list_versions=["v1"], algorithm="test-v1",
                         threshold=0.7, hits=[])


def _recorded(db: Database) -> list[str]:
    return sorted(r["query"]["name"] for r in store.list_runs(db, limit=1000))


def _until(check: object, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "not within the time given"
        time.sleep(0.02)


def _running_writer(pg: Database) -> tuple[ProcessWriter, int]:
    """The database's audit writer, a process that is running: itself and its pid."""
    writer = pg.writer
    assert isinstance(writer, ProcessWriter)
    pid = writer.pid
    assert pid is not None
    return writer, pid


@needs_pg
def test_rows_handed_to_the_writer_process_are_committed_by_it(pg: Database) -> None:
    writer = pg.writer
    assert isinstance(writer, ProcessWriter) and writer.pid not in (None, os.getpid())
    names = [f"Name {i}" for i in range(40)]
    _record(pg, names)
    assert writer.flush(20), writer.last_error
    assert _recorded(pg) == sorted(names) and writer.pending() == 0 and writer.last_error is None


@needs_pg
def test_a_writer_process_that_dies_is_started_again_and_gets_what_it_had_not_committed(pg: Database) -> None:
    writer = pg.writer
    assert isinstance(writer, ProcessWriter)
    _record(pg, ["Before One", "Before Two"])
    assert writer.flush(20)
    first = writer.pid
    assert first is not None
    os.kill(first, signal.SIGSTOP)  # it can read no more: what is sent now waits in its pipe
    try:
        _record(pg, ["Stuck One", "Stuck Two", "Stuck Three"])
        time.sleep(0.3)  # sent to it by now (the feeder gathers for 10 ms)
        assert writer.pending() == 3
    finally:
        os.kill(first, signal.SIGKILL)  # ... and dies with them unread
    assert writer.flush(20), writer.last_error
    assert _recorded(pg) == sorted(["Before One", "Before Two", "Stuck One", "Stuck Two", "Stuck Three"])
    assert writer.pid not in (None, first)
    assert "audit writer process ended (exit code -9)" in (writer.last_error or "")


def _nice(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


@needs_pg
def test_the_writer_runs_at_low_priority_and_one_far_behind_is_replaced_until_it_catches_up(
        pg: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from mistrust.store import writer_process

    writer = pg.writer
    assert isinstance(writer, ProcessWriter)
    slow = writer.pid
    assert slow is not None
    _record(pg, ["Warm"])
    assert writer.flush(20)
    assert _nice(slow) == writer_process.LOW_PRIORITY  # the answers go first
    monkeypatch.setattr(writer_process, "CATCH_UP", 5)
    os.kill(slow, signal.SIGSTOP)  # as starved as a low-priority process on a machine with no core free
    try:
        names = [f"Behind {i}" for i in range(8)]
        _record(pg, names)
        _until(lambda: writer.pid not in (None, slow))  # more than CATCH_UP behind: replaced
        fast = writer.pid
        assert fast is not None and _nice(fast) == 0
    finally:
        with contextlib.suppress(ProcessLookupError):  # killed by the writer as it replaced it
            os.kill(slow, signal.SIGKILL)
    assert writer.flush(20), writer.last_error
    assert _recorded(pg) == sorted(["Warm", *names])
    # caught up: a low-priority one again
    _until(lambda: writer.pid not in (None, fast) and _nice(writer.pid) == writer_process.LOW_PRIORITY)
    _record(pg, ["Afterwards"])
    assert writer.flush(20) and "Afterwards" in _recorded(pg)


@needs_pg
def test_a_sigterm_to_the_process_group_leaves_the_writer_to_its_pipe(pg: Database) -> None:
    writer = pg.writer
    assert isinstance(writer, ProcessWriter)
    _record(pg, ["First"])
    assert writer.flush(20)
    pid = writer.pid
    assert pid is not None
    os.kill(pid, signal.SIGTERM)  # as a service manager stopping the server's whole group sends it
    _record(pg, ["After The Signal"])
    assert writer.flush(20)
    assert writer.pid == pid and _recorded(pg) == ["After The Signal", "First"]


@needs_pg
def test_close_writes_what_is_queued_and_ends_the_writer_process(pg: Database) -> None:
    writer, pid = _running_writer(pg)
    names = [f"Closing {i}" for i in range(25)]
    _record(pg, names)  # not flushed: close() must wait for them
    assert writer.close(20) == 0
    assert writer.pid is None
    _until(lambda: not os.path.exists(f"/proc/{pid}") or "zombie" in Path(f"/proc/{pid}/status").read_text())
    with pytest.raises(RuntimeError, match="closed"):
        _record(pg, ["Too Late"])
    assert _recorded(pg) == sorted(names)


@needs_pg
def test_a_stopped_writer_process_leaves_close_a_count_not_a_hang(pg: Database) -> None:
    writer, pid = _running_writer(pg)
    os.kill(pid, signal.SIGSTOP)
    _record(pg, ["Never One", "Never Two"])
    started = time.monotonic()
    assert writer.close(1.0) == 2  # said, as the thread writer says how many it left
    assert time.monotonic() - started < 10


def test_a_database_out_of_reach_is_said_and_the_rows_are_counted_unwritten() -> None:
    writer = ProcessWriter("postgresql://nobody@127.0.0.1:1/none", busy_timeout=1.0)  # port 1: nothing listens
    try:
        writer.submit([("INSERT OR IGNORE INTO screen_runs(id) VALUES (?)", ["x"])])
        assert not writer.flush(3.0)
        _until(lambda: writer.last_error is not None, 10)
        assert "127.0.0.1" in (writer.last_error or "") and writer.pending() == 1
    finally:
        assert writer.close(0.5) == 1


@pytest.mark.sqlite_only("a SQLite file's writer")
def test_a_server_on_sqlite_keeps_its_writer_thread(tmp_path: Path) -> None:
    Workspace(tmp_path / "w.db", create=True).close()
    shared = SharedWorkspace(lambda: Workspace(tmp_path / "w.db"))
    try:
        writer = shared.workspace.db.writer
        assert isinstance(writer, BackgroundWriter) and writer.spool is not None  # waits for the file lock, spools
    finally:
        shared.close()


@needs_pg
def test_a_server_on_postgres_writes_its_audit_from_a_process(tmp_path: Path) -> None:
    schemas = Schemas(PG_URL)
    url = schemas.url_for(tmp_path / "served")
    try:
        Workspace(url, create=True).close()
        shared = SharedWorkspace(lambda: Workspace(url))
        try:
            assert isinstance(shared.workspace.db.writer, ProcessWriter)
        finally:
            shared.close()
        with Workspace(url) as ws:  # a CLI's own workspace: no process for one screening's rows
            assert isinstance(ws.db.writer, BackgroundWriter)
    finally:
        schemas.drop_all()

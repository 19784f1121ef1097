"""A server's audit writer process on PostgreSQL (``store/writer_process.py``): what a serving
process hands it is committed, also across a writer process that dies or is stopped, and what
cannot be written is said (``last_error``) and counted (``close``)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from _backend import PG_URL, Schemas
from mistrust.store import open_database
from mistrust.store import screening as store
from mistrust.store.db import Database
from mistrust.store.writer import BackgroundWriter
from mistrust.store.writer_process import (
    APPLICATION_NAME,
    LOW_PRIORITY,
    ProcessWriter,
    autogroup_nice,
    lower_backend_priority,
    title_marker,
)
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
    before = set(_writer_backends(pg))  # the slow writer's backend (and any earlier test's, ending)
    monkeypatch.setattr(writer_process, "CATCH_UP", 5)
    # a writer that has caught up is let go at the loop's next look (CHECK_EVERY): held off here,
    # so the catching-up writer's backend is still there when this test looks for it
    check_every = writer_process.CHECK_EVERY
    monkeypatch.setattr(writer_process, "CHECK_EVERY", 120.0)
    os.kill(slow, signal.SIGSTOP)  # as starved as a low-priority process on a machine with no core free
    try:
        names = [f"Behind {i}" for i in range(8)]
        _record(pg, names)
        _until(lambda: writer.pid not in (None, slow))  # more than CATCH_UP behind: replaced
        fast = writer.pid
        assert fast is not None and _nice(fast) == 0
        assert writer.flush(20), writer.last_error
        # only the backends that were not there before are the new writer's (the replaced one's,
        # at low priority, ends a moment after its process)
        _until(lambda: bool(set(_writer_backends(pg)) - before))
        assert all(_nice(pid) == 0 for pid in set(_writer_backends(pg)) - before)  # a new connection, at 0
        assert writer.pid == fast
    finally:
        with contextlib.suppress(ProcessLookupError):  # killed by the writer as it replaced it
            os.kill(slow, signal.SIGKILL)
    assert _recorded(pg) == sorted(["Warm", *names])
    monkeypatch.setattr(writer_process, "CHECK_EVERY", check_every)
    _record(pg, ["Caught up"])  # wakes the loop: written, then the writer has caught up ...
    # ... and is a low-priority one again
    _until(lambda: writer.pid not in (None, fast) and _nice(writer.pid) == writer_process.LOW_PRIORITY)
    _record(pg, ["Afterwards"])
    assert writer.flush(20) and {"Caught up", "Afterwards"} <= set(_recorded(pg))


def _writer_backends(pg: Database) -> list[int]:
    """The process ids of the audit writers' Postgres backends (by the name their connection gives)."""
    rows = pg.query("SELECT pid FROM pg_stat_activity WHERE application_name = ? ORDER BY backend_start DESC",
                    (APPLICATION_NAME,))
    return [int(r[0]) for r in rows]


def _may_renice(pid: int) -> bool:
    """Whether this process may lower process ``pid``'s priority: privileged, or the same user."""
    uid = int(Path(f"/proc/{pid}/status").read_text().split("\nUid:")[1].split()[0])
    return os.geteuid() in (0, uid)


@needs_pg
def test_the_writers_postgres_backend_runs_at_its_priority_where_this_machine_may_renice_it(pg: Database) -> None:
    writer, _ = _running_writer(pg)
    _record(pg, ["Niced"])
    assert writer.flush(20), writer.last_error
    # the newest: an earlier test's writer's backend may still be ending, and at the low priority it
    # was given, that can take a loaded machine longer than the time allowed here
    _until(lambda: len(_writer_backends(pg)) >= 1)
    backend = _writer_backends(pg)[0]
    if not Path(f"/proc/{backend}").exists() or not _may_renice(backend):  # a server elsewhere, or another user's
        assert "keeps its priority" in writer.backend_priority
        return
    assert _nice(backend) == LOW_PRIORITY  # the rows' own work waits for the answers too
    if _autogroups() and os.getsid(backend) == backend:  # a session, so a scheduling group, of its own
        assert _group_nice(backend) == LOW_PRIORITY and "scheduling group (autogroup) too" in writer.backend_priority
    assert f"process {backend}) runs at nice {LOW_PRIORITY}" in writer.backend_priority
    other = [pid for pid in (r[0] for r in pg.query("SELECT pid FROM pg_stat_activity WHERE backend_type ="
                                                     " 'client backend' AND application_name <> ?",
                                                     (APPLICATION_NAME,)))]
    assert other and all(_nice(pid) == 0 for pid in other)  # the serving process's own: untouched


@needs_pg
def test_a_low_priority_writer_that_leaves_a_block_uncommitted_too_long_is_replaced_until_it_catches_up(
        pg: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from mistrust.store import writer_process

    writer, slow = _running_writer(pg)
    _record(pg, ["Warm"])
    assert writer.flush(20)
    monkeypatch.setattr(writer_process, "CATCH_UP_AGE", 0.5)  # (CATCH_UP, the count, stays out of reach)
    os.kill(slow, signal.SIGSTOP)  # starved by other programs' work: a trickle of rows, none written
    try:
        _record(pg, ["Trickle One"])
        time.sleep(0.3)
        assert writer.pid == slow  # younger than the bound: left to the low-priority writer
        _record(pg, ["Trickle Two"])
        _until(lambda: writer.pid not in (None, slow))  # the first block older than the bound
        assert _nice(writer.pid) == 0
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(slow, signal.SIGKILL)
    assert writer.flush(20), writer.last_error
    assert _recorded(pg) == ["Trickle One", "Trickle Two", "Warm"]
    _until(lambda: writer.pid is not None and _nice(writer.pid) == LOW_PRIORITY)  # caught up: low again


@needs_pg
def test_a_new_writer_ends_the_backend_its_killed_predecessor_left_holding_the_rows_locks(pg: Database) -> None:
    """A killed writer's backend may still be working through its queue at low priority, holding
    the locks of the rows the next writer sends again: the next writer ends it rather than wait."""
    import pickle
    import threading
    from multiprocessing.connection import Connection

    import psycopg

    from mistrust.store.writer_process import write_blocks

    writer, _ = _running_writer(pg)
    _record(pg, ["Seen"])
    assert writer.flush(20)
    url = writer._url  # noqa: SLF001 - the schema the workspace is in
    insert = ("INSERT OR IGNORE INTO screen_runs(id, at, kind, query, list_versions, algorithm, threshold)"
              " VALUES (?, 'now', 'query', ?, '[]', 'test-v1', 0.7)")
    stale = psycopg.connect(url, application_name=APPLICATION_NAME)  # the predecessor's backend, mid-transaction
    stale_pid = int(stale.execute("SELECT pg_backend_pid()").fetchone()[0])  # type: ignore[index]
    stale.execute(insert.replace("OR IGNORE ", "").replace("?", "%s"), ("r-held", '{"name": "Held"}'))
    rows_in, rows_out = os.pipe()
    acks_in, acks_out = os.pipe()
    feed, acks = Connection(rows_out, readable=False), Connection(acks_in, writable=False)
    feed.send_bytes(pickle.dumps((url, 1.0, 0, stale_pid)))
    feed.send_bytes(pickle.dumps((1, [[(insert, ["r-held", '{"name": "Held"}'])]])))
    child = threading.Thread(target=write_blocks, args=(Connection(rows_in, writable=False),
                                                        Connection(acks_out, readable=False), 0), daemon=True)
    child.start()
    try:
        _until(lambda: acks.poll(0) and pickle.loads(acks.recv_bytes())[:2] == (1, ""), 10)  # noqa: S301
        assert "Held" in _recorded(pg)  # written by the new writer: the lock holder was ended
        assert not pg.query("SELECT 1 FROM pg_stat_activity WHERE pid = ?", (stale_pid,))
    finally:
        feed.close()
        child.join(10)
        stale.close()
    assert not child.is_alive()


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


# -- the writer's backend priority, on processes titled as Postgres titles its backends ------------

needs_proc = pytest.mark.skipif(not Path("/proc/self/cmdline").exists() or not hasattr(os, "setpriority"),
                                reason="process titles read from /proc (Linux)")


@contextlib.contextmanager
def _titled(title: str, own_session: bool = True) -> Iterator[int]:
    """A process of this machine whose title (``/proc/<pid>/cmdline``) starts with ``title``: its
    pid. ``own_session``: it leads a session of its own, as a Postgres backend does."""
    sleep = shutil.which("sleep")
    assert sleep is not None
    child = subprocess.Popen([title, "60"], executable=sleep, start_new_session=own_session)
    try:
        _until(lambda: Path(f"/proc/{child.pid}/cmdline").read_bytes().startswith(title.encode()))  # exec'd
        yield child.pid
    finally:
        child.kill()
        child.wait()


@contextlib.contextmanager
def _tcp_loopback() -> Iterator[socket.socket]:
    """A connected TCP socket to a listener on 127.0.0.1: a client's end, as psycopg's to a local server."""
    with socket.create_server(("127.0.0.1", 0)) as listener, \
            socket.create_connection(listener.getsockname()) as client:
        accepted, _ = listener.accept()
        with accepted:
            yield client


def _conn(sock: socket.socket) -> Any:
    """What ``lower_backend_priority`` reads of a psycopg connection: its socket."""
    return SimpleNamespace(pgconn=SimpleNamespace(socket=sock.fileno()))


@needs_proc
def test_only_the_process_titled_as_this_connections_backend_is_reniced() -> None:
    with _tcp_loopback() as sock:
        port = sock.getsockname()[1]
        with _titled(f"postgres: mistrust audit 127.0.0.1({port}) idle") as ours, \
                _titled(f"postgres: mistrust audit 127.0.0.1({port + 1}) idle") as another_connections, \
                _titled(f"postgres: mistrust audit 127.0.0.1({port}0) idle") as longer_port, \
                _titled(f"python serve 127.0.0.1({port})") as not_postgres:
            for pid in (another_connections, longer_port, not_postgres):
                said = lower_backend_priority(_conn(sock), pid, LOW_PRIORITY)
                assert said.startswith("its Postgres backend keeps its priority") and "is not this connection" in said
                assert _nice(pid) == 0
            said = lower_backend_priority(_conn(sock), ours, LOW_PRIORITY)
            assert said.startswith(f"its Postgres backend (process {ours}) runs at nice {LOW_PRIORITY} too")
            assert _nice(ours) == LOW_PRIORITY


def _autogroups() -> bool:
    path = Path("/proc/sys/kernel/sched_autogroup_enabled")
    return path.exists() and path.read_text().strip() == "1" and autogroup_nice(os.getpid()) is not None


def _group_nice(pid: int) -> int:
    nice = autogroup_nice(pid)
    assert nice is not None, f"process {pid}'s scheduling group reports no nice"
    return nice


@needs_proc
@pytest.mark.skipif(not _autogroups(), reason="Linux autogroups off (kernel.sched_autogroup_enabled) or their nice not reported in /proc")
def test_a_backend_leading_its_session_gets_its_scheduling_group_lowered_and_no_other_group_is_touched() -> None:
    mine = _group_nice(os.getpid())
    with _tcp_loopback() as sock:
        title = f"postgres: mistrust audit 127.0.0.1({sock.getsockname()[1]}) idle"
        with _titled(title) as leader:
            said = lower_backend_priority(_conn(sock), leader, LOW_PRIORITY)
            assert said.endswith("its scheduling group (autogroup) too")
            assert (_nice(leader), _group_nice(leader)) == (LOW_PRIORITY, LOW_PRIORITY)
        with _titled(title, own_session=False) as in_our_session:  # its group is this test's
            said = lower_backend_priority(_conn(sock), in_our_session, LOW_PRIORITY)
            assert f"shared with process {os.getsid(0)}: left as it is" in said
            assert _nice(in_our_session) == LOW_PRIORITY and _group_nice(in_our_session) == mine
    assert _group_nice(os.getpid()) == mine


@needs_proc
def test_a_backend_on_a_unix_socket_is_known_by_its_local_title() -> None:
    ours, theirs = socket.socketpair(socket.AF_UNIX)
    with ours, theirs, _titled("postgres: mistrust audit [local] idle") as local, \
            _titled("postgres: mistrust audit 127.0.0.1(5432) idle") as over_tcp:
        assert "keeps its priority" in lower_backend_priority(_conn(ours), over_tcp, 10)
        assert "runs at nice 10 too" in lower_backend_priority(_conn(ours), local, 10)
        assert (_nice(local), _nice(over_tcp)) == (10, 0)


@needs_proc
def test_at_normal_priority_or_without_the_right_to_renice_the_backend_is_left_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    with _tcp_loopback() as sock, _titled(f"postgres: u d 127.0.0.1({sock.getsockname()[1]}) idle") as pid:
        assert lower_backend_priority(_conn(sock), pid, 0) == ""  # a catching-up writer's backend: as it is

        def refused(which: int, who: int, prio: int) -> None:
            raise PermissionError(1, "Operation not permitted")
        monkeypatch.setattr(os, "setpriority", refused)  # another user's server, this one unprivileged
        said = lower_backend_priority(_conn(sock), pid, LOW_PRIORITY)
        assert said == (f"its Postgres backend keeps its priority: not permitted to renice process {pid} "
                        "(Operation not permitted)")
        assert _nice(pid) == 0


@pytest.mark.parametrize(("server", "port", "marker"), [
    ("127.0.0.1", 40123, "(40123)"),
    ("127.0.0.53", 5, "(5)"),  # the whole 127/8 is this machine
    ("::1", 61000, "(61000)"),
    (None, None, "[local]"),  # a Unix socket
    ("10.0.0.7", 40123, None),
    ("192.168.1.20", 40123, None),
    ("2001:db8::5", 40123, None),
    ("fe80::1%eth0", 40123, None),
])
def test_only_a_loopback_or_unix_socket_server_has_a_title_to_look_for(server: str | None, port: int | None,
                                                                       marker: str | None) -> None:
    assert title_marker(server, port) == marker


def test_a_scheduling_group_that_reports_no_nice_is_read_as_none(monkeypatch: pytest.MonkeyPatch) -> None:
    real_read = Path.read_text

    def sandboxed(path: Path, *args: Any, **kwargs: Any) -> str:
        if path.name == "autogroup" and path.parent.name == "4242":
            return "/autogroup-9\n"  # a /proc with the file but not the nice
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", sandboxed)
    assert autogroup_nice(4242) is None
    assert autogroup_nice(2 ** 22 + 1) is None  # past pid_max: no such process
    if _autogroups():
        assert autogroup_nice(os.getpid()) == int(real_read(Path("/proc/self/autogroup")).split()[-1])

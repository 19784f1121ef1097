"""A server's audit writer for PostgreSQL: a process of its own, fed through a pipe.

In a serving process the thread writer (``store/writer.py``) shares the GIL with the event loop:
psycopg's Python work for a batch of audit rows (0.07 - 0.09 ms of CPU a screening) runs in
stretches the loop waits behind, and the saturated p99 of ``serve --workers 2`` was set by them.
Here the serving process only pickles what gathered in ``GATHER`` seconds and writes it to a pipe
(from a thread that holds the GIL for tens of microseconds per batch); a child process writes the
rows to Postgres on a connection of its own, every block waiting in its pipe in one transaction.
The child runs at the lowest CPU priority (``LOW_PRIORITY``), and so does the Postgres backend
that serves it when that is a process of this machine it may renice (``lower_backend_priority``),
so on a machine whose cores are all busy the answers go first and the rows wait; one that has
fallen ``CATCH_UP`` jobs behind is replaced by one at normal priority (its backend too) until it
has caught up.

Durability:

* the serving process keeps every block it sent until the child has committed it (the child's
  answer says how far); a child that dies is reported (``last_error``) and started again, and
  the blocks it had not committed are sent again (the rows are idempotent inserts, so a block
  written twice counts once);
* ``close()`` waits for the rows queued, then closes the pipe: the child writes what is in it and
  ends. A serving process killed outright loses only what it had not yet sent (its last
  ``GATHER`` seconds of rows, more when the child is behind by more than the pipe holds): the
  child still reads the pipe to its end, writes it and ends (SIGINT and SIGTERM sent to the whole
  process group do not stop it; the end of its pipe does);
* a write that fails (the database unreachable) is tried again after a growing pause, the error
  readable in ``last_error``, as the thread writer does.
"""

from __future__ import annotations

import atexit
import errno
import ipaddress
import logging
import os
import pickle
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from mistrust.store.writer import GATHER, MAX_PAUSE, Job

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the thread writer is used there (AVAILABLE)
    fcntl = None  # type: ignore[assignment]

MAX_BLOCKS = 50  # most blocks (of GATHER seconds each) the child writes in one transaction
log = logging.getLogger(__name__)

CHECK_EVERY = 0.2  # seconds between two looks at the child while it has blocks to commit
# The child runs at the lowest CPU priority: the answers go first. At normal priority, measured in
# alternating runs under 20 saturating clients, it took a core from a serving worker whenever it
# woke for a block (it and its Postgres backend preempt a busy worker on waking): the p99 rose
# above the thread writer's in most pairs, though the loop's own CPU a request fell.
LOW_PRIORITY = 19
# ... but a load that takes every core for long would leave it ever further behind, the rows held
# in the serving process: this many jobs behind, a child at normal priority takes over until it
# has caught up (then one at low priority again).
CATCH_UP = 20_000
# ... and so would other programs keeping every core busy, a slow trickle of rows waiting behind
# them for as long (its backend, ranked below every other session's processes, see
# lower_backend_priority, the more so): a block uncommitted this many seconds also calls one in.
CATCH_UP_AGE = 5.0
GROUP_NICE_TRIES = 20  # see _group_nice
APPLICATION_NAME = "mistrust audit writer"  # the child's connection, as pg_stat_activity lists it
PIPE_BYTES = 1 << 20


class ProcessWriter:
    """``BackgroundWriter``'s interface (``submit``, ``flush``, ``close``...) over a child process.

    The child is started with the writer, not at the first row: its start (an interpreter,
    psycopg) is a server's start-up cost, not its first requests'. It is a plain ``python -m``
    of this module, not a ``multiprocessing`` spawn, which would import the server's own main
    module again (the whole CLI) in every writer.
    """

    spool = None  # nothing is spooled to a file: the serving process keeps what is uncommitted
    AVAILABLE = os.name == "posix"  # the pipes' descriptors are passed to the child by number

    def __init__(self, url: str, busy_timeout: float) -> None:
        self._url = url
        self._busy_timeout = busy_timeout
        self._cond = threading.Condition()
        self._queue: list[Job] = []
        self._submitted = 0
        # (jobs sent up to this block, the pickled block, when it was first sent: time.monotonic())
        self._sent: deque[tuple[int, bytes, float]] = deque()
        self._seq = 0  # jobs sent so far
        self._acked = threading.Lock()  # reading the child's answers
        self._written = 0  # jobs committed so far, as the child says
        self._error = ""  # the child's last write error, "" once it wrote again
        self._restart_note = ""  # why the child was last started again
        self._backend = ""  # what the child made of its Postgres backend's priority (lower_backend_priority)
        self._backend_pid = 0  # the child's backend's process id, as it says (0: not known yet)
        self._stale = 0  # the backend of a child that ended with blocks uncommitted, for the next to end
        self._nice = LOW_PRIORITY
        self._child: subprocess.Popen[bytes] | None = None
        self._pipe: Connection | None = None  # rows to the child
        self._acks: Connection | None = None  # (jobs committed so far, error) from the child
        self._closing = False
        self._start()
        self._thread = threading.Thread(target=self._run, name="mistrust-audit-feeder", daemon=True)
        self._thread.start()
        atexit.register(self._at_exit)  # a program that never closes its workspace still gets its rows

    # -- what the serving process calls ---------------------------------------------------------

    def submit(self, job: Job) -> None:
        with self._cond:
            if self._closing:
                raise RuntimeError("the workspace is closed")
            self._queue.append(job)
            self._submitted += 1
            if len(self._queue) == 1:  # the thread sleeps GATHER once woken: one wake-up a block
                self._cond.notify_all()

    @property
    def queues(self) -> bool:
        return True

    @property
    def last_error(self) -> str | None:
        self._take_acks()
        return "; ".join(note for note in (self._restart_note, self._error) if note) or None

    @property
    def pid(self) -> int | None:
        """The writer process's id (None between two of them)."""
        child = self._child
        return None if child is None else child.pid

    @property
    def backend_priority(self) -> str:
        """What the child did with its Postgres backend's CPU priority, and why ("" before it says)."""
        self._take_acks()
        return self._backend

    def pending(self) -> int:
        self._take_acks()
        return self._submitted - self._written

    def flush(self, timeout: float) -> bool:
        """Wait until every job submitted is committed; False when ``timeout`` ran out first."""
        deadline = time.monotonic() + timeout
        pause = 0.001
        while self.pending() > 0:
            if time.monotonic() >= deadline:
                return False
            time.sleep(pause)
            pause = min(0.05, pause * 2)
        return True

    def close(self, timeout: float) -> int:
        """Wait up to ``timeout`` for the queued jobs, stop the child; returns the jobs left unwritten."""
        written = self.flush(timeout)
        with self._cond:
            if self._closing:
                return self.pending()
            self._closing = True
            self._cond.notify_all()
        self._thread.join()
        atexit.unregister(self._at_exit)
        self._stop_child(wait=timeout if written else 0.0)
        return self._submitted - self._written

    def _at_exit(self) -> None:
        self.close(self._busy_timeout)

    # -- the feeder thread ------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: bool(self._queue) or self._closing,
                                    CHECK_EVERY if self._sent else None)
                gather = bool(self._queue) and not self._closing
            if gather:
                time.sleep(GATHER)  # the jobs of a few milliseconds go as one block
            with self._cond:
                jobs, self._queue = self._queue, []
                closing = self._closing
            self._take_acks()
            if self._child is None or self._child.poll() is not None:
                self._restart()
            elif self._nice and self._submitted - self._written > CATCH_UP:
                self._replace(0, f"fell behind by {self._submitted - self._written} jobs at low priority")
            elif self._nice and self._sent and time.monotonic() - self._sent[0][2] > CATCH_UP_AGE:
                self._replace(0, f"left a block uncommitted for {time.monotonic() - self._sent[0][2]:.1f} s "
                                 "at low priority")
            elif not self._nice and not jobs and self._submitted == self._written:
                self._replace(LOW_PRIORITY, "caught up")
            # closing with the child behind, a full pipe could hold close() forever: the last
            # jobs are counted as left unwritten instead
            if jobs and not (closing and self.pending() > len(jobs)):
                self._seq += len(jobs)
                block = pickle.dumps((self._seq, jobs), protocol=pickle.HIGHEST_PROTOCOL)
                self._sent.append((self._seq, block, time.monotonic()))
                self._send(block)
            if closing:
                return

    def _take_acks(self) -> None:
        with self._acked:
            acks = self._acks
            try:
                while acks is not None and acks.poll(0):
                    self._written, self._error, backend, self._backend_pid = pickle.loads(acks.recv_bytes())  # noqa: S301
                    if backend != self._backend:
                        self._backend = backend
                        log.info("audit writer process: %s", backend)
            except (EOFError, OSError):
                pass  # the child has ended: the feeder starts another
            while self._sent and self._sent[0][0] <= self._written:
                self._sent.popleft()

    def _send(self, block: bytes) -> None:
        try:
            assert self._pipe is not None
            self._pipe.send_bytes(block)
        except OSError:  # the child has gone (EPIPE): another one gets every uncommitted block
            self._restart()

    def _start(self) -> None:
        rows_in, rows_out = os.pipe()
        acks_in, acks_out = os.pipe()
        if hasattr(fcntl, "F_SETPIPE_SZ"):  # Linux: a few blocks' room, so the feeder seldom waits for the child
            try:
                fcntl.fcntl(rows_out, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
            except OSError:
                pass  # above the system's limit: the default (64 KiB) does
        # the child imports this very package, wherever it was imported from here
        source = str(Path(__file__).resolve().parents[2])
        path = os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH", "")) if p)
        self._child = subprocess.Popen([sys.executable, "-m", __name__, str(rows_in), str(acks_out), str(self._nice)],
                                       pass_fds=(rows_in, acks_out), stdin=subprocess.DEVNULL,
                                       env={**os.environ, "PYTHONPATH": path})
        os.close(rows_in)  # the child holds the only reading end: its end makes our writes fail, not block
        os.close(acks_out)
        self._pipe = Connection(rows_out, readable=False)
        self._acks = Connection(acks_in, writable=False)
        self._pipe.send_bytes(pickle.dumps((self._url, self._busy_timeout, self._written, self._stale)))

    def _restart(self) -> None:
        child = self._child
        code = None if child is None else child.poll()
        self._stop_child(wait=0.0)
        self._take_acks()
        self._restart_note = (f"the audit writer process ended (exit code {code}); another was started and "
                              f"sent the {self._seq - self._written} jobs it had not written")
        log.warning("%s", self._restart_note)
        self._start_with_sent()

    def _start_with_sent(self) -> None:
        try:
            self._start()
        except OSError as exc:  # no process to be had now: the next look (CHECK_EVERY) tries again
            self._restart_note = f"the audit writer process could not be started: {exc}"
            return
        with self._acked:  # a snapshot: a flush() elsewhere may drop committed blocks meanwhile
            blocks = [block for _, block, _ in self._sent]
        for block in blocks:
            try:
                assert self._pipe is not None
                self._pipe.send_bytes(block)
            except OSError:  # gone again: the next look starts another
                return

    def _replace(self, nice: int, why: str) -> None:
        """Another child at priority ``nice`` in place of this one, with every uncommitted block.

        At low priority a child that fell behind is killed (its open transaction rolls back, and
        its blocks are written again by the next: the rows are idempotent); one that caught up
        is let go, its pipe empty."""
        self._stop_child(wait=0.0 if nice == 0 else self._busy_timeout)
        self._nice = nice
        log.info("audit writer process %s: another at nice %d", why, nice)
        self._start_with_sent()

    def _stop_child(self, wait: float) -> None:
        """Close the pipe (the child writes what it has and ends); kill it if it has not within ``wait``."""
        if self._pipe is not None:
            self._pipe.close()
            self._pipe = None
        child, self._child = self._child, None
        if child is not None:
            try:
                child.wait(wait)
            except subprocess.TimeoutExpired:
                child.kill()  # SIGTERM is ignored there (see write_blocks)
                child.wait()
        self._take_acks()  # its last answers
        # killed (or dead) with blocks uncommitted, its backend may still be working through what
        # it had been sent, holding the rows' locks: the next child's backend would wait for it,
        # a backend at low priority on a busy machine for seconds. The next child ends it.
        self._stale = self._backend_pid if child is not None and self._written < self._seq else 0
        self._backend_pid = 0
        with self._acked:
            if self._acks is not None:
                self._acks.close()
                self._acks = None


# -- the child process ----------------------------------------------------------------------------


def end_backend(conn: Any, pid: int) -> None:
    """End backend ``pid``, an earlier writer's (named so, and older than ``conn``'s), if it is
    still there: its transaction rolls back (its rows are written again by this writer)."""
    import psycopg

    try:
        conn.execute("SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a WHERE a.pid = %s"
                     " AND a.application_name = %s AND a.backend_start < (SELECT backend_start FROM"
                     " pg_stat_activity WHERE pid = pg_backend_pid())", (pid, APPLICATION_NAME))
    except psycopg.Error as exc:  # not permitted (another role's): it ends when its queue does
        log.warning("audit writer process: the earlier writer's backend %d was left to end: %s", pid, exc)


def lower_backend_priority(conn: Any, pid: int, nice: int) -> str:
    """Give the Postgres backend serving ``conn`` (process ``pid`` where it runs) the CPU priority
    ``nice`` when it is a process of this machine that this one may renice (the same user, or
    privileged); what was done, or why not.

    The backend does the work of every audit row it is sent (inserting, indexing, logging: more
    CPU than the child's own), woken at each block: at normal priority it takes a core from a busy
    serving worker, as the child itself did before it ran at low priority. Only a backend known to be this
    connection's is touched: the server reached through a Unix socket or a loopback address, and
    the process of that id here titled as this connection's (``postgres: ... 127.0.0.1(<our
    port>)``, ``[local]`` on a socket), so a server on another machine, or in a container whose
    process ids are not ours, is left alone. Postgres ends the backend with the connection, so
    no process stays at low priority beyond it.
    """
    if nice <= 0:
        return ""
    try:
        why = _not_this_connections(conn, pid)
    except OSError as exc:  # the connection's socket unreadable: the rows matter, not the priority
        why = f"its connection's addresses cannot be read ({exc.strerror})"
    if why is None:
        try:
            if os.getpriority(os.PRIO_PROCESS, pid) < nice:
                os.setpriority(os.PRIO_PROCESS, pid, nice)
        except OSError as exc:  # another user's process, without the privilege to renice it
            why = f"not permitted to renice process {pid} ({exc.strerror})"
        else:
            return f"its Postgres backend (process {pid}) runs at nice {nice} too{_group_nice(pid, nice)}"
    return f"its Postgres backend keeps its priority: {why}"


def _group_nice(pid: int, nice: int) -> str:
    """Give the scheduling group of backend ``pid`` the priority ``nice`` when it is a group of its
    own (Linux autogroup); what was done, "" where there is no such group.

    With autogroup on (``kernel.sched_autogroup_enabled``, the default of most distributions'
    kernels) the scheduler shares the cores between sessions first, and a Postgres backend leads a
    session of its own (it calls ``setsid``), so a group of its own: against the server's session
    it weighs as much as all the serving workers together, whatever its own nice (a reniced
    backend's group still said ``nice 0``, and the p99 did not move in the runs measured). Its
    group's nice (``/proc/<pid>/autogroup``) is what ranks it below them; only a backend that leads
    its session is given one, so no other process's group is touched. (A server whose processes
    are in cgroups of their own, a systemd unit's with CPU weights, is ranked by those instead:
    this changes nothing there.)"""
    try:
        enabled = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
        session = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[3])
    except (OSError, ValueError, IndexError):
        return ""
    # a kernel (or a sandbox's /proc) that does not report the group's nice has nothing to lower
    if not enabled or autogroup_nice(pid) is None:
        return ""
    if session != pid:
        return f" (its scheduling group, its session's, is shared with process {session}: left as it is)"
    for attempt in range(GROUP_NICE_TRIES):
        try:
            Path(f"/proc/{pid}/autogroup").write_text(str(nice))
            return ", its scheduling group (autogroup) too"
        except OSError as exc:
            # unprivileged, one group's nice a tenth of a second on the whole machine (EAGAIN): the
            # writers of several workers starting at once take turns
            if exc.errno != errno.EAGAIN or attempt == GROUP_NICE_TRIES - 1:
                return f" (its scheduling group keeps its priority: {exc.strerror})"
            time.sleep(0.1 + 0.1 * random.random())
    return ""  # pragma: no cover - the loop returns


def autogroup_nice(pid: int) -> int | None:
    """The nice of process ``pid``'s scheduling group, as ``/proc/<pid>/autogroup`` reports it
    ("/autogroup-42 nice 0"); None where there is no such file or it says no nice (some sandboxed
    kernels' /proc has the file but not the line)."""
    try:
        found = _AUTOGROUP_NICE.search(Path(f"/proc/{pid}/autogroup").read_text())
    except OSError:
        return None
    return int(found.group(1)) if found else None


_AUTOGROUP_NICE = re.compile(r"\bnice\s+(-?\d+)")


def _not_this_connections(conn: Any, pid: int) -> str | None:
    """Why process ``pid`` of this machine cannot be taken for ``conn``'s backend (None: it is)."""
    if not hasattr(os, "setpriority"):
        return "no process priorities on this system"
    with socket.socket(fileno=os.dup(conn.pgconn.socket)) as sock:
        unix = sock.family == getattr(socket, "AF_UNIX", None)
        server, port = (None, None) if unix else (sock.getpeername()[0], sock.getsockname()[1])
    marker = title_marker(server, port)
    if marker is None:
        return f"the server is reached at {server}, not at a loopback address: its processes are not this machine's"
    try:
        title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return f"no process {pid} readable here (/proc): the server runs elsewhere (a container?) or not on Linux"
    if not title.startswith("postgres") or marker not in title:
        return (f"process {pid} here is not this connection's backend (its title {title.strip()[:80]!r} "
                f"does not name {marker})")
    return None


def title_marker(server: str | None, port: int | None) -> str | None:
    """What the title of the backend of a connection from local ``port`` to ``server`` shows
    (Postgres titles a backend ``postgres: user db 127.0.0.1(port) state``, ``[local]`` on a Unix
    socket, ``server`` None); None when ``server`` is not a loopback address (another machine, as
    far as this one can tell: its own addresses on other interfaces are not taken for it)."""
    if server is None:
        return "[local]"
    if not ipaddress.ip_address(server.split("%")[0]).is_loopback:  # (an IPv6 address may carry %zone)
        return None
    return f"({port})"


def write_blocks(rows: Connection, acks: Connection, nice: int = 0) -> None:
    """The child: read blocks from ``rows`` until its end, write each run of them in one
    transaction, and answer on ``acks`` how many jobs are committed so far (and the last error).
    ``nice``: its CPU priority once it has started (its start, at the server's priority, is quick)."""
    import psycopg

    from mistrust.store.postgres import read_primary_key, write_jobs

    os.nice(nice)

    url, busy_timeout, seq, stale = pickle.loads(rows.recv_bytes())  # noqa: S301 - from the serving process
    keys: dict[str, list[str]] = {}

    def primary_key(raw: Any, table: str) -> list[str]:
        if table not in keys:
            keys[table] = read_primary_key(raw, table)
        return keys[table]

    backend = ""  # what became of its backend's priority (``lower_backend_priority``)
    backend_pid = 0

    def answer(error: str) -> None:
        try:
            acks.send_bytes(pickle.dumps((seq, error, backend, backend_pid)))
        except OSError:
            pass  # the serving process has gone: its rows are written all the same

    conn: Any = None
    ended = False
    while not ended:
        blocks: list[bytes] = []
        try:  # a block, and those waiting behind it: one transaction for a child that fell behind
            blocks.append(rows.recv_bytes())
            while len(blocks) < MAX_BLOCKS and rows.poll(0):
                blocks.append(rows.recv_bytes())
        except EOFError:  # the serving process closed the pipe (or ended): write what came, then end
            ended = True
        if not blocks:
            break
        jobs: list[Job] = []
        last = seq
        for block in blocks:
            last, part = pickle.loads(block)  # noqa: S301 - from the serving process
            jobs += part
        pause = 0.0
        while True:
            try:
                if conn is None:
                    conn = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(busy_timeout)),
                                           application_name=APPLICATION_NAME)
                    conn.execute(f"SET lock_timeout = {int(busy_timeout * 1000)}")
                    backend_pid = int(conn.execute("SELECT pg_backend_pid()").fetchone()[0])
                    if stale:
                        end_backend(conn, stale)
                        stale = 0
                    backend = lower_backend_priority(conn, backend_pid, nice)
                write_jobs(conn, primary_key, jobs)
                break
            except psycopg.Error as exc:  # kept, said, tried again (as the thread writer does)
                answer(str(exc))
                if conn is not None and (conn.broken or conn.closed):
                    conn = None
                pause = min(MAX_PAUSE, max(0.05, pause * 2))
                time.sleep(pause)
        seq = last
        answer("")
    if conn is not None:
        conn.close()


def main(argv: list[str]) -> int:
    # a ^C or a SIGTERM sent to the server's whole process group must not cut the rows short: the
    # serving process ends this one by closing the pipe, after its last rows
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    write_blocks(Connection(int(argv[1]), writable=False), Connection(int(argv[2]), readable=False),
                 int(argv[3]))
    return 0


__all__ = ["ProcessWriter", "end_backend", "lower_backend_priority", "title_marker", "write_blocks"]

if __name__ == "__main__":
    sys.exit(main(sys.argv))

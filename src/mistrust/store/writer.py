"""Writes that must never make the caller wait: a background thread, and a spool file on disk.

The audit row of a screening run must be recorded, but the answer must not wait for it: when
another process holds the workspace's write lock (a list load, a long ingest), the screening
itself still runs (WAL reads do not wait) and its audit row is queued here.

A job is a list of ``(sql, params)`` statements, run in one transaction; its statements must be
idempotent (``INSERT OR IGNORE`` on a deterministic key), because a job may be written twice
(once from the spool by another process, once from here) and must count once.

The writer thread lets the jobs of a few milliseconds gather (``GATHER``), then tries them as
one batch with a short busy timeout. When the lock is still held, the
batch goes to the spool file (``<db>.pending-writes.jsonl``, appended and fsynced), so a crash
after that loses nothing, and the thread retries the whole spool with a growing pause. Any
process that opens the workspace later writes a spool it finds. ``close()`` waits for the
queue up to a timeout and leaves what is still unwritten in the spool: it says how many jobs.
"""

from __future__ import annotations

import atexit
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import groupby, pairwise
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, Protocol

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: one process per workspace is assumed there
    fcntl = None  # type: ignore[assignment]

# A job's statements and their parameters: lists or tuples. The rows a server queues with every
# answer are tuples of strings and numbers (``screening.record_run``, ``review.queue_job``), which
# the garbage collector stops tracking within the first collections they live through (one level
# of nesting a collection), so a serving process's queue of rows soon costs its collections
# little (the queue's own list), however far behind the writer is. As lists they stayed tracked: under 20 saturating
# clients the low-priority writer process falls seconds behind, 4,000 - 6,000 jobs (a screening's
# audit rows, and its review-queue rows when it matches) wait in each serving process, and every
# collection of the middle generation walked them (1.2 - 1.8 ms of the event loop's CPU each, one
# every ~700 requests, in traced api_scale.py runs; 0.8 - 1.2 ms as tuples), and they were
# promoted to the oldest one, whose full collections took 19 - 43 ms of the loop (4 - 6 ms as
# tuples; one a worker per 10,000 requests).
Statement = tuple[str, Sequence[Any]]
Job = Sequence[Statement]

ATTEMPT_TIMEOUT = 0.25  # seconds one write attempt waits for the lock before the batch is spooled
MAX_PAUSE = 1.0  # longest pause between two attempts while the lock stays held
# How long the thread lets jobs gather before it writes them, in one transaction. Woken by every
# job, it wrote one or two at a time on a busy server (a commit, and a turn of the server's GIL,
# for each): 0.060 ms of CPU per served screening's rows one at a time, 0.034 ten at a time,
# 0.019 a hundred at a time. An audit row waits that much longer; ``flush`` waits for it.
GATHER = 0.01


class Writer(Protocol):
    """What the store asks of an audit writer: this module's thread, or ``store/writer_process.py``."""

    @property
    def spool(self) -> Path | None: ...
    @property
    def last_error(self) -> str | None: ...
    def submit(self, job: Job) -> None: ...
    @property
    def queues(self) -> bool: ...
    def pending(self) -> int: ...
    def flush(self, timeout: float) -> bool: ...
    def close(self, timeout: float) -> int: ...


class BackgroundWriter:
    def __init__(self, connect: Callable[[float], sqlite3.Connection] | None, spool: Path | None,
                 direct: Callable[[Job], None] | None = None,
                 batches: Callable[[list[Job]], None] | None = None) -> None:
        """``connect(timeout)`` opens the writer's own connection; ``direct`` writes a job at once
        instead (an in-memory database, where another connection would see another database);
        ``batches(jobs)`` writes the queued jobs in one transaction from the thread, with no spool
        (PostgreSQL: a failed batch stays queued and is tried again)."""
        self._connect = connect
        self._direct = direct
        self._batches = batches
        self.spool = spool
        self._cond = threading.Condition()
        self._queue: list[Job] = []
        self._unwritten = 0  # jobs queued here (or found in the spool) and not yet committed
        self._thread: threading.Thread | None = None
        self._closing = False
        self.last_error: str | None = None
        if spool is not None and _has_content(spool):
            # a spool left by an earlier run: written in the background, and waited for by flush()
            with spool.open(encoding="utf-8") as fh:
                self._unwritten = sum(1 for _ in _read_jobs(fh))
            self._start()

    def submit(self, job: Job) -> None:
        if self._direct is not None:
            self._direct(job)
            return
        with self._cond:
            if self._closing:
                raise RuntimeError("the workspace is closed")
            self._queue.append(job)
            self._unwritten += 1
            self._cond.notify_all()
        self._start()

    @property
    def queues(self) -> bool:
        """True when ``submit`` only queues (never writes on the caller's thread, nor waits for a lock)."""
        return self._direct is None

    def pending(self) -> int:
        with self._cond:
            return self._unwritten

    def flush(self, timeout: float) -> bool:
        """Wait until every job submitted here is committed; False when ``timeout`` ran out first."""
        with self._cond:
            return self._cond.wait_for(lambda: self._unwritten == 0, timeout)

    def close(self, timeout: float) -> int:
        """Flush for up to ``timeout`` seconds, stop the thread; returns the jobs left in the spool."""
        self.flush(timeout)
        with self._cond:
            self._closing = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join()
            atexit.unregister(self._at_exit)
        return self._unwritten

    # -- the thread ---------------------------------------------------------------------------

    def _start(self) -> None:
        with self._cond:
            if self._thread is None and not self._closing:
                self._thread = threading.Thread(target=self._run, name="mistrust-writer", daemon=True)
                self._thread.start()
                # a program that never closes its workspace still gets its queued rows written
                atexit.register(self._at_exit)

    def _at_exit(self) -> None:
        self.close(ATTEMPT_TIMEOUT * 4)

    def _run(self) -> None:
        if self._batches is not None:
            self._run_batches(self._batches)
            return
        assert self._connect is not None
        conn = self._connect(ATTEMPT_TIMEOUT)
        pause = 0.0
        try:
            while True:
                with self._cond:
                    if pause:
                        self._cond.wait(pause)  # a new job or close() wakes it early
                    # while jobs of ours wait in the spool, look again now and then: another
                    # process that opens the workspace may write the spool first
                    self._cond.wait_for(lambda: bool(self._queue) or self._closing or self._spool_waiting(),
                                        MAX_PAUSE if self._unwritten else None)
                jobs, closing = self._gather()
                if jobs or self._spool_waiting():
                    pause = 0.0 if self._attempt(conn, jobs) else min(MAX_PAUSE, max(0.05, pause * 2))
                else:
                    self._written()  # the spool was written by another process
                if closing and (pause or not self._queue):
                    return
        finally:
            conn.close()

    def _run_batches(self, write: Callable[[list[Job]], None]) -> None:
        """The thread without a spool: every queued job in one transaction, again after a pause on failure."""
        pause = 0.0
        while True:
            with self._cond:
                if pause:
                    self._cond.wait(pause)
                self._cond.wait_for(lambda: bool(self._queue) or self._closing)
            jobs, closing = self._gather()
            if jobs:
                try:
                    write(jobs)
                except Exception as exc:  # noqa: BLE001 - any failure: keep the rows, say why, try again
                    self.last_error = str(exc)
                    with self._cond:
                        self._queue[:0] = jobs  # before the jobs queued since, in order
                    pause = min(MAX_PAUSE, max(0.05, pause * 2))
                else:
                    pause = 0.0
                    self._written()
            if closing and (pause or not self._queue):
                return

    def _gather(self) -> tuple[list[Job], bool]:
        """The queued jobs, taken GATHER seconds after the first of them (at once when closing),
        and whether close() was called: one transaction for every job of those milliseconds."""
        with self._cond:
            wait = bool(self._queue) and not self._closing
        if wait:
            time.sleep(GATHER)  # not on the condition: the submits meanwhile wake nobody
        with self._cond:
            jobs, self._queue = self._queue, []
            return jobs, self._closing

    def _spool_waiting(self) -> bool:
        return self.spool is not None and _has_content(self.spool)

    def _attempt(self, conn: sqlite3.Connection, jobs: list[Job]) -> bool:
        """Write the spool and ``jobs`` in one transaction; on failure add ``jobs`` to the spool.

        The write lock is taken before the spool is read: while another process holds it, an
        attempt costs a short wait and an append, not a parse of every row spooled so far (which
        would take the server's GIL from the requests it answers, again at every retry).
        """
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self.last_error = str(exc)
            if jobs:
                with self._locked_spool() as fh:
                    _append_jobs(fh, jobs)
            return False
        try:
            if self._spool_waiting():
                with self._locked_spool() as fh:
                    self._execute(conn, [*_read_jobs(fh), *jobs])
                    conn.execute("COMMIT")
                    fh.truncate(0)
            else:
                self._execute(conn, jobs)
                conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self.last_error = str(exc)
            with self._locked_spool() as fh:
                _append_jobs(fh, jobs)
            return False
        self._written()
        return True

    @staticmethod
    def _execute(conn: sqlite3.Connection, jobs: list[Job]) -> None:
        # one executemany per run of one text, every statement where it was (a batch run's job
        # remembers 500 subjects): a Python call per row cost the parent of a batch run 1 - 2 us a row
        for sql, rows in consecutive_runs(jobs):
            conn.executemany(sql, rows)

    def _written(self) -> None:
        with self._cond:
            # every job of this process that was spooled is written now, as is the batch taken
            self._unwritten = len(self._queue)
            self.last_error = None
            self._cond.notify_all()

    @contextmanager
    def _locked_spool(self) -> Iterator[IO[str]]:
        """The spool file, locked against other processes that replay or append to it."""
        assert self.spool is not None
        with self.spool.open("a+", encoding="utf-8") as fh:
            if fcntl is not None:
                fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                fh.seek(0)
                yield fh
            finally:
                if fcntl is not None:
                    fcntl.flock(fh, fcntl.LOCK_UN)


def statement_runs(jobs: list[Job]) -> list[tuple[str, list[Sequence[Any]]]]:
    """The statements of ``jobs`` as runs of one SQL text each, to be executed in this order.

    One run per text, in the order the texts first appear, when every job lists its statements in
    that order (a screening's run row, then its hits, then its queue rows: the run row a hit refers
    to still goes first, and each text's rows keep their order); the batch then costs an
    executemany per text instead of one per job. When some job orders them otherwise, the runs of
    consecutive statements with the same text, every statement where it was.
    """
    rank: dict[str, int] = {}
    for job in jobs:
        for sql, _ in job:
            rank.setdefault(sql, len(rank))
    if all(rank[a[0]] <= rank[b[0]] for job in jobs for a, b in pairwise(job)):
        runs: dict[str, list[Sequence[Any]]] = {sql: [] for sql in rank}
        for job in jobs:
            for sql, params in job:
                runs[sql].append(params)
        return list(runs.items())
    return consecutive_runs(jobs)


def consecutive_runs(jobs: list[Job]) -> list[tuple[str, list[Sequence[Any]]]]:
    """The statements of ``jobs`` in their order, as runs of consecutive statements with the same text."""
    flat = (statement for job in jobs for statement in job)
    return [(sql, [params for _, params in run]) for sql, run in groupby(flat, key=itemgetter(0))]


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _read_jobs(fh: IO[str]) -> Iterator[Job]:
    for line in fh:
        try:
            job = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line torn by a crash while it was appended: its job was never acknowledged
        yield [(sql, list(params)) for sql, params in job]


def _append_jobs(fh: IO[str], jobs: list[Job]) -> None:
    fh.seek(0, os.SEEK_END)
    for job in jobs:
        fh.write(json.dumps(job, ensure_ascii=False) + "\n")
    fh.flush()
    os.fsync(fh.fileno())


__all__ = ["ATTEMPT_TIMEOUT", "BackgroundWriter", "Job", "Statement", "Writer", "consecutive_runs", "statement_runs"]

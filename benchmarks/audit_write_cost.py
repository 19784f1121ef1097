"""The PostgreSQL server's CPU per audit row: what a served screening's rows cost the backend that
writes them (the cost that takes a core from a busy serving worker, see ``store/writer_process.py``).

    scripts/pg_cluster.sh run .venv/bin/python benchmarks/audit_write_cost.py [--jobs 3000] [--block 20]

The jobs are real: ``/api/v1/screen``'s names screened against the benchmark list with the writer
caught, so each job is a run row, its hits and its matches' review rows, as a server writes them.
They are written in blocks of ``--block`` jobs (20: the jobs of one ``GATHER`` block at 2,000
requests a second) by ``write_jobs`` on a connection of their own, and the backend's CPU (its
``/proc`` utime + stime: the server must be on this machine) read before and after, in rounds
(``--rounds``) so that a quiet moment or a busy one falls on every round alike. Fewer, longer
runs give a coarser clock (10 ms ticks): keep ``--jobs`` in the thousands.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psycopg

from api_latency import NAMES, bench_list
from mistrust.store.postgres import read_primary_key, write_jobs
from mistrust.store.writer import Job
from mistrust.workspace import Workspace

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu(pid: int) -> float:
    """CPU seconds of process ``pid`` (user + system), from ``/proc``."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def _jobs(url: str, n: int) -> list[Job]:
    """``n`` screenings' audit jobs, as a server submits them (the writer caught, nothing written)."""
    jobs: list[Job] = []
    with Workspace(url) as ws:
        ws.db.writer.submit = jobs.append  # type: ignore[method-assign,assignment]
        for i in range(n):
            ws.screen(NAMES[i % len(NAMES)])
    return jobs


def _write(url: str, jobs: list[Job], block: int) -> tuple[float, float]:
    """Write ``jobs`` in blocks of ``block``; the backend's CPU seconds and the wall seconds."""
    keys: dict[str, list[str]] = {}

    def primary_key(raw: Any, table: str) -> list[str]:
        if table not in keys:
            keys[table] = read_primary_key(raw, table)
        return keys[table]

    with psycopg.connect(url, autocommit=True) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]  # type: ignore[index]
        write_jobs(conn, primary_key, jobs[:block])  # prepared statements and keys: not in the figure
        before, start = _cpu(pid), time.perf_counter()
        for i in range(block, len(jobs), block):
            write_jobs(conn, primary_key, jobs[i:i + block])
        return _cpu(pid) - before, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg-url", default=os.environ.get("MISTRUST_TEST_PG_URL", ""))
    ap.add_argument("--jobs", type=int, default=3000, help="screenings per round (a run's job, and a queue job when it matched)")
    ap.add_argument("--block", type=int, default=20, help="jobs per transaction")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if not args.pg_url:
        print("skipped: no --pg-url or MISTRUST_TEST_PG_URL (run under scripts/pg_cluster.sh run)")
        return 0  # as api_scale.py's Postgres part: `make bench` goes on without a server
    tmp = Path(tempfile.mkdtemp(prefix="mistrust-audit-"))
    db = str(tmp / "bench.db")
    with Workspace(db, create=True) as ws:
        ws.load_lists([bench_list(tmp)])
    subprocess.run([str(Path(sys.executable).parent / "mistrust"), "db", "copy", db, args.pg_url, "--replace"],
                   check=True, stdout=subprocess.DEVNULL)
    per_row: list[float] = []
    for r in range(args.rounds):
        jobs = _jobs(args.pg_url, args.jobs)
        rows = sum(len(j) for j in jobs[args.block:])
        cpu, wall = _write(args.pg_url, jobs, args.block)
        per_row.append(cpu * 1e6 / rows)
        a_screening = sum(len(j) for j in jobs) / args.jobs  # rows (a run, its hits, its queue rows)
        print(f"round {r + 1}: {rows} rows ({a_screening:.2f} a screening), backend CPU {cpu * 1e6 / rows:.1f} us a"
              f" row, {cpu * 1e3 / rows * a_screening:.3f} ms a screening; wall {wall:.2f} s; load average"
              f" {os.getloadavg()[0]:.1f}")
    print(f"backend CPU a row: median {statistics.median(per_row):.1f} us over {args.rounds} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())

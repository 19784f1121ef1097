"""``/api/v1/screen`` under 20 clients: SQLite while a list load runs beside it, and PostgreSQL
with ``serve --workers 2``, each next to its baseline measured in the same run.

    scripts/pg_cluster.sh run .venv/bin/python benchmarks/api_scale.py [--requests 1000] [--clients 20] [--client both]

(without ``MISTRUST_TEST_PG_URL`` or ``--pg-url`` the Postgres part is skipped and says so.)

The workspace holds a real list (OFAC SDN 2021 from the shared data when present, else a
generated one) and is copied to Postgres with ``mistrust db copy``. Runs:

* SQLite, ``serve`` (one process), quiet: the baseline;
* SQLite, ``serve``, while another process loads undated generated lists into the same file, one
  after another (each a write transaction of seconds; an undated file does not become current, so
  the served index stays the same and only the write lock is measured). Target p99 <= 10 ms;
* PostgreSQL, ``serve --workers 1`` (baseline) and ``serve --workers 2``.

Two ways of sending, on each server (one server start, the list loads running through both):

* **saturated** (closed loop): each client sends its share of the requests one after another on a
  keep-alive connection, never pausing, so the server always has all 20 waiting. Its p99 measures
  the queue as much as a request: on 2 cores every request waits behind the others' CPU.
* **paced** (open loop, ``--rates``, default 200 and 400 requests a second in all): each client
  sends at its share of the rate, at random (Poisson) times, as a desk of people screening
  names does, whether or not its previous answer is back. A latency counts from the time the
  request was due, not from when a late client got round to sending it, so a server that falls
  behind shows it (no coordinated omission).

**Capacity** (``--capacity``, default 1,000 to 3,000 requests a second by 500): on the two target
servers, paced runs at each rate in rising order (light client), and the highest rate at which
the p99 held the target, every lower rate holding too: the load up to which the target holds,
beside the saturated figure (20 clients that never pause, a load no desk sends). With
``--workers 2`` each run also says how much of the server's CPU its busiest worker spent: a
connection stays with the worker that accepted it, and 20 made at once can land 18 to 2.

Two clients (``--client light``, the default; ``threads``; ``both``, each in turn on the same server):

* **light**: every connection on one event loop in this process, each connected (and answered
  once) before the timed run, a few tens of microseconds of CPU a request. A deployment's clients
  are on other machines; on this 2-core machine every CPU second the load generator spends is
  taken from the server, and the latencies it reads are delayed by its own turns;
* **threads** (the benchmark's first client, kept to compare with): a thread and an
  ``http.client`` connection each, made inside the timed run. Its 20 threads share one GIL: a
  thread whose answer is back may wait for the others before it reads the clock, and the 20 new
  connections of a saturated run were the slowest 2% of its 1,000 requests (p50 25 ms; 2.7 ms once
  connected), which alone set its p99.

Beside every p50/p99: requests per second, the server's CPU per request (every process of the
server: with ``--workers 2`` the uvicorn workers too), on Postgres the database server's CPU per
request (every process of the cluster: backends, WAL writer), how long the server's threads waited
for a free core per request (Linux ``schedstat``: the machine's load, which no server change
removes), and the load generator's own CPU (this process, on the same 2 cores as the server).
The CPU is counted until the audit rows of the run's requests are written (its latencies and rate
end with its last answer): a background writer that falls behind still counts its work.
The server runs with ``--log-level warning``: no access log (``serve``'s default, info, writes a
line per request from the event loop, about 12 microseconds of CPU each).
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import psutil

from api_latency import NAMES, _free_port, _pct, bench_list
from mistrust.workspace import Workspace

TARGET_P99_MS = 10.0
CAPACITY = "capacity"  # the label of the sweep's paced runs
# one client's requests: (when it is due, in seconds from the start, or None: right after the
# previous answer; the path)
Plan = list[tuple[float | None, str]]
CLI = Path(sys.executable).parent / "mistrust"

LOAD_BESIDE = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from api_latency import _generated_sdn
from mistrust import Workspace
stop, k = Path(sys.argv[2]), 0
print("ready", flush=True)
while not stop.exists() or k == 0:  # at least one load overlaps the clients
    folder = Path(sys.argv[4]) / f"load{k}"
    folder.mkdir()
    with Workspace(sys.argv[1], create=True) as ws:
        ws.load_lists([_generated_sdn(folder, n=4000 + k)])
    k += 1
print(k, flush=True)
"""


@dataclass
class Run:
    """One way of sending to one server: every request's latency (ms) and what the run cost."""

    label: str
    latencies: list[float]
    rps: float
    server_ms: float  # the server's CPU per request
    client_ms: float  # the load generator's CPU per request
    client_share: float  # ... as a share of one core over the run
    server_wait: float  # how long the server's threads waited for a core, per request (ms; nan off Linux)
    db_ms: float = float("nan")  # the Postgres server's CPU per request (every process of it; nan on SQLite)
    note: str = ""


def _serve(db: str, workers: int) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    server = subprocess.Popen([str(CLI), "--db", db, "serve", "--port", str(port), "--log-level", "warning",
                               "--workers", str(workers)], env={**os.environ, "MISTRUST_API_TOKEN": ""})
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return server, port
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError("the server did not start")
        time.sleep(0.2)


def _server_waits(pid: int) -> dict[int, float]:
    """Seconds each thread of the server (every process of it) has spent ready to run but waiting
    for a core (Linux ``schedstat``; empty elsewhere): the machine's load, which no change to the
    server removes."""
    waits = {}
    root = psutil.Process(pid)
    for proc in [root, *root.children(recursive=True)]:
        for task in Path(f"/proc/{proc.pid}/task").glob("*"):
            try:
                waits[int(task.name)] = int((task / "schedstat").read_text().split()[1]) / 1e9
            except (OSError, IndexError, ValueError):
                continue  # a thread that ended meanwhile
    return waits


def _waited(before: dict[int, float], after: dict[int, float]) -> float:
    """Seconds waited between two ``_server_waits`` by the threads alive at the end (a thread that
    ended meanwhile took its count with it); nan without ``schedstat``."""
    if not after:
        return float("nan")
    return sum(w - before.get(tid, 0.0) for tid, w in after.items())


def _process_cpu(pid: int) -> dict[int, float]:
    """CPU seconds of the server process and of every process under it, by pid of the server and of
    each process directly under it (a uvicorn worker counts with the audit writer process it started)."""
    out: dict[int, float] = {}
    root = psutil.Process(pid)
    for top in [root, *root.children()]:
        try:
            procs = [top] if top is root else [top, *top.children(recursive=True)]
        except psutil.Error:
            continue  # ended meanwhile (a Postgres backend)
        for proc in procs:
            try:
                times = proc.cpu_times()
            except psutil.Error:
                continue
            out[top.pid] = out.get(top.pid, 0.0) + times.user + times.system
    return out


def _server_cpu(pid: int) -> float:
    """CPU seconds of the server process and every process under it (uvicorn's workers)."""
    return sum(_process_cpu(pid).values())


def _busiest_share(before: dict[int, float], after: dict[int, float]) -> float | None:
    """The share of the server's CPU over a run spent by its busiest process, with two or more
    workers (None with one). The kernel gives each new connection to whichever worker accepts it
    first, and a connection stays with its worker: 20 connections made at once may land 18 to 2."""
    spent = sorted((after[p] - before.get(p, 0.0) for p in after), reverse=True)
    if len(spent) < 3 or sum(spent) <= 0:  # the supervisor and at least two workers
        return None
    return spent[0] / sum(spent)


def _postmaster(db: str) -> int | None:
    """The pid of the Postgres server behind ``db`` (a URL; None for a SQLite file): its backends and
    its own processes (WAL writer, checkpointer) are CPU a served screening costs beside the server's."""
    if "://" not in db:
        return None
    import psycopg

    with psycopg.connect(db) as conn:  # open while its backend is asked for its parent
        row = conn.execute("SELECT pg_backend_pid()").fetchone()
        assert row is not None
        parent = psutil.Process(row[0]).parent()
    return parent.pid if parent is not None else None


def _get(conn: http.client.HTTPConnection, path: str) -> None:
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: HTTP {response.status}")


def _threads(port: int, plans: list[Plan]) -> list[float]:
    """The thread client (the benchmark's first, kept to compare with): a thread and an
    ``http.client`` connection per client, both made inside the timed run; the 20 threads share
    this process's GIL, and a thread whose answer is back may wait for it before it reads the clock."""
    start = time.perf_counter() + 0.2  # every thread is ready before the first paced request is due

    def client(plan: Plan) -> list[float]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        out = []
        for due, path in plan:
            if due is None:
                sent = time.perf_counter()
            else:
                sent = start + due
                wait = sent - time.perf_counter()
                if wait > 0:
                    time.sleep(wait)
            _get(conn, path)
            out.append((time.perf_counter() - sent) * 1000)
        conn.close()
        return out

    with ThreadPoolExecutor(len(plans)) as pool:
        return [x for r in pool.map(client, plans) for x in r]


class _Answer(asyncio.Protocol):
    """One keep-alive connection of the light client: sends a request, and reads its answer (no
    chunked bodies: the server answers with Content-Length)."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.waiting: asyncio.Future[None] | None = None
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        head_end = self.buffer.find(b"\r\n\r\n")
        if head_end < 0 or self.waiting is None:
            return
        head = bytes(self.buffer[:head_end]).lower()
        length = int(head.split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
        if len(self.buffer) >= head_end + 4 + length:
            if not head.startswith(b"http/1.1 200"):
                self.waiting.set_exception(RuntimeError(head.split(b"\r\n", 1)[0].decode()))
            else:
                self.waiting.set_result(None)
            del self.buffer[:head_end + 4 + length]
            self.waiting = None

    def connection_lost(self, exc: Exception | None) -> None:
        if self.waiting is not None and not self.waiting.done():
            self.waiting.set_exception(exc or ConnectionError("the server closed the connection"))

    async def get(self, request: bytes) -> None:
        self.waiting = asyncio.get_running_loop().create_future()
        assert self.transport is not None
        self.transport.write(request)
        await self.waiting


def _light(port: int, plans: list[Plan]) -> list[float]:
    """The light client: every connection on one event loop in this thread (no GIL shared by 20
    client threads, a few tens of microseconds of CPU a request). Each plan is one connection's
    requests, each with the time it is due (seconds after the start; None: at once, after the
    previous answer). The connections are opened, and each answers one request, before the start:
    the latencies are of connected clients, as a desk's apps keep their connections open."""

    async def run() -> list[float]:
        loop = asyncio.get_running_loop()
        conns = [(await loop.create_connection(_Answer, "127.0.0.1", port))[1] for _ in plans]
        raw = {path: f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
               for plan in plans for _, path in plan}
        await asyncio.gather(*(c.get(b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") for c in conns))
        start = time.perf_counter() + 0.05

        async def client(conn: _Answer, plan: Plan) -> list[float]:
            out = []
            for due, path in plan:
                sent = time.perf_counter() if due is None else start + due
                wait = sent - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                    # the loop's timer wakes up to a millisecond late: the client's delay, not the
                    # server's (a request held back by the answer before it still counts from its due time)
                    sent = time.perf_counter()
                await conn.get(raw[path])
                out.append((time.perf_counter() - sent) * 1000)
            return out

        await asyncio.sleep(max(0.0, start - time.perf_counter()))
        done = await asyncio.gather(*(client(c, plan) for c, plan in zip(conns, plans, strict=True)))
        for c in conns:
            assert c.transport is not None
            c.transport.close()
        return [x for r in done for x in r]

    return asyncio.run(run())


def _plans(paths: list[str], clients: int, rate: float | None, seconds: float,
           seed: int = 7) -> list[Plan]:
    """Each client's requests: saturated (``rate`` None) its share of ``paths`` back to back, each
    sent when the previous answer is back; paced, at Poisson times drawn in advance, ``rate /
    clients`` a second for ``seconds``, each latency counted from when its request was due."""
    if rate is None:
        share = len(paths) // clients
        return [[(None, p) for p in paths[k * share:(k + 1) * share]] for k in range(clients)]
    plans = []
    for k in range(clients):
        rng, due = random.Random(seed * 1000 + k), 0.0
        plan: Plan = []
        while (due := due + rng.expovariate(rate / clients)) < seconds:
            plan.append((due, paths[(k + len(plan) * clients) % len(paths)]))
        plans.append(plan)
    return plans


def _audit_rows(db: str) -> int:
    """How many screening runs the workspace has recorded."""
    sql = "SELECT count(*) FROM screen_runs"
    if "://" in db:
        import psycopg

        with psycopg.connect(db) as conn:
            row = conn.execute(sql).fetchone()
    else:
        with closing(sqlite3.connect(db)) as conn:
            row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _drained(db: str, expected: int, timeout: float = 60.0, still_for: float = 5.0) -> None:
    """Wait until the server has written the audit rows of the requests sent (or their count stops
    moving for ``still_for`` seconds: two runs that share a key count once), so the CPU counted is
    that of every request's whole work: a writer that fell behind would otherwise leave its rows,
    and their CPU, out. The pause is long: a low-priority writer (and its backend) on a machine
    whose cores others keep busy may commit nothing for a second or more, and was taken as done
    at 0.5 s (its rows' CPU, 0.15 ms a request, left out of the 'db' column)."""
    deadline, last, since = time.monotonic() + timeout, -1, time.monotonic()
    while time.monotonic() < deadline:
        rows = _audit_rows(db)
        if rows >= expected:
            return
        if rows != last:
            last, since = rows, time.monotonic()
        elif time.monotonic() - since >= still_for:
            return
        time.sleep(0.1)


def _timed(label: str, server: int, send: Callable[[], list[float]], db: str, postmaster: int | None = None) -> Run:
    rows = _audit_rows(db)
    cpu, waits, mine, t = _process_cpu(server), _server_waits(server), time.process_time(), time.perf_counter()
    db_cpu = _server_cpu(postmaster) if postmaster else 0.0
    latencies = send()
    wall = time.perf_counter() - t
    n = len(latencies)
    client = time.process_time() - mine
    _drained(db, rows + n)
    db_ms = (_server_cpu(postmaster) - db_cpu) * 1000 / n if postmaster else float("nan")
    after = _process_cpu(server)
    busiest = _busiest_share(cpu, after)
    return Run(label, latencies, n / wall, (sum(after.values()) - sum(cpu.values())) * 1000 / n, client * 1000 / n,
               client / wall, _waited(waits, _server_waits(server)) * 1000 / n, db_ms,
               note="" if busiest is None else f"busiest worker {busiest:.0%} of the server's CPU")


CLIENTS: dict[str, Callable[[int, list[Plan]], list[float]]] = {"light": _light, "threads": _threads}


def _measure(name: str, db: str, workers: int, paths: list[str], clients: int, rates: list[float],
             seconds: float, kinds: list[str], beside: list[str] | None = None,
             capacity: tuple[float, ...] = ()) -> list[Run]:
    """The saturated run, then one paced run per rate, on one server (and one loader beside it),
    by each kind of client in turn; then the capacity sweep (``capacity``: paced rates, light
    client, in rising order, labelled ``CAPACITY``)."""
    server, port = _serve(db, workers)
    runs: list[Run] = []
    try:
        postmaster = _postmaster(db)
        _threads(port, _plans(paths[: clients * 10], clients, None, 0))  # every worker builds or reads its index
        # ... and what the first requests set off ends before the timed runs: a Postgres worker's
        # audit writer process starts with the workspace (an interpreter and psycopg, about 0.15 s
        # of CPU each, which fell inside the first timed run)
        time.sleep(2.0)
        loader = None
        if beside is not None:
            loader = subprocess.Popen([sys.executable, "-c", LOAD_BESIDE, *beside], stdout=subprocess.PIPE, text=True)
            assert loader.stdout is not None and loader.stdout.readline().strip() == "ready"
            time.sleep(0.5)  # the first load is under way
        for rate in [None, *rates]:
            plans = _plans(paths, clients, rate, seconds)
            for kind in kinds:
                how = "saturated" if rate is None else f"paced {rate:g}/s"
                label = f"{name}, {how}" + (f" ({kind})" if len(kinds) > 1 else "")
                runs.append(_timed(label, server.pid, lambda k=kind, p=plans: CLIENTS[k](port, p),  # type: ignore[misc]
                                   db, postmaster))
        for rate in capacity:
            plans = _plans(paths, clients, rate, seconds)
            runs.append(_timed(f"{name}, {CAPACITY} {rate:g}/s", server.pid,
                               lambda p=plans: _light(port, p), db, postmaster))  # type: ignore[misc]
        if loader is not None and beside is not None:
            Path(beside[1]).touch()  # the loader stops after the load it is writing
            out, _ = loader.communicate(timeout=600)
            runs[-1].note = (f"{out.strip()} list loads ran beside these runs (the last may have ended after them)"
                             + (f"; {runs[-1].note}" if runs[-1].note else ""))
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # say so, and go on with the other servers' runs
            for child in psutil.Process(server.pid).children(recursive=True):
                child.kill()
            server.kill()
            server.wait()
            if runs:
                runs[-1].note += " (the server did not stop within 60 s of SIGTERM: killed)"
    return runs


def _capacity_line(name: str, sweep: list[Run], clients: int) -> str:
    """The highest rate of the sweep at which p99 held the target, every rate below it holding too
    (a miss ends the capacity, even if a higher rate happens to pass), then each rate's p99."""
    held = None
    for r in sweep:
        if _pct(r.latencies, .99) > TARGET_P99_MS:
            break
        held = r
    tried = ", ".join(f"{r.label.rsplit(' ', 1)[1]} {_pct(r.latencies, .99):.1f}" for r in sweep)
    upto = f"up to {held.label.rsplit(' ', 1)[1]}" if held else "at none of the rates tried"
    return f"capacity, {name}: p99 <= {TARGET_P99_MS:g} ms {upto} ({clients} clients paced; p99 ms at each rate: {tried})"


def main() -> int:
    ap = argparse.ArgumentParser()
    # 5,000: the p99 of 1,000 requests is their 10th slowest, and moved 5 - 8 ms between quiet runs
    ap.add_argument("--requests", type=int, default=5000, help="requests of each saturated run")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--rates", default="200,400", help="paced runs: requests a second, all clients together ('' for none)")
    ap.add_argument("--seconds", type=float, default=5.0, help="length of each paced run")
    ap.add_argument("--capacity", default="1000,1500,2000,2500,3000",
                    help="the capacity sweep: paced rates (requests a second, all clients together) tried on the "
                         "two target servers, light client ('' for none)")
    ap.add_argument("--pg-url", default=os.environ.get("MISTRUST_TEST_PG_URL", ""))
    ap.add_argument("--postgres-only", action="store_true", help="skip the SQLite runs (a quicker Postgres pass)")
    ap.add_argument("--client", choices=["light", "threads", "both"], default="light",
                    help="light: one event loop for every client (default); threads: a thread each, "
                         "connecting inside the timed run (the first client); both: each, in turn")
    args = ap.parse_args()
    rates = [float(r) for r in args.rates.split(",") if r.strip()]
    capacity = tuple(sorted(float(r) for r in args.capacity.split(",") if r.strip()))
    kinds = ["light", "threads"] if args.client == "both" else [args.client]

    tmp = Path(tempfile.mkdtemp(prefix="mistrust-scale-"))
    db = str(tmp / "bench.db")
    sdn = bench_list(tmp)  # warns when it falls back to a generated list
    with Workspace(db, create=True) as ws:
        ws.load_lists([sdn])
        ws.screen("warm up", record=False)
    print(f"list: {sdn}; load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    paths = ["/api/v1/screen?" + urlencode({"name": NAMES[i % len(NAMES)]}) for i in range(args.requests)]

    measure = lambda name, url, workers, beside=None, sweep=(): _measure(  # noqa: E731
        name, url, workers, paths, args.clients, rates, args.seconds, kinds, beside, sweep)
    runs: list[Run] = []
    targets: list[Run] = []
    if not args.postgres_only:
        runs += measure("SQLite quiet (baseline)", db, 1)
        beside = [db, str(tmp / "stop"), str(Path(__file__).resolve().parent), str(tmp)]
        loaded = measure("SQLite, list loads beside", db, 1, beside, capacity)
        runs += loaded
        targets += loaded
    if args.pg_url:
        subprocess.run([str(CLI), "db", "copy", db, args.pg_url, "--replace"], check=True, stdout=subprocess.DEVNULL)
        runs += measure("Postgres --workers 1 (baseline)", args.pg_url, 1)
        two = measure("Postgres --workers 2", args.pg_url, 2, sweep=capacity)
        runs += two
        targets += two
    else:
        print("Postgres part skipped: no --pg-url or MISTRUST_TEST_PG_URL (run under scripts/pg_cluster.sh run)")

    print(f"\nGET /api/v1/screen, {args.clients} clients: saturated {args.requests} requests; paced "
          f"{args.seconds:g} s at each rate (ms; CPU per request; the load generator's share of a core;"
          f" 'waited': how long the server's threads waited for a free core, per request; 'db': the Postgres"
          f" server's CPU per request)")
    print(f"{'what':<56}{'p50':>8}{'p99':>8}{'req/s':>8}{'server':>9}{'db':>8}{'server':>9}{'client':>9}{'client':>8}")
    print(f"{'':<56}{'':>8}{'':>8}{'':>8}{'ms CPU':>9}{'ms CPU':>8}{'waited':>9}{'ms CPU':>9}{'core':>8}")
    for r in runs:
        print(f"{r.label:<56}{_pct(r.latencies, .5):>8.2f}{_pct(r.latencies, .99):>8.2f}{r.rps:>8.0f}"
              f"{r.server_ms:>9.2f}{r.db_ms:>8.2f}{r.server_wait:>9.2f}{r.client_ms:>9.2f}{r.client_share:>7.0%}  {r.note}")
    for name in dict.fromkeys(r.label.split(f", {CAPACITY} ")[0] for r in targets if f", {CAPACITY} " in r.label):
        print(_capacity_line(name, [r for r in targets if r.label.startswith(f"{name}, {CAPACITY} ")], args.clients))
    for r in targets:
        if f", {CAPACITY} " in r.label:
            continue
        p99 = _pct(r.latencies, .99)
        print(f"target p99 <= {TARGET_P99_MS:g} ms, {r.label}: {'MET' if p99 <= TARGET_P99_MS else 'NOT MET'}"
              f" ({p99:.2f} ms)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

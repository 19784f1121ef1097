"""``/api/v1/screen`` under 20 clients: SQLite while a list load runs beside it, and PostgreSQL
with ``serve --workers 2``, each next to its baseline measured in the same run.

    scripts/pg_cluster.sh run .venv/bin/python benchmarks/api_scale.py [--requests 1000] [--clients 20]

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

Beside every p50/p99: requests per second, the server's CPU per request (every process of the
server: with ``--workers 2`` the uvicorn workers too) and the load generator's own CPU (this
process: the clients' threads share the same 2 cores as the server).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import psutil

from api_latency import NAMES, _free_port, _pct, bench_list
from mistrust.workspace import Workspace

TARGET_P99_MS = 10.0
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


def _server_cpu(pid: int) -> float:
    """CPU seconds of the server process and every process under it (uvicorn's workers)."""
    total = 0.0
    root = psutil.Process(pid)
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def _get(conn: http.client.HTTPConnection, path: str) -> None:
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: HTTP {response.status}")


def _saturated(port: int, paths: list[str], clients: int) -> list[float]:
    """Closed loop: every client sends its share one after another, never pausing."""
    share = len(paths) // clients

    def client(k: int) -> list[float]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        out = []
        for path in paths[k * share:(k + 1) * share]:
            t = time.perf_counter()
            _get(conn, path)
            out.append((time.perf_counter() - t) * 1000)
        conn.close()
        return out

    with ThreadPoolExecutor(clients) as pool:
        return [x for r in pool.map(client, range(clients)) for x in r]


def _paced(port: int, paths: list[str], clients: int, rate: float, seconds: float, seed: int = 7) -> list[float]:
    """Open loop for ``seconds``: each client sends at ``rate / clients`` a second on average, at
    Poisson times drawn in advance; a latency counts from when its request was due."""
    start = time.perf_counter() + 0.2  # every thread is ready before the first request is due

    def client(k: int) -> list[float]:
        rng = random.Random(seed * 1000 + k)
        due, times = 0.0, []
        while (due := due + rng.expovariate(rate / clients)) < seconds:
            times.append(start + due)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        out = []
        for n, at in enumerate(times):
            wait = at - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            _get(conn, paths[(k + n * clients) % len(paths)])
            out.append((time.perf_counter() - at) * 1000)
        conn.close()
        return out

    with ThreadPoolExecutor(clients) as pool:
        return [x for r in pool.map(client, range(clients)) for x in r]


def _timed(label: str, server: int, send: Callable[[], list[float]]) -> Run:
    cpu, mine, t = _server_cpu(server), time.process_time(), time.perf_counter()
    latencies = send()
    wall = time.perf_counter() - t
    n = len(latencies)
    client = time.process_time() - mine
    return Run(label, latencies, n / wall, (_server_cpu(server) - cpu) * 1000 / n, client * 1000 / n, client / wall)


def _measure(name: str, db: str, workers: int, paths: list[str], clients: int, rates: list[float],
             seconds: float, beside: list[str] | None = None) -> list[Run]:
    """The saturated run, then one paced run per rate, on one server (and one loader beside it)."""
    server, port = _serve(db, workers)
    runs: list[Run] = []
    try:
        _saturated(port, paths[: clients * 10], clients)  # every worker builds or reads its index first
        loader = None
        if beside is not None:
            loader = subprocess.Popen([sys.executable, "-c", LOAD_BESIDE, *beside], stdout=subprocess.PIPE, text=True)
            assert loader.stdout is not None and loader.stdout.readline().strip() == "ready"
            time.sleep(0.5)  # the first load is under way
        runs.append(_timed(f"{name}, saturated", server.pid, lambda: _saturated(port, paths, clients)))
        for rate in rates:
            runs.append(_timed(f"{name}, paced {rate:g}/s", server.pid,
                               lambda r=rate: _paced(port, paths, clients, r, seconds)))  # type: ignore[misc]
        if loader is not None and beside is not None:
            Path(beside[1]).touch()  # the loader stops after the load it is writing
            out, _ = loader.communicate(timeout=600)
            runs[-1].note = f"{out.strip()} list loads ran beside these runs (the last may have ended after them)"
    finally:
        server.terminate()
        server.wait(timeout=30)
    return runs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=1000, help="requests of each saturated run")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--rates", default="200,400", help="paced runs: requests a second, all clients together ('' for none)")
    ap.add_argument("--seconds", type=float, default=5.0, help="length of each paced run")
    ap.add_argument("--pg-url", default=os.environ.get("MISTRUST_TEST_PG_URL", ""))
    args = ap.parse_args()
    rates = [float(r) for r in args.rates.split(",") if r.strip()]

    tmp = Path(tempfile.mkdtemp(prefix="mistrust-scale-"))
    db = str(tmp / "bench.db")
    sdn = bench_list(tmp)  # warns when it falls back to a generated list
    with Workspace(db, create=True) as ws:
        ws.load_lists([sdn])
        ws.screen("warm up", record=False)
    print(f"list: {sdn}; load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    paths = ["/api/v1/screen?" + urlencode({"name": NAMES[i % len(NAMES)]}) for i in range(args.requests)]

    measure = lambda name, url, workers, beside=None: _measure(  # noqa: E731
        name, url, workers, paths, args.clients, rates, args.seconds, beside)
    runs = measure("SQLite quiet (baseline)", db, 1)
    beside = [db, str(tmp / "stop"), str(Path(__file__).resolve().parent), str(tmp)]
    loaded = measure("SQLite, list loads beside", db, 1, beside)
    runs += loaded
    targets = list(loaded)
    if args.pg_url:
        subprocess.run([str(CLI), "db", "copy", db, args.pg_url, "--replace"], check=True, stdout=subprocess.DEVNULL)
        runs += measure("Postgres --workers 1 (baseline)", args.pg_url, 1)
        two = measure("Postgres --workers 2", args.pg_url, 2)
        runs += two
        targets += two
    else:
        print("Postgres part skipped: no --pg-url or MISTRUST_TEST_PG_URL (run under scripts/pg_cluster.sh run)")

    print(f"\nGET /api/v1/screen, {args.clients} clients: saturated {args.requests} requests; paced "
          f"{args.seconds:g} s at each rate (ms; CPU per request; the load generator's share of a core)")
    print(f"{'what':<46}{'p50':>8}{'p99':>8}{'req/s':>8}{'server':>9}{'client':>9}{'client':>8}")
    print(f"{'':<46}{'':>8}{'':>8}{'':>8}{'ms CPU':>9}{'ms CPU':>9}{'core':>8}")
    for r in runs:
        print(f"{r.label:<46}{_pct(r.latencies, .5):>8.2f}{_pct(r.latencies, .99):>8.2f}{r.rps:>8.0f}"
              f"{r.server_ms:>9.2f}{r.client_ms:>9.2f}{r.client_share:>7.0%}  {r.note}")
    for r in targets:
        p99 = _pct(r.latencies, .99)
        print(f"target p99 <= {TARGET_P99_MS:g} ms, {r.label}: {'MET' if p99 <= TARGET_P99_MS else 'NOT MET'}"
              f" ({p99:.2f} ms)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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

Each client sends its share of the requests one after another on a keep-alive connection; p50/p99
are over every request of every client.
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import httpx

from api_latency import NAMES, _free_port, _generated_sdn, _pct, _shared_sdn
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


def _clients(port: int, paths: list[str], clients: int) -> tuple[list[float], float]:
    """Latencies (ms) of every request, and requests per second."""
    share = len(paths) // clients

    def client(k: int) -> list[float]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        out = []
        for path in paths[k * share:(k + 1) * share]:
            t = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"GET {path}: HTTP {response.status}")
            out.append((time.perf_counter() - t) * 1000)
        conn.close()
        return out

    t = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(client, range(clients)))
    return [x for r in results for x in r], share * clients / (time.perf_counter() - t)


def _measure(db: str, workers: int, paths: list[str], clients: int, beside: list[str] | None = None
             ) -> tuple[list[float], float, str]:
    server, port = _serve(db, workers)
    note = ""
    try:
        _clients(port, paths[: clients * 10], clients)  # every worker builds or reads its index first
        loader = None
        if beside is not None:
            loader = subprocess.Popen([sys.executable, "-c", LOAD_BESIDE, *beside], stdout=subprocess.PIPE, text=True)
            assert loader.stdout is not None and loader.stdout.readline().strip() == "ready"
            time.sleep(0.5)  # the first load is under way
        latencies, rps = _clients(port, paths, clients)
        if loader is not None and beside is not None:
            Path(beside[1]).touch()  # the loader stops after the load it is writing
            out, _ = loader.communicate(timeout=600)
            note = f"{out.strip()} list loads ran beside (the last may have ended after the clients)"
    finally:
        server.terminate()
        server.wait(timeout=30)
    return latencies, rps, note


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--pg-url", default=os.environ.get("MISTRUST_TEST_PG_URL", ""))
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mistrust-scale-"))
    db = str(tmp / "bench.db")
    sdn = _shared_sdn() or _generated_sdn(tmp)
    with Workspace(db, create=True) as ws:
        ws.load_lists([sdn])
        ws.screen("warm up", record=False)
    print(f"list: {sdn}; load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    paths = ["/api/v1/screen?" + urlencode({"name": NAMES[i % len(NAMES)]}) for i in range(args.requests)]

    runs: list[tuple[str, list[float], float, str]] = []
    runs.append(("SQLite, serve, quiet (baseline)", *_measure(db, 1, paths, args.clients)))
    beside = [db, str(tmp / "stop"), str(Path(__file__).resolve().parent), str(tmp)]
    runs.append(("SQLite, serve, list loads beside", *_measure(db, 1, paths, args.clients, beside)))
    if args.pg_url:
        subprocess.run([str(CLI), "db", "copy", db, args.pg_url, "--replace"], check=True, stdout=subprocess.DEVNULL)
        runs.append(("Postgres, serve --workers 1 (baseline)", *_measure(args.pg_url, 1, paths, args.clients)))
        runs.append(("Postgres, serve --workers 2", *_measure(args.pg_url, 2, paths, args.clients)))
    else:
        print("Postgres part skipped: no --pg-url or MISTRUST_TEST_PG_URL (run under scripts/pg_cluster.sh run)")

    print(f"\nGET /api/v1/screen, {args.clients} clients, {args.requests} requests (ms)")
    print(f"{'what':<42}{'p50':>8}{'p99':>8}{'req/s':>8}")
    for label, latencies, rps, note in runs:
        print(f"{label:<42}{_pct(latencies, .5):>8.2f}{_pct(latencies, .99):>8.2f}{rps:>8.0f}  {note}")
    for label, latencies, _rps, _note in runs[1::2]:
        p99 = _pct(latencies, .99)
        print(f"target p99 <= {TARGET_P99_MS:g} ms, {label}: {'MET' if p99 <= TARGET_P99_MS else 'NOT MET'}"
              f" ({p99:.2f} ms)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

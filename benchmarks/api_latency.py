"""Latency of ``GET /api/v1/screen`` over loopback, with baselines measured in the same run.

Starts ``mistrust serve`` in a subprocess (its own interpreter: the server must not share
the benchmark client's GIL) on a free 127.0.0.1 port over a workspace holding a real list
(OFAC SDN 2021 from the shared data when present, else a generated list of 5,000 entries), then:

* one client, sequential: p50/p99 of ``/api/v1/screen?name=...`` (target p99 <= 5 ms) next to
  ``/api/v1/health`` (the HTTP stack alone) and ``Workspace.screen`` called directly (no HTTP);
* 20 concurrent clients: requests per second of ``/api/v1/screen`` and of ``/api/v1/health``;
* under a write lock: another process holds ``BEGIN IMMEDIATE`` on the workspace for 10 s (as a
  list load does) while one client keeps asking for health and single screens: p99 of each
  (target: health p99 <= 50 ms, no 5xx), then how many of those screens' audit rows were
  written once the lock was released.

    .venv/bin/python benchmarks/api_latency.py [--requests 400] [--clients 20] [--lock-seconds 10]

Screening runs are recorded in the audit trail like any API call; the direct baseline records too.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import httpx

from mistrust.workspace import Workspace

NAMES = ["IRGC", "Islamic Revolutionary Guard Corps", "Shahid Movahed Industries", "Korea Mining Development",
         "Bank Melli", "Ali Khamenei", "Kim Jong Un", "Tanchon Commercial Bank", "John Smith", "Acme Trading LLC"]
TARGET_P99_MS = 5.0
TARGET_LOCKED_HEALTH_P99_MS = 50.0
HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=60)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def _shared_sdn() -> Path | None:
    base = Path(os.environ.get("MISTRUST_TEST_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    sdn = base / "sanctions" / "ofac_sdn_csv_2021-07" / "sdn.csv"
    return sdn if sdn.exists() else None


def bench_list(folder: Path) -> Path:
    """The list a benchmark screens against: OFAC SDN 2021 from the shared data, else a generated
    list written into ``folder``, with a warning on stderr: the generated list is undated, so a list
    loaded beside the runs replaces it and the server rebuilds its index (the rows then measure
    rebuilds), and its names are not the real list's (screening does less work per query)."""
    sdn = _shared_sdn()
    if sdn is not None:
        return sdn
    print("WARNING: no shared OFAC list (set MISTRUST_TEST_DATA); screening a generated list: undated, so a"
          " list load beside the runs replaces it (the rows then measure index rebuilds), and not the real"
          " list's names", file=sys.stderr)
    return _generated_sdn(folder)


def _generated_sdn(folder: Path, n: int = 5000) -> Path:
    import random

    rng = random.Random(7)
    syllables = ["ka", "ri", "mo", "sa", "lin", "dor", "ve", "tan", "chon", "mel", "ba", "nu", "zar", "pek"]
    rows = []
    for i in range(1, n + 1):
        name = " ".join("".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).upper() for _ in range(3))
        rows.append(f'{i},"{name}",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ')
    rows.append(f'{n + 1},"ISLAMIC REVOLUTIONARY GUARD CORPS",-0- ,"IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ')
    path = folder / "sdn.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode() + b"\x1a")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


SERVER_SCREEN_MS: list[float] = []


def _get(conn: http.client.HTTPConnection, path: str) -> None:
    status = _request(conn, path)
    if status != 200:
        raise RuntimeError(f"GET {path}: HTTP {status}")


def _request(conn: http.client.HTTPConnection, path: str) -> int:
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    timing = response.getheader("Server-Timing") or ""
    if timing.startswith("screen;dur="):
        SERVER_SCREEN_MS.append(float(timing.split("=", 1)[1]))
    return response.status


def _screen_runs(db: Path) -> int:
    with sqlite3.connect(db, timeout=60) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM screen_runs").fetchone()[0])


def _under_lock(port: int, db: Path, paths: list[str], seconds: float) -> dict[str, object]:
    """Two clients, one asking for health and one screening names, while another process holds
    the write lock: a stall of either shows in the other's latency too."""
    before = _screen_runs(db)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    started = time.monotonic()
    failures: list[int] = []

    def client(which: str) -> list[float]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        out: list[float] = []
        while time.monotonic() - started < seconds - 0.5:  # stop before the lock is released
            t = time.perf_counter()
            status = _request(conn, "/api/v1/health" if which == "health" else paths[len(out) % len(paths)])
            out.append((time.perf_counter() - t) * 1000)
            if status >= 500:
                failures.append(status)
        conn.close()
        return out

    with ThreadPoolExecutor(2) as pool:
        health, screen = pool.map(client, ["health", "screen"])
    held_throughout = holder.poll() is None
    holder.wait()
    released = time.monotonic()
    written = _screen_runs(db) - before
    while written < len(screen) and time.monotonic() - released < 30:
        time.sleep(0.1)
        written = _screen_runs(db) - before
    return {"health": health, "screen": screen, "failures": len(failures), "held": held_throughout,
            "written": written, "written_after_s": time.monotonic() - released}


def _interleaved(port: int, paths: dict[str, list[str]], rounds: int) -> dict[str, list[float]]:
    """One client, one keep-alive connection, the endpoints taking turns so that the machine's
    load (shared by many processes) falls on each alike. http.client rather than httpx: on this
    machine httpx's own overhead per request is several ms, which would hide the server's."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    out: dict[str, list[float]] = {k: [] for k in paths}
    for i in range(rounds):
        for key, options in paths.items():
            path = options[i % len(options)]
            t = time.perf_counter()
            _get(conn, path)
            out[key].append((time.perf_counter() - t) * 1000)
    conn.close()
    return out


def _concurrent(port: int, paths: list[str], clients: int) -> float:
    per_client = len(paths) // clients

    def worker(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port)
        for path in paths[k * per_client:(k + 1) * per_client]:
            _get(conn, path)
        conn.close()

    t = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    return per_client * clients / (time.perf_counter() - t)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--lock-seconds", type=float, default=10.0)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mistrust-bench-"))
    db = tmp / "bench.db"
    sdn = bench_list(tmp)
    with Workspace(db, create=True) as ws:
        ws.load_lists([sdn])
        ws.screen("warm up", record=False)  # builds and caches the index on disk
    print(f"list: {sdn} ({'generated' if sdn.parent == tmp else 'shared data'})")

    port = _free_port()
    cli = Path(sys.executable).parent / "mistrust"
    env = {**os.environ, "MISTRUST_API_TOKEN": ""}
    server = subprocess.Popen([str(cli), "--db", str(db), "serve", "--port", str(port), "--log-level", "warning"],
                              env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/api/v1/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            print("server did not start", file=sys.stderr)
            return 1
        time.sleep(0.1)
    params = [{"name": NAMES[i % len(NAMES)]} for i in range(args.requests)]
    screen_paths = ["/api/v1/screen?" + urlencode(p) for p in params]
    try:
        _interleaved(port, {"screen": screen_paths[:50]}, 50)  # warm the server's workspace
        SERVER_SCREEN_MS.clear()
        timed = _interleaved(port, {"health": ["/api/v1/health"], "screen": screen_paths}, args.requests)
        inside = list(SERVER_SCREEN_MS)
        health, screen = timed["health"], timed["screen"]
        with Workspace(db, create=True) as ws:
            ws.screen("warm up", record=False)
            direct = []
            for p in params:
                t = time.perf_counter()
                ws.screen(p["name"], record=True)
                direct.append((time.perf_counter() - t) * 1000)
        rps_screen = _concurrent(port, screen_paths, args.clients)
        rps_health = _concurrent(port, ["/api/v1/health"] * args.requests, args.clients)
        locked = _under_lock(port, db, screen_paths, args.lock_seconds)
    finally:
        server.terminate()
        server.wait(timeout=20)

    print(f"\nGET /api/v1/screen, one client, {args.requests} requests over loopback (ms)")
    print(f"{'what':<34}{'p50':>8}{'p99':>8}{'mean':>8}")
    rows = [("Workspace.screen direct (baseline)", direct), ("/api/v1/health (baseline)", health),
            ("screen inside the server", inside), ("/api/v1/screen", screen)]
    for label, values in rows:
        print(f"{label:<34}{_pct(values, .5):>8.2f}{_pct(values, .99):>8.2f}{statistics.mean(values):>8.2f}")
    p99 = _pct(screen, .99)
    print(f"\ntarget p99 <= {TARGET_P99_MS} ms: {'MET' if p99 <= TARGET_P99_MS else 'NOT MET'} ({p99:.2f} ms);"
          f" HTTP overhead p50 = {_pct(screen, .5) - _pct(direct, .5):.2f} ms;"
          f" screen/health p50 ratio = {_pct(screen, .5) / _pct(health, .5):.1f}x")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"\n{args.clients} concurrent clients (requests/s)")
    print(f"{'/api/v1/health (baseline)':<34}{rps_health:>10.0f}")
    print(f"{'/api/v1/screen':<34}{rps_screen:>10.0f}   ratio {rps_screen / rps_health:.2f}")

    l_health, l_screen = locked["health"], locked["screen"]
    assert isinstance(l_health, list) and isinstance(l_screen, list)
    print(f"\nanother process holds the write lock for {args.lock_seconds:g} s; one client asking for health,"
          f" one screening (ms){'' if locked['held'] else ' -- WARNING: the lock ended early'}")
    print(f"{'what':<34}{'n':>6}{'p50':>10}{'p99':>10}{'max':>10}")
    for label, values in (("/api/v1/health under the lock", l_health), ("/api/v1/screen under the lock", l_screen),
                          ("/api/v1/health quiet (baseline)", health), ("/api/v1/screen quiet (baseline)", screen)):
        print(f"{label:<34}{len(values):>6}{_pct(values, .5):>10.2f}{_pct(values, .99):>10.2f}{max(values):>10.2f}")
    h99 = _pct(l_health, .99)
    met = h99 <= TARGET_LOCKED_HEALTH_P99_MS and locked["failures"] == 0
    print(f"\ntarget health p99 <= {TARGET_LOCKED_HEALTH_P99_MS:g} ms and no 5xx under the lock: "
          f"{'MET' if met else 'NOT MET'} ({h99:.2f} ms, {locked['failures']} answers 5xx)")
    print(f"audit rows of the {len(l_screen)} screens made under the lock: {locked['written']} written, "
          f"{locked['written_after_s']:.1f} s after the lock was released")
    return 0


if __name__ == "__main__":
    sys.exit(main())

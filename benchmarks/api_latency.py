"""Latency of ``GET /api/v1/screen`` over loopback, with baselines measured in the same run.

Starts ``mistrust serve`` in a subprocess (its own interpreter: the server must not share
the benchmark client's GIL) on a free 127.0.0.1 port over a workspace holding a real list
(OFAC SDN 2021 from the shared data when present, else a generated list of 5,000 entries), then:

* one client, sequential: p50/p99 of ``/api/v1/screen?name=...`` (target p99 <= 5 ms) next to
  ``/api/v1/health`` (the HTTP stack alone) and ``Workspace.screen`` called directly (no HTTP);
* 20 concurrent clients: requests per second of ``/api/v1/screen`` and of ``/api/v1/health``.

    .venv/bin/python benchmarks/api_latency.py [--requests 400] [--record]

By default screening runs with ``record=True`` like any API call (each run is written to the
audit trail); the figures include that write.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from mistrust.workspace import Workspace

NAMES = ["IRGC", "Islamic Revolutionary Guard Corps", "Shahid Movahed Industries", "Korea Mining Development",
         "Bank Melli", "Ali Khamenei", "Kim Jong Un", "Tanchon Commercial Bank", "John Smith", "Acme Trading LLC"]
TARGET_P99_MS = 5.0


def _shared_sdn() -> Path | None:
    base = Path(os.environ.get("MISTRUST_TEST_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    sdn = base / "sanctions" / "ofac_sdn_csv_2021-07" / "sdn.csv"
    return sdn if sdn.exists() else None


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


def _sequential(client: httpx.Client, path: str, params_list: list[dict[str, str]]) -> list[float]:
    out = []
    for params in params_list:
        t = time.perf_counter()
        r = client.get(path, params=params)
        out.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
    return out


def _concurrent(url: str, path: str, params_list: list[dict[str, str]], clients: int) -> float:
    per_client = len(params_list) // clients

    def worker(k: int) -> None:
        with httpx.Client(base_url=url, timeout=30) as c:
            for params in params_list[k * per_client:(k + 1) * per_client]:
                c.get(path, params=params).raise_for_status()

    t = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    return per_client * clients / (time.perf_counter() - t)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--no-record", action="store_true", help="screen without writing the audit trail")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mistrust-bench-"))
    db = tmp / "bench.db"
    sdn = _shared_sdn() or _generated_sdn(tmp)
    with Workspace(db) as ws:
        ws.load_lists([sdn])
        ws.screen("warm up", record=False)  # builds and caches the index on disk
    print(f"list: {sdn} ({'shared data' if 'shared' in str(sdn) else 'generated'})")

    record = not args.no_record
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
    if not record:
        print("note: --no-record has no HTTP equivalent; API runs are always recorded")
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            _sequential(client, "/api/v1/screen", params[:50])  # warm the index in the server's workspace
            health = _sequential(client, "/api/v1/health", [{}] * args.requests)
            screen = _sequential(client, "/api/v1/screen", params)
        with Workspace(db) as ws:
            ws.screen("warm up", record=False)
            direct = []
            for p in params:
                t = time.perf_counter()
                ws.screen(p["name"], record=record)
                direct.append((time.perf_counter() - t) * 1000)
        rps_screen = _concurrent(url, "/api/v1/screen", params, args.clients)
        rps_health = _concurrent(url, "/api/v1/health", [{}] * args.requests, args.clients)
    finally:
        server.terminate()
        server.wait(timeout=20)

    print(f"\nGET /api/v1/screen, one client, {args.requests} requests over loopback (ms)")
    print(f"{'what':<34}{'p50':>8}{'p99':>8}{'mean':>8}")
    rows = [("Workspace.screen direct (baseline)", direct), ("/api/v1/health (baseline)", health),
            ("/api/v1/screen", screen)]
    for label, values in rows:
        print(f"{label:<34}{_pct(values, .5):>8.2f}{_pct(values, .99):>8.2f}{statistics.mean(values):>8.2f}")
    p99 = _pct(screen, .99)
    print(f"\ntarget p99 <= {TARGET_P99_MS} ms: {'MET' if p99 <= TARGET_P99_MS else 'NOT MET'} ({p99:.2f} ms);"
          f" HTTP overhead p50 = {_pct(screen, .5) - _pct(direct, .5):.2f} ms;"
          f" screen/health p50 ratio = {_pct(screen, .5) / _pct(health, .5):.1f}x")
    print(f"\n{args.clients} concurrent clients (requests/s)")
    print(f"{'/api/v1/health (baseline)':<34}{rps_health:>10.0f}")
    print(f"{'/api/v1/screen':<34}{rps_screen:>10.0f}   ratio {rps_screen / rps_health:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

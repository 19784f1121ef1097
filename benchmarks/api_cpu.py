"""Server CPU per ``GET /api/v1/screen`` request, by stage, in this process (no sockets), next to
the same measurement of another revision's code (``--baseline main``) in the same run.

The ASGI app (``create_app``: Guard, user check, routing, validation, error handlers) is called
directly with a plain HTTP scope, so every CPU second counted is the server's: no client, no
uvicorn HTTP parsing (the same for every route and revision). ``time.process_time`` counts every
thread of the process, so the thread-pool hop and the background audit writer are in (the writer
is flushed inside the timed span). Stages, each over the same names:

* ``screening``: ``Workspace.screen(record=False)``: the screening itself;
* ``+ audit``: ``Workspace.screen()``: screening and its audit rows written;
* ``health``: ``GET /api/v1/health`` through the app: the stack with no work;
* ``screen route``: ``GET /api/v1/screen`` through the app: everything the server does.

``screen route - + audit`` is the API's own overhead. The baseline runs this same script in a
subprocess over ``git archive REF src`` (the revision's code, this script's measurement); the two
alternate ``--rounds`` times, best of each kept, as the machine's load moves. ``--profile N``
prints the top N functions of a cProfile of the route runs.

    PYTHONPATH=src .venv/bin/python benchmarks/api_cpu.py [--requests 2000] [--baseline main] [--profile 25]
    scripts/pg_cluster.sh run sh -c 'PYTHONPATH=src .venv/bin/python benchmarks/api_cpu.py --pg-url "$MISTRUST_TEST_PG_URL"'
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from api_latency import NAMES, _shared_sdn, bench_list
from mistrust.api.app import create_app
from mistrust.settings import Settings
from mistrust.workspace import Workspace

STAGES = ("screening", "+ audit", "health", "screen route")


def _scope(path: str, query: str) -> dict[str, Any]:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
            "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
            "query_string": query.encode(), "headers": [(b"host", b"127.0.0.1:8000")],
            "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}


async def _call(app: Any, path: str, query: str) -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(_scope(path, query), receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def _cpu_ms(run: Callable[[], None], n: int) -> float:
    started = time.process_time()
    run()
    return (time.process_time() - started) * 1000 / n


def measure(db: Path | str, n: int, profile: int = 0, sort: str = "tottime") -> dict[str, float]:
    """CPU ms per request of each stage, over the workspace ``db`` (a file or a PostgreSQL URL)."""
    queries = [urlencode({"name": NAMES[i % len(NAMES)]}) for i in range(n)]
    settings = replace(Settings.from_env(), api_token=None)
    app = create_app(lambda: Workspace(db), settings=settings, web=False)
    loop = asyncio.new_event_loop()

    def route(path: str) -> Callable[[], None]:
        def run() -> None:
            async def all_of_them() -> None:
                for q in queries:
                    status, _ = await _call(app, path, q)
                    assert status == 200, status
            loop.run_until_complete(all_of_them())
            app.state.shared.workspace.db.writer.flush(60)
        return run

    route("/api/v1/screen")()  # opens the workspace, builds the index, warms every path
    ws = app.state.shared.workspace
    names = [NAMES[i % len(NAMES)] for i in range(n)]

    def direct(record: bool) -> Callable[[], None]:
        def run() -> None:
            for name in names:
                ws.screen(name, record=record)
            ws.db.writer.flush(60)
        return run

    runs = {"screening": direct(False), "+ audit": direct(True), "health": route("/api/v1/health"),
            "screen route": route("/api/v1/screen")}
    out = {stage: _cpu_ms(runs[stage], n) for stage in STAGES}
    if profile:
        profiler = cProfile.Profile(time.thread_time)
        profiler.runcall(route("/api/v1/screen"))
        pstats.Stats(profiler, stream=sys.stderr).sort_stats(sort).print_stats(profile)
    app.state.shared.close()
    loop.close()
    return out


def _baseline(ref: str, tmp: Path, db: Path | str, n: int) -> dict[str, float]:
    """This script's measurement of revision ``ref``'s code, in a subprocess."""
    src = tmp / f"src-{ref.replace('/', '_')}"
    if not src.exists():
        archive = subprocess.run(["git", "archive", ref, "src"], check=True, capture_output=True,
                                 cwd=Path(__file__).resolve().parents[1]).stdout
        src.mkdir()
        archive_path = tmp / "src.tar"
        archive_path.write_bytes(archive)
        with tarfile.open(archive_path) as tar:
            tar.extractall(src, filter="data")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src / "src"), str(Path(__file__).resolve().parent)])}
    done = subprocess.run([sys.executable, __file__, "--worker", str(db), "--requests", str(n)], env=env,
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--baseline", default="main", help="git revision measured beside this code ('' for none)")
    ap.add_argument("--rounds", type=int, default=3, help="alternations of this code and the baseline")
    ap.add_argument("--profile", type=int, default=0, help="print the top N functions of the route runs")
    ap.add_argument("--sort", default="tottime", help="cProfile sort key")
    ap.add_argument("--pg-url", default="", help="measure a copy of the workspace in this PostgreSQL database")
    ap.add_argument("--worker", help=argparse.SUPPRESS)  # one measurement over this workspace, as JSON
    args = ap.parse_args()
    n = args.requests
    if args.worker:
        print(json.dumps(measure(args.worker if "://" in args.worker else Path(args.worker), n)))
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "ws.db"
        sdn = bench_list(tmp)
        with Workspace(db, create=True) as ws:
            ws.load_lists([sdn])
        where: Path | str = db
        if args.pg_url:
            subprocess.run([str(Path(sys.executable).parent / "mistrust"), "db", "copy", str(db), args.pg_url,
                            "--replace"], check=True, stdout=subprocess.DEVNULL)
            where = args.pg_url
        mine: list[dict[str, float]] = []
        base: list[dict[str, float]] = []
        for _ in range(args.rounds):
            mine.append(measure(where, n))
            if args.baseline:
                base.append(_baseline(args.baseline, tmp, where, n))
        if args.profile:
            measure(where, n, args.profile, args.sort)
    print(f"{n} requests a stage, {'OFAC SDN 2021' if _shared_sdn() else 'generated list'},"
          f" {'PostgreSQL' if args.pg_url else 'SQLite'}; CPU ms per request"
          f" (process time, all threads), best of {args.rounds}; load average {os.getloadavg()[0]:.1f}")
    columns = [("this code", mine)] + ([(args.baseline, base)] if base else [])
    print(f"  {'stage':<22}" + "".join(f"{label:>12}" for label, _ in columns))
    best = [{s: min(r[s] for r in runs) for s in STAGES} for _, runs in columns]
    for stage in STAGES:
        print(f"  {stage:<22}" + "".join(f"{b[stage]:12.3f}" for b in best))
    print(f"  {'API overhead':<22}" + "".join(f"{b['screen route'] - b['+ audit']:12.3f}" for b in best)
          + "  (screen route - + audit)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

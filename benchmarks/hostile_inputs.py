"""Hostile-input costs (issue 19): long names, and many CLI processes after a list change.

1. A list entry with a 100,000-character name, then 500-character queries: time per query with
   the name-length cap (``max_name_length``, default 500: the list name is cut at load) against
   the same workspace loaded with the cap lifted (the baseline, as before the cap). Target: a
   500-character query must not take seconds (< 1 s, worst of the queries).
2. N ``mistrust screen`` processes started together right after a list change (UN 2026 + OFAC
   2024 SDN): wall time and index builds when they share ``<db>.index/`` (one builds under the
   lock, the others wait and read it) against N processes on N copies of the workspace, which
   cannot share (the baseline: each builds its own, as every process did before). Target: one
   build whatever N.

Run: ``.venv/bin/python benchmarks/hostile_inputs.py [--processes N]`` (MISTRUST_TEST_DATA for part 2).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
DATA = Path(os.environ.get("MISTRUST_TEST_DATA", REPO.parent / "shared" / "data"))

from mistrust import Workspace  # noqa: E402


def _words(n: int, rnd: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rnd.choice(letters) for _ in range(rnd.randint(3, 9))) for _ in range(n)]


def _un_file(path: Path, names: list[str]) -> Path:
    body = "".join(f"<ENTITY><DATAID>{i}</DATAID><FIRST_NAME>{n}</FIRST_NAME><REFERENCE_NUMBER>B.{i}"
                   f"</REFERENCE_NUMBER></ENTITY>" for i, n in enumerate(names))
    path.write_text(f'<CONSOLIDATED_LIST dateGenerated="2025-01-01T00:00:00Z"><INDIVIDUALS/><ENTITIES>{body}'
                    "</ENTITIES></CONSOLIDATED_LIST>", encoding="utf-8")
    return path


def long_names(folder: Path, queries: int = 5) -> None:
    rnd = random.Random(19)
    huge = " ".join(_words(20_000, rnd))[:100_000]
    listing = _un_file(folder / "un.xml", ["Alpha Beta Trading", "Gamma Delta Shipping", huge])
    asks = [" ".join(_words(120, rnd))[:500] for _ in range(queries)]
    print(f"1. {queries} queries of 500 characters; the list holds one 100,000-character name")
    print(f"   {'workspace':38} {'per query (mean)':>18} {'worst':>10}")
    for label, cap in (("capped at 500 (default)", 500), ("cap lifted (baseline)", 10**6)):
        with Workspace(folder / f"w{cap}.db", max_name_length=cap, create=True) as ws:
            ws.load_lists([listing])
            ws.screen_index()
            times = []
            for q in asks:
                t0 = time.perf_counter()
                ws.screen(q, record=False)
                times.append(time.perf_counter() - t0)
        print(f"   {label:38} {sum(times) / len(times) * 1000:15.1f} ms {max(times) * 1000:7.1f} ms")


CHILD = """
import sys, time
import mistrust.screen.index as index_module
from mistrust import Workspace
build = index_module.ScreenIndex.build
def counted(*a, **k):
    print("BUILD", flush=True)
    return build(*a, **k)
index_module.ScreenIndex.build = counted
with Workspace(sys.argv[1], create=True) as ws:
    ws.screen("Islamic Revolutionary Guard Corps", record=False)
"""


def shared_index(folder: Path, processes: int) -> None:
    files = [DATA / "sanctions" / "un_consolidated_2026-02-27.xml", DATA / "sanctions" / "ofac_sdn_2024-05-03.csv"]
    if not all(f.exists() for f in files):
        print(f"2. skipped: shared data not found under {DATA}")
        return
    db = folder / "lists.db"
    with Workspace(db, create=True) as ws:
        ws.load_lists(files)
    copies = []
    for i in range(processes):
        copy = folder / f"copy{i}.db"
        shutil.copy(db, copy)
        copies.append(copy)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    print(f"\n2. {processes} screening processes started together after a list change (UN 2026 + OFAC 2024)")
    print(f"   {'setup':38} {'wall':>8} {'index builds':>14}")
    for label, dbs in (("one workspace, shared index", [db] * processes),
                       ("a copy each, no sharing (baseline)", copies)):
        t0 = time.perf_counter()
        children = [subprocess.Popen([sys.executable, "-c", CHILD, str(d)], env=env, stdout=subprocess.PIPE,
                                     text=True) for d in dbs]
        builds = sum(c.communicate()[0].count("BUILD") for c in children)
        print(f"   {label:38} {time.perf_counter() - t0:6.1f} s {builds:14d}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--processes", type=int, default=4)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        long_names(Path(tmp))
        shared_index(Path(tmp), args.processes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Scale-out on one machine: ``--workers 2`` against ``--workers 1``, on Ray local mode and the process pool.

Prints, in one run:

1. the big batch: N generated names (default 1,000,000; the seeded generator of ``batch_stream.py``)
   screened with ``--workers 2`` on Ray against the OFAC SDN 2021 triple: wall time and the peak
   resident memory of each worker process and of the parent (the one writer). Targets: < 10 min,
   < 2 GB per worker;
2. throughput with 2 workers over 1 worker for batch screening (``--ratio-names``, default 50,000)
   and for analyze (``--articles``, default 1,000 dev articles, cycled with a marker line when there
   are fewer, so each is a new document), on the process pool and on Ray local mode, 1 and 2
   workers interleaved, best of ``--rounds``; the single-process path (``--workers 1``, no pool) is
   printed beside them as the baseline. Target: >= 1.7x each.

Times include starting the workers and loading the index or spaCy in each (a user pays that too);
Ray itself is started once (``num_cpus=2``) and reused, so its start-up is not in the figures. Ray's
actors exit after their pipeline has ended (1 - 3 s later, about 0.4 s of CPU each): each run starts
once the previous run's actors are gone, so the 2-worker run does not pay the 1-worker run's exit.
On a shared machine the ratios are depressed by the neighbours' load: the load average is printed
beside them. Run: ``.venv/bin/python benchmarks/scale.py [--names 100000] [--articles 200]
[--runners ray]`` (``--runners`` runs the ratios on one runner only).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core per worker: the workers are the parallelism

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from batch_stream import SDN, _names  # noqa: E402

TARGET_SECONDS = 600
TARGET_WORKER_GB = 2.0
TARGET_RATIO = 1.7
ARTICLES = SDN.parent.parent.parent / "news" / "dev_articles.jsonl"


class PeakMemory:
    """Peak RSS of this process and of each worker process under it, sampled twice a second."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peaks: dict[int, tuple[str, int]] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        import psutil

        while not self.stop.wait(0.5):
            for proc in [self.me, *self.me.children(recursive=True)]:
                try:
                    name = " ".join(proc.cmdline())[:80]
                    rss = proc.memory_info().rss
                except psutil.Error:
                    continue
                if rss > self.peaks.get(proc.pid, ("", 0))[1]:
                    self.peaks[proc.pid] = (name, rss)

    def __enter__(self) -> PeakMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def workers(self) -> list[int]:
        """Peaks of the worker processes: Ray's actors (``ray::_RayActor``) or the pool's spawned ones."""
        return sorted((rss for pid, (name, rss) in self.peaks.items() if pid != self.me.pid
                       and ("_RayActor" in name or "multiprocessing" in name)), reverse=True)

    def parent(self) -> int:
        return self.peaks.get(self.me.pid, ("", 0))[1]


class CpuMeter(PeakMemory):
    """CPU seconds of one run: this process (the reader and writer) and every process under it
    (the workers; Ray's daemons too), sampled twice a second, so a process that ends between two
    samples loses up to half a second. Less sensitive to the neighbours' load than wall time."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: dict[int, tuple[str, float]] = {}

    def _poll(self) -> None:
        import psutil

        while not self.stop.wait(0.5):
            for proc in self.me.children(recursive=True):
                try:
                    name = " ".join(proc.cmdline())[:80]
                    times = proc.cpu_times()
                except psutil.Error:
                    continue
                self.cpu[proc.pid] = (name, times.user + times.system)

    def __enter__(self) -> CpuMeter:
        import psutil

        self.started = time.process_time()
        # processes that outlive a run (the pool's fork server, Ray's idle workers) count only
        # for the CPU they spend during it
        self.before: dict[int, float] = {}
        for proc in self.me.children(recursive=True):
            try:
                times = proc.cpu_times()
            except psutil.Error:
                continue
            self.before[proc.pid] = times.user + times.system
        super().__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        super().__exit__(*exc)
        self.parent_cpu = time.process_time() - self.started
        # every process under this one: the workers, the pool's fork server, and Ray's own daemons
        # (the raylet, the object store), which a Ray run pays for too
        self.workers_cpu = sum(cpu - self.before.get(pid, 0.0) for pid, (_name, cpu) in self.cpu.items())


def quiet_estimate(one: CpuMeter, two: CpuMeter) -> float:
    """2 workers over 1 on an idle 2-core machine, from CPU seconds: one worker runs beside the parent
    (the slower of the two sets the pace); two workers and the parent share the two cores."""
    first = max(one.workers_cpu, one.parent_cpu)
    second = max((two.workers_cpu + two.parent_cpu) / 2, two.workers_cpu / 2, two.parent_cpu)
    return first / second if second else 0.0


def write_names(path: Path, rows: int) -> None:
    with path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "schema"])
        writer.writerows(_names(rows))


def write_articles(path: Path, n: int) -> None:
    """``n`` dev articles; past the 400 there are, each again with a marker line (a new document)."""
    records = [json.loads(line) for line in ARTICLES.open(encoding="utf-8") if line.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = dict(records[i % len(records)])
            copy = i // len(records)
            if copy:
                record["id"] = f"{record['id']}-copy{copy}"
                record["text"] = f"{record['text']}\n\n(Republished, copy {copy}.)"
            fh.write(json.dumps(record) + "\n")


def settle(timeout: float = 30.0) -> None:
    """Wait until no Ray actor of an earlier run is left (they exit after their pipeline ends)."""
    import psutil

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = []
        for proc in psutil.Process().children(recursive=True):
            try:
                left += ["_RayActor" in " ".join(proc.cmdline())]
            except psutil.Error:
                continue
        if not any(left):
            return
        time.sleep(0.1)


def timed(run: Callable[[], Any]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def big_batch(ws: Any, tmp: Path, names: int) -> None:
    src, out = tmp / "million.csv", tmp / "million.jsonl"
    write_names(src, names)
    with PeakMemory() as memory:
        seconds = timed(lambda: ws.screen_file(src, out, resume=False, workers=2, backend="ray"))
    rows = sum(1 for _ in out.open())
    workers = memory.workers()
    print(f"\n1. {names:,} generated names, --workers 2 on Ray local mode, OFAC SDN 2021 (load {load()})")
    print(f"{'figure':<34}{'measured':>16}{'target':>12}")
    print(f"{'wall time':<34}{seconds:>15.0f}s{f'< {TARGET_SECONDS}s':>12}")
    print(f"{'rows/s':<34}{names / seconds:>16,.0f}")
    for n, rss in enumerate(workers[:2], start=1):
        print(f"{f'peak RSS, worker {n}':<34}{rss / 2**30:>14.2f}GB{f'< {TARGET_WORKER_GB} GB':>12}")
    print(f"{'peak RSS, parent (the writer)':<34}{memory.parent() / 2**30:>14.2f}GB")
    print(f"{'output lines (one per row)':<34}{rows:>16,}")
    if rows != names:
        raise SystemExit(f"expected {names} output lines, got {rows}")


def ratios(ws: Any, tmp: Path, ratio_names: int, articles: int, rounds: int,
           runners: tuple[str, ...] = ("pool", "ray")) -> None:
    src = tmp / "ratio.csv"
    write_names(src, ratio_names)
    jobs: dict[str, Callable[[int, str], Any]] = {
        # the rows it remembers for re-screening are part of a run: written before the clock stops
        "batch screening": lambda w, b: (ws.screen_file(src, tmp / f"out-{b}-{w}.jsonl", resume=False,
                                                       workers=w, backend=b), ws.settle_writes()),
        "analyze": lambda w, b: ws.analyze(force=True, workers=w, backend=b),
    }
    sizes = {"batch screening": (ratio_names, "names"), "analyze": (articles, "articles")}
    jobs = {job: run for job, run in jobs.items() if sizes[job][0]}  # a size of 0 skips that job
    if not jobs:
        return
    print(f"\n2. throughput, 2 workers over 1, best of {rounds} (1 and 2 interleaved in each round)")
    print(f"{'job':<17}{'runner':<15}{'baseline/s':>11}{'1 worker/s':>11}{'2 workers/s':>12}{'2 over 1':>9}"
          f"{'target':>8}  load average")
    cpu_lines: list[str] = []
    for job, run in jobs.items():
        size, unit = sizes[job]
        baseline = timed(lambda r=run: r(1, "auto"))  # type: ignore[misc]  # today's path, in this process
        for backend, label in (("pool", "process pool"), ("ray", "Ray local")):
            if backend not in runners:
                continue
            one: list[tuple[float, CpuMeter]] = []
            two: list[tuple[float, CpuMeter]] = []
            for _ in range(rounds):
                for workers, runs in ((1, one), (2, two)):
                    settle()
                    with CpuMeter() as meter:
                        seconds = timed(lambda r=run, b=backend, w=workers: r(w, b))  # type: ignore[misc]
                    runs.append((seconds, meter))
            (best_one, cpu_one), (best_two, cpu_two) = min(one, key=lambda x: x[0]), min(two, key=lambda x: x[0])
            ratio = best_one / best_two
            print(f"{job:<17}{label:<15}{size / baseline:>11.1f}{size / best_one:>11.1f}{size / best_two:>12.1f}"
                  f"{ratio:>8.2f}x{f'>= {TARGET_RATIO}x':>8}  {load()}", flush=True)
            cpu_lines.append(f"{job:<17}{label:<15}{cpu_one.parent_cpu:>10.1f}{cpu_one.workers_cpu:>9.1f}"
                             f"{cpu_two.parent_cpu:>11.1f}{cpu_two.workers_cpu:>9.1f}"
                             f"{quiet_estimate(cpu_one, cpu_two):>10.2f}x"
                             f"{cpu_one.parent_cpu / size * 1e6:>9.0f}{cpu_two.parent_cpu / size * 1e6:>7.0f}")
        print(f"{'':<17}({size:,} {unit})")
    print("\nCPU seconds of the best runs above: the parent (reads, writes every result) and the processes"
          " under it (workers, Ray's daemons);"
          "\nthe 2-over-1 ratio these predict on an idle 2-core machine (less sensitive to the load)")
    print("(and the parent's CPU per name or article, in us, 1 then 2 workers: what the workers' cores give up to it)")
    print(f"{'job':<17}{'runner':<15}{'1: parent':>10}{'workers':>9}{'2: parent':>11}{'workers':>9}{'estimate':>11}"
          f"{'us/1':>9}{'us/2':>7}")
    for line in cpu_lines:
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", type=int, default=1_000_000, help="rows of the big batch (0: skip it)")
    parser.add_argument("--ratio-names", type=int, default=50_000, help="rows of each screening ratio run (0: skip)")
    parser.add_argument("--articles", type=int, default=1000, help="articles of each analyze ratio run (0: skip)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of the 1-vs-2-worker runs")
    parser.add_argument("--runners", default="pool,ray", help="runners of the ratio runs, comma-separated")
    args = parser.parse_args()
    if not SDN.exists() or not ARTICLES.exists():
        print(f"shared data not found: {SDN}, {ARTICLES} (set MISTRUST_TEST_DATA)")
        return 2
    import ray

    from mistrust import Workspace
    from mistrust.workspace.parallel import start_ray

    start_ray(2)
    print(f"scale-out on {os.cpu_count()} cores; load average before: {load()}")
    with tempfile.TemporaryDirectory() as raw, Workspace(Path(raw) / "w.db", create=True) as ws:
        tmp = Path(raw)
        ws.load_lists([SDN])
        ws.screen_index()
        write_articles(tmp / "articles.jsonl", args.articles)
        ws.ingest([tmp / "articles.jsonl"])
        if args.articles and len(ws.document_ids()) != args.articles:
            raise SystemExit(f"expected {args.articles} documents, got {len(ws.document_ids())}")
        if args.names:
            big_batch(ws, tmp, args.names)
        ratios(ws, tmp, args.ratio_names, args.articles, args.rounds, tuple(args.runners.split(",")))
    ray.shutdown()
    print(f"\nload average after: {load()} (2 cores shared: re-measure the ratios on a quiet machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

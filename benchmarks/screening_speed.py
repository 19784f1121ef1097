"""Screening speed: batch names/s on one core with explanations, single-query latency, memory.

    .venv/bin/python benchmarks/screening_speed.py [--queries 3000]

Lists: UN 2026 + OFAC SDN 2021 (see ``screening_data.py``). Queries: the leave-one-alias-out
queries of the quality benchmark (aliases of IR/KP UN entries and OFAC alt.csv), screened as
given (the alias stays in the index: this measures speed, not quality).

Baseline, same run: nomenklatura ``logic-v2`` scoring the same 50 candidate entries per query
that mistrust's index retrieved (scoring only: its retrieval time is not counted, which favours it).
Targets: >= 2,000 names/s, >= 30x logic-v2 (issue 20), p99 single-query latency <= 5 ms.

The header says which build of the screen ran: compiled by mypyc (``scripts/compile_screen.py``)
or pure Python (``MISTRUST_SCREEN_PURE=1`` runs the sources where the build is there).

The machine is shared: wall-clock rates count the time other processes hold the core. Each
figure is also given in CPU time of this process (``time.process_time``), which they do not
inflate: names/s by CPU time, CPU ms per name, p99 of the CPU time per query, and the speed-up
over logic-v2 by CPU time.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mistrust.gc_pause import keep_loaded  # noqa: E402
from mistrust.model import NameQuery  # noqa: E402
from mistrust.screen import ScreenIndex, normalize_name  # noqa: E402
from mistrust.screen.algorithm import ALGORITHM  # noqa: E402
from screening_data import build_queries, build_state, load_lists  # noqa: E402
from screening_quality import FTM_SCHEMA, ftm_entity  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=3000)
    # 1,000, not 150: mistrust's 150 searches take about 50 ms, and its rate on them (the ratio's
    # numerator) scattered 2,200 - 3,300 names/s between quiet runs, the ratio 20x - 36x with it.
    parser.add_argument("--baseline-queries", type=int, default=1000, help="Queries scored by logic-v2.")
    parser.add_argument("--repeat", type=int, default=3, help="Timed batch runs (best, median and worst shown).")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    machine = _machine_speed()
    lists = load_lists()
    gc.collect()
    rss_before = _rss_mb()
    t = time.perf_counter()
    index = ScreenIndex.build(lists)
    build_s = time.perf_counter() - t
    gc.collect()
    index_mb = _rss_mb() - rss_before
    t = time.perf_counter()
    blob = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    dump_s = time.perf_counter() - t
    t = time.perf_counter()
    loaded = pickle.loads(blob)
    load_s = time.perf_counter() - t
    # The first search of an index read back from its pickle lays out the per-name rows
    # ``quick_scores`` reads (derived, not pickled; a fresh build lays them out itself): a
    # one-off cost of loading the cache, timed on its own rather than charged to the batch.
    t = time.perf_counter()
    loaded.search(NameQuery("warm up"), threshold=0.7, limit=10)
    warm_s = time.perf_counter() - t
    del loaded
    queries = [NameQuery(q.name, schema=q.entity.schema) for q in build_queries(lists, index, 0)]
    queries = (queries * (1 + args.queries // max(len(queries), 1)))[: args.queries]
    normalize_name.cache_clear()
    index.search(NameQuery("warm up"), threshold=0.7, limit=10)
    # As the Workspace keeps it (``keep_loaded``): frozen, so full collections do not walk the
    # index. Without it those walks (0.2 - 0.4 s each) land in whichever timing runs when they
    # fall due, logic-v2's included: the baseline measured 90 - 118 names/s from run to run.
    keep_loaded()

    # Batch throughput with explanations (every returned hit carries its features and reasons).
    # Repeated as ``timeit`` does, each run with a cold normaliser cache: the best run is the
    # code's speed, the spread the machine's (it shares its cores).
    runs, cpu_runs = [], []
    for _ in range(args.repeat):
        normalize_name.cache_clear()
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        n_hits = 0
        for q in queries:
            n_hits += len(index.search(q, threshold=0.7, limit=10))
        cpu_runs.append(len(queries) / (time.process_time() - c))
        runs.append(len(queries) / (time.perf_counter() - t))
    per_s, per_s_median, per_s_worst = max(runs), statistics.median(runs), min(runs)
    cpu_per_s = max(cpu_runs)

    # Single-query latency, cold normaliser cache each time (no repeated names).
    normalize_name.cache_clear()
    lat, cpu_lat = [], []
    for q in queries[:1000]:
        normalize_name.cache_clear()
        t, c = time.perf_counter(), time.process_time()
        index.search(q, threshold=0.7, limit=10)
        cpu_lat.append((time.process_time() - c) * 1000)
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    cpu_lat.sort()
    p50, p99 = statistics.median(lat), lat[int(len(lat) * 0.99) - 1]
    cpu_p50, cpu_p99 = statistics.median(cpu_lat), cpu_lat[int(len(cpu_lat) * 0.99) - 1]

    # Baseline: logic-v2 on the same 50 candidates per query.
    logic_per_s = None
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2, ScoringConfig

        cfg = ScoringConfig.defaults()
        subset = queries[: args.baseline_queries]
        # mistrust is timed on these queries before logic-v2's candidates are made: the 50,000
        # entities kept for it are live objects that the collector walks at every full collection,
        # and timed after them mistrust paid those walks (about half its time in a run whose
        # process had imported less before freezing the index). Each side is timed with only its
        # own objects alive, as each would run in a process of its own.
        gc.collect()
        c = time.process_time()
        mistrust_same = len(subset) / sum(_time(index, q) for q in subset)
        mistrust_cpu_same = len(subset) / (time.process_time() - c)
        prepared = []
        for number, q in enumerate(subset):
            seen: list[int] = []
            for pos in index.candidates(normalize_name(q.name), 50):
                e = index.names[pos].entity
                if e not in seen:
                    seen.append(e)
            query_proxy = model.make_entity(FTM_SCHEMA.get(q.schema, "LegalEntity"))
            query_proxy.id = f"query-{number}"  # unique: logic-v2 caches name analysis by entity id
            query_proxy.add("name", q.name)
            prepared.append((query_proxy, [ftm_entity(model, index.entities[e].entity, None) for e in seen]))
        LogicV2.compare(prepared[0][0], prepared[0][1][0], cfg)  # warm up its caches
        t, c = time.perf_counter(), time.process_time()
        for query_proxy, cands in prepared:
            for cand in cands:
                LogicV2.compare(query_proxy, cand, cfg)
        logic_per_s = len(prepared) / (time.perf_counter() - t)
        logic_cpu_per_s = len(prepared) / (time.process_time() - c)
    except ImportError:
        print("nomenklatura not installed: no logic-v2 baseline (.venv/bin/pip install nomenklatura)")

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"screen build: {build_state()}")
    print(f"machine: a 10M-step Python loop took {machine:.2f}s (about 0.4-0.6s on an idle core: "
          f"absolute rates below scale with it; ratios measured in the same run do not)")
    print(f"index: {len(index.entities)} entries, {len(index.names)} names; built in {build_s:.2f}s, "
          f"RSS +{index_mb:.0f} MB, pickle {len(blob) / 1e6:.0f} MB (dump {dump_s:.2f}s, load {load_s:.2f}s "
          f"= the disk cache a CLI call uses instead of rebuilding); first search after loading {warm_s:.2f}s "
          f"(lays out the rows quick scoring reads); process peak RSS {peak_mb:.0f} MB")
    print()
    print(f"{'measure':<44} {'value':>12}  target")
    print(f"{f'batch names/s, 1 core, reasons (best of {len(runs)})':<44} {per_s:>12,.0f}  >= 2,000")
    print(f"{'  median / worst run':<44} {f'{per_s_median:,.0f} / {per_s_worst:,.0f}':>12}")
    print(f"{'batch names/s by CPU time (best run)':<44} {cpu_per_s:>12,.0f}  >= 2,000")
    print(f"{'CPU ms per name (best run)':<44} {1000 / cpu_per_s:>12.3f}")
    print(f"{'hits returned per name (avg)':<44} {n_hits / len(queries):>12.2f}")
    print(f"{'single-query latency p50 (ms)':<44} {p50:>12.2f}")
    print(f"{'single-query latency p99 (ms)':<44} {p99:>12.2f}  <= 5")
    print(f"{'single-query CPU time p50 / p99 (ms)':<44} {f'{cpu_p50:.2f} / {cpu_p99:.2f}':>12}  p99 <= 5")
    if logic_per_s is not None:
        print(f"{'logic-v2 names/s (scoring 50 candidates)':<44} {logic_per_s:>12,.1f}")
        print(f"{ALGORITHM + ' names/s on the same queries':<44} {mistrust_same:>12,.0f}")
        print(f"{'speed-up vs logic-v2':<44} {mistrust_same / logic_per_s:>11,.0f}x  >= 30x")
        print(f"{'speed-up vs logic-v2 by CPU time':<44} {mistrust_cpu_same / logic_cpu_per_s:>11,.0f}x  >= 30x")


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _machine_speed() -> float:
    t = time.perf_counter()
    x = 0
    for i in range(10_000_000):
        x += i
    return time.perf_counter() - t


def _time(index: ScreenIndex, q: NameQuery) -> float:
    t = time.perf_counter()
    index.search(q, threshold=0.7, limit=10)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()

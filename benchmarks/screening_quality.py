"""Leave-one-alias-out screening quality: mistrust (current algorithm) vs nomenklatura logic-v2, same run.

    .venv/bin/python benchmarks/screening_quality.py [--ofac-sample 2000] [--threshold 0.7] [--half a|b]

See ``screening_data.py`` for the lists, the queries and how a query is classed as a spelling
variant or a different name. For every query:

* top-1: the best hit is the right entry (or the same party on the other list, or an entry that
  carries the query string itself as a name);
* recall: the right entry (or the same party on the other list) scores at or above the threshold;
* false hit: a different party scores at or above the threshold; an entry that carries the query
  string itself as one of its names is not a different party to a name screener (see
  ``screening_data.py``). Up to 50 hits per query are looked at, so that such twins do not
  crowd the right entry out of a short list.

logic-v2 (nomenklatura, bench-only dependency) scores the same candidate entries mistrust's
index retrieved for the query (up to ``RETRIEVE``), as FollowTheMoney entities with all their names
except the left-out alias, with the query given the right entry's schema, like mistrust.
Targets: variants recall >= 0.95 with false hits <= 0.05; different names top-1 >= 0.5.

Against overfitting, the queries are split in two halves by a hash of their entry's id
(``screening_data.query_half``): rules and weights are tuned on half a only and confirmed on
half b. Every run prints both halves; ``--half a`` runs only that half (quicker while tuning).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mistrust.model import ListEntity, NameQuery  # noqa: E402
from mistrust.screen import ScreenIndex, normalize_name  # noqa: E402
from mistrust.screen.algorithm import ALGORITHM  # noqa: E402
from mistrust.screen.index import RETRIEVE  # noqa: E402
from screening_data import (  # noqa: E402
    build_queries,
    letters,
    load_lists,
    name_twins,
    query_half,
    same_party_groups,
    simple,
)

FTM_SCHEMA = {"Person": "Person", "Organization": "Organization", "Vessel": "Vessel", "Aircraft": "Airplane",
              "LegalEntity": "LegalEntity"}


def ftm_entity(model, entity: ListEntity, leave_out: str | None, tag: str = ""):  # type: ignore[no-untyped-def]
    # logic-v2 caches its name analysis by entity id: an entity with a left-out alias needs an
    # id of its own (``tag``), or it would be scored with the cached names of another query.
    proxy = model.make_entity(FTM_SCHEMA.get(entity.schema, "LegalEntity"))
    proxy.id = entity.id.replace(":", "-") + tag
    proxy.add("name", entity.name if entity.name != leave_out else None)
    for a in entity.aliases:
        if a.name != leave_out:
            proxy.add("alias" if a.quality == "strong" else "weakAlias", a.name)
    if not proxy.get("name"):
        names = proxy.get("alias")
        if names:
            proxy.add("name", names[0])
    return proxy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ofac-sample", type=int, default=2000, help="OFAC alt.csv queries sampled (0 = all).")
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--no-logic-v2", action="store_true", help="Skip the nomenklatura baseline.")
    parser.add_argument("--show-misses", type=int, default=0, help="Print this many failed variant queries.")
    parser.add_argument("--show-false", type=int, default=0, help="Print this many variant queries with a false hit.")
    parser.add_argument("--half", choices=("a", "b"), help="Only the queries of this half (a: tuning, b: held out).")
    args = parser.parse_args()

    t0 = time.perf_counter()
    lists = load_lists()
    index = ScreenIndex.build(lists)
    groups = same_party_groups(lists)
    twins = name_twins(lists)
    queries = build_queries(lists, index, args.ofac_sample)
    if args.half:
        queries = [q for q in queries if query_half(q.entity.id) == args.half]
    print(f"lists loaded and indexed in {time.perf_counter() - t0:.1f}s: {len(index.entities)} entries, "
          f"{len(index.names)} names; {len(queries)} queries")

    stats: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # n, top1, recall, false
    misses: list[str] = []
    falses: list[str] = []
    logic = None
    if not args.no_logic_v2:
        try:
            from followthemoney import model
            from nomenklatura.matching import LogicV2, ScoringConfig

            logic = (model, LogicV2, ScoringConfig.defaults())
        except ImportError:
            print("nomenklatura not installed: .venv/bin/pip install nomenklatura (bench extra)")
    t_ours = t_logic = 0.0
    by_id = {ie.entity.id: ie.entity for ie in index.entities}
    for number, q in enumerate(queries):
        right = groups[q.entity.id]
        nq = NameQuery(name=q.name, schema=q.entity.schema)
        t = time.perf_counter()
        hits = index.search(nq, threshold=args.threshold, limit=50, min_score=0.0, exclude=q.exclude)
        t_ours += time.perf_counter() - t
        scored = [(h.score, h.entity_id) for h in hits]
        twin_ids = twins.get(simple(q.name), set()) | twins.get(letters(q.name), set())
        ok = {right} | {groups[e] for e in twin_ids if e != q.entity.id}
        half = "half-" + query_half(q.entity.id)
        for source in (q.source, half):
            record(stats, (ALGORITHM, source, q.kind), scored, right, ok, groups, args.threshold)
        if q.kind == "variant" and len(misses) < args.show_misses and not any(
                s >= args.threshold and groups[e] == right for s, e in scored):
            best = hits[0] if hits else None
            misses.append(f"  {q.name!r} ({q.entity.id} {q.entity.name!r}) -> "
                          + (f"{best.score:.2f} {best.entity_id} {best.matched_name!r}" if best else "nothing"))
        wrong = [h for h in hits if h.score >= args.threshold and groups[h.entity_id] not in ok]
        if q.kind == "variant" and wrong and len(falses) < args.show_false:
            falses.append(f"  {q.name!r} ({q.entity.id} {q.entity.name!r}) -> {wrong[0].score:.2f} "
                          f"{wrong[0].entity_id} {wrong[0].matched_name!r}")
        if logic is not None:
            model, algo, cfg = logic
            cand_entities: list[str] = []
            for pos in index.candidates(normalize_name(q.name), RETRIEVE):
                if pos in q.exclude:
                    continue
                eid = index.entities[index.names[pos].entity].entity.id
                if eid not in cand_entities:
                    cand_entities.append(eid)
            query_proxy = model.make_entity(FTM_SCHEMA.get(q.entity.schema, "LegalEntity"))
            query_proxy.id = f"query-{number}"  # unique: logic-v2 caches by entity id
            query_proxy.add("name", q.name)
            t = time.perf_counter()
            lscored = []
            for eid in cand_entities:
                ent = by_id[eid]
                left_out = eid == q.entity.id
                proxy = ftm_entity(model, ent, q.name if left_out else None, f"-lo{number}" if left_out else "")
                if not proxy.get("name"):
                    continue
                lscored.append((algo.compare(query_proxy, proxy, cfg).score, eid))
            t_logic += time.perf_counter() - t
            lscored.sort(reverse=True)
            for source in (q.source, half):
                record(stats, ("logic-v2", source, q.kind), lscored, right, ok, groups, args.threshold)

    print()
    print(f"{'algorithm':<12} {'list':<6} {'queries':<10} {'n':>6} {'top-1':>7} {'recall':>7} {'false':>7}  target")
    for algo_name in (ALGORITHM, "logic-v2"):
        for source in ("un", "ofac", "half-a", "half-b", "all"):
            for kind in ("variant", "different"):
                if source == "all":
                    rows = [v for k, v in stats.items() if k[0] == algo_name and k[1] in ("un", "ofac") and k[2] == kind]
                    if not rows:
                        continue
                    n, top1, rec, false = (sum(r[i] for r in rows) for i in range(4))
                else:
                    if (algo_name, source, kind) not in stats:
                        continue
                    n, top1, rec, false = stats[(algo_name, source, kind)]
                target = ("recall>=0.95, false<=0.05" if kind == "variant" else "top-1>=0.5") if source == "all" else ""
                print(f"{algo_name:<12} {source:<6} {kind:<10} {n:>6} {top1 / n:>7.3f} {rec / n:>7.3f} "
                      f"{false / n:>7.3f}  {target}")
    print()
    print(f"time scoring: {ALGORITHM} {t_ours:.1f}s (retrieval + scoring + reasons), "
          f"logic-v2 {t_logic:.1f}s (scoring the same candidates only)")
    if misses:
        print(f"variant queries missed by {ALGORITHM}:")
        print("\n".join(misses))
    if falses:
        print("variant queries with a false hit (another party at or above the threshold):")
        print("\n".join(falses))


def record(stats: dict[tuple[str, str, str], list[int]], key: tuple[str, str, str],
           scored: list[tuple[float, str]], right: str, ok: set[str], groups: dict[str, str],
           threshold: float) -> None:
    """``right``: the query's party; ``ok``: parties that are not wrong (right + name twins)."""
    row = stats[key]
    row[0] += 1
    if scored and groups[scored[0][1]] in ok:
        row[1] += 1
    if any(s >= threshold and groups[e] == right for s, e in scored):
        row[2] += 1
    if any(s >= threshold and groups[e] not in ok for s, e in scored):
        row[3] += 1


if __name__ == "__main__":
    main()

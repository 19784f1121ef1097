"""Four screening protocols measured where mistrust was not tuned, with logic-v2 in the same run.

    .venv/bin/python benchmarks/screening_protocols.py [--threshold T] [--no-logic-v2] [--sample N]

The fourth protocol, leave-one-alias-out, is ``screening_quality.py``. Every figure is given for
the train and the test split of ``screening_pairs.py`` (split by party): the weights were fitted on
train only, so test is the figure to quote, and a gap says the fit learnt examples.

1. **Pair classification**: the pairs of ``screening_pairs.py`` (positives: two spellings of one
   party's name, ``variant``; negatives: nearest other parties and common names). Precision,
   recall, F1 at the threshold, and the curve over thresholds; recall of the ``different`` pairs
   (translations, former names) on its own line.
2. **Common names**: ``COMMON`` generated names of many cultures (``common_names``, another seed
   than the pairs'), screened against all the lists: the share with any hit at the threshold is the
   false-match rate (none of them is a listed party).
3. **Primary name only**: an index of each UN entry's main name only; every alias of a UN entry is
   screened against it. Top-1 (the entry is the best hit), recall (it scores at the threshold)
   and false hits (another party does), for spelling variants and for different names.
4. **Common words**: ``COMMON_WORDS``, frequent English words, months and short given names in
   title case, screened with no schema: the ones with a hit at the threshold (none is a party).

logic-v2 (nomenklatura, bench extra) scores the same pairs, and in 2 and 3 the candidates
mistrust's index retrieved, at its own threshold ``LOGIC_THRESHOLD`` (0.7, as OpenSanctions
uses it) and on the same curve.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common_names import generate  # noqa: E402
from mistrust.model import ListEntity, LoadedList, NameQuery  # noqa: E402
from mistrust.screen import ScreenIndex, normalize_name  # noqa: E402
from mistrust.screen.algorithm import ALGORITHM, score_name  # noqa: E402
from mistrust.screen.features import NamePair  # noqa: E402
from mistrust.screen.index import RETRIEVE  # noqa: E402
from mistrust.screen.lexicon import Lexicon  # noqa: E402
from mistrust.screen.normalize import listed_form  # noqa: E402
from screening_data import same_party_groups  # noqa: E402
from screening_pairs import Pair, load_pairs, name_kind, pair_lists, split_of  # noqa: E402
from screening_quality import FTM_SCHEMA, ftm_entity  # noqa: E402

COMMON = 2000
COMMON_SEED = 2026
LOGIC_THRESHOLD = 0.7
CURVE = [0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]

Scorer = Callable[[str, ListEntity, str], float]  # (query, listed entity, schema) -> score


def logic_scorer() -> Callable[[str, str, ListEntity], float] | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2, ScoringConfig
    except ImportError:
        print("nomenklatura not installed: .venv/bin/pip install nomenklatura (bench extra)")
        return None
    config = ScoringConfig.defaults()
    counter = [0]

    def score(query: str, schema: str, entity: ListEntity) -> float:
        counter[0] += 1
        q = model.make_entity(FTM_SCHEMA.get(schema, "LegalEntity"))
        q.id = f"q{counter[0]}"  # logic-v2 caches its name analysis by entity id
        q.add("name", query)
        return float(LogicV2.compare(q, ftm_entity(model, entity, None, f"-{counter[0]}"), config).score)

    return score


def prf(scores: list[float], labels: list[int], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    pos = sum(labels)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / pos if pos else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pair_protocol(pairs: list[Pair], lex: Lexicon, logic: Callable[[str, str, ListEntity], float] | None,
                  threshold: float) -> None:
    print("\n## 1. Pair classification (variant and acronym positives vs hard and common negatives)")
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    labels: dict[str, list[int]] = defaultdict(list)
    different: dict[tuple[str, str], list[float]] = defaultdict(list)
    t_ours = t_logic = 0.0
    for p in pairs:
        t = time.perf_counter()
        ours = score_name(NamePair(normalize_name(p.a), listed_form(normalize_name(p.b), p.schema), lex)).value
        t_ours += time.perf_counter() - t
        theirs = None
        if logic is not None:
            t = time.perf_counter()
            theirs = logic(p.a, p.schema, ListEntity(id="b", source="b", schema=p.schema, name=p.b))  # type: ignore[arg-type]
            t_logic += time.perf_counter() - t
        if p.kind == "different":
            different[(ALGORITHM, p.split)].append(ours)
            if theirs is not None:
                different[("logic-v2", p.split)].append(theirs)
            continue
        scores[(ALGORITHM, p.split)].append(ours)
        labels[p.split].append(p.label)
        if theirs is not None:
            scores[("logic-v2", p.split)].append(theirs)
    print(f"{'algorithm':<13} {'split':<6} {'pairs':>6} {'thresh':>6} {'prec':>6} {'recall':>6} {'F1':>6}"
          f" {'different recall':>17}")
    for algo, t in ((ALGORITHM, threshold), ("logic-v2", LOGIC_THRESHOLD)):
        for split in ("train", "test"):
            if (algo, split) not in scores:
                continue
            p, r, f1 = prf(scores[(algo, split)], labels[split], t)
            dr = sum(s >= t for s in different[(algo, split)]) / max(1, len(different[(algo, split)]))
            print(f"{algo:<13} {split:<6} {len(labels[split]):>6} {t:>6.2f} {p:>6.3f} {r:>6.3f} {f1:>6.3f} {dr:>17.3f}")
    print("\ncurve: threshold -> precision / recall / F1")
    for algo in (ALGORITHM, "logic-v2"):
        for split in ("train", "test"):
            if (algo, split) not in scores:
                continue
            row = [f"{t:.2f}: " + "/".join(f"{v:.3f}" for v in prf(scores[(algo, split)], labels[split], t))
                   for t in CURVE]
            print(f"{algo:<13} {split:<5} " + "  ".join(row))
    print(f"time: {ALGORITHM} {t_ours:.1f}s, logic-v2 {t_logic:.1f}s")


def best_hits(index: ScreenIndex, query: str, schema: str, exclude: frozenset[int],
              logic: Callable[[str, str, ListEntity], float] | None) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """(mistrust's hits, logic-v2's scores of the same retrieved entries), best first."""
    hits = index.search(NameQuery(query, schema=schema), threshold=0.0, limit=50, min_score=0.0, exclude=exclude)
    ours = [(h.score, h.entity_id) for h in hits]
    theirs: list[tuple[float, str]] = []
    if logic is not None:
        seen: list[int] = []
        for pos in index.candidates(normalize_name(query), RETRIEVE):
            e = index.names[pos].entity
            if pos not in exclude and e not in seen:
                seen.append(e)
        theirs = sorted(((logic(query, schema, index.entities[e].entity), index.entities[e].entity.id) for e in seen),
                        reverse=True)
    return ours, theirs


def common_protocol(index: ScreenIndex, logic: Callable[[str, str, ListEntity], float] | None,
                    threshold: float) -> None:
    print(f"\n## 2. Common names: {COMMON} generated names screened against all the lists")
    best: dict[str, list[float]] = defaultdict(list)
    examples: list[str] = []
    for name, schema in generate(COMMON, COMMON_SEED):
        ours, theirs = best_hits(index, name, schema, frozenset(), logic)
        top = ours[0][0] if ours else 0.0
        best[ALGORITHM].append(top)
        if theirs:
            best["logic-v2"].append(theirs[0][0])
        if top >= threshold and len(examples) < 8:
            examples.append(f"  {name!r} -> {top:.2f} {ours[0][1]}")
    print(f"{'algorithm':<13} {'threshold':>9} {'false-match rate':>17}   curve (threshold: rate)")
    for algo, t in ((ALGORITHM, threshold), ("logic-v2", LOGIC_THRESHOLD)):
        if not best[algo]:
            continue
        rate = sum(s >= t for s in best[algo]) / len(best[algo])
        curve = "  ".join(f"{c:.2f}: {sum(s >= c for s in best[algo]) / len(best[algo]):.3f}" for c in CURVE)
        print(f"{algo:<13} {t:>9.2f} {rate:>17.3f}   {curve}")
    if examples:
        print("false matches of " + ALGORITHM + ":\n" + "\n".join(examples))


# The hundred most frequent English words (Fry's list, in order), the months, and short English
# given names, in title case as a sentence or a batch file writes them: none is a listed party,
# and none is initials (an acronym is written in capitals).
COMMON_WORDS = (
    "the of and a to in is you that it he was for on are as with his they I at be this have from or one had by word "
    "but not what all were we when your can said there use an each which she do how their if will up other about "
    "out many then them these so some her would make like him into time has look two more write go see number no "
    "way could people my than first water been call who oil its now find long down day did get come made may part "
    "January February March April May June July August September October November December "
    "Sam Abe Tom Ann Bob Dan Eve Max Ian Amy Ben Joe Kim Lee Ray Sue"
).split()


def title(word: str) -> str:
    return word[:1].upper() + word[1:]


def words_protocol(index: ScreenIndex, logic: Callable[[str, str, ListEntity], float] | None,
                   threshold: float) -> list[str]:
    """Common English words in title case screened with no schema (as the API, the linker and
    batch files often screen): the words that match at the threshold."""
    words = sorted({title(w) for w in COMMON_WORDS})
    print(f"\n## 4. Common words: {len(words)} English words in title case, no schema")
    matched: dict[str, list[str]] = defaultdict(list)
    for word in words:
        ours, theirs = best_hits(index, word, "Any", frozenset(), logic)
        for algo, scored, t in ((ALGORITHM, ours, threshold), ("logic-v2", theirs, LOGIC_THRESHOLD)):
            if scored and scored[0][0] >= t:
                matched[algo].append(f"{word} ({scored[0][0]:.2f} {scored[0][1]})")
    for algo in (ALGORITHM, "logic-v2"):
        if algo == "logic-v2" and logic is None:
            continue
        print(f"{algo:<13} {len(matched[algo]):>3} of {len(words)} match: " + ", ".join(matched[algo]))
    return matched[ALGORITHM]


def primary_protocol(lists: list[LoadedList], groups: dict[str, str],
                     logic: Callable[[str, str, ListEntity], float] | None, threshold: float, sample: int) -> None:
    un = next(ll for ll in lists if ll.entities and ll.entities[0].source == "un")
    bare = LoadedList(version=un.version, entities=[replace(e, aliases=[]) for e in un.entities])
    index = ScreenIndex.build([bare])
    queries = [(a.name, e) for e in un.entities for a in e.aliases
               if normalize_name(a.name).sorted_compact != normalize_name(e.name).sorted_compact]
    if sample and len(queries) > sample:
        queries = random.Random(5).sample(queries, sample)
    print(f"\n## 3. Primary name only: {len(index.entities)} UN entries by their main name; {len(queries)} aliases")
    stats: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for name, entity in queries:
        kind = name_kind(name, entity.name)
        split = split_of(groups[entity.id])
        ours, theirs = best_hits(index, name, entity.schema, frozenset(), logic)
        for algo, scored, t in ((ALGORITHM, ours, threshold), ("logic-v2", theirs, LOGIC_THRESHOLD)):
            if algo == "logic-v2" and logic is None:
                continue
            row = stats[(algo, split, kind)]
            row[0] += 1
            row[1] += bool(scored) and scored[0][1] == entity.id
            row[2] += any(s >= t and e == entity.id for s, e in scored)
            row[3] += any(s >= t and e != entity.id for s, e in scored)
    print(f"{'algorithm':<13} {'split':<6} {'aliases':<10} {'n':>5} {'top-1':>6} {'recall':>6} {'false':>6}")
    for (algo, split, kind), (n, top1, rec, false) in sorted(stats.items()):
        print(f"{algo:<13} {split:<6} {kind:<10} {n:>5} {top1 / n:>6.3f} {rec / n:>6.3f} {false / n:>6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--no-logic-v2", action="store_true", help="Skip the nomenklatura baseline.")
    parser.add_argument("--sample", type=int, default=0, help="Pairs and aliases sampled per protocol (0 = all).")
    parser.add_argument("--only", choices=("pairs", "common", "primary", "words"), help="Run one protocol only.")
    args = parser.parse_args()
    logic = None if args.no_logic_v2 else logic_scorer()
    t0 = time.perf_counter()
    lists = pair_lists()
    index = ScreenIndex.build(lists)
    pairs = load_pairs()
    if args.sample and len(pairs) > args.sample:
        pairs = random.Random(3).sample(pairs, args.sample)
    print(f"{ALGORITHM}, threshold {args.threshold}; lists indexed in {time.perf_counter() - t0:.1f}s "
          f"({len(index.names)} names); {len(pairs)} pairs")
    if args.only in (None, "pairs"):
        pair_protocol(pairs, index.lexicon, logic, args.threshold)
    if args.only in (None, "common"):
        common_protocol(index, logic, args.threshold)
    if args.only in (None, "words"):
        words_protocol(index, logic, args.threshold)
    if args.only in (None, "primary"):
        primary_protocol(lists, same_party_groups(lists), logic, args.threshold, args.sample)


if __name__ == "__main__":
    main()

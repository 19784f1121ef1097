"""Same hits: screen a large, varied query set and write or compare every hit, score and reason.

    .venv/bin/python benchmarks/screening_same_hits.py --write /tmp/main.jsonl     # on main
    .venv/bin/python benchmarks/screening_same_hits.py --compare /tmp/main.jsonl   # on a branch

A change meant to make screening faster must not change what it returns. This screens the same
searches on two trees and compares them line by line: every returned hit (entry, matched name,
score, match, id) with its features (name, value, weight, reason), and the quick ranking
(candidates and their estimates) of every fifth search. The searches (about 40,000):

* the leave-one-alias-out queries of ``screening_data`` as given, with their schema;
* 4,000 of them without a schema, reported down to 0.3;
* 3,000 of them with their alias left out of the index (``exclude``);
* 12,000 names and aliases of other list files of the shared data (OFAC consolidated 2025, UN
  2020, EU 2016, OFAC SDN 2024), with their schema;
* 6,000 generated common names (``common_names``) with their schema;
* 3,000 mixes of one to four query words, with and without schema, countries and birth date, at
  thresholds 0.6 – 0.8 and limits 3 and 10.

Without ``--write`` or ``--compare`` (as ``make bench`` runs it) it prints the number of searches
and hits and a digest of every line: equal digests, equal results. With ``--compare``, the exit
status is 1 when any search differs (the first few are printed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common_names import generate  # noqa: E402
from mistrust.lists import load_file  # noqa: E402
from mistrust.model import LoadedList, NameQuery  # noqa: E402
from mistrust.screen import ScreenIndex, normalize_name  # noqa: E402
from screening_data import build_queries, build_state, data_dir, load_lists  # noqa: E402

OTHER_FILES = ("ofac_consolidated_nonsdn_2025-03-28.xml", "un_consolidated_2020-11-30.xml",
               "eu_legacy_fsf_2016-02-11_TRUNCATED.xml", "ofac_sdn_2024-05-03.csv")
SEED = 20
RANK_EVERY = 5


def searches(index: ScreenIndex, lists: list[LoadedList]) -> Iterator[tuple[NameQuery, dict[str, Any]]]:
    lists_queries = build_queries(lists, index, 0)
    rng = random.Random(SEED)
    for q in lists_queries:
        yield NameQuery(q.name, schema=q.entity.schema), {}
    for q in rng.sample(lists_queries, min(4000, len(lists_queries))):
        yield NameQuery(q.name), {"min_score": 0.3}
    for q in [q for q in lists_queries if q.exclude][:3000]:
        yield NameQuery(q.name, schema=q.entity.schema), {"exclude": q.exclude}
    other: list[tuple[str, str]] = []
    for name in OTHER_FILES:
        path = data_dir() / "sanctions" / name
        if path.exists():
            other += [(n, e.schema) for e in load_file(path).entities for n in e.all_names()]
    for n, schema in rng.sample(other, min(12000, len(other))):
        yield NameQuery(n, schema=schema), {}
    for n, schema in generate(6000, 99):
        yield NameQuery(n, schema=schema), {}
    words = sorted({w for q in lists_queries for w in q.name.split()})
    for _ in range(3000):
        name = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        query = NameQuery(name, schema=rng.choice(["", "Person", "Organization", "Vessel"]),
                          countries=rng.choice([[], ["ir"], ["kp", "cn"]]),
                          birth_date=rng.choice([None, "1970", "1965-03-02"]))
        yield query, {"threshold": rng.choice([0.6, 0.7, 0.8]), "limit": rng.choice([3, 10])}


def lines(index: ScreenIndex, lists: list[LoadedList]) -> Iterator[str]:
    for number, (query, kwargs) in enumerate(searches(index, lists)):
        hits = index.search(query, **kwargs)
        row: dict[str, Any] = {"query": query.name, "hits": [
            [h.entity_id, h.matched_name, h.score, h.match, h.id, [[f.name, f.score, f.weight, f.reason] for f in h.features]]
            for h in hits]}
        if number % RANK_EVERY == 0:
            norm = normalize_name(query.name)
            positions = index.candidates(norm) if norm.compact else []
            row["ranking"] = index.quick_logits(norm, positions)
        yield json.dumps(row, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", type=Path, help="Write the hits of every search to this file (one JSON line each).")
    mode.add_argument("--compare", type=Path, help="Compare every search with this file written by --write.")
    args = parser.parse_args()
    lists = load_lists()
    index = ScreenIndex.build(lists)
    t = time.process_time()
    if args.write:
        with args.write.open("w", encoding="utf-8") as fh:
            n = 0
            for line in lines(index, lists):
                fh.write(line + "\n")
                n += 1
        print(f"{n:,} searches written to {args.write} ({time.process_time() - t:.0f} s CPU; {build_state()})")
        return
    if not args.compare:
        digest = hashlib.sha1()
        n = hits = 0
        for line in lines(index, lists):
            digest.update(line.encode("utf-8") + b"\n")
            n += 1
            hits += len(json.loads(line)["hits"])
        print(f"{n:,} searches, {hits:,} hits, digest {digest.hexdigest()} ({time.process_time() - t:.0f} s CPU; "
              f"{build_state()})")
        return
    with args.compare.open(encoding="utf-8") as fh:
        expected = fh.read().splitlines()
    got = list(lines(index, lists))
    differ = [k for k, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b]
    hits = sum(len(json.loads(line)["hits"]) for line in got)
    print(f"{len(got):,} searches ({hits:,} hits) against {len(expected):,} written; "
          f"{len(differ)} differ ({time.process_time() - t:.0f} s CPU; {build_state()})")
    for k in differ[:5]:
        at = next((i for i, (a, b) in enumerate(zip(expected[k], got[k], strict=False)) if a != b), 0)
        start = max(0, at - 120)
        print(f"  {json.loads(got[k])['query']!r}, from character {at}:\n"
              f"    expected ...{expected[k][start : at + 120]}\n    got      ...{got[k][start : at + 120]}")
    if differ or len(got) != len(expected):
        sys.exit(1)


if __name__ == "__main__":
    main()

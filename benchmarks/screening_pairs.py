"""Labelled name pairs read off the official lists, split by party: what mistrust-v11 is fitted on.

    .venv/bin/python benchmarks/screening_pairs.py [--rebuild]     # prints the counts

Lists (shared data, ``MISTRUST_TEST_DATA``): UN consolidated 2026-02-27, the OFAC SDN 2021-07
CSV triple (with alt.csv's aliases), the OFAC consolidated non-SDN list 2025-03-28 and the EU
FSF file 2016-02-11 (truncated as published in the shared set). The shared set holds no real UK
file, so the UK list is not among them.

One party: the entries of the lists that ``screening_data.same_party_groups`` joins. The rule,
independent of mistrust's scorer: two entries of different sources are one party when they share
an identifier of the same type (letters and digits, at least 5), or a name once transliterated,
lower-cased, put in word order, with bracketed parts and legal forms removed; or when two of their
names are one or two edits apart (12 letters or more; for people only with the same year of
birth). Each entry is a party with itself.

Pairs (label 1 = one party):

* positive: two names of one party that differ once normalised (an entry's name and its alias,
  or the UN and OFAC spellings of one company), at most ``MAX_POSITIVES`` per party; each is
  classed ``variant`` by rapidfuzz ``token_sort_ratio`` >= 70 (as ``screening_data`` classes
  queries), ``acronym`` when one is the initials of the other, else ``different``;
* hard negative: for up to ``QUERIES_PER_PARTY`` names of each party, the ``HARD_PER_QUERY``
  nearest names of other entries *of the same list file* that the index retrieves and ranks
  first. Within one list each entry is a different party by the list's own word, while across
  lists the join above misses some (the same person spelt two ways without a shared birth
  year), which would label true matches as negatives. Name twins (the same name on two
  entries) are left out: no name can tell them apart;
* common negative: for each generated common name (``common_names``), the ``HARD_PER_QUERY``
  nearest listed names.

The split is by party (a hash of the party id; common names by a hash of the name): a party's
names are all in train or all in test, so test measures names the fit never saw. Pairs are
cached in ``build/screening_pairs.jsonl`` (about 10 MB, not committed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rapidfuzz import fuzz  # noqa: E402

from common_names import generate  # noqa: E402
from mistrust.lists import load_file  # noqa: E402
from mistrust.model import LoadedList  # noqa: E402
from mistrust.screen import ScreenIndex, normalize_name  # noqa: E402
from screening_data import REPO, _plain, data_dir, same_party_groups  # noqa: E402

CACHE = REPO / "build" / "screening_pairs.jsonl"
MAX_POSITIVES = 6
QUERIES_PER_PARTY = 2
HARD_PER_QUERY = 3
COMMON_NAMES = 4000
TEST_SHARE = 0.3
SEED = 11


@dataclass
class Pair:
    a: str  # the query side
    b: str  # the listed side
    label: int
    kind: str  # variant, different (positives); hard, common (negatives)
    split: str  # train or test
    party: str  # the party of a (a generated name: "common:<name>")
    schema: str  # of the listed entry


def pair_lists() -> list[LoadedList]:
    sanctions = data_dir() / "sanctions"
    return [load_file(sanctions / "un_consolidated_2026-02-27.xml"),
            load_file(sanctions / "ofac_sdn_csv_2021-07" / "sdn.csv"),
            load_file(sanctions / "ofac_consolidated_nonsdn_2025-03-28.xml"),
            load_file(sanctions / "eu_legacy_fsf_2016-02-11_TRUNCATED.xml")]


def split_of(key: str) -> str:
    return "test" if hashlib.sha256(key.encode()).digest()[0] < 256 * TEST_SHARE else "train"


_FORMS = frozenset("co ltd llc inc corp company corporation limited of the and".split())


def _initials(name: str) -> str:
    return "".join(w[0] for w in _plain(name).split() if w not in _FORMS)


def name_kind(a: str, b: str) -> str:
    """variant (rapidfuzz token_sort_ratio >= 70), acronym (one name, a single word of three
    letters or more, is the initials of the other's words, legal forms and "of" left out), or
    different (a translation, a former name)."""
    if fuzz.token_sort_ratio(_plain(a), _plain(b)) >= 70:
        return "variant"
    for one, other in ((a, b), (b, a)):
        word = _plain(one).replace(" ", "")
        if len(_plain(one).split()) == 1 and len(word) >= 3 and word == _initials(other):
            return "acronym"
    return "different"


def build_pairs(lists: list[LoadedList], index: ScreenIndex) -> list[Pair]:
    groups = same_party_groups(lists)
    rng = random.Random(SEED)
    by_party: dict[str, list[int]] = defaultdict(list)
    for pos, iname in enumerate(index.names):
        by_party[groups[index.entities[iname.entity].entity.id]].append(pos)
    party_of = {pos: party for party, positions in by_party.items() for pos in positions}

    def file_of(pos: int) -> str | None:
        return index.entities[index.names[pos].entity].entity.source_file
    pairs: list[Pair] = []
    for party in sorted(by_party):
        positions = by_party[party]
        split = split_of(party)
        names = {index.names[p].norm.sorted_compact: p for p in positions}
        distinct = sorted(names.values())
        candidates = list(combinations(distinct, 2))
        for pa, pb in rng.sample(candidates, min(MAX_POSITIVES, len(candidates))):
            a, b = index.names[pa], index.names[pb]
            pairs.append(Pair(a.name, b.name, 1, name_kind(a.name, b.name), split, party,
                              index.entities[b.entity].entity.schema))
        for pos in rng.sample(distinct, min(QUERIES_PER_PARTY, len(distinct))):
            query = index.names[pos]
            pairs += [Pair(query.name, index.names[c].name, 0, "hard", split, party,
                           index.entities[index.names[c].entity].entity.schema)
                      for c in nearest(index, query.norm.original,
                                       lambda c, f=file_of(pos), own=party: party_of[c] != own and file_of(c) == f)]
    for name, _schema in generate(COMMON_NAMES, SEED):
        pairs += [Pair(name, index.names[c].name, 0, "common", split_of(name), "common:" + name,
                       index.entities[index.names[c].entity].entity.schema)
                  for c in nearest(index, name, lambda c: True)]
    return pairs


def nearest(index: ScreenIndex, name: str, allowed: object) -> list[int]:
    """The ``HARD_PER_QUERY`` names the index ranks first for ``name``, one per entry, among
    ``allowed`` (a predicate on name positions), name twins left out."""
    norm = normalize_name(name)
    out: list[int] = []
    seen: set[int] = set()
    for _quick, pos in index.quick_scores(norm, index.candidates(norm)):
        iname = index.names[pos]
        if iname.entity in seen or iname.norm.sorted_compact == norm.sorted_compact or not allowed(pos):  # type: ignore[operator]
            continue
        seen.add(iname.entity)
        out.append(pos)
        if len(out) == HARD_PER_QUERY:
            break
    return out


def load_pairs(rebuild: bool = False) -> list[Pair]:
    """The pairs, from the cache when it exists (``rebuild`` builds them again)."""
    if CACHE.exists() and not rebuild:
        with CACHE.open(encoding="utf-8") as fh:
            return [Pair(**json.loads(line)) for line in fh]
    lists = pair_lists()
    pairs = build_pairs(lists, ScreenIndex.build(lists))
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    with CACHE.open("w", encoding="utf-8") as fh:
        for p in pairs:
            fh.write(json.dumps(asdict(p), ensure_ascii=False) + "\n")
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rebuild", action="store_true", help="Build the pairs again (ignore the cache).")
    args = parser.parse_args()
    pairs = load_pairs(args.rebuild)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for p in pairs:
        counts[(p.split, p.kind)] += 1
    kinds = ("variant", "acronym", "different", "hard", "common")
    print(f"{'split':<6} " + " ".join(f"{k:>9}" for k in kinds))
    for split in ("train", "test"):
        print(f"{split:<6} " + " ".join(f"{counts[(split, k)]:>9}" for k in kinds))


if __name__ == "__main__":
    main()

"""Shared set-up of the screening benchmarks: the lists, the index and the leave-one-alias-out queries.

Lists: UN consolidated 2026-02-27 and the OFAC SDN 2021-07 CSV triple (sdn + add + alt), read
with ``mistrust.lists.load_file`` from the shared data folder (``MISTRUST_TEST_DATA``).

Queries (leave-one-alias-out): every alias of every UN entry whose reference starts with ``IR``
(Iran) or ``KP`` (DPRK), and the alt.csv aliases of OFAC entries (strong-quality aliases: the
rows of alt.csv). Each query is screened with that alias taken out of the index, so the entry can
only be found through its other names.

Query classes, decided independently of mistrust's own scorer: a query is a *spelling variant*
when some remaining name of its entry has a rapidfuzz ``token_sort_ratio`` >= 70 with it on
transliterated, lower-cased text; otherwise it is a *different name* (a translation, a former
name, an acronym).

Same real-world party on two lists: the UN and OFAC entries for one company are different list
entities but not a wrong hit. Two entities from different sources are treated as the same party
when they share a normalised name or an identifier, or when two of their names are nearly the
same and nothing says otherwise (see ``_near_same``). The name normalisation here is the
benchmark's own, independent of mistrust's scorer: transliterated, lower-cased words in sorted
order, with and without bracketed parts, and with organisation legal forms removed by rigour
(``remove_org_types``: "Kalinin Machine Plant JSC" = "Kalinin Machine Plant") and the generic
English ones (company, corporation, co, inc); identifiers are compared on their letters and
digits (at least 5) with the same type.

Indistinguishable entries (see ``name_twins``): when the query string is itself, normalised, a
name of another entry (OFAC lists the branches of one charity under separate entries that all
carry the same aliases), a name screener cannot and should not tell them apart, so a hit on
such an entry is not counted as a false hit, and as top-1 it is not counted as wrong either.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from rigour.names import remove_org_types
from rigour.text import ascii_text, remove_bracketed_text

from mistrust.lists import load_file
from mistrust.model import ListEntity, LoadedList
from mistrust.screen import ScreenIndex

try:
    from mistrust.screen.build import build_state
except ImportError:  # a tree from before the compiled build (the benchmarks compare two trees)
    def build_state() -> str:
        """Which build of the screen runs (benchmarks print it)."""
        return "pure Python (a tree without mistrust.screen.build)"

REPO = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    raw = os.environ.get("MISTRUST_TEST_DATA")
    return Path(raw) if raw else REPO.parent / "shared" / "data"


def load_lists() -> list[LoadedList]:
    sanctions = data_dir() / "sanctions"
    un = load_file(sanctions / "un_consolidated_2026-02-27.xml")
    ofac = load_file(sanctions / "ofac_sdn_csv_2021-07" / "sdn.csv")
    return [un, ofac]


_SIMPLE = re.compile(r"[^a-z0-9]+")


def simple(name: str) -> str:
    """Lower-case ASCII words in sorted order: "AHMADIAN, Ali Akbar" = "Ali Akbar Ahmadian"."""
    return " ".join(sorted(_SIMPLE.sub(" ", ascii_text(name).lower()).split()))


_GENERIC_FORMS = frozenset("company corporation corp co inc incorporated".split())


def party_names(entity: ListEntity) -> set[str]:
    """Names used to recognise one party on two lists: as written and without bracketed parts."""
    out = set()
    for n in entity.all_names():
        for variant in (n, remove_bracketed_text(n)):
            out.add(simple(variant))
            bare = simple(remove_org_types(ascii_text(variant).lower()))
            out.add(bare)
            out.add(" ".join(w for w in bare.split() if w not in _GENERIC_FORMS))
    out.discard("")
    return out


# Two names this close (edits between their ``simple`` forms, at least NEAR_SAME_MIN_LEN
# letters long) are one name spelt two ways: "mohammad reza zahedi" / "mohammed reza zahedi"
# (a person: with the same birth), "emarat kavkaz" / "imarat kavkaz" (others: one edit only, as
# Korean company names two letters apart are different companies: Hesong / Daesong).
NEAR_SAME_EDITS = {"Person": 2}
NEAR_SAME_DEFAULT_EDITS = 1
NEAR_SAME_MIN_LEN = 12


def _same_birth(a: ListEntity, b: ListEntity) -> bool:
    """A shared year of birth, and the same day when both lists give a day (1 January is
    taken as "year only": lists use it when only the year is known)."""
    for x in a.birth_dates:
        for y in b.birth_dates:
            if len(x) < 4 or x[:4] != y[:4]:
                continue
            if len(x) >= 10 and len(y) >= 10 and not x.endswith("-01-01") and not y.endswith("-01-01"):
                if x[:10] != y[:10]:
                    continue
            return True
    return False


def _near_same(names: dict[str, set[str]], entities: list[ListEntity]) -> list[tuple[str, str]]:
    """Pairs of entities from different sources with two nearly identical names (three words or
    more for a person, two for others), the same schema, and for people the same birth.

    The same name spelt twice on two lists is, for a person born the same year, the same person
    (Zahedi, born 1944, on both lists); a differing or missing birth keeps them apart.
    """
    by_source: dict[str, list[tuple[str, ListEntity]]] = defaultdict(list)
    for e in entities:
        for n in names[e.id]:
            if len(n) >= NEAR_SAME_MIN_LEN and len(n.split()) >= (3 if e.schema == "Person" else 2):
                by_source[e.source].append((n, e))
    sources = sorted(by_source)
    pairs: list[tuple[str, str]] = []
    for i, first in enumerate(sources):
        for second in sources[i + 1:]:
            left, right = by_source[first], by_source[second]
            choices = [n for n, _ in right]
            for name, entity in left:
                most = NEAR_SAME_EDITS.get(entity.schema, NEAR_SAME_DEFAULT_EDITS)
                for _, _edits, k in process.extract(name, choices, scorer=Levenshtein.distance,
                                                    score_cutoff=most, limit=None):
                    other = right[k][1]
                    if other.schema != entity.schema:
                        continue
                    if entity.schema == "Person" and not _same_birth(entity, other):
                        continue
                    pairs.append((entity.id, other.id))
    return pairs


def party_identifiers(entity: ListEntity) -> set[str]:
    out = set()
    for i in entity.identifiers:
        value = "".join(ch for ch in i.value.upper() if ch.isalnum())
        if len(value) >= 5:
            out.add(f"{i.type}:{value}")
    return out


def name_twins(lists: list[LoadedList]) -> dict[str, set[str]]:
    """simple(name) and letters(name) -> ids of every entity carrying that name (see "indistinguishable entries")."""
    out: dict[str, set[str]] = defaultdict(set)
    for loaded in lists:
        for e in loaded.entities:
            for n in e.all_names():
                out[simple(n)].add(e.id)
                out[letters(n)].add(e.id)
    return out


def letters(name: str) -> str:
    """Only the letters and digits, as written: "ALHARAMAIN" = "AL-HARAMAIN"."""
    return "=" + _SIMPLE.sub("", ascii_text(name).lower())


def _plain(name: str) -> str:
    return _SIMPLE.sub(" ", ascii_text(name).lower()).strip()


@dataclass
class Query:
    name: str
    entity: ListEntity
    source: str  # "un" or "ofac"
    kind: str  # "variant" or "different"
    exclude: frozenset[int]  # index name positions to leave out


def same_party_groups(lists: list[LoadedList]) -> dict[str, str]:
    """entity id -> group id; entities of different sources sharing a name or identifier are one party."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    entities = [e for loaded in lists for e in loaded.entities]
    names = {e.id: party_names(e) for e in entities}  # also read by _near_same: computed once
    by_name: dict[str, list[ListEntity]] = defaultdict(list)
    for e in entities:
        parent.setdefault(e.id, e.id)
        for n in names[e.id]:
            by_name[n].append(e)
        for ident in party_identifiers(e):
            by_name["id=" + ident].append(e)
    for ents in by_name.values():
        sources = {e.source for e in ents}
        if len(sources) < 2:
            continue
        first = ents[0].id
        for e in ents[1:]:
            parent[find(e.id)] = find(first)
    for a, b in _near_same(names, entities):
        parent[find(b)] = find(a)
    return {k: find(k) for k in parent}


def query_half(entity_id: str) -> str:
    """"a" or "b": a fixed split of the entries by a hash of their id (tune on a, confirm on b)."""
    return "a" if hashlib.sha256(entity_id.encode()).digest()[0] % 2 == 0 else "b"


def build_queries(lists: list[LoadedList], index: ScreenIndex, ofac_sample: int, seed: int = 7) -> list[Query]:
    positions: dict[tuple[str, str], int] = {}
    for pos, iname in enumerate(index.names):
        positions[(index.entities[iname.entity].entity.id, iname.norm.compact)] = pos
    from mistrust.screen import normalize_name

    queries: list[Query] = []
    ofac_queries: list[Query] = []
    for loaded in lists:
        for e in loaded.entities:
            if e.source == "un" and e.id[3:5] not in ("IR", "KP"):
                continue
            for alias in e.aliases:
                if e.source == "ofac" and alias.quality != "strong":
                    continue
                rest = [n for n in e.all_names() if n != alias.name]
                if not rest:
                    continue
                compact = normalize_name(alias.name).compact
                # Leave the alias out unless another remaining name of the entry is the same
                # normalised string (then that name legitimately stays in the index).
                others_same = any(normalize_name(n).compact == compact for n in rest)
                pos = positions.get((e.id, compact))
                exclude = frozenset() if others_same or pos is None else frozenset({pos})
                sim = max(fuzz.token_sort_ratio(_plain(alias.name), _plain(n)) for n in rest)
                q = Query(alias.name, e, e.source, "variant" if sim >= 70 else "different", exclude)
                (ofac_queries if e.source == "ofac" else queries).append(q)
    if ofac_sample and len(ofac_queries) > ofac_sample:
        rng = random.Random(seed)
        ofac_queries = rng.sample(ofac_queries, ofac_sample)
    return queries + ofac_queries


__all__ = ["Query", "build_queries", "build_state", "query_half", "data_dir", "letters", "load_lists", "name_twins", "same_party_groups", "simple"]

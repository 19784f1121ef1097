"""The shortcuts that let ``ScreenIndex.search`` skip work change no hit, score or reason.

* Dead ends (``algorithm.no_evidence_bound``): a candidate name without evidence whose capped
  final score is below ``min_score`` gets no other feature. The bound must hold (``adjusted``
  never lowers a score for a higher name score; no pair without evidence scores above it), and
  a search with dead ends returns exactly what a search scoring every visited name in full
  returns: with small limits (the stopping rule on the ``limit`` best entries), several report
  floors, facts that lift the bound (a birth date, an identifier), names left out, and a
  quick-score margin under which the dead ends must be settled in full.
* Copies of one listed name share one quick row and one estimate per query: the estimates
  equal those of each name estimated on its own.
* On the real lists (UN + OFAC, from the shared data): thousands of the lists' own aliases, as
  queries, get the same hits with and without dead ends.

The synthetic names are syllables of several naming customs, written for these tests.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

import mistrust.screen.index as index_module
from _lists_helpers import sanctions
from _screen_helpers import FAMILY, GIVEN, ORG, hand_made_index, ran_as_pure_python, random_entities
from mistrust.lists import load_file
from mistrust.model import Hit, Identifier, ListEntity, NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.algorithm import (
    ADJUSTMENTS,
    NO_EVIDENCE_CAP,
    adjusted,
    no_evidence_bound,
    score_name,
)
from mistrust.screen.features import NamePair


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    return hand_made_index(random_entities(random.Random(31), 240, facts=True))


@pytest.fixture(scope="module")
def queries(index: ScreenIndex) -> list[NameQuery]:
    rng = random.Random(8)
    listed = [n.name for n in rng.sample(index.names, 90)]
    out = [NameQuery(n) for n in listed]
    out += [NameQuery(n[:-1] + "e", schema="Person") for n in listed[:30]]
    out += [NameQuery(" ".join(reversed(n.replace(",", "").split()))) for n in listed[30:60]]
    # Common words only, lone given names: pairs without evidence.
    out += [NameQuery(f"{a} {b}") for a in ("Mohammad", "Ali", "Omid") for b in ("Ali", "Trading", "Kim", "Bank")]
    out += [NameQuery(g) for g in GIVEN] + [NameQuery(w) for w in ORG]
    # Facts that lift the bound of a pair without evidence.
    out += [NameQuery(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}", birth_date="1960", countries=["ir"],
                      identifiers=[f"X{k:05d}"]) for k in range(1, 60, 4)]
    # A person's given names alone (common words here) with the person's passport: no evidence,
    # but the identifier lifts the bound above the floor.
    people = [ie.entity for ie in index.entities if ie.entity.schema == "Person"][:40]
    out += [NameQuery(e.name.partition(", ")[2], identifiers=[e.identifiers[0].value]) for e in people]
    return out


def _searches(index: ScreenIndex, queries: list[NameQuery]) -> Iterator[list[Hit]]:
    for n, query in enumerate(queries):
        for limit, min_score in ((10, 0.5), (2, 0.5), (1, 0.3), (3, 0.2), (10, 0.8)):
            yield index.search(query, threshold=0.7, limit=limit, min_score=min_score)
        exclude = {n % len(index.names), (7 * n) % len(index.names)}
        yield index.search(query, limit=4, exclude=exclude)


def _never_dead(monkeypatch: pytest.MonkeyPatch) -> None:
    """The search as it was without dead ends: every visited candidate gets its full score."""
    monkeypatch.setattr(index_module, "no_evidence_bound", lambda *args, **kwargs: float("inf"))


def test_adjusted_never_lowers_a_score_for_a_higher_name_score() -> None:
    assert all(adj.up >= adj.down for adj in ADJUSTMENTS)
    rng = random.Random(3)
    entity = ListEntity(id="e", source="t", schema="Person", name="Rezapour, Omid", birth_dates=["1961-04-02"],
                        countries=["ir"], identifiers=[Identifier(type="passport", value="Z123")])
    facts = [dict(), dict(schema="Organization"), dict(schema="Person", birth_date="1961"),
             dict(birth_date="1970", countries=["kp"]), dict(identifiers=["Z123"], countries=["ir"]),
             dict(birth_date="1962", identifiers=["Q9"], schema="Vessel")]
    listed = normalize_name(entity.name)
    for kwargs in facts:
        query = NameQuery("Omid Rezapour", **kwargs)  # type: ignore[arg-type]
        for weak in (False, True):
            values = sorted(rng.random() for _ in range(300)) + [0.0, NO_EVIDENCE_CAP, 1.0]
            values.sort()
            scores = [adjusted(v, listed, query, entity, weak, explain=False)[0] for v in values]
            assert scores == sorted(scores), kwargs


def test_no_pair_without_evidence_scores_above_its_bound(index: ScreenIndex, queries: list[NameQuery]) -> None:
    checked = 0
    for query in queries:
        norm = normalize_name(query.name)
        for pos in index.candidates(norm):
            iname = index.names[pos]
            name = score_name(NamePair(norm, iname.norm, index.lexicon))
            if name.evidence:
                continue
            entity = index.entities[iname.entity].entity
            score = adjusted(name.value, iname.norm, query, entity, iname.weak, explain=False)[0]
            assert score <= no_evidence_bound(iname.norm, query, entity, iname.weak), (query, iname.name)
            checked += 1
    assert checked > 200, "too few pairs without evidence for the bound to be tested"


def test_dead_ends_change_no_hit(index: ScreenIndex, queries: list[NameQuery],
                                 monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    if ran_as_pure_python(request):
        return
    bounds: list[float] = []
    real_bound = index_module.no_evidence_bound

    def counted(*args: object, **kwargs: object) -> float:
        bounds.append(real_bound(*args, **kwargs))  # type: ignore[arg-type]
        return bounds[-1]

    monkeypatch.setattr(index_module, "no_evidence_bound", counted)
    fast = list(_searches(index, queries))
    assert sum(b < 0.5 for b in bounds) > 300, "too few dead ends for the comparison to say anything"
    assert sum(b >= 0.5 for b in bounds) > 10, "too few pairs without evidence lifted above the floor by facts"
    _never_dead(monkeypatch)
    full = list(_searches(index, queries))
    assert sum(map(len, full)) > len(queries), "too few hits for the comparison to say anything"
    assert fast == full


def test_dead_ends_settled_when_the_quick_margin_lets_them_matter(index: ScreenIndex, queries: list[NameQuery],
                                                                  monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """With a quick-score margin, candidates below ``min_score`` are visited, so the stopping
    rules compare them with dead ends whose bound they do not clear: the dead ends are scored
    in full then (``settle``), and the hits still equal the full search's."""
    if ran_as_pure_python(request):
        return
    monkeypatch.setattr(index_module, "QUICK_MARGIN", 0.35)
    settled: list[int] = []
    real_score = index_module.score_name

    def counted(*args: object) -> object:
        settled.append(1)
        return real_score(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module, "score_name", counted)
    fast = list(_searches(index, queries))
    fast_scores = len(settled)
    _never_dead(monkeypatch)
    settled.clear()
    full = list(_searches(index, queries))
    assert fast == full
    assert fast_scores < len(settled), "no dead end skipped"


def test_copies_of_a_name_share_one_estimate(index: ScreenIndex, queries: list[NameQuery]) -> None:
    rows = index._quick_rows()
    by_name: dict[object, list[int]] = {}
    for pos, iname in enumerate(index.names):
        by_name.setdefault(iname.norm, []).append(pos)
    copies = [p for p in by_name.values() if len(p) > 1]
    assert copies, "no listed name in two entries"
    assert all(rows[p[0]] is rows[q] for p in copies for q in p)
    shared = 0
    for query in queries:
        norm = normalize_name(query.name)
        positions = index.candidates(norm)
        together = index.quick_scores(norm, positions)
        alone = sorted((index.quick_scores(norm, [pos])[0] for pos in positions), reverse=True)
        assert together == alone, query.name
        shared += len({id(rows[p]) for p in positions}) < len(positions)
    assert shared, "no query whose candidates hold copies of one name"


@pytest.fixture(scope="module")
def listed_index() -> ScreenIndex:
    un = load_file(sanctions("un_consolidated_2026-02-27.xml"))
    ofac = load_file(sanctions("ofac_sdn_csv_2021-07", "sdn.csv"))
    return ScreenIndex.build([un, ofac])


def test_lists_own_aliases_get_the_same_hits_without_dead_ends(listed_index: ScreenIndex,
                                                                monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    if ran_as_pure_python(request):
        return
    aliases = [(e, a.name) for ie in listed_index.entities for e in [ie.entity] for a in e.aliases]
    picked = aliases[:: max(1, len(aliases) // 2500)]
    queries = [NameQuery(name, schema=e.schema) for e, name in picked]
    fast = [listed_index.search(q, threshold=0.7, limit=10) for q in queries]
    _never_dead(monkeypatch)
    full = [listed_index.search(q, threshold=0.7, limit=10) for q in queries]
    assert len(queries) >= 2000 and sum(map(len, full)) > len(queries)
    assert fast == full

"""stories-v11: a central claim's spread counts every story the clusterer holds.

The central-claim anchor counts only when at most ``claim_spread`` (3) stories hold the claim.
Until stories-v10 they were counted among the blocking candidates only: the stories sharing the
most keys with the undated report. A pair held by many stories the report shares no key with
(another year's rounds of one conflict, worded otherwise) then looked rare and anchored it.

Features are written directly (no text), so each case controls the keys, the scores and the anchors.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from mistrust.corroborate.stories import DocFeatures, StoryClusterer, StoryState

TERMS = {"embargo": 3.0, "refinery": 2.0, "cargo": 2.0, "customs": 1.0, "inspectors": 1.0}
ENTITIES = ["dalmora", "port keshan"]
PAIR = "dalmora|velkar union"
# the undated report's only anchors are a shared passage and its central claim: every rule that
# lets a close score stand in for an anchor is off, so two anchors are needed
STRICT = {"undated_certain": None, "undated_close": None, "undated_near": None, "undated_strong": None}


def _doc(doc_id: str, when: str | None = None, *, terms: dict[str, float] | None = None,
         entities: list[str] | None = None, passages: tuple[int, ...] = (),
         claims: tuple[str, ...] = ()) -> DocFeatures:
    return DocFeatures(doc_id, date.fromisoformat(when) if when else None, dict(terms or TERMS),
                       list(ENTITIES if entities is None else entities), doc_id, list(passages), [], [], 200,
                       list(claims))


def _elsewhere(i: int, claims: tuple[str, ...] = (PAIR,)) -> DocFeatures:
    """A dated report of another year on the same two actors, sharing no word and no entity key
    with the undated report (so blocking never shows it that story)."""
    return _doc(f"e{i}", f"{2012 + i}-02-1{i}", terms={f"grain{i}": 2.0, f"convoy{i}": 1.0},
                entities=[f"harbour{i}"], passages=(500 + i,), claims=claims)


TARGET = _doc("target", "2021-06-03", passages=(1, 2, 3), claims=(PAIR,))
REPORT = _doc("u", passages=(1, 2), claims=(PAIR,))


def _run(*docs: DocFeatures, **kw: object) -> tuple[StoryClusterer, dict[str, str], dict[str, str]]:
    cl = StoryClusterer(**{**STRICT, **kw})  # type: ignore[arg-type]
    cl.observe(list(docs))
    placed = cl.add_batch(list(docs))
    return cl, {a.doc_id: a.story_id for a in placed}, {a.doc_id: a.reason for a in placed}


@pytest.mark.parametrize(("held_elsewhere", "joins"), [(0, True), (2, True), (3, False), (5, False)])
def test_stories_out_of_blocking_reach_count_towards_the_spread(held_elsewhere: int, joins: bool) -> None:
    others = [_elsewhere(i) for i in range(held_elsewhere)]
    cl, placed, reason = _run(*others, TARGET, REPORT)
    # the premise: blocking shows the undated report no story but the target (and its own)
    assert {s.id for s in cl.reachable(REPORT)[3]} <= {placed["target"], placed["u"]}
    assert (placed["u"] == placed["target"]) is joins
    assert ("central claim" in reason["u"]) is joins


def test_counted_among_candidates_only_the_common_claim_anchored_stories_v10() -> None:
    others = [_elsewhere(i) for i in range(5)]
    _, placed, reason = _run(*others, TARGET, REPORT, claim_spread_all=False)
    assert placed["u"] == placed["target"]
    assert "central claim" in reason["u"]


def test_a_claim_of_other_actors_elsewhere_does_not_count() -> None:
    others = [_elsewhere(i, claims=("dalmora|orsk fleet",)) for i in range(5)]
    _, placed, reason = _run(*others, TARGET, REPORT)
    assert placed["u"] == placed["target"]
    assert "central claim" in reason["u"]


def _holding(cl: StoryClusterer, claim: str) -> int:
    return sum(1 for s in cl.stories.values() if claim in s.claims)


def test_the_count_follows_joins_merges_and_placing_again() -> None:
    # two reports of one day open two stories (different words); a third report close to both
    # bridges them (a merge: the pair both held is now held once); an undated report alone is
    # placed again once the batch is placed (its story dropped and opened anew)
    a = _doc("a", "2021-06-03", terms={"embargo": 3.0, "refinery": 2.0}, claims=(PAIR, "dalmora|orsk fleet"))
    b = _doc("b", "2021-06-03", terms={"cargo": 2.0, "customs": 1.0}, entities=["orsk fleet"], claims=(PAIR,))
    bridge = _doc("c", "2021-06-04", terms={"embargo": 3.0, "refinery": 2.0, "cargo": 2.0, "customs": 1.0},
                  entities=[*ENTITIES, "orsk fleet"], claims=("keshan|velkar union",))
    alone = _doc("lone", terms={"orchard": 2.0, "drought": 1.0}, entities=["tavro"], claims=("tavro|velkar union",))
    cl, placed, reason = _run(a, b, bridge, alone, *[_elsewhere(i) for i in range(2)])
    assert placed["a"] == placed["b"] == placed["c"] and "bridged" in reason["c"]  # the premise
    held = Counter(c for s in cl.stories.values() for c in set(s.claims))
    for claim in (PAIR, "dalmora|orsk fleet", "keshan|velkar union", "tavro|velkar union", "nobody|velkar union"):
        probe = _doc("probe", claims=(claim,))
        assert cl._claim_spread(probe, []) == held[claim] == _holding(cl, claim)
    assert held[PAIR] == 3  # the merged story and the two elsewhere


def test_a_settling_story_does_not_count_itself() -> None:
    cl, placed, _ = _run(TARGET, _doc("u1", terms={"orchard": 2.0}, entities=["tavro"], passages=(7, 8), claims=(PAIR,)),
                         _doc("u2", terms={"orchard": 2.0}, entities=["tavro"], passages=(7, 8), claims=(PAIR,)))
    undated = cl.stories[placed["u1"]]
    assert placed["u1"] == placed["u2"] != placed["target"]  # the premise: an undated story of two
    assert cl._claim_spread(cl.story_features(undated), [], own=undated) == 1  # the target only


def test_stored_stories_count_once_loaded() -> None:
    cl, _, _ = _run(TARGET, *[_elsewhere(i) for i in range(4)])
    stored = [StoryState.from_json(s.to_json()) for s in cl.stories.values()]
    resumed = StoryClusterer(**STRICT)  # type: ignore[arg-type]
    resumed.load(stored, dict(cl.df), cl.n_docs)
    assert resumed._claim_spread(_doc("probe", claims=(PAIR,)), []) == 5
    # resumed, the undated report of a later batch meets the same spread: no claim anchor
    resumed.observe([REPORT])
    assert resumed.add_batch([REPORT])[0].opened

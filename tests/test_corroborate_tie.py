"""An undated report (or undated story) anchored to two dated stories at nearly the same score
joins neither (stories-v6): it cannot tell which of two events with the same actors and words it
reports. When one story is clearly nearer, or an undated part of the same event is there too, it
still joins.

Features are written directly (no text), so each case controls the scores and the anchors.
"""

from __future__ import annotations

from datetime import date

import pytest

from mistrust.corroborate.stories import DocFeatures, StoryClusterer

TERMS = {"sanctions": 3.0, "suppliers": 2.0, "drones": 2.0, "treasury": 1.0, "designated": 1.0}
# the later round read in other words: a report worded like TERMS is clearly nearer the first round
OTHER_TERMS = {"sanctions": 3.0, "shipping": 2.0, "tankers": 2.0, "ports": 1.0, "designated": 1.0}
ENTITIES = ["karvonia", "ostrel", "treasury"]


def _doc(doc_id: str, when: str | None = None, *, terms: dict[str, float] | None = None,
         passages: tuple[int, ...] = ()) -> DocFeatures:
    return DocFeatures(doc_id, date.fromisoformat(when) if when else None, dict(terms or TERMS), list(ENTITIES),
                       doc_id, list(passages), [], [], 200)


def _run(*docs: DocFeatures, **kw: float | None) -> tuple[StoryClusterer, dict[str, str], dict[str, str]]:
    cl = StoryClusterer(**kw)  # type: ignore[arg-type]
    cl.observe(list(docs))
    placed = cl.add_batch(list(docs))
    return cl, {a.doc_id: a.story_id for a in placed}, {a.doc_id: a.reason for a in placed}


# two rounds of designations three months apart: same actors, same words, a passage each
MAY = _doc("may", "2023-05-02", passages=(1, 2, 3, 4))
AUG = _doc("aug", "2023-08-23", passages=(5, 6, 7, 8))
# an undated report that shares a passage with each round
BOTH = _doc("u", passages=(1, 2, 5, 6))


def test_an_undated_report_between_two_like_rounds_joins_neither() -> None:
    _, placed, reason = _run(MAY, AUG, BOTH)
    assert placed["may"] != placed["aug"]
    assert placed["u"] not in (placed["may"], placed["aug"])
    assert "joined neither" in reason["u"]  # the reason is recorded with the assignment
    # stories-v5 joined the first of the two by a hair's breadth
    _, before, _ = _run(MAY, AUG, BOTH, undated_tie=None)
    assert before["u"] in (before["may"], before["aug"])


@pytest.mark.parametrize(("aug_terms", "passages", "joins"), [
    (OTHER_TERMS, (1, 2, 5, 6), "may"),  # anchored to both, but clearly nearer the first round
    (TERMS, (1, 2, 3), "may"),  # equally near both, anchored (a shared passage) to the first only
    (TERMS, (5, 6, 7), "aug"),
])
def test_an_undated_report_still_joins_a_clearly_better_story(aug_terms: dict[str, float],
                                                             passages: tuple[int, ...], joins: str) -> None:
    aug = _doc("aug", "2023-08-23", terms=aug_terms, passages=(5, 6, 7, 8))
    _, placed, _ = _run(MAY, aug, _doc("u", passages=passages))
    assert placed["u"] == placed[joins]


def test_a_tied_report_may_still_join_an_undated_part_of_its_event() -> None:
    # "t" shares a passage with both rounds and two with the undated report "s" (placed before it)
    first = _doc("s", passages=(20, 21, 22))
    tied = _doc("t", passages=(1, 2, 5, 6, 20, 21))
    _, placed, _ = _run(MAY, AUG, first, tied)
    assert placed["t"] == placed["s"]
    assert placed["t"] not in (placed["may"], placed["aug"])


@pytest.mark.parametrize(("aug_terms", "settles_into"), [(TERMS, None), (OTHER_TERMS, "may")])
def test_an_undated_story_between_two_like_rounds_stays_apart(aug_terms: dict[str, float],
                                                            settles_into: str | None) -> None:
    # each report shares one passage with each round (two are needed) and two with the other report:
    # only the pair, as a story, anchors to the rounds
    pair = (_doc("p1", passages=(1, 5, 30, 31)), _doc("p2", passages=(2, 6, 30, 31)))
    aug = _doc("aug", "2023-08-23", terms=aug_terms, passages=(5, 6, 7, 8))
    cl, placed, _ = _run(MAY, aug, *pair)
    assert placed["p1"] == placed["p2"]
    if settles_into is None:
        assert placed["p1"] not in (placed["may"], placed["aug"])
        assert cl.merges == []
    else:
        assert placed["p1"] == placed[settles_into]

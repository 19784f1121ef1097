"""Undated reports once every report is placed (stories-v5): a report left alone is placed again,
an undated story that as a whole anchors to a dated story joins it, and an undated report that
names a year after a dated story's reports is never one of them.

Features are written directly (no text), so each case controls exactly which anchors exist.
"""

from __future__ import annotations

from datetime import date

import pytest

from mistrust.corroborate.stories import DocFeatures, StoryClusterer

# one vocabulary for every report: the text score is strong, so one anchor is enough to join
TERMS = {"tanker": 3.0, "fuel": 2.0, "velmora": 2.0, "seized": 1.0, "crew": 1.0}
ENTITIES = ["arvania", "velmora"]


def _doc(doc_id: str, when: str | None = None, *, passages: tuple[int, ...] = (), phrases: tuple[str, ...] = (),
         years: tuple[int, ...] = ()) -> DocFeatures:
    return DocFeatures(doc_id, date.fromisoformat(when) if when else None, dict(TERMS), list(ENTITIES), doc_id,
                       list(passages), list(years), list(phrases), 200)


def _place(*docs: DocFeatures, **kw: bool) -> dict[str, str]:
    # every report has the same words, so its score is near 1: the stories-v7 rule that a score of
    # 0.5 or more needs no anchor is off here, and so is stories-v9's (a cosine of 0.25 needs none):
    # the anchors are what these cases are about
    cl = StoryClusterer(**{"undated_certain": None, "undated_close": None, **kw})  # type: ignore[arg-type]
    cl.observe(list(docs))
    return {a.doc_id: a.story_id for a in cl.add_batch(list(docs))}


# "u1" is placed before "u2" (id order) and shares nothing with the dated report; "u2" shares a
# passage with the dated report and rare word pairs with "u1", which anchor only once "u2" has joined
DATED = _doc("dated", "2023-05-02", passages=(1, 2, 3, 4))
U1 = _doc("u1", phrases=("forged_manifests", "night_transfers", "transponders_off"))
U2 = _doc("u2", passages=(1, 2), phrases=("forged_manifests", "night_transfers", "transponders_off"))


def test_a_report_left_alone_is_placed_again() -> None:
    assert len(set(_place(DATED, U1, U2).values())) == 1
    # the first pass alone leaves u1 in a story of its own
    first = _place(DATED, U1, U2, settle_undated=False)
    assert first["u2"] == first["dated"] != first["u1"]


def test_a_report_with_no_anchor_stays_alone_when_placed_again() -> None:
    loner = _doc("u0", phrases=("coral_union", "harbour_fees", "grain_deal"))
    placed = _place(DATED, loner, U2)
    assert placed["u2"] == placed["dated"] != placed["u0"]


# each undated report shares one sampled passage with the dated story (two are needed) and two
# with the other: together they share two with it
PAIR = (_doc("p1", passages=(1, 9, 10)), _doc("p2", passages=(2, 9, 10)))


@pytest.mark.parametrize(("years", "joined"), [((), True), ((2022, 2019), True), ((2024,), False)])
def test_an_undated_story_joins_the_dated_story_it_anchors_to(years: tuple[int, ...], joined: bool) -> None:
    pair = [_doc(f.doc_id, passages=tuple(f.passages), years=years) for f in PAIR]
    placed = _place(DATED, *pair)
    assert placed["p1"] == placed["p2"]
    assert (placed["p1"] == placed["dated"]) is joined  # a later year (2024) is no report of May 2023
    if joined:
        assert placed["dated"] == _place(DATED)["dated"]  # the dated story's id survives
        # recorded like a bridge, so the store re-points the undated story and its id keeps resolving
        cl = StoryClusterer(undated_certain=None, undated_close=None)
        cl.observe([DATED, *pair])
        cl.add_batch([DATED, *pair])
        assert [keep for _, keep in cl.merges] == [placed["dated"]]
        assert cl.resolve(cl.merges[0][0]) == placed["dated"]
    unsettled = _place(DATED, *pair, settle_undated=False)
    assert unsettled["p1"] == unsettled["p2"] != unsettled["dated"]


@pytest.mark.parametrize(("years", "joined"), [((2023,), True), ((2022, 2021), True), ((2024, 2023), False)])
def test_an_undated_report_naming_a_later_year_is_not_a_report_of_the_story(years: tuple[int, ...],
                                                                          joined: bool) -> None:
    report = _doc("u", passages=(1, 2), years=years)
    placed = _place(DATED, report)
    assert (placed["u"] == placed["dated"]) is joined
    # without the veto the same report joins on its shared passage (stories-v4)
    unvetoed = _place(DATED, report, later_year_veto=False)
    assert unvetoed["u"] == unvetoed["dated"]

"""stories-v10: with resolved actors, the entity share also counts the story's actors the report names.

A report's actors the story has (the old share) is full for any report of the same week on the
same two states once an extraction writes each state one way. The story's actors the report names,
each weighted by how many of its reports name it, is the other half: a report of the event names
whom it is about. Features are written directly (no text), so each case controls the words and
the actors.
"""

from __future__ import annotations

from datetime import date

import pytest

from mistrust.corroborate.stories import DocFeatures, StoryClusterer

COMMON = ["velkland", "arvania"]  # two states every report of the region names
# reports on the region, each with words of its own: the two states are common, the rest rare
FILLER = [DocFeatures(f"f{i}", date(2020, 1, 1), {f"w{i}": 1.0}, list(COMMON), f"f{i}", resolved=True)
          for i in range(12)]
EVENT = {"ferry": 3.0, "capsized": 3.0, "harbour": 2.0, "divers": 2.0}


def _doc(doc_id: str, entities: list[str], terms: dict[str, float] | None = None, *,
         resolved: bool = True, when: str = "2021-03-02") -> DocFeatures:
    return DocFeatures(doc_id, date.fromisoformat(when), dict(terms or EVENT), entities, doc_id,
                       [], [], [], 200, [], resolved)


def _story(cl: StoryClusterer, *docs: DocFeatures) -> str:
    placed = cl.add_batch(list(docs))
    assert len({a.story_id for a in placed}) == 1  # the premise: one story
    return placed[0].story_id


def _setup(*extra: DocFeatures, **kw: bool) -> tuple[StoryClusterer, str]:
    cl = StoryClusterer(**kw)  # type: ignore[arg-type]
    first = _doc("r1", [*COMMON, "tarsk ferry line", "mira osk"])
    second = _doc("r2", ["mira osk", *COMMON, "tarsk ferry line"])
    cl.observe([*FILLER, first, second, *extra])
    cl.add_batch(list(FILLER))
    return cl, _story(cl, first, second)


@pytest.mark.parametrize(("entities", "joins"), [
    (COMMON, False),  # the region's two states only: a neighbour of that week
    (["arvania"], False),
    ([*COMMON, "mira osk"], True),  # names whom the event is about
    (["tarsk ferry line", "velkland"], True),
    (["mira osk", "tarsk ferry line"], True),
])
def test_a_report_must_name_the_storys_main_actors(entities: list[str], joins: bool) -> None:
    # no word in common with the story: the actors decide
    u = _doc("u", entities, {"budget": 2.0, "minister": 2.0}, when="2021-03-03")
    cl, sid = _setup(u)
    story = cl.stories[sid]
    old = StoryClusterer(actor_share=False)
    old.df, old.n_docs = cl.df, cl.n_docs
    # the premise: every actor of the report is one of the story's, so the old share was full
    assert old.pair_features(u, story)["entities"] == pytest.approx(1.0)
    assert (cl.similarity(u, story)[0] >= cl.threshold) is joins
    placed = cl.add(u)
    assert (placed.story_id == sid) is joins


def test_the_old_share_joined_the_neighbour() -> None:
    u = _doc("u", list(COMMON), {"budget": 2.0, "minister": 2.0}, when="2021-03-03")
    cl, sid = _setup(u, actor_share=False)
    assert cl.add(u).story_id == sid  # stories-v9 joined it on the two states alone


@pytest.mark.parametrize("entities", [COMMON, ["mira osk"], [*COMMON, "mira osk", "kessel"]])
def test_unresolved_keys_keep_the_one_way_share(entities: list[str]) -> None:
    # capitalised word runs (no extraction) are too ragged for the second share: unchanged
    u = _doc("u", entities, resolved=False, when="2021-03-03")
    cl, sid = _setup(u)
    old = StoryClusterer(actor_share=False)
    old.df, old.n_docs = cl.df, cl.n_docs
    story = cl.stories[sid]
    assert cl.similarity(u, story) == old.similarity(u, story)


def test_the_story_weighs_its_actors_by_its_reports() -> None:
    # an actor every report of the story names weighs more than one a single report names, and the
    # weight follows the story as reports join
    cl, sid = _setup()
    story = cl.stories[sid]
    often, once = _doc("u1", ["mira osk", "arvania"]), _doc("u2", ["dova pier", "arvania"])
    story.entities["dova pier"] = 1  # named by one report of the story, "mira osk" by both
    cl._actor_mass.pop(sid, None)
    assert cl.similarity(often, story)[0] > cl.similarity(once, story)[0]
    before = cl._actors_weight(story)
    for i in range(3):
        assert cl.add(_doc(f"j{i}", ["mira osk", "dova pier"], when="2021-03-02")).story_id == sid
    assert cl._actors_weight(story) > before  # recomputed after the joins, not the cached weight
    assert cl.similarity(once, story)[0] > cl.similarity(_doc("u3", ["arvania"]), story)[0]

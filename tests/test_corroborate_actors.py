"""stories-v10: with resolved actors, the entity share also counts the story's main actors.

A report's actors the story has (the old share) is full for any report of the same week on the
same two states once an extraction writes each state one way. The story's most-named actors the
report names is the other half: a report of the event names whom it is about. Features are written
directly (no text), so each case controls the words and the actors.
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


def _setup(*extra: DocFeatures, **kw: int | None) -> tuple[StoryClusterer, str]:
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
    old = StoryClusterer(story_actors=None)
    old.df, old.n_docs = cl.df, cl.n_docs
    # the premise: every actor of the report is one of the story's, so the old share was full
    assert old.pair_features(u, story)["entities"] == pytest.approx(1.0)
    assert (cl.similarity(u, story)[0] >= cl.threshold) is joins
    placed = cl.add(u)
    assert (placed.story_id == sid) is joins


def test_the_old_share_joined_the_neighbour() -> None:
    u = _doc("u", list(COMMON), {"budget": 2.0, "minister": 2.0}, when="2021-03-03")
    cl, sid = _setup(u, story_actors=None)
    assert cl.add(u).story_id == sid  # stories-v9 joined it on the two states alone


@pytest.mark.parametrize("entities", [COMMON, ["mira osk"], [*COMMON, "mira osk", "kessel"]])
def test_unresolved_keys_keep_the_one_way_share(entities: list[str]) -> None:
    # capitalised word runs (no extraction) are too ragged for the second share: unchanged
    u = _doc("u", entities, resolved=False, when="2021-03-03")
    cl, sid = _setup(u)
    old = StoryClusterer(story_actors=None)
    old.df, old.n_docs = cl.df, cl.n_docs
    story = cl.stories[sid]
    assert cl.similarity(u, story) == old.similarity(u, story)


def test_the_main_actors_follow_the_story() -> None:
    # the cached list of main actors is dropped when a report joins, so a new main actor counts
    cl, sid = _setup(story_actors=2)
    assert cl._top_actors(cl.stories[sid]) == ["arvania", "mira osk"]  # four named twice: by name
    for i in range(3):
        assert cl.add(_doc(f"j{i}", ["mira osk", "dova pier"], when="2021-03-02")).story_id == sid
    assert cl._top_actors(cl.stories[sid]) == ["mira osk", "dova pier"]  # named 5 and 3 times

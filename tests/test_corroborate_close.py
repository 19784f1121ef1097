"""stories-v9: an undated report close to a story in its words joins it without anchors.

Anchors are sampled signs (shared 8-grams, rare word pairs, the same actor pair); a short item or
a rewrite in other words may carry none though most of its weighted vocabulary is the story's. A
TF-IDF cosine of 0.25 or more with the story's centroid then stands in for them. It adds no
anchor, so an anchored story still wins; the later-year veto holds; and an undated story of
several reports settling into a dated one still needs anchors. A little less close (cosine 0.22)
stands in for one of the two anchors, as a strong score does.

Features are written directly (no text), so each case controls the cosine and the anchors.
"""

from __future__ import annotations

from datetime import date

import pytest

from mistrust.corroborate.stories import DocFeatures, StoryClusterer

ENTITIES = ["velmora", "arvania"]
STORY = {"seized": 3.0, "dhow": 3.0, "rifles": 2.0, "navy": 2.0, "cargo": 1.0, "crew": 1.0}
# the same event in other words: most of the weighted vocabulary is the story's
CLOSE = {"seized": 3.0, "dhow": 3.0, "rifles": 2.0, "navy": 2.0, "boarded": 7.0, "patrol": 7.0, "skiff": 7.0}
# fewer of the story's words, more of its own: a topic shared, under a quarter of the vector
FAR = {"seized": 3.0, "dhow": 2.0, "navy": 2.0, "boarded": 8.0, "patrol": 8.0, "skiff": 8.0}
# words no other report uses, so the IDF of the shared ones is what the cosine measures
FILLER = [DocFeatures(f"f{i}", date(2020, 1, 1), {f"w{i}": 1.0, f"v{i}": 1.0}, [], f"f{i}") for i in range(6)]


def _doc(doc_id: str, when: str | None, terms: dict[str, float], *, years: tuple[int, ...] = (),
         passages: tuple[int, ...] = (), entities: list[str] | None = None) -> DocFeatures:
    return DocFeatures(doc_id, date.fromisoformat(when) if when else None, dict(terms), entities or list(ENTITIES), doc_id,
                       list(passages), list(years), [], 200, [])


def _run(*docs: DocFeatures, **kw: float | None) -> tuple[StoryClusterer, dict[str, str], dict[str, str]]:
    cl = StoryClusterer(**kw)  # type: ignore[arg-type]
    cl.observe([*FILLER, *docs])
    placed = cl.add_batch([*FILLER, *docs])
    return cl, {a.doc_id: a.story_id for a in placed}, {a.doc_id: a.reason for a in placed}


def _cosine(u: DocFeatures, dated: DocFeatures) -> float:
    cl, placed, _ = _run(dated)
    return cl.pair_features(u, cl.stories[placed[dated.doc_id]])["cosine"]


@pytest.mark.parametrize(("terms", "joins"), [(CLOSE, True), (FAR, False)])
def test_a_report_close_in_words_needs_no_anchor(terms: dict[str, float], joins: bool) -> None:
    dated = _doc("dated", "2021-05-04", STORY, passages=(1, 2, 3))
    # no passage, year, pair or claim in common; one of two places shared keeps the score under 0.5
    u = _doc("u", None, terms, passages=(70, 71), entities=["velmora", "tarsk"])
    cl, first, _ = _run(dated)
    story = cl.stories[first["dated"]]
    # the premise: both pass the score threshold without the near-copy score; only one is close
    assert 0.2 <= cl.similarity(u, story)[0] < 0.5
    assert (cl.pair_features(u, story)["cosine"] >= 0.25) is joins
    _, placed, reason = _run(dated, u)
    assert (placed["u"] == placed["dated"]) is joins
    if joins:
        assert "close in words" in reason["u"]
    _, before, _ = _run(dated, u, undated_close=None)  # stories-v7 asked for anchors
    assert before["u"] != before["dated"]


def test_an_anchored_story_wins_over_a_close_one() -> None:
    # the report is close in words to the first event and shares a passage and its year with the second
    close = _doc("close", "2019-02-01", STORY)
    anchored = _doc("anchored", "2021-02-01", {"seized": 2.0, "dhow": 1.0, "ports": 2.0, "insurers": 2.0},
                    passages=(5, 6, 7, 8))
    u = _doc("u", None, CLOSE, years=(2021,), passages=(5, 6, 7))
    assert _cosine(u, close) >= 0.25
    _, placed, _ = _run(close, anchored, u)
    assert placed["u"] == placed["anchored"] != placed["close"]


def test_a_later_year_still_vetoes_a_close_report() -> None:
    dated = _doc("dated", "2021-05-04", STORY)
    for years, joins in (((2024,), False), ((2021,), True)):
        _, placed, _ = _run(dated, _doc("u", None, CLOSE, years=years))
        assert (placed["u"] == placed["dated"]) is joins


def test_an_undated_story_settles_only_on_anchors() -> None:
    # settling moves a whole undated story (several reports) into a dated one: closeness in words
    # is not enough there, the anchors are asked for as before
    dated = _doc("dated", "2021-05-04", STORY, passages=(1, 2, 3))
    cl, placed, _ = _run(dated)
    story = cl.stories[placed["dated"]]
    for passages, years, anchored in (((70, 71), (), False), ((1, 2, 3), (2021,), True)):
        u = _doc("u", None, CLOSE, passages=passages, years=years, entities=["velmora", "tarsk"])
        score = cl.similarity(u, story)[0]
        cos = cl.pair_features(u, story)["cosine"]
        assert 0.2 <= score < 0.5 and cos >= 0.25  # the premise
        assert cl._anchored(u, story, score, cos) is not None  # one report: close enough
        assert (cl._anchored(u, story, score, cos, settling=True) is not None) is anchored


def _diluted(weight: float) -> dict[str, float]:
    # the story's words and three of its own at ``weight``: the heavier, the further in words
    return {"seized": 3.0, "dhow": 3.0, "rifles": 2.0, "navy": 2.0, "boarded": weight, "patrol": weight,
            "skiff": weight}


@pytest.mark.parametrize(("weight", "passages", "joins"), [
    (10.0, (1, 2, 3), True),  # near in words (cosine 0.22 - 0.25) and one anchor, a shared passage
    (10.0, (70, 71), False),  # near in words, no anchor
    (12.0, (1, 2, 3), False),  # one anchor, but under 0.22
])
def test_near_in_words_stands_in_for_one_anchor(weight: float, passages: tuple[int, ...], joins: bool) -> None:
    dated = _doc("dated", "2021-05-04", STORY, passages=(1, 2, 3))
    u = _doc("u", None, _diluted(weight), passages=passages, entities=["velmora", "tarsk"])
    cl, first, _ = _run(dated)
    story = cl.stories[first["dated"]]
    # the premise: over the score threshold, under the strong score (which alone lets one anchor do)
    assert 0.2 <= cl.similarity(u, story)[0] < 0.32
    assert (0.22 <= cl.pair_features(u, story)["cosine"] < 0.25) is (weight == 10.0)
    _, placed, _ = _run(dated, u)
    assert (placed["u"] == placed["dated"]) is joins
    _, before, _ = _run(dated, u, undated_near=None)  # without the rule two anchors are asked
    assert before["u"] != before["dated"]


@pytest.mark.parametrize("terms", [CLOSE, FAR, _diluted(10.0), _diluted(12.0)])
@pytest.mark.parametrize("passages", [(1, 2, 3), (70, 71)])
def test_the_cosine_is_computed_once_per_pair(monkeypatch: pytest.MonkeyPatch, terms: dict[str, float],
                                              passages: tuple[int, ...]) -> None:
    """Placing an undated report computes the cosine with each story once (the score's part is
    what the closeness rules read), and that is the cosine the pair's features give."""
    dated = _doc("dated", "2021-05-04", STORY, passages=(1, 2, 3))
    u = _doc("u", None, terms, passages=passages, entities=["velmora", "tarsk"])
    cl, first, _ = _run(dated)
    story = cl.stories[first["dated"]]
    expected = cl.pair_features(u, story)["cosine"]
    score, why, cos = cl._score(u, story)
    assert cos == expected and (score, why) == cl.similarity(u, story)
    joins = cl._anchored(u, story, score, cos) is not None
    calls: list[str] = []
    likeness = StoryClusterer._likeness

    def counted(self: StoryClusterer, *args: object) -> object:
        calls.append(args[1].id)  # type: ignore[attr-defined]
        return likeness(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(StoryClusterer, "_likeness", counted)
    before = cl.comparisons
    placed = cl.add(u)
    assert cl.comparisons - before == len(calls) >= 1
    assert len(calls) == len(set(calls))  # no story compared twice
    assert (placed.story_id == first["dated"]) is joins
    assert ("close in words" in placed.reason) is (joins and cos >= 0.25 and passages == (70, 71))

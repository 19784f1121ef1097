"""The learned story join model (opt-in): the pair features it reads, the model, its fit, and the
clusterer placing documents by it.

Hand-written reports about invented places and ships; features written directly where a case must
control exactly one signal.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from mistrust.corroborate import StoryClusterer, cluster, doc_features
from mistrust.corroborate.joins import JOIN_FEATURES, JoinModel, fit_logistic
from mistrust.corroborate.stories import DocFeatures, StoryState
from mistrust.model import Document

SEIZURE = ("Harbour police in Tessaly boarded the freighter Amber Lorn at the quay of Port Osrik on Tuesday and "
           "impounded forty crates of maraging steel rods declared as farm machinery, the Tessalian customs office "
           "said. Inspectors found forged manifests and a second set of loading papers in the captain's cabin. ")
SEIZURE_RETOLD = ("The Tessalian customs office said forty crates of maraging steel rods were impounded after harbour "
                  "police boarded the Amber Lorn at Port Osrik. Forged manifests and a second set of loading papers "
                  "were found aboard, and the freighter's crew of eleven was questioned through the night. ")
ELECTION = ("Voters in the mountain canton of Wendry elected a new council of nine on Sunday, returning the "
            "farmers' list to a majority for the first time since the reservoir dispute, the canton's clerk said, "
            "and turnout rose among young voters in the valley towns along the Ober river. ")


def _doc(doc_id: str, text: str, title: str, published: str | None) -> Document:
    return Document(id=doc_id, text=text, title=title, outlet=f"Outlet {doc_id}", published=published)


FIRST = _doc("s1", SEIZURE * 2, "Tessaly impounds steel rods on freighter Amber Lorn", "2024-04-02")
RETOLD = _doc("s2", SEIZURE_RETOLD * 2, "Steel rods seized from Amber Lorn in Port Osrik", "2024-04-02")
OTHER = _doc("e1", ELECTION * 2, "Farmers' list wins Wendry canton council", "2024-04-02")


def _story_of(cl: StoryClusterer, *docs: Document) -> tuple[StoryState, list[DocFeatures]]:
    """Place every document but the last (they make one story); return that story and the features
    of every document, the last one's to compare with it."""
    feats = [doc_features(d) for d in docs]
    cl.observe(feats)
    cl.add_batch(feats[:-1])
    return next(iter(cl.stories.values())), feats


# -- features ------------------------------------------------------------------------------------

def test_features_of_one_event_outweigh_those_of_another() -> None:
    cl = StoryClusterer()
    story, feats = _story_of(cl, FIRST, RETOLD, OTHER)
    same = cl.pair_features(feats[1], story)
    other = cl.pair_features(feats[2], story)
    assert set(same) == set(other) == set(JOIN_FEATURES)
    assert all(0.0 <= v <= 1.0 for v in (*same.values(), *other.values()))
    for k in ("cosine", "entities", "phrases", "title"):
        assert same[k] > other[k], k
    assert other["cosine"] < 0.1 and other["phrases"] == 0.0 and other["title"] == 0.0


@pytest.mark.parametrize(("published", "undated", "recency", "gap"), [
    ("2024-04-02", 0.0, 1.0, 0.0),  # the same day
    ("2024-04-04", 0.0, 1 / 3, 0.4),  # two days later: a third of the recency left, 2 of 5 window days
    (None, 1.0, 0.0, 0.0),  # undated: no time signal, the undated flags instead
])
def test_time_features(published: str | None, undated: float, recency: float, gap: float) -> None:
    cl = StoryClusterer()
    story, feats = _story_of(cl, FIRST, _doc("s2", RETOLD.text, RETOLD.title or "", published))
    x = cl.pair_features(feats[1], story)
    assert x["undated"] == undated
    assert x["recency"] == pytest.approx(recency) and x["gap"] == pytest.approx(gap)
    assert x["undated_cosine"] == (x["cosine"] if undated else 0.0)


def _features(doc_id: str, when: str | None, years: tuple[int, ...], title: str = "t") -> DocFeatures:
    return DocFeatures(doc_id, date.fromisoformat(when) if when else None, {"freighter": 2.0, "rods": 1.0},
                       ["tessaly"], title, [], list(years), [], 200)


@pytest.mark.parametrize(("years", "year"), [((2024,), 1.0), ((2024, 2019), 1.0), ((2019,), 0.0), ((), 0.0)])
def test_year_feature_is_an_undated_report_naming_the_storys_year(years: tuple[int, ...], year: float) -> None:
    cl = StoryClusterer()
    dated = _features("d", "2024-03-01", ())
    cl.observe([dated])
    cl.add(dated)
    story = next(iter(cl.stories.values()))
    assert cl.pair_features(_features("u", None, years), story)["year"] == year
    # a dated report naming the year is no sign of the event: its date already says as much
    assert cl.pair_features(_features("v", "2024-03-02", years), story)["year"] == 0.0


@pytest.mark.parametrize(("title", "expected"), [
    ("Freighter seized at Port Osrik", 1.0),
    ("Port Osrik: the freighter seized", 1.0),  # word order and stop words do not matter
    ("Freighter sails from Port Osrik", 0.6),  # 3 of the 5 content words both headlines have
    ("Canton council elected", 0.0),
])
def test_title_feature_is_headline_word_overlap(title: str, expected: float) -> None:
    cl = StoryClusterer()
    first = _features("d", "2024-03-01", (), "Freighter seized at Port Osrik")
    cl.observe([first])
    cl.add(first)
    story = next(iter(cl.stories.values()))
    assert cl.pair_features(_features("x", "2024-03-01", (), title), story)["title"] == pytest.approx(expected)


# -- model and fit -------------------------------------------------------------------------------

def test_model_probability_follows_its_logit() -> None:
    model = JoinModel({"cosine": 10.0, "undated": -2.0}, bias=-3.0)
    assert model.logit({"cosine": 0.5, "undated": 1.0}) == pytest.approx(0.0)
    assert model.probability({"cosine": 0.5, "undated": 1.0}) == pytest.approx(0.5)
    assert model.probability({"cosine": 0.6}) > model.probability({"cosine": 0.3}) > model.probability({})
    assert model.probability({"cosine": -100.0}) == 0.0  # no overflow far out


def test_the_shipped_model_weighs_every_feature_and_text_evidence_raises_it() -> None:
    model = JoinModel.fitted()
    assert set(model.weights) == set(JOIN_FEATURES)
    assert 0.0 < model.threshold < 1.0
    for k in ("cosine", "entities", "recency", "phrases"):
        assert model.weights[k] > 0, k
    assert model.weights["undated"] < 0  # without dates the same words are weaker evidence


def _grid() -> tuple[np.ndarray, np.ndarray]:
    """Pairs on a grid: joins when the first feature beats the second (the third carries nothing),
    every 17th label flipped so the classes overlap and the weights stay finite."""
    x = np.array([[a / 10, b / 10, (a * b % 7) / 7] for a in range(11) for b in range(11)])
    y = (x[:, 0] > x[:, 1]).astype(float)
    y[::17] = 1 - y[::17]
    return x, y


def test_fit_is_deterministic_and_finds_the_signs() -> None:
    x, y = _grid()
    b1, w1 = fit_logistic(x, y, 0.01)
    b2, w2 = fit_logistic(x.copy(), y.copy(), 0.01)
    assert b1 == b2 and np.array_equal(w1, w2)
    assert w1[0] > 1.0 and w1[1] < -1.0 and abs(w1[2]) < abs(w1[0])
    # a stronger penalty shrinks the weights
    _, shrunk = fit_logistic(x, y, 10.0)
    assert abs(shrunk[0]) < abs(w1[0])


# -- the clusterer placing by the model ----------------------------------------------------------

def test_fitted_model_joins_two_reports_of_one_event_and_not_a_third_event() -> None:
    cl = StoryClusterer(model=JoinModel.fitted())
    placed = {a.doc_id: a for a in cluster([(d, None) for d in (FIRST, RETOLD, OTHER)], cl)}
    assert placed["s1"].story_id == placed["s2"].story_id
    assert placed["e1"].story_id != placed["s1"].story_id and placed["e1"].opened
    assert placed["s2"].reason.startswith("join probability")
    assert placed["s2"].score >= JoinModel.fitted().threshold


@pytest.mark.parametrize(("above", "joined"), [(False, True), (True, False)])
def test_model_threshold_decides(above: bool, joined: bool) -> None:
    """The same pair joins at a threshold equal to its probability, not at one just above it."""
    fitted = JoinModel.fitted()
    cl = StoryClusterer()
    story, feats = _story_of(cl, FIRST, RETOLD)
    p = fitted.probability(cl.pair_features(feats[1], story))
    model = JoinModel(dict(fitted.weights), fitted.bias, threshold=float(np.nextafter(p, 2.0)) if above else p)
    placed = {a.doc_id: a.story_id for a in cluster([(d, None) for d in (FIRST, RETOLD)], StoryClusterer(model=model))}
    assert (placed["s1"] == placed["s2"]) is joined


TEXT_ONLY = JoinModel({"cosine": 20.0}, bias=-2.0)  # joins on the words alone: the limits must still hold


def test_model_keeps_the_later_year_veto() -> None:
    dated = _features("d", "2021-06-01", ())
    later = _features("u", None, (2023,))  # names a year after every report of the story
    earlier = _features("w", None, (2019,))
    cl = StoryClusterer(model=TEXT_ONLY)
    cl.observe([dated, later, earlier])
    placed = {a.doc_id: a.story_id for a in cl.add_batch([dated, later, earlier])}
    assert placed["u"] != placed["d"]
    assert placed["w"] == placed["d"]


def test_model_keeps_the_time_window() -> None:
    first = _features("d", "2021-06-01", ())
    cl = StoryClusterer(model=TEXT_ONLY)
    near, far = _features("n", "2021-06-04", ()), _features("f", "2021-06-20", ())
    cl.observe([first, near, far])
    placed = {a.doc_id: a.story_id for a in cl.add_batch([first, near, far])}
    assert placed["n"] == placed["d"] and placed["f"] != placed["d"]


def _only(words: dict[str, float], doc_id: str, when: str) -> DocFeatures:
    return DocFeatures(doc_id, date.fromisoformat(when), words, [], doc_id, [], [], [], 200)


@pytest.mark.parametrize(("threshold", "merged"), [(0.5, True), (0.97, False)])
def test_model_bridges_two_stories_when_a_report_belongs_to_both(threshold: float, merged: bool) -> None:
    """Two first reports with no word in common open two stories; a later report made of both
    joins one and, when the model also puts it in the other, merges them."""
    launch = _only({"rocket": 2.0, "radar": 2.0, "booster": 1.0}, "l", "2022-03-01")
    sanction = _only({"freeze": 2.0, "registry": 2.0, "tankers": 1.0}, "s", "2022-03-02")
    both = _only({"rocket": 2.0, "radar": 2.0, "freeze": 2.0, "registry": 2.0}, "b", "2022-03-03")
    cl = StoryClusterer(model=JoinModel({"cosine": 20.0}, bias=-10.0, threshold=threshold))
    cl.observe([launch, sanction, both])
    placed = {a.doc_id: a for a in cl.add_batch([launch, sanction, both])}
    assert (placed["l"].story_id == placed["s"].story_id) is merged
    assert ("bridged and merged" in placed["b"].reason) is merged


def test_force_replays_a_known_clustering() -> None:
    cl = StoryClusterer()
    feats = [doc_features(d) for d in (FIRST, OTHER, RETOLD)]
    cl.observe(feats)
    cl.force(feats[0], "label:seizure")
    cl.force(feats[1], "label:seizure")  # a wrong label is followed all the same
    assert cl.stories["label:seizure"].doc_ids == ["s1", "e1"]
    _, _, _, reachable = cl.reachable(feats[2])
    assert [s.id for s in reachable] == ["label:seizure"]


def test_the_shipped_weights_are_what_the_fit_script_gives_on_half_a() -> None:
    """The weights in ``join_weights.py`` are reproducible: the script's pairs (dev half A, by its
    labels) fitted again give them to the 4 places the script writes."""
    import sys
    from pathlib import Path

    from conftest import require_shared

    data = require_shared("news", "dev_articles.jsonl").parent.parent
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import fit_story_joins

    docs, gold = fit_story_joins.dev_set(data)
    x, y = fit_story_joins.training_pairs(docs, fit_story_joins.half_a(gold))
    assert len(y) > 500 and 0 < y.sum() < len(y) / 5  # many candidates, few of them right
    bias, w = fit_logistic(x, y, fit_story_joins.L2, fit_story_joins.STEPS)
    shipped = JoinModel.fitted()
    assert round(bias, 4) == shipped.bias
    assert {k: round(float(v), 4) for k, v in zip(JOIN_FEATURES, w, strict=True)} == shipped.weights

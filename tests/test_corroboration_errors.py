"""The error listing of ``benchmarks/corroboration_quality.py`` (section 1f): which labelled stories
of one half a clustering split, and which predicted stories mix a document of that half with
another labelled story's. Ids and labels are made up for the test."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from corroboration_quality import bcubed_over_all, half_errors  # noqa: E402

# half "t" (tuning): a three-report story, a pair, a single; half "c" (check): a pair
GOLD = {"t1": "harbour-fire", "t2": "harbour-fire", "t3": "harbour-fire", "t4": "dam-vote", "t5": "dam-vote",
        "t6": "single:t6", "c1": "grain-deal", "c2": "grain-deal"}
TUNING = {"t1", "t2", "t3", "t4", "t5", "t6"}


def test_a_clustering_that_follows_the_labels_has_no_errors() -> None:
    pred = {i: f"story:{label}" for i, label in GOLD.items()}
    assert half_errors(pred, GOLD, TUNING) == ({}, [])
    assert bcubed_over_all(pred, GOLD, TUNING)[2] == 1.0


def test_a_split_story_lists_its_parts_largest_first() -> None:
    pred = {i: f"story:{label}" for i, label in GOLD.items()} | {"t3": "story:t3-alone"}
    split, mixed = half_errors(pred, GOLD, TUNING)
    assert split == {"harbour-fire": [["t1", "t2"], ["t3"]]}
    assert mixed == []


def test_a_wrong_join_across_the_halves_is_the_tuning_half_s_error() -> None:
    # the single of the tuning half joins the check half's pair: the plain half figures leave the
    # check half's documents out, so only this listing and the over-all figure see it
    pred = {i: f"story:{label}" for i, label in GOLD.items()} | {"t6": "story:grain-deal"}
    split, mixed = half_errors(pred, GOLD, TUNING)
    assert split == {}
    assert mixed == [["c1", "c2", "t6"]]
    assert bcubed_over_all(pred, GOLD, TUNING)[0] < 1.0


def test_a_wrong_join_inside_the_check_half_is_not_listed() -> None:
    pred = {i: f"story:{label}" for i, label in GOLD.items()} | {"c2": "story:other"}
    pred["c1"] = "story:other"
    pred["c3"] = "story:other"
    gold = GOLD | {"c3": "single:c3"}
    assert half_errors(pred, gold, TUNING) == ({}, [])

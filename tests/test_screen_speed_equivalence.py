"""What ``ScreenIndex.search`` precomputes or shares to save time changes no score and no reason.

* Every hit carries exactly what the reference ``algorithm.score_pair`` (every feature, with
  reasons, of the one pair) gives for its query and matched name, less the runner-up margin;
  the search scores a listed name once for all the entries that list it and writes the reasons
  only for the hits, and this checks that both shortcuts agree with the pure function.
* The per-name rows the quick ranking reads, laid out by the build, equal those an index read
  back from its pickle lays out on first use: both indexes return the same hits.

The names are synthetic (syllables of several naming customs), written for these tests.
"""

from __future__ import annotations

import pickle
import random

import pytest

from _screen_helpers import hand_made_index, random_entities
from mistrust.model import NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.algorithm import FEATURE_NAMES, combine, estimator, score_pair


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    return hand_made_index(random_entities(random.Random(20), 180))


@pytest.fixture(scope="module")
def queries(index: ScreenIndex) -> list[NameQuery]:
    rng = random.Random(4)
    listed = [n.name for n in rng.sample(index.names, 60)]
    out = [NameQuery(n) for n in listed]
    out += [NameQuery(n[:-1] + "y", schema="Person") for n in listed[:20]]  # a typo, a schema given
    out += [NameQuery(" ".join(reversed(n.replace(",", "").split()))) for n in listed[20:40]]  # other order
    out += [NameQuery("Kish Trading", countries=["ir"]), NameQuery("Ri Chol Su", birth_date="1970")]
    return out


def test_hits_carry_the_reference_score_and_reasons(index: ScreenIndex, queries: list[NameQuery]) -> None:
    checked = shared = 0
    for query in queries:
        norm = normalize_name(query.name)
        for hit in index.search(query, threshold=0.7, limit=10):
            pos = next(i for i, n in enumerate(index.names)
                       if n.name == hit.matched_name and index.entities[n.entity].entity.id == hit.entity_id)
            iname = index.names[pos]
            entity = index.entities[iname.entity].entity
            score, feats = score_pair(norm, iname.norm, query, entity, index.lexicon, iname.weak)
            margin = [f for f in hit.features if f.name == "runner_up"]
            assert [f for f in hit.features if f.name != "runner_up"] == feats, query.name
            expected = round(max(0.0, score + margin[0].weight), 4) if margin else score
            assert hit.score == expected, (query.name, hit.matched_name)
            checked += 1
            shared += sum(n.norm == iname.norm for n in index.names) > 1
    assert checked > len(queries) / 2, "too few hits for the comparison to say anything"
    assert shared, "no hit through a name listed in two entries (the shared score is not exercised)"


def test_index_read_back_from_its_pickle_returns_the_same_hits(index: ScreenIndex,
                                                               queries: list[NameQuery]) -> None:
    assert "_quick" not in index.__getstate__()  # the rows are derived data: left out of the pickle ...
    loaded = pickle.loads(pickle.dumps(index))
    assert loaded._quick is not None  # ... and laid out again as it loads (before a server freezes it)
    for query in queries:
        norm = normalize_name(query.name)
        positions = index.candidates(norm)
        assert loaded.quick_scores(norm, positions) == index.quick_scores(norm, positions), query.name
        assert loaded.search(query) == index.search(query), query.name
    assert [row.fields() for row in loaded._quick or []] == [row.fields() for row in index._quick or []]


def test_estimate_knowing_every_feature_is_the_combined_score() -> None:
    """The quick estimate's arithmetic (``algorithm.estimator``, written as plain loops for speed)
    is the algorithm's combination: given every feature it has nothing to take at its most
    favourable value, so it must equal ``combine`` (up to the order of the additions)."""
    estimate = estimator(FEATURE_NAMES)
    rng = random.Random(9)
    for _ in range(2000):
        values = [rng.choice((0.0, 1.0, rng.random())) for _ in FEATURE_NAMES]
        assert abs(estimate(*values) - combine(values)) < 1e-12, values


def test_recent_lookups_change_no_hit(queries: list[NameQuery]) -> None:
    """A name screened again with other countries (as the linker does: the sentence's state, then
    the text's) reuses the name's lookup (``_looked_up``): the hits equal a search from scratch."""
    import dataclasses

    from mistrust.screen.index import RECENT_NAMES

    rng = random.Random(20)
    # the same entries, each with a state, so that the query's countries move the scores
    index = hand_made_index([dataclasses.replace(e, countries=[rng.choice(["ir", "kp", "sy"])])
                             for e in random_entities(random.Random(20), 180)])
    fresh = pickle.loads(pickle.dumps(index))
    moved = 0
    for query in queries:
        asked = [query] + [dataclasses.replace(query, countries=c) for c in (["ir"], ["kp", "ir"], [])]
        for q in asked + asked[::-1]:  # each name repeated, in both orders
            fresh._recent.clear()  # the reference computes the lookup anew for every search
            assert index.search(q) == fresh.search(q), (q.name, q.countries)
            assert len(index._recent) <= RECENT_NAMES
        hits = [[(h.entity_id, h.score) for h in index.search(q)] for q in asked]
        moved += any(h != hits[0] for h in hits)
    assert moved, "no query's hits moved with its countries: the reuse is not exercised"
    assert pickle.loads(pickle.dumps(index))._recent == {}  # a memo, not part of the index

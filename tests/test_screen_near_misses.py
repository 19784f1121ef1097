"""Without a match, a near miss past the first candidates is scored (``ScreenIndex.search``).

The quick ranking errs high on names that share a query's generic words ("Trading Corporation")
and little else; a name sharing its one rare word, written another way, may rank below several of
them. Only the first ``FULL_SCORE`` candidates used to be scored down to ``min_score``: the right
near miss was never scored and the top hit was a generic look-alike. Past them, a candidate is now
scored while its estimate beats the best score so far; next to a match, near misses past the
first ``FULL_SCORE`` whose estimate cannot reach the threshold are skipped as before (they cannot
outrank the match).

All names are made up.
"""

from __future__ import annotations

import pytest

from _screen_helpers import THRESHOLD, hand_made_index, name_position
from mistrust.model import Alias, ListEntity, NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.index import FULL_SCORE


def _org(eid: str, name: str, *aliases: str) -> ListEntity:
    return ListEntity(id=eid, schema="Organization", name=name, aliases=[Alias(name=a) for a in aliases], source="t")


# (query, the right entry's name: its rare word spelt another way with another generic word,
#  look-alikes: other rare words with the query's generic words)
CASES = [
    ("Velmor Trading Corporation", "Velmory Company",
     ["Kastel", "Nuvar", "Brelo", "Tesk", "Varmol", "Orvik"], "Trading Corporation"),
    ("Quorrin Shipping Corporation", "Quorrina Company",
     ["Lattu", "Mebrik", "Sondal", "Tyrve", "Aspol", "Delvo", "Kastel", "Nuvar"], "Shipping Corporation"),
]


def _index(right: str, others: list[str], generic: str, *extra: ListEntity) -> ScreenIndex:
    return hand_made_index([_org("t:right", right), *[_org(f"t:n{i}", f"{w} {generic}") for i, w in enumerate(others)],
                            *extra])


def _quick_rank(index: ScreenIndex, query: str, name: str) -> tuple[int, float]:
    norm = normalize_name(query)
    ranked = index.quick_scores(norm, index.candidates(norm))
    pos = name_position(index, name)
    rank = [p for _s, p in ranked].index(pos)
    return rank, ranked[rank][0]


@pytest.mark.parametrize(("query", "right", "others", "generic"), CASES)
def test_near_miss_past_the_first_candidates_is_scored_and_first(query: str, right: str, others: list[str],
                                                                  generic: str) -> None:
    index = _index(right, others, generic)
    rank, estimate = _quick_rank(index, query, right)
    # The case is the one the rule is for: ranked past the first FULL_SCORE, below the threshold.
    assert rank >= FULL_SCORE and estimate < THRESHOLD, (rank, estimate)
    hits = index.search(NameQuery(query, schema="Organization"), threshold=THRESHOLD, min_score=0.0)
    assert not any(h.match for h in hits), [(h.entity_id, h.score) for h in hits]
    assert hits[0].entity_id == "t:right", [(h.entity_id, h.score) for h in hits]
    assert hits[0].score > hits[1].score


@pytest.mark.parametrize(("query", "right", "others", "generic"), CASES)
def test_after_a_match_far_near_misses_are_not_scored(query: str, right: str, others: list[str],
                                                      generic: str) -> None:
    # The query's own name listed: a match, so the far near miss is not worth its full score.
    index = _index(right, others, generic, _org("t:same", query))
    rank, estimate = _quick_rank(index, query, right)
    assert rank >= FULL_SCORE and estimate < THRESHOLD, (rank, estimate)
    hits = index.search(NameQuery(query, schema="Organization"), threshold=THRESHOLD, min_score=0.0, limit=50)
    assert hits[0].entity_id == "t:same" and hits[0].match
    assert "t:right" not in {h.entity_id for h in hits}, [(h.entity_id, h.score) for h in hits]

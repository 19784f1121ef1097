"""The quick ranking counts what the full score will count.

Only the best few candidates of the quick ranking, and those it puts near the threshold, get the
full score. A query word that the full score matches through a link the lists give (Shargh /
East) must count in the quick ranking too, or a name with several look-alike neighbours is never
scored at all. A word standing for the initials of adjacent words (PSK / Pardis Sahel Kish) is
not counted by the quick ranking; its estimate of the letters and parts errs high enough that the
name is scored all the same (the general property is tested in ``test_screen_speed_paths``).

All names are made up.
"""

from __future__ import annotations

from _screen_helpers import hand_made_index, name_position
from mistrust.model import Alias, ListEntity, NameQuery
from mistrust.screen import normalize_name
from mistrust.screen.index import FULL_SCORE, QUICK_MARGIN, ScreenIndex
from mistrust.screen.links import link_class, without
from mistrust.screen.symbols import LISTED_TOGETHER

THRESHOLD = 0.7


def _org(eid: str, name: str, *aliases: str) -> ListEntity:
    return ListEntity(id=eid, schema="Organization", name=name, aliases=[Alias(name=a) for a in aliases], source="t")


def _linked_index() -> ScreenIndex:
    # t:1 gives the link Shargh = East; six neighbours have every word of the query and one more.
    neighbours = [_org(f"t:n{i}", f"East Kavir {w}") for i, w in
                  enumerate(["Mining", "Shipping", "Textile", "Cement", "Pipes", "Glass"])]
    return hand_made_index([_org("t:1", "Tabriz Shargh Trading", "Tabriz East Trading"),
                            _org("t:2", "Shargh Kavir"), *neighbours])


def test_linked_word_counts_as_a_shared_part() -> None:
    index = _linked_index()
    norm = normalize_name("East Kavir")
    pos = name_position(index, "Shargh Kavir")
    plain = index.quick_scores(norm, [pos], {})[0][0]
    linked = index.quick_scores(norm, [pos], index.lexicon.links)[0][0]
    assert linked > plain + 0.1, (plain, linked)
    # A withheld link (its evidence left out) lifts nothing.
    held = without(index.link_classes, frozenset({link_class("shargh", "east")}))
    assert index.quick_scores(norm, [pos], held)[0][0] == plain


def test_linked_name_is_scored_despite_look_alike_neighbours() -> None:
    index = _linked_index()
    norm = normalize_name("East Kavir")
    pos = name_position(index, "Shargh Kavir")
    # Without the link it ranks below the neighbours and below the floor for a full score.
    plain = index.quick_scores(norm, index.candidates(norm), {})
    rank = [p for _s, p in plain].index(pos)
    assert rank >= FULL_SCORE and plain[rank][0] < THRESHOLD - QUICK_MARGIN / 2, plain
    hits = index.search(NameQuery(name="East Kavir", schema="Organization"), min_score=0.0)
    scored = [h for h in hits if h.entity_id == "t:2"]
    assert scored and any(LISTED_TOGETHER in f.reason for f in scored[0].features), [(h.entity_id, h.score) for h in hits]


def _initials_index() -> ScreenIndex:
    neighbours = [_org(f"t:n{i}", f"{w} Ship Management") for i, w in
                  enumerate(["Sorena", "Tavana", "Kavosh", "Darya Nour", "Bahar", "Setareh", "Arvand"])]
    return hand_made_index([_org("t:1", "Pardis Sahel Kish Ship Management Services"), *neighbours])


def test_initials_name_is_scored_despite_look_alike_neighbours() -> None:
    index = _initials_index()
    hits = index.search(NameQuery(name="PSK Ship Management", schema="Organization"), min_score=0.0)
    scored = [h for h in hits if h.entity_id == "t:1"]
    assert scored and any("initials" in f.reason for f in scored[0].features), [(h.entity_id, h.score) for h in hits]


def test_ranking_by_logit_is_ranking_by_probability() -> None:
    """A search ranks candidates by the estimate's logit and works out the probability only of
    those it reads (``quick_logits``): that is the probabilities' order only while ``probability``
    never decreases, knots of the calibration and both flat ends included."""
    from mistrust.screen.algorithm import CAL_LOGITS, probability

    logits = sorted({*CAL_LOGITS, *(x + d for x in CAL_LOGITS for d in (-1e-9, -1e-15, 1e-15, 1e-9)),
                     *(k / 64 for k in range(-64 * 20, 64 * 20))})
    probabilities = [probability(x) for x in logits]
    assert all(a <= b for a, b in zip(probabilities, probabilities[1:], strict=False))
    assert probabilities[0] < probabilities[-1]
    # On an index: the quick scores come out sorted as the probabilities and positions sort them.
    index = _linked_index()
    for query in ("East Kavir", "Tabriz Trading", "Kavir Glass Mining", "Shargh"):
        norm = normalize_name(query)
        ranked = index.quick_scores(norm, index.candidates(norm))
        assert ranked == sorted(ranked, reverse=True), query
        assert [pos for _l, pos in index.quick_logits(norm, index.candidates(norm))] == [pos for _p, pos in ranked]

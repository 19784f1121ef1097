"""mistrust-v19's two facts about how much a match identifies, each on names made up for the test.

* Evidence adds up beyond one word: a second identifying word that agrees makes a chance match
  far less likely than one (``name_corroboration``); ``name_evidence`` stops at one word.
* A family name made of a given name and a naming custom's patronymic or origin ending (-son,
  -ov / -ev / -in, -ez / -es, the nisba -i / -y / -ei, -oglu) is as common among people as the
  given name, however rarely the lists carry it (``lexicon.family_name_weights``).
"""

from __future__ import annotations

import pytest

from _screen_helpers import THRESHOLD, hand_made_index
from mistrust.model import ListEntity, NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.algorithm import score_name
from mistrust.screen.features import (
    WHOLE_NAME_SHARE,
    NamePair,
    has_evidence,
    name_corroboration,
    name_evidence,
)
from mistrust.screen.lexicon import FLAT_WEIGHT, NO_LIST, Lexicon, family_name_weights

RARE = FLAT_WEIGHT  # the weight of a word no list has


def pair(query: str, listed: str, lex: Lexicon = NO_LIST) -> NamePair:
    return NamePair(normalize_name(query), normalize_name(listed), lex)


@pytest.mark.parametrize(("query", "listed"), [
    ("Velmora Quistad", "QUISTAD, Velmora"), ("Orbek Talvanu Serim", "SERIM, Orbek Talvanu"),
    ("Druvok Pennath", "PENNATH, Druvok Ilse"), ("Kastrell Ombrivan Holdings", "KASTRELL OMBRIVAN HOLDINGS"),
])
def test_two_identifying_words_corroborate_each_other(query: str, listed: str) -> None:
    p = pair(query, listed)
    assert name_corroboration(p)[0] == 1.0
    assert name_evidence(p)[0] == 1.0  # the evidence feature itself still stops at one word


# A lexicon where the given names are common and the family names rare.
GIVEN_COMMON = Lexicon(weights={"velmora": 4.0, "orbek": 4.0, "druvok": 4.0, "quistad": RARE, "serim": RARE,
                                "pennath": RARE, "tarnis": RARE})


@pytest.mark.parametrize(("query", "listed"), [
    ("Velmora Quistad", "QUISTAD, Velmora"), ("Orbek Serim", "SERIM, Orbek"), ("Druvok Pennath", "PENNATH, Druvok"),
    ("Tarnis", "TARNIS"),
])
def test_one_rare_word_and_common_ones_are_no_corroboration(query: str, listed: str) -> None:
    p = pair(query, listed, GIVEN_COMMON)
    assert name_corroboration(p)[0] < 0.1
    assert has_evidence(*name_evidence(p))  # the rare family name is still evidence enough


@pytest.mark.parametrize(("query", "listed"), [("Velmora Quistad", "QUISTAD, Velmora"),
                                               ("Orbek Serim", "SERIM, Orbek")])
def test_a_match_on_two_rare_words_scores_above_one_on_a_rare_and_a_common(query: str, listed: str) -> None:
    both_rare = score_name(pair(query, listed)).value
    one_rare = score_name(pair(query, listed, GIVEN_COMMON)).value
    assert both_rare > one_rare


@pytest.mark.parametrize(("family", "given"), [
    ("belandson", "beland"), ("velirov", "velir"), ("kostareva", "kostar"), ("marandez", "marando"),
    ("feloses", "felos"), ("zafiri", "zafir"), ("doruzei", "doruz"), ("kemroglu", "kemr"), ("taskiny", "taskin"),
])
def test_a_family_name_built_on_a_given_name_is_as_common_as_it(family: str, given: str) -> None:
    weights = {given: 6.0, family: 80.0}
    assert family_name_weights(weights)[family] == 6.0
    assert Lexicon(weights={given: 6.0}).weight(family) == 6.0  # not listed itself: the same


@pytest.mark.parametrize(("word", "listed", "unlisted"), [
    ("samri", {"sam": 3.0}, RARE),          # the base would have three letters: a name that merely ends so
    ("velirak", {"velir": 3.0}, RARE),      # no custom's ending
    ("oskeldi", {"oskeld": 90.0}, 90.0),    # a base rarer than the word as listed (unlisted, it is rare anyway)
    ("trovanson", {"trovasen": 3.0}, RARE),  # a base the lists lack
])
def test_other_words_keep_their_own_weight(word: str, listed: dict[str, float], unlisted: float) -> None:
    assert family_name_weights({**listed, word: 40.0})[word] == 40.0
    assert Lexicon(weights=listed).weight(word) == unlisted


# Made-up entries: a common given name (in eight entries) and one entry whose family name is
# built on it, and one whose family name is built on nothing listed.
COMMON_GIVEN = [ListEntity(id=f"p:g{k}", source="t", schema="Person", name=f"{surname}, Torvald")
                for k, surname in enumerate(("QUELLAN", "ABRETTI", "SOVANIK", "MERUVAL", "DANNOSK", "PELIRAU",
                                             "USTREGA", "KOVENTH"))]
ENTRIES = [*COMMON_GIVEN, ListEntity(id="p:son", source="t", schema="Person", name="TORVALDSON, Ismene"),
           ListEntity(id="p:rare", source="t", schema="Person", name="GRAVENSKOLD, Ismene")]


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    return hand_made_index(ENTRIES)


def test_the_index_weighs_the_built_family_name_as_its_given_name(index: ScreenIndex) -> None:
    lex = index.lexicon
    assert lex.weight("torvaldson") == lex.weight("torvald") < lex.weight("gravenskold")


def best(index: ScreenIndex, query: str) -> dict[str, float]:
    return {h.entity_id: h.score for h in index.search(NameQuery(name=query, schema="Person"), threshold=THRESHOLD,
                                                       min_score=0.0)}


def feature(index: ScreenIndex, query: str, entry: str, name: str) -> float:
    hit = next(h for h in index.search(NameQuery(name=query, schema="Person"), threshold=THRESHOLD, min_score=0.0)
               if h.entity_id == entry)
    return next((f.score for f in hit.features if f.name == name), 0.0)


def test_a_near_spelling_of_a_built_family_name_says_less_than_of_a_rare_one(index: ScreenIndex) -> None:
    # One letter changed in each family name, the given name the same, each family name listed
    # once: the one built on a common given name identifies less, so it corroborates less and
    # scores lower.
    built = feature(index, "Ismene Torvaldsen", "p:son", "name_corroboration")
    rare = feature(index, "Ismene Gravenskald", "p:rare", "name_corroboration")
    assert built < rare / 2
    assert best(index, "Ismene Torvaldsen")["p:son"] < best(index, "Ismene Gravenskald")["p:rare"]


@pytest.mark.parametrize(("query", "entry"), [("Ismene Torvaldson", "p:son"), ("Ismene Gravenskold", "p:rare"),
                                              ("Torvald Quellan", "p:g0")])
def test_the_names_as_listed_still_match(index: ScreenIndex, query: str, entry: str) -> None:
    assert best(index, query).get(entry, 0.0) >= THRESHOLD


@pytest.mark.parametrize(("query", "listed"), [
    ("Velmora Quistad", "QUISTAD, Velmora"), ("Orbek Talvanu Serim", "SERIM, Orbek"), ("Druvok Pennath", "PENAT, Druvoc"),
    ("Al Quistad Al Serim", "AL-QUISTAD AL-SERIM"), ("Kastrell", "Kastrell"), ("KOH", "Kastrell Ombrivan Holdings"),
    ("Tarnis Velmora", "Tarnis Velmora"), ("Ombri Van Trading", "OMBRIVAN TRADING"), ("Al-Kastrell", "KASTRELL"),
    ("Dr Quistad", "QUISTAD"), ("Kastrel", "AL KASTRELL"),
])
@pytest.mark.parametrize("lex", [NO_LIST, GIVEN_COMMON])
def test_the_quick_bound_holds_what_the_words_can_identify(query: str, listed: str, lex: Lexicon) -> None:
    # The quick ranking bounds the evidence and the corroboration of a pair by what either name's
    # words can identify at most (``index._most_informative``); it must never be below the truth.
    from mistrust.screen.features import identifying_words
    from mistrust.screen.index import _most_informative, counted_words

    q, c = normalize_name(query), normalize_name(listed)
    share = WHOLE_NAME_SHARE if counted_words(q) <= 1 and counted_words(c) <= 1 else 1.0
    most = min(_most_informative(lex, q, share), _most_informative(lex, c, share))
    assert identifying_words(NamePair(q, c, lex)) <= most + 1e-12

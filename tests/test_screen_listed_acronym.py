"""Initials on the listed side (a listed acronym, a query of the full name), on names made up for the test.

Four initials or more are as much evidence whichever side writes them (``features.ACRONYM_FULL_LETTERS``):
a listed "KVMT" is found from "Kestrel Valdor Mining Trust" as that query is found from "KVMT". Three
stay weak either way: three initials of some query spell a listed three-letter acronym by chance.
"""

from __future__ import annotations

import pytest

from _screen_helpers import THRESHOLD, hand_made_index
from mistrust.model import ListEntity, NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.features import NamePair, has_evidence, name_acronym, name_evidence
from mistrust.screen.lexicon import NO_LIST

ENTRIES = [ListEntity(id="o:4", source="t", schema="Organization", name="KVMT"),
           ListEntity(id="o:5", source="t", schema="Organization", name="ORDSB"),
           ListEntity(id="o:3", source="t", schema="Organization", name="TPV")]


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    return hand_made_index(ENTRIES)


def score(index: ScreenIndex, query: str, entry: str) -> float:
    hits = index.search(NameQuery(name=query, schema="Organization"), threshold=THRESHOLD, min_score=0.0)
    return max((h.score for h in hits if h.entity_id == entry), default=0.0)


@pytest.mark.parametrize(("query", "listed"), [
    ("KESTREL VALDOR MINING TRUST", "KVMT"), ("Ostrava River Dredging Supply Board", "ORDSB"),
])
def test_a_listed_acronym_of_four_letters_is_full_evidence(query: str, listed: str) -> None:
    p = NamePair(normalize_name(query), normalize_name(listed), NO_LIST)
    assert name_acronym(p) == (1.0, (True,))
    assert has_evidence(*name_evidence(p))
    # the same evidence as the query written as the initials of the listed name
    back = NamePair(normalize_name(listed), normalize_name(query), NO_LIST)
    assert name_evidence(p)[0] == name_evidence(back)[0]


@pytest.mark.parametrize(("query", "entry"), [("Kestrel Valdor Mining Trust", "o:4"),
                                              ("OSTRAVA RIVER DREDGING SUPPLY BOARD", "o:5")])
def test_the_full_name_finds_the_listed_acronym(index: ScreenIndex, query: str, entry: str) -> None:
    assert score(index, query, entry) >= THRESHOLD


@pytest.mark.parametrize(("query", "entry"), [
    ("Tarnow Pellet Works", "o:3"),              # three initials: a chance spelling, as before
    ("Kestrel Valdor Mining", "o:4"),            # initials of too few words
    ("Kestrel Valdor Mining Trust Bank", "o:4"),  # of too many
    ("Kestrel Mining Valdor Trust", "o:4"),       # in another order
])
def test_other_initials_do_not_match(index: ScreenIndex, query: str, entry: str) -> None:
    assert score(index, query, entry) < THRESHOLD

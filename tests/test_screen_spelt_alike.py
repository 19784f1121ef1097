"""One word spelt two ways (``features.SPELT_ALIKE``), on names made up for the test.

Romanisations write one word with a doubled letter or a single one, a long vowel as ``ou`` /
``oo`` / ``ee`` or as one letter, ``y`` or ``i``, ``ck`` or ``k``. Such a pair changes no sound of
the word: it identifies as much as the word itself, where a sound-alike (another vowel, a folded
consonant) counts as evidence only as far as its letters go.
"""

from __future__ import annotations

import pytest

from _screen_helpers import THRESHOLD, hand_made_index
from mistrust.model import ListEntity, NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.features import (
    SPELT_ALIKE,
    NamePair,
    align_tokens,
    has_evidence,
    name_evidence,
    spelling_key,
)
from mistrust.screen.lexicon import FLAT_WEIGHT, Lexicon


@pytest.mark.parametrize(("a", "b"), [
    ("kassimor", "kasimor"),     # a doubled consonant written once
    ("tellounar", "telunar"),    # ou for u, and a doubled l
    ("varneem", "varnim"),       # ee for i
    ("zoorabek", "zurabek"),     # oo for u
    ("dobryk", "dobrik"),        # y for i
    ("halleck", "halek"),        # ck for k, ll for l
    ("messoud", "mesud"),
])
def test_one_word_spelt_two_ways(a: str, b: str) -> None:
    assert spelling_key(a) == spelling_key(b)
    al = align_tokens(normalize_name(a), normalize_name(b))
    assert [m.how for m in al.matches] == [SPELT_ALIKE]


@pytest.mark.parametrize(("a", "b"), [
    ("varnem", "varnim"),        # another vowel: a sound-alike, not one spelling
    ("kasimor", "kazimor"),      # another consonant (s / z)
    ("telussa", "tolussa"),      # another vowel
    ("dobrik", "dobrikov"),      # letters added: another name
    ("halek", "halak"),
    ("kasimor", "kasimora"),
])
def test_other_words_are_not_one_spelling(a: str, b: str) -> None:
    assert spelling_key(a) != spelling_key(b)
    al = align_tokens(normalize_name(a), normalize_name(b))
    assert SPELT_ALIKE not in [m.how for m in al.matches]


# Every word found in many listed names: each identifies a third of a word no list has, so two
# of them agreeing whole are evidence enough, two only sounding alike are not.
COMMON = Lexicon(weights={w: FLAT_WEIGHT / 3 for w in
                          ("dallo", "dalo", "dale", "fenn", "fen", "fin", "rassim", "rasim", "rasem", "omm", "om")})


def pair(query: str, listed: str) -> NamePair:
    return NamePair(normalize_name(query), normalize_name(listed), COMMON)


@pytest.mark.parametrize(("query", "spelt", "sounding"), [
    ("Dallo Fenn", "FEN, Dalo", "FIN, Dale"),
    ("Rassim Dallo", "DALO, Rasim", "DALE, Rasem"),
])
def test_a_word_spelt_two_ways_is_as_much_evidence_as_the_word(query: str, spelt: str, sounding: str) -> None:
    same = name_evidence(pair(query, query))[0]
    assert name_evidence(pair(query, spelt))[0] == pytest.approx(same)
    assert has_evidence(*name_evidence(pair(query, spelt)))
    assert not has_evidence(*name_evidence(pair(query, sounding)))


# A made-up person whose family name and given name are each borne by 15 other listed people:
# common words, which identify little unless they agree as written.
SHARED = 15
ENTRIES = [ListEntity(id="p:1", source="t", schema="Person", name="RASIM, Dalo"),
           *[ListEntity(id=f"p:r{k}", source="t", schema="Person", name=f"RASIM, Zq{k:02d}vor") for k in range(SHARED)],
           *[ListEntity(id=f"p:d{k}", source="t", schema="Person", name=f"XV{k:02d}KOL, Dalo") for k in range(SHARED)]]


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    return hand_made_index(ENTRIES)


def score(index: ScreenIndex, query: str) -> float:
    hits = index.search(NameQuery(name=query, schema="Person"), threshold=THRESHOLD, min_score=0.0)
    return max((h.score for h in hits if h.entity_id == "p:1"), default=0.0)


@pytest.mark.parametrize("query", ["Dalo Rasim", "Dallo Rassim", "Dalo Rassim", "RASSIM, Dallo"])
def test_common_words_spelt_two_ways_match(index: ScreenIndex, query: str) -> None:
    assert score(index, query) >= THRESHOLD


@pytest.mark.parametrize("query", ["Dale Rasem", "Dalo Rasem", "Dalo Razim", "Dalu Rassim"])
def test_common_words_only_sounding_alike_do_not(index: ScreenIndex, query: str) -> None:
    assert score(index, query) < THRESHOLD

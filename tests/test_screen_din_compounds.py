"""mistrust-v22: the Arabic compounds "X al-Din" and "Abd al-X" in the spellings that write the
assimilated letter once, or the Somali i or no vowel for the article
(``normalize.arabic_compounds``), on names made up for the test.

Nasir al-Din is written Nasruddin, Nasrudin, Nasreddine or Nasroudine; Abd al-Salam
Abdussalam, Abdusalam, Abdisalam or Abdsalam. Every spelling gives the same words. With one d, only
u and ou mark the article: -idin is also an Arabic plural (Mujahidin), and -odin, -adin, -udine
end other names (Borodin, Claudine).
"""

from __future__ import annotations

import pytest

from _screen_helpers import decided, name_pairs
from mistrust.screen import normalize_name
from mistrust.screen.features import align_tokens


@pytest.mark.parametrize(("name", "tokens"), [
    ("Fakhrudin Tamrazi", ("fakhr", "al", "din", "tamrazi")),
    ("Zainoudine Belkacemi", ("zain", "al", "din", "belkacemi")),
    ("Kamaludeen Oyelami", ("kamal", "al", "din", "oyelami")),
    ("Abdusalam Warfalli", ("abdul", "salam", "warfalli")),
    ("Abdirahman Warsame", ("abdul", "rahman", "warsame")),
    ("Abdrazzak Tounsi", ("abdul", "razzak", "tounsi")),
])
def test_compound_spellings_give_the_plain_words(name: str, tokens: tuple[str, ...]) -> None:
    assert normalize_name(name).tokens == tokens


@pytest.mark.parametrize(("name", "tokens"), [
    # Arabic plurals in -idin / -ideen, and other names ending in -din, -dine, -deen.
    ("Mujahidin Brigade Tayba", ("mujahidin", "brigade", "tayba")),
    ("Katibat al-Muhajirin wal-Ansar", ("katibat", "al", "muhajirin", "wal", "ansar")),
    ("Pavel Borodin", ("pavel", "borodin")),
    ("Claudine Rapaud", ("claudine", "rapaud")),
    ("Nadine Loudin", ("nadine", "loudin")),
    ("Aladdin Qassar", ("aladdin", "qassar")),
    ("Din Mohammad Wardak", ("din", "mohammad", "wardak")),
    # Abd followed by l or another moon letter: no article assimilated.
    ("Abdoulaye Sangare", ("abdoulaye", "sangare")),
    ("Abdikarim Farah", ("abdikarim", "farah")),
    ("Abdelaziz Mazouni", ("abdelaziz", "mazouni")),
])
def test_other_words_are_not_split(name: str, tokens: tuple[str, ...]) -> None:
    assert normalize_name(name).tokens == tokens


MATCH = [
    ("Fakhrudin Tamrazi", "Fakhruddin Tamrazi", "-udin: the d of the article written once"),
    ("Zainoudine Belkacemi", "Zain al-Din Belkacemi", "French -oudine"),
    ("Kamaludeen Oyelami", "Kamal al-Din Oyelami", "-udeen"),
    ("Abdusalam Warfalli", "Abd al-Salam Warfalli", "Abd + the article assimilated to s, written once"),
    ("Abdirahman Warsame", "Abdurrahman Warsame", "the Somali i for the article"),
    ("Abdrazzak Tounsi", "Abdelrazak Tounsi", "no vowel for the article"),
]

NO_MATCH = [
    ("Fakhrudin Tamrazi Okashi", "Jalaludin Kubaisi", "two compounds with Din, another family"),
    ("Pavel Borodin", "Pavel Borisov", "-odin is no compound"),
]


@name_pairs(MATCH, match=True)
def test_compound_spellings_match(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=True)


@name_pairs(NO_MATCH, match=False)
def test_other_compounds_do_not_match(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=False)


@pytest.mark.parametrize(("a", "b", "left"), [
    ("Abdusalam Warfalli", "Abdunasir Warfalli", ("salam", "nasir")),
    ("Fakhrudin Tamrazi", "Jalaluddin Tamrazi", ("fakhr", "jalal")),
    ("Abdirahman Warsame", "Abdurahim Warsame", ("rahman", "rahim")),
])
def test_the_name_inside_the_compound_still_differs(a: str, b: str, left: tuple[str, str]) -> None:
    """Split, two compounds share Abd or al-Din, and the names they are built on stay unmatched
    on both sides: a conflict, not a match of the compound (these tables score without a list,
    where Abd and Din weigh as rare words, so the decision is left to the lists' weights)."""
    al = align_tokens(normalize_name(a), normalize_name(b))
    assert (al.unmatched_query, al.unmatched_listed) == ((left[0],), (left[1],))

"""One-word names in other transliterations, Arabic particles and typographic apostrophes.

A one-word name (a group, a movement) recurs in its own aliases and branches, so on a real list
its word is found in a dozen names: by rarity alone it identified too little to match, whichever
transliteration the query used. Particles (al-/el-/as-, bin/ibn/ben, abu/abou, abd/abdel/abdul)
and the marks that write an ayn or hamza (’ ‘ ʿ ʾ ' `) are spelt many ways for one name. All
names below are made up for these tests.
"""

from __future__ import annotations

import pytest

from _screen_helpers import THRESHOLD, decided, hand_made_index, name_pairs
from mistrust.model import ListEntity, NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.features import NamePair, name_evidence

# Made-up one-word group names: Arabic (-ollah / -allah / -ullah), Persian (o/u, e/i), Korean
# (ch/j, eo/o) and a doubled consonant.
GROUPS = ("Harakollah", "Kuhestanyar", "Chongsaengryon", "Tayyibat")


def _group(word: str, k: int) -> list[ListEntity]:
    """An entry named ``word`` whose word recurs in its aliases and branches, as groups' do."""
    names = [word, f"{word} Youth Wing", f"{word} Foreign Bureau", f"Martyrs Brigade of {word}",
             f"{word} Media Office", f"{word} Relief Committee"]
    return [ListEntity(id=f"g{k}:{i}", source="t", schema="Organization", name=n) for i, n in enumerate(names)]


# A given name and a generic word, each found in many listed names, and listed alone once.
_COMMON = [ListEntity(id=f"c:{i}", source="t", schema="Person", name=f"Mohammad {s}")
           for i, s in enumerate(("Zarqawani", "Qutbani", "Tarbushi", "Hafizani", "Sabrini", "Dalwani", "Kirmazi",
                                  "Jundani", "Fatwani", "Husnawi", "Rashkani", "Samtari", "Labibi", "Nuzhani",
                                  "Qawwami", "Birzani", "Tanwiri", "Ghaffuri", "Mahzuni", "Sarrafi"))]
_COMMON += [ListEntity(id=f"t:{i}", source="t", schema="Company", name=f"{s} Trading")
            for i, s in enumerate(("Zarqa", "Qutb", "Tarbush", "Hafiz", "Sabr", "Dalw", "Kirmaz", "Jund", "Fatw",
                                   "Husn", "Rashk", "Samt", "Labib", "Nuzh", "Qawm", "Birz", "Tanwir", "Ghaffur",
                                   "Mahzun", "Sarraf"))]
# A family name found in several listed names, one of them a person listed by that word alone.
_COMMON += [ListEntity(id=f"z:{i}", source="t", schema="Person", name=f"ZENDAVI, {g}")
            for i, g in enumerate(("Karim", "Hamid", "Reza", "Omid", "Babak"))]
_COMMON += [ListEntity(id="z:alone", source="t", schema="Person", name="Zendavi")]
_COMMON += [ListEntity(id="alone:1", source="t", schema="Person", name="MOHAMMAD"),
            ListEntity(id="alone:2", source="t", schema="Company", name="TRADING")]


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    return hand_made_index([e for k, word in enumerate(GROUPS) for e in _group(word, k)] + _COMMON)


def _best(index: ScreenIndex, query: str) -> tuple[float, str]:
    hits = index.search(NameQuery(query), threshold=0.0, limit=1, min_score=0.0)
    return (hits[0].score, hits[0].matched_name) if hits else (0.0, "")


# (query, listed one-word name, why it must match)
ONE_WORD_MATCH = [
    ("Harakallah", "Harakollah", "-allah / -ollah closing a name"),
    ("Harakullah", "Harakollah", "-ullah / -ollah"),
    ("al-Harakollah", "Harakollah", "the article before a group name"),
    ("Kohestanyar", "Kuhestanyar", "Persian o / u"),
    ("Kuhistanyar", "Kuhestanyar", "Persian e / i"),
    ("Jongsaengryon", "Chongsaengryon", "Korean ch / j"),
    ("Chongsaengryeon", "Chongsaengryon", "Korean eo / o"),
    ("Tayibat", "Tayyibat", "a doubled consonant written once"),
    ("Tayyebat", "Tayyibat", "e / i"),
    ("TAYYIBAT", "Tayyibat", "the same word"),
]

# (query, why no listed name may match it)
ONE_WORD_NO_MATCH = [
    ("Barakollah", "one consonant changed: another word, and on a one-word name nothing else agrees"),
    ("Harakollahi", "a letter added: a spelling variant by letters only, not by sound"),
    ("Tayyibit", "a vowel changed that no romanisation swaps"),
    ("Mohammad", "a lone given name found in many listed names, though one alias is that word alone"),
    ("Trading", "a lone generic word found in many listed names, though one entry is named so"),
    ("Harak", "the start of a listed word"),
    ("Sheikh Zandavi", "a title and a family name spelt alike: a person, whose one-word alias is no group name"),
]


@pytest.mark.parametrize(("query", "listed", "why"), ONE_WORD_MATCH, ids=[c[0] for c in ONE_WORD_MATCH])
def test_one_word_transliterations_match(index: ScreenIndex, query: str, listed: str, why: str) -> None:
    score, matched = _best(index, query)
    assert score >= THRESHOLD and matched == listed, f"{why}: {query!r} best {matched!r} at {score}"


@pytest.mark.parametrize(("query", "why"), ONE_WORD_NO_MATCH, ids=[c[0] for c in ONE_WORD_NO_MATCH])
def test_one_word_queries_that_must_not_match(index: ScreenIndex, query: str, why: str) -> None:
    score, matched = _best(index, query)
    assert score < THRESHOLD, f"{why}: {query!r} matched {matched!r} at {score}"


def test_a_group_word_is_established_yet_identifies_its_one_word_name(index: ScreenIndex) -> None:
    # The word recurs in six names, so by rarity alone it is worth less than the evidence a match
    # needs; matched as the whole of a one-word name it is worth it in full.
    lex = index.lexicon
    assert lex.informative("harakollah") < 0.6
    whole = NamePair(normalize_name("Harakullah"), normalize_name("Harakollah"), lex)
    part = NamePair(normalize_name("Harakullah"), normalize_name("Harakollah Youth Wing"), lex)
    assert name_evidence(whole)[0] >= 0.6
    assert name_evidence(part)[0] < name_evidence(whole)[0]


# (query, listed, why it must match): particles spelt another way.
PARTICLE_MATCH = [
    ("Hamid al-Tarbushi", "HAMID EL TARBUSHI", "al- / el-"),
    ("Hamid as-Tarbushi", "Hamid at-Tarbushi", "the article assimilated to another letter"),
    ("Hamid ibn Tarbush", "Hamid bin Tarbush", "ibn / bin"),
    ("Hamid ben Tarbush", "HAMID BIN TARBUSH", "ben / bin"),
    ("Abou Hamza al-Tarbushi", "Abu Hamza Tarbushi", "abou / abu, the article dropped"),
    ("Abdel Karim Tarbushi", "'Abd al-Karim Tarbushi", "abdel / 'abd al-"),
    ("Abdulkarim Tarbushi", "Abd al-Karim Tarbushi", "abd al- written together"),
    ("Nasruddin Tarbushi", "Nasr al-Din Tarbushi", "-uddin / al-Din"),
]

# (query, listed, why not): particles are no evidence, and do not join different names.
PARTICLE_NO_MATCH = [
    ("Abu al", "Abu Hamza al-Tarbushi", "only particles"),
    ("bin", "Hamid bin Tarbush", "a lone particle"),
    ("Hamid bin Tarbush", "Hamid bin Qutbani", "the same given name and particle, another family"),
    ("Ja’far Tarbushi", "Ja’far Qutbani", "the same given name with an ayn, another family"),
]


@name_pairs(PARTICLE_MATCH, match=True)
def test_particles_spelt_another_way_match(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=True)


@name_pairs(PARTICLE_NO_MATCH, match=False)
def test_particles_are_no_evidence(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=False)


# The marks that write an ayn or a hamza in romanised Arabic and Persian: typographic and ASCII
# apostrophes, the modifier letters of scholarly transliteration, a backtick.
AYN_MARKS = ("'", "\u2019", "\u2018", "\u02bf", "\u02be", "\u02bc", "\u02bb", "`")


@pytest.mark.parametrize("mark", AYN_MARKS, ids=[f"U+{ord(m):04X}" for m in AYN_MARKS])
def test_ayn_and_hamza_marks_are_one_mark(mark: str) -> None:
    # The same name with any mark normalises to the same words, never split in two.
    assert normalize_name(f"Ja{mark}far Sa{mark}id al-Tarbushi").tokens == ("jafar", "said", "al", "tarbushi")
    decided(f"Ja{mark}far Sa{mark}id al-Tarbushi", "JA'FAR SA'ID AL-TARBUSHI", f"mark {mark!r}", match=True)


def test_an_ayn_mark_is_not_a_letter() -> None:
    # Sa'id and Sa'ad differ in a vowel, not in the mark: one mark must not make them one.
    assert normalize_name("Sa\u2019id").tokens != normalize_name("Sa\u02bfad").tokens
    decided("Sa\u2019id Qutbani", "Sa\u02bfad Tarbushi", "another given name and family", match=False)

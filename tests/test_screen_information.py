"""mistrust-v15's evidence and short sound-alikes: invented names, written for these tests.

* Evidence is information: matched words count by their IDF as a share of what singles out one
  listed name, so two words of middling frequency together identify where each alone does not,
  and two common words still do not (``features.name_evidence``, ``Lexicon.informative``).
* A listed acronym of four letters or more spelt by the query's initials is evidence in full; a
  three-letter one is not (random words spell three-letter acronyms).
* A name written in other word splits is judged on its whole letters.
* A sound-alike of a one- or two-consonant skeleton scores the share of its sounds in common:
  consonant spellings (j/ch) and long vowels (oo/u) fold, vowels stay.
"""

from __future__ import annotations

import math

import pytest

from mistrust.screen import compare_names, normalize_name
from mistrust.screen.features import (
    MIN_EVIDENCE,
    NamePair,
    align_tokens,
    has_evidence,
    name_evidence,
    split_otherwise,
)
from mistrust.screen.lexicon import NO_LIST, Lexicon

# A lexicon of 30,000 listed names: a word's weight is its squared IDF, log(1 + N / names with it).
N = 30_000


def _lexicon(frequency: dict[str, int]) -> Lexicon:
    return Lexicon({w: math.log(1 + N / df) ** 2 for w, df in frequency.items()}, math.log(1 + N) ** 2)


# Middling words: each in 200 of the 30,000 names; common ones: each in 1,500.
LEX = _lexicon({"tarvik": 200, "melnora": 200, "kandor": 1500, "pelmi": 1500, "obuset": 40})


def _evidence(query: str, listed: str, lex: Lexicon = LEX) -> tuple[float, bool]:
    outcome = name_evidence(NamePair(normalize_name(query), normalize_name(listed), lex))
    return outcome[0], has_evidence(*outcome)


def test_two_middling_words_together_are_evidence_each_alone_is_not() -> None:
    both, ok = _evidence("Tarvik Melnora", "MELNORA, Tarvik Obuset")
    assert ok, both
    one, ok_one = _evidence("Tarvik Kandor", "TARVIK, Obuset")
    assert not ok_one and one < both


def test_two_common_words_are_no_evidence() -> None:
    value, ok = _evidence("Kandor Pelmi", "PELMI, Kandor Obuset")
    assert not ok and value < MIN_EVIDENCE


def test_evidence_grows_with_rarity() -> None:
    common, _ = _evidence("Kandor Pelmi", "PELMI, Kandor Obuset")
    middling, _ = _evidence("Tarvik Melnora", "MELNORA, Tarvik Obuset")
    assert common < middling


@pytest.mark.parametrize(("query", "listed"), [
    ("Vostrikanov", "Vostrikanow"),   # a spelling variant of a word no list has
    ("Dubrovskaya", "Doubrovskaya"),
])
def test_one_unlisted_word_in_another_spelling_is_evidence(query: str, listed: str) -> None:
    value, ok = _evidence(query, listed)
    assert ok, value


@pytest.mark.parametrize(("query", "listed", "full"), [
    ("Kestrel Valley Mining Works", "KVMW", True),
    ("Northern Amber Glass Foundry", "NAGF", True),
    ("Kestrel Valley Mining", "KVM", False),       # three initials: random words spell such acronyms
    ("Tomas Ruiz Vela", "TRV", False),
])
def test_a_listed_acronym_is_full_evidence_from_four_letters(query: str, listed: str, full: bool) -> None:
    value, ok = _evidence(query, listed, NO_LIST)
    assert ok is full, value


@pytest.mark.parametrize(("query", "listed"), [
    ("Tae Song Ho", "TAESONGHO"),
    ("Pyong Chon Ri", "PYONGCHONRI"),
    ("Abdul Karimov", "ABDULKARIMOV"),
])
def test_a_name_split_otherwise_matches_whole(query: str, listed: str) -> None:
    assert split_otherwise(normalize_name(query), normalize_name(listed)) >= 0.9
    assert compare_names(query, listed)["match"]


@pytest.mark.parametrize(("query", "listed"), [
    ("Tae Song Ho", "TAESONG HAN"),      # other letters
    ("Tae Song Ho", "HO, Song Tae"),     # the same words, the same count: not a split
])
def test_other_names_are_no_split(query: str, listed: str) -> None:
    assert split_otherwise(normalize_name(query), normalize_name(listed)) == 0.0


def _word_score(a: str, b: str) -> float:
    al = align_tokens(normalize_name(a), normalize_name(b))
    return max((m.score for m in al.matches), default=0.0)


@pytest.mark.parametrize(("a", "b"), [
    ("Jong", "Chong"),   # Korean j / ch: one consonant
    ("Noor", "Nur"),     # a long vowel written double
    ("Moon", "Mun"),
    ("Umar", "Oumar"),
])
def test_short_sound_alikes_that_are_spellings_keep_their_score(a: str, b: str) -> None:
    assert _word_score(a, b) >= 0.8


@pytest.mark.parametrize(("a", "b"), [
    ("Tang", "Deng"),    # the same two consonants, other vowels: two syllables
    ("Ling", "Leng"),
    ("Hong", "Hang"),
])
def test_short_sound_alikes_with_other_vowels_score_less(a: str, b: str) -> None:
    assert 0.0 < _word_score(a, b) < 0.7

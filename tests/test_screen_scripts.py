"""mistrust-v5: names typed in Persian, Arabic or Korean script, and words that mean the same.

The names below are made-up people and companies, except where a real spelling habit is the
point (Persian's zero-width non-joiner, North Korean "Ri"); each case says what it tests.
"""

from __future__ import annotations

import pytest

from _screen_helpers import decided, name_pairs
from mistrust.screen import compare_names, normalize_name
from mistrust.screen.features import SAME_MEANING_SCORE, _token_match, align_tokens
from mistrust.screen.normalize import skeleton, vowel_gaps
from mistrust.screen.symbols import SAME_MEANING, word_classes

MATCH = [
    ("Mahmoud Ahmadizadeh", "محمود احمدی‌زاده", "Persian script: a zero-width non-joiner inside the surname"),
    ("Ali Sarvestani", "علی سروستانی", "Persian script writes no short vowels"),
    ("Hossein Tabrizi", "حسین تبریزی", "yeh inside a word is the vowel i"),
    ("Mahmoud Karbalaei", "محمود کربلایی", "waw inside a word is the vowel u"),
    ("Mohammad Hosseinizadeh", "محمد حسینی‌زاده", "a compound surname joined by a non-joiner"),
    ("Ri Song Chol", "리성철", "Hangul: one block per syllable, initial rieul written Ri"),
    ("Kim Yo Sop", "김여섭", "Hangul: a vowel-only syllable (yeo/yo)"),
    ("Pak Ryong Su", "박룡수", "Hangul: rieul inside the name"),
    ("Kim Hyon U", "Kim Hyon Wu", "a one-letter Korean syllable is not an initial: U/Wu"),
    ("Darband Chemical Factories", "DARBAND CHEMICAL FACTORY", "plural -ies is -y"),
    ("Muammar Gaddafi", "Moammar Qadhafi", "dh and d spell one Arabic letter"),
    ("Hasan Nasrollah", "Hasan Nasrallah", "the vowel before a closing -llah"),
    ("Hizbullah Youth Union", "Hezbollah Youth Union", "the vowel before a closing -llah, plus e/i"),
    ("Stichting Al-Karama", "Al-Karama Foundation", "Dutch generic word for foundation"),
    ("Midcoast Finance S.A.", "MIDCOAST FINANCIAL S.A.", "finance / financial: one word class"),
    ("Tabriz Machinery Plant", "TABRIZ MACHINE PLANT", "machine / machinery"),
    ("Kavir Air", "KAVIR AIRLINES", "air / airlines: one generic word"),
    ("Khatam ol Anbia Builders", "Khatam al-Anbiya Builders", "Persian ol for the article al"),
]

NO_MATCH = [
    ("Mahmoud Ahmadizadeh", "محمود رضایی", "same given name, another surname in Persian script"),
    ("Ri Song Chol", "리성호", "Hangul: the last syllable differs"),
    ("Kim Yo Sop", "김우섭", "Hangul: a different vowel-only syllable (u/yo)"),
    ("Kim Hyon U", "Kim Hyon O", "two lone letters are two initials, not two syllables"),
    ("Hasan Nasrollah", "Hossein Nasrollah", "Hassan and Hossein stay different names"),
    ("Stichting Al-Karama", "Al-Rahma Foundation", "the generic word alone is not the name"),
    ("Tabriz Machinery Plant", "Shiraz Machinery Plant", "generic words shared, the place differs"),
]


@name_pairs(MATCH, match=True)
def test_scripts_and_word_classes_match(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=True)


@name_pairs(NO_MATCH, match=False)
def test_scripts_and_word_classes_hard_negatives(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=False)


def test_persian_non_joiner_keeps_one_word_and_long_vowels_become_vowels() -> None:
    assert normalize_name("احمدی‌زاده").tokens == ("ahmdizadh",)
    # Before the non-joiner, heh is the silent final e of the first part.
    assert normalize_name("تهرانی‌مقدم").tokens == ("thranimqdm",)
    assert normalize_name("خانه‌ای").tokens[0].startswith("khane")
    # A waw or yeh that starts a word or stands before a vowel stays a consonant.
    assert normalize_name("وحید").tokens == ("whid",)


def test_hangul_blocks_become_words_and_rieul_is_r() -> None:
    assert normalize_name("리성철").tokens == ("ri", "seong", "cheol")
    assert normalize_name("박룡수").tokens == ("bag", "ryong", "su")
    # Latin input is untouched by the Korean rule.
    assert normalize_name("Li Song").tokens == ("li", "song")


@pytest.mark.parametrize("word", ["ahmadinejad", "mhmud", "hossein", "kaka", "xavier", "nasrallah", "qadhafi"])
def test_vowel_gaps_follow_the_skeleton(word: str) -> None:
    gaps = vowel_gaps(word)
    assert len(gaps) == len(skeleton(word)) + 1
    assert "".join(gaps) == "".join(ch for ch in word if ch in "aeiouy")


def test_vowels_are_compared_gap_by_gap() -> None:
    # "ahmdi" writes no vowel between m and d: its i must not be set against Ahmadi's a.
    assert _token_match("ahmadi", "ahmdi")[1] == "sounds alike"
    assert _token_match("hassan", "hossein") == (0.0, "")


def test_word_classes_come_from_rigour_and_explain_the_match() -> None:
    assert word_classes("stichting") & word_classes("foundation")
    assert not word_classes("karama")
    al = align_tokens(normalize_name("Stichting Al-Karama"), normalize_name("Al-Karama Foundation"))
    meaning = [m for m in al.matches if m.how == SAME_MEANING]
    assert [(m.query, m.listed, m.score) for m in meaning] == [("stichting", "foundation", SAME_MEANING_SCORE)]
    result = compare_names("Stichting Al-Karama", "Al-Karama Foundation")
    assert any("stichting=foundation (same meaning)" in r for r in result["reasons"]), result["reasons"]

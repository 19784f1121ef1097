"""mistrust-v22: one name romanised the French way and the English way (``features.FRENCH_FORMS``),
on names made up for the test.

French writes ch for the English sh (Bachir / Bashir) and ou for a w before a vowel or after a
(Taouab / Tawab, Daoud / Dawud). Folded, such words are one name; East Asian syllables (Cheng /
Sheng), German sch and English tch, and words whose other letters differ stay apart.
"""

from __future__ import annotations

import pytest

from _screen_helpers import hows
from mistrust.screen.features import FRENCH_FORMS, french_form


@pytest.mark.parametrize(("a", "b"), [
    ("Bachir Kettani", "Bashir Kettani"),
    ("Chamseddine Oukil", "Shams al-Din Oukil"),
    ("Nabil Charara", "Nabil Sharara"),
    ("Mounir Bouchoucha", "Munir Bushusha"),
    ("Taoufik Belhadj", "Tawfik Belhadj"),
    ("Chaouki Mezrag", "Shawki Mezrag"),
    ("Abdel Taouab Merabet", "Abd al-Tawab Merabet"),
])
def test_one_name_in_french_and_english_spelling(a: str, b: str) -> None:
    assert FRENCH_FORMS in hows(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Cheng Wei Lun", "Sheng Wei Lun"),          # two Chinese surnames
    ("Anna Fischer", "Anna Fisher"),             # sch: matched by sound already, not this rule
    ("Bachir Kettani", "Bakir Kettani"),         # another consonant
    ("Chaker Merabet", "Shukri Merabet"),        # other letters too
    ("Rachid Hamrouni", "Rashad Hamrouni"),      # e / a vowels differ: Rashid and Rashad are two names
    ("Claude Richter", "Claude Rishter"),        # written-off tch / cht: skeletons differ
])
def test_other_names_are_not_one(a: str, b: str) -> None:
    assert FRENCH_FORMS not in hows(a, b)


@pytest.mark.parametrize(("word", "form"), [
    ("bachir", "bashir"), ("taouab", "tawab"), ("daoud", "dawd"), ("schmidt", "schmidt"),
    ("kitchen", "kitchen"), ("moussa", "moussa"),
])
def test_french_form(word: str, form: str) -> None:
    assert french_form(word) == form

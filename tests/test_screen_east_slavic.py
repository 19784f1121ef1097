"""One Cyrillic name in its Russian, Ukrainian and Belarusian romanisations
(``features.EAST_SLAVIC_FORMS``), on names made up for the test.

Ukrainian and Belarusian write h for Russian g (Serhiy / Sergey), Belarusian dz for a soft d and
u for v (Uladzimir / Vladimir), and a for an unstressed o (Aliaksandr, Darashenka). Between two
East Slavic names such words are one name; elsewhere o / a and h / g make other names.
"""

from __future__ import annotations

import pytest

from _screen_helpers import hows
from mistrust.screen import normalize_name
from mistrust.screen.features import EAST_SLAVIC_FORMS, align_tokens, east_slavic, is_patronymic


@pytest.mark.parametrize(("a", "b"), [
    ("Serhiy Drobenko", "Sergey Drobenko"),
    ("Siarhei Kharytonau", "Sergei Kharytonau"),
    ("Volodymyr Lyzhenko", "Vladimir Lyzhenko"),
    ("Zoya Leonidovna Tkach", "Zoya Lieanidauna Tkach"),
    ("Olha Darashenka", "Olha Doroshenko"),
])
def test_one_name_in_two_national_forms(a: str, b: str) -> None:
    assert EAST_SLAVIC_FORMS in hows(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("Uladzimir Kastsiuk", "Vladimir Kastsiuk"),
    ("Oleksandr Lyzhenko", "Aleksandr Lyzhenko"),
    ("Aliaksandr Lyzhenko", "Alexander Lyzhenko"),
])
def test_forms_other_rules_match_stay_matched(a: str, b: str) -> None:
    al = align_tokens(normalize_name(a), normalize_name(b))
    assert not al.unmatched_query and not al.unmatched_listed
    assert min(m.score for m in al.matches) >= 0.8


@pytest.mark.parametrize(("a", "b"), [
    ("Sergey Drobenko", "Georgy Drobenko"),   # another name
    ("Boris Drobenko", "Denis Drobenko"),
    ("Hamid Petrov", "Hamoud Petrov"),        # e / u stay two names
    ("Omar Haddad", "Amar Haddad"),           # not East Slavic names: o / a is another name
    ("Roman Kassar", "Raman Kassar"),
    ("Hasan Tabbara", "Gasan Tabbara"),       # h / g outside East Slavic names
])
def test_other_names_are_not_one(a: str, b: str) -> None:
    assert EAST_SLAVIC_FORMS not in hows(a, b)


@pytest.mark.parametrize(("name", "slavic"), [
    ("Gleb Vorontsev", True), ("Olha Petrenko", True), ("Vera Kastsiuk", True), ("Ivan Lapteva", True),
    ("Omar Haddad", False), ("Kim Jong Un", False), ("John Smith", False),
])
def test_east_slavic_names(name: str, slavic: bool) -> None:
    assert east_slavic(normalize_name(name)) is slavic


@pytest.mark.parametrize("word", ["arkadyevich", "borisovna", "mykolaiovych", "petrivna", "ilyich", "uladzimirauna"])
def test_patronymic_endings(word: str) -> None:
    assert is_patronymic(word)


@pytest.mark.parametrize("word", ["vorontsev", "ostrich", "sandwich", "anna", "vich", "michna", "ivanov"])
def test_other_words_are_no_patronymic(word: str) -> None:
    assert not is_patronymic(word)

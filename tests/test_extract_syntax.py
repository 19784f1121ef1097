"""The shared parse tests (``extract.syntax``) and the gazetteer's nationality lookup, on made-up sentences."""

from __future__ import annotations

import pytest

from mistrust.extract import gazetteer
from mistrust.extract.syntax import gerund, to_infinitive


@pytest.fixture(scope="module")
def nlp():
    from mistrust.extract.nlp import load_nlp

    return load_nlp()


@pytest.mark.parametrize(("sentence", "verb", "expected"), [
    ("Ostrava agreed to supply turbines to Velmar.", "supply", True),
    ("The firm signed a deal to buy two tankers.", "buy", True),
    ("Officials warned the port not to load the cargo.", "load", True),
    ("Ostrava supplied turbines to Velmar.", "supplied", False),
    ("The ship sailed to Velmar last week.", "sailed", False),
    ("Velmar will ship the parts next month.", "ship", False),
])
def test_to_infinitive_is_the_marker_not_the_preposition(nlp, sentence: str, verb: str, expected: bool) -> None:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == verb)
    assert to_infinitive(tok) is expected


@pytest.mark.parametrize(("sentence", "verb", "expected"), [
    ("Velmar accused Ostrava of selling turbines to Norland.", "selling", True),
    ("Velmar accused Ostrava of having shipped turbines to Norland.", "shipped", True),
    ("Ostrava was accused of having sold two tankers.", "sold", True),
    ("Ostrava has shipped turbines to Norland.", "shipped", False),
    ("The turbines were shipped to Norland.", "shipped", False),
    ("The ship, having been seized in May, was released.", "seized", False),
])
def test_gerund_is_active_and_may_be_perfect(nlp, sentence: str, verb: str, expected: bool) -> None:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == verb)
    assert gerund(tok) is expected


@pytest.mark.parametrize(("text", "code"), [("Syrian", "sy"), ("Iranians", "ir"), ("North Korean", "kp"),
                                            ("Peruvian", "pe"), ("Nigerien", "ne"), ("Togolese", "tg"),
                                            ("Azeri", "az"), ("Slovak", "sk")])
def test_demonym_names_the_state(text: str, code: str) -> None:
    place = gazetteer.demonym(text)
    assert place is not None and place.code == code


@pytest.mark.parametrize("text", ["Syria", "Damascus", "Tehran", "the ministry", "Norland"])
def test_demonym_is_none_for_other_places_and_words(text: str) -> None:
    assert gazetteer.demonym(text) is None


@pytest.mark.parametrize(("text", "code"), [("Turkey", "tr"), ("Türkiye", "tr"), ("Lima", "pe"), ("Quito", "ec"),
                                            ("Lomé", "tg"), ("Ivory Coast", "ci")])
def test_other_names_and_capitals_stand_for_the_state(text: str, code: str) -> None:
    place = gazetteer.lookup(text)
    assert place is not None and place.code == code

"""Near spellings (mistrust-v3): a word one or two letters away from a word of the other name.

Romanisations and typos change a letter or two (Haleh/Halen, Sahid/Said); so do different
names (Nader/Nasser). A near spelling is partial evidence, and none at all when both words are
established spellings in the lists. All names below are made up for these tests.
"""

from __future__ import annotations

import pytest

from _screen_helpers import THRESHOLD, decided, hand_made_index, name_pairs
from mistrust.model import ListEntity, NameQuery
from mistrust.screen import ScreenIndex, compare_names, normalize_name
from mistrust.screen.explain import name_reason
from mistrust.screen.features import NEAR, NamePair, _token_match, name_conflict
from mistrust.screen.lexicon import NO_LIST

# (query, listed name, why it must match): one word of the name is a near spelling.
NEAR_MATCH = [
    ("Halen Farahani", "Haleh Farahani", "last letter changed in a given name"),
    ("Sharif Abdallah Karimzadeh", "Sharik Abdallah Karimzadeh", "one consonant changed at the end"),
    ("Sahid Ahmad Farzaneh", "Said Ahmad Farzaneh", "one letter added"),
    ("Mazwati Abdelkarim", "Mazuti Abdelkarim", "w/u and a dropped letter: two edits"),
    ("Rostamabad Youth League", "Rustamobod Youth League", "two vowels changed in a long word"),
    ("Tehran Khodro Parts", "Tehran Khordo Parts", "two letters swapped"),
]

# (query, listed name, why not): outside the near-spelling rule.
NEAR_NO_MATCH = [
    ("Sina Bank", "Sinatra Bank", "one word extends the other: another word"),
    ("Mahmoud Ahmadi", "Mahmoud Ahmadinejad", "a compound surname is another surname"),
    ("Central Trading Committee", "Cultural Trading Committee", "three letters changed"),
    ("Kim Jong Un", "Kim Jong Il", "two-letter words share nothing"),
]


@name_pairs(NEAR_MATCH, match=True)
def test_near_spellings_match(query: str, listed: str, why: str) -> None:
    result = decided(query, listed, why, match=True)
    assert any(NEAR in reason for reason in result["reasons"]), result["reasons"]


@name_pairs(NEAR_NO_MATCH, match=False)
def test_outside_the_near_rule_no_match(query: str, listed: str, why: str) -> None:
    result = decided(query, listed, why, match=False)
    assert not any(NEAR in reason for reason in result["reasons"]), result["reasons"]


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("haleh", "halen", True),
        ("sharif", "sharik", True),
        ("rostamabad", "rustamobod", True),
        ("said", "sahid", True),
        ("ha", "hwa", False),  # too short to tell a variant from another syllable
        ("sina", "sinatra", False),  # an extension
        ("central", "cultural", False),  # three edits
        ("organization", "foundation", False),  # many edits
        ("1234", "1235", False),  # numbers are not spellings
    ],
)
def test_token_near_rule(a: str, b: str, near: bool) -> None:
    score, how = _token_match(a, b)
    if near:
        assert how == NEAR and 0.0 < score < 0.8, (score, how)
    else:
        assert how != NEAR


def test_a_near_spelling_scores_below_an_exact_word() -> None:
    exact = compare_names("Haleh Farahani", "Haleh Farahani")["score"]
    near = compare_names("Halen Farahani", "Haleh Farahani")["score"]
    unrelated = compare_names("Maryam Farahani", "Haleh Farahani")["score"]
    assert unrelated < THRESHOLD <= near < exact


def test_near_spelling_leaves_part_of_the_word_as_conflict() -> None:
    q, c = normalize_name("Halen Farahani"), normalize_name("Haleh Farahani")
    pair = NamePair(q, c, NO_LIST)
    assert [m.how for m in pair.alignment.matches if m.query == "halen"] == [NEAR]
    value, facts = name_conflict(pair)
    assert 0.0 < value < 0.5
    assert "halen/haleh" in (name_reason("name_conflict", pair, value, facts) or "")
    # Identical names: no conflict at all.
    assert name_conflict(NamePair(normalize_name("Haleh Farahani"), c, NO_LIST))[0] == 0.0


def _index(names: list[str]) -> ScreenIndex:
    return hand_made_index([ListEntity(id=f"t:{k}", source="t", schema="Person", name=n)
                            for k, n in enumerate(names)])


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    # "Nader" and "Nasser" are each in a few listed names: two established spellings are two
    # names. "Haleh" is listed too, "Halen" in no listed name at all (a one-off spelling).
    given = ["Nader", "Nasser", "Haleh"] * 4 + ["Parisa", "Kourosh", "Shirin", "Dariush"] * 80
    names = [f"{g} Example{k}" for k, g in enumerate(given)]
    names += ["Nasser Karimzadeh", "Haleh Farahani"]
    return _index(names)


@pytest.mark.xfail(strict=True, reason="mistrust-v11: Nader / Nasser is no near spelling here, but the fitted "
                   "weights still match the pair on its shared rare surname and letters (0.83)")
def test_two_established_spellings_are_two_names(index: ScreenIndex) -> None:
    hits = index.search(NameQuery("Nader Karimzadeh"), THRESHOLD, 10, min_score=0.0)
    listed = [h for h in hits if h.entity_name == "Nasser Karimzadeh"]
    assert not any(h.match for h in listed), [(h.entity_name, h.score) for h in listed]
    assert not any(NEAR in f.reason for h in listed for f in h.features)


def test_a_one_off_spelling_near_a_listed_word_matches(index: ScreenIndex) -> None:
    top = index.search(NameQuery("Halen Farahani"), THRESHOLD, 10)[0]
    assert top.entity_name == "Haleh Farahani" and top.match, top
    assert top.algorithm == "mistrust-v22"
    assert any(f.name == "name_tokens" and NEAR in f.reason for f in top.features)

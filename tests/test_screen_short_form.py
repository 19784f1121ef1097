"""The short form of a listed person's name: family name and first given name, later given names
left out ("Given al-Family" for "AL-FAMILY, Given Father Grandfather"). All names below are
made up for these tests.
"""

from __future__ import annotations

import pytest

from _screen_helpers import decided, name_pairs
from mistrust.screen import compare_names, normalize_name
from mistrust.screen.algorithm import EXCLUSIVE, NAME_FEATURES
from mistrust.screen.explain import name_reason
from mistrust.screen.features import NamePair, name_complete, name_short_form
from mistrust.screen.lexicon import NO_LIST

# (query, listed, why it must match): the short form in several naming customs.
SHORT_FORM_MATCH = [
    ("Sa\u2019id al-Tarbushi", "AL-TARBUSHI, Sa'id Ahmad Hamid", "Arabic: father's and grandfather's names left out"),
    ("Karim Zandavi", "ZANDAVI, Karim Reza Hossein", "Persian: second and third given names left out"),
    ("Oleg Prudnikov", "PRUDNIKOV, Oleg Viktorovich", "Russian: the patronymic left out"),
    ("Maria Quintanilla", "QUINTANILLA, Maria Fernanda", "Spanish: a second given name left out"),
]

# (query, listed, why it is no short form): other parts left out.
NOT_SHORT_FORM = [
    ("Ahmad Hamid", "AL-TARBUSHI, Sa'id Ahmad Hamid", "the later given names, without the family name"),
    ("Ahmad al-Tarbushi", "AL-TARBUSHI, Sa'id Ahmad Hamid", "the family name with the father's name, a brother's name"),
    ("Sa'id Ahmad", "AL-TARBUSHI, Sa'id Ahmad Hamid", "the given names without the family name"),
    ("Sa'id al-Qutbani", "AL-TARBUSHI, Sa'id Ahmad Hamid", "another family name"),
    ("Oleg Viktorovich", "PRUDNIKOV, Oleg Viktorovich", "given name and patronymic, no family name"),
    ("Sa'id al-Tarbushi", "Sa'id Ahmad Hamid al-Tarbushi", "the listed name is not written SURNAME, Given"),
]


def _pair(query: str, listed: str) -> NamePair:
    return NamePair(normalize_name(query), normalize_name(listed), NO_LIST)


@name_pairs(SHORT_FORM_MATCH, match=True)
def test_short_forms_match(query: str, listed: str, why: str) -> None:
    result = decided(query, listed, why, match=True)
    assert any("later given names left out" in r for r in result["reasons"]), result["reasons"]  # type: ignore[attr-defined]
    # Either name may be the query.
    assert name_short_form(_pair(listed, query))[0] == 1.0


@pytest.mark.parametrize(("query", "listed", "why"), NOT_SHORT_FORM, ids=[f"{a}!{b}" for a, b, _ in NOT_SHORT_FORM])
def test_other_missing_parts_are_no_short_form(query: str, listed: str, why: str) -> None:
    assert name_short_form(_pair(query, listed))[0] == 0.0, why


def test_the_short_form_outscores_a_relative_sharing_the_family_name() -> None:
    listed = "AL-TARBUSHI, Sa'id Ahmad Hamid"
    short = compare_names("Sa'id al-Tarbushi", listed)["score"]
    brother = compare_names("Ahmad al-Tarbushi", listed)["score"]
    assert short > brother  # type: ignore[operator]


def test_short_form_reason_names_both_forms() -> None:
    pair = _pair("Karim Zandavi", "ZANDAVI, Karim Reza Hossein")
    value, facts = name_short_form(pair)
    reason = name_reason("name_short_form", pair, value, facts)
    assert reason is not None and "karim zandavi" in reason and "later given names left out" in reason


@pytest.mark.parametrize(("query", "listed"), [(a, b) for a, b, _ in SHORT_FORM_MATCH + NOT_SHORT_FORM]
                         + [("Karim Zandavi", "Karim Zandavi"), ("Zandavi Karim", "ZANDAVI, Karim")])
def test_exclusive_features_never_both_apply(query: str, listed: str) -> None:
    # The quick estimate counts only one of each EXCLUSIVE group as favourable: it must not
    # err low because both could apply.
    pair = _pair(query, listed)
    by_name = {feat.name: feat.fn(pair)[0] for feat in NAME_FEATURES}
    assert name_complete(pair)[0] == by_name["name_complete"]
    for group in EXCLUSIVE:
        assert sum(by_name[name] > 0 for name in group) <= 1


def test_quick_estimate_never_below_the_combined_score() -> None:
    # The quick ranking's estimate, knowing some features (short form among them), errs high for
    # every pair the features can describe, exclusive pairs respected (fixed pseudo-random grid).
    import random

    from mistrust.screen.algorithm import FEATURE_NAMES, combine, estimator
    from mistrust.screen.index import _QUICK_FEATURES

    estimate = estimator(_QUICK_FEATURES)
    rng = random.Random(20)
    for _ in range(2000):
        values = {name: rng.choice((0.0, 1.0, rng.random())) for name in FEATURE_NAMES}
        for group in EXCLUSIVE:
            keep = rng.choice(sorted(group))
            for name in group - {keep}:
                values[name] = 0.0
        full = combine([values[name] for name in FEATURE_NAMES])
        assert estimate(*(values[name] for name in _QUICK_FEATURES)) >= full - 1e-12

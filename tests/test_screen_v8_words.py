"""mistrust-v8 normalisation: Est. = Establishment, the ezafe and "and" particles (Persian e, va;
Arabic wa), the German e.V., and Iranian company forms (Sherkat in front, Sahami Khass).

Names are made up; the forms are the ones the lists write.
"""

from __future__ import annotations

import pytest

from _screen_helpers import decided, name_pairs
from mistrust.screen import normalize_name

MATCH = [
    ("Nur al-Huda Charitable Est.", "Nur al-Huda Charitable Establishment", "Est. is Establishment"),
    ("Basij-e Kavir Melli", "Basij Kavir Melli", "the ezafe on one side only"),
    ("Sherkat-e Sanat Kavir Gostar", "Sanat Kavir Gostar", "Sherkat (company) in front"),
    ("Kavir Gostar Sahami Khass", "Kavir Gostar", "Sahami Khass: private joint-stock company"),
    ("Al-Nur Hilfswerk e.V.", "Al-Nur Hilfswerk", "e.V.: registered association"),
    ("Dar al-Ilm wa al-Huda", "Dar al-Ilm al-Huda", "Arabic wa (and)"),
]

NO_MATCH = [
    ("Zagros Huda Est.", "Zagros Amal Est.", "a shared Est. is no evidence"),
    ("Sherkat-e Sanat Kavir", "Sherkat-e Sanat Zagros", "a shared Sherkat is no evidence"),
]


@name_pairs(MATCH, match=True)
def test_v8_forms_match(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=True)


@name_pairs(NO_MATCH, match=False)
def test_v8_forms_hard_negatives(query: str, listed: str, why: str) -> None:
    decided(query, listed, why, match=False)


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Sherkat Sahami Khass Kala Kavir", ("kala", "kavir")),
        ("Sherkate Sanati Daryai", ("sanati", "daryai")),
        ("Kavir Gostar (Sahami Khass)", ("kavir", "gostar")),
        ("Al-Nur e.V.", ("al", "nur")),
        ("Sahel Trading Est.", ("sahel", "trading", "establishment")),
        # A lone initial E stays a word; it is only not counted when unmatched.
        ("Robert E. Lee", ("robert", "e", "lee")),
    ],
)
def test_v8_tokens(name: str, tokens: tuple[str, ...]) -> None:
    assert normalize_name(name).tokens == tokens


def test_ezafe_reported_as_not_counted() -> None:
    result = decided("Basij-e Kavir Melli", "Basij Kavir Melli", "ezafe", match=True)
    tokens_reason = next(f["reason"] for f in result["features"] if f["name"] == "name_tokens")
    assert "not counted: e" in tokens_reason and "query only" not in tokens_reason

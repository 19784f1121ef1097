"""Organisation-shaped phrases: bodies found by the shape of their names, not by a list of names.

Every sentence is written for this test; none names a real body the rule could have been fitted to.
"""

from __future__ import annotations

import pytest

from mistrust.extract.org_phrases import find_org_phrases


def _found(text: str) -> set[str]:
    return {text[p.start:p.end] for p in find_org_phrases(text)}


@pytest.mark.parametrize(("text", "name"), [
    # capitalised modifiers closed by a head noun
    ("The Coastal Defence Ministry said the patrol was routine.", "Coastal Defence Ministry"),
    ("Officers of the Northern Frontier Guard Corps boarded the ship.", "Northern Frontier Guard Corps"),
    ("Funds reached Silver Reed Maritime Holdings through a broker.", "Silver Reed Maritime Holdings"),
    ("The Velmora Liberation Front claimed the raid.", "Velmora Liberation Front"),
    # head first, continued by "of"/"for"
    ("A statement from the Ministry of Coastal Affairs followed.", "Ministry of Coastal Affairs"),
    ("The Office of Export Licensing Control named two firms.", "Office of Export Licensing Control"),
    ("the Panel of Experts on the sanctions met in May", "Panel of Experts"),
    # a possessor or a "-based" modifier is not part of the name
    ("Ruritania's Naval Intelligence Bureau denied it.", "Naval Intelligence Bureau"),
    ("Funds went to the Harbour-based Amber Coast Trading Company.", "Amber Coast Trading Company"),
    # a news agency named by its description
    ("the official Kestrel news agency reported", "Kestrel"),
    ("according to the state news agency Orvana", "Orvana"),
    ("the Tessaly newspaper reported", "Tessaly"),
    ("a report by the state broadcaster Marrow", "Marrow"),
    ("the Quillon wire service said", "Quillon"),
    ("the news service Brevant carried it", "Brevant"),
])
def test_names_found(text, name):
    assert name in _found(text), _found(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("The army said the council would meet.", "army"),  # lower-case heads are common nouns
    ("The Council met on Monday.", "The Council"),  # a lone head is no name
    ("Police said the Army", "Army"),
    ("Bank Of Tariffs Falls As Markets Rally On News Of Trade Deal With Big Union Group", "Big Union Group"),
    ("the Amber Navy.\nThe Justice Department", "Amber Navy.\nThe Justice Department"),  # no line break
    ("the Coastal Navy said on May 9 that", "Coastal Navy said on May 9"),
    ("The Trade Co-operation Forum met.", "Trade Co"),  # a head inside a hyphenated word
    # no description of an agency: a capitalised word before "agency" or after "the" is no name
    ("the Kestrel agency reported", "Kestrel"),
    ("the Tessaly broadcaster reported", "Tessaly"),  # a broadcaster is named after the word
    ("the Orvana news portal said", "Orvana"),
])
def test_names_not_found(text, absent):
    assert absent not in _found(text), _found(text)


def test_two_bodies_joined_by_and_stay_two():
    found = _found("Harbour Police and Royal Signals Corps officers arrived.")
    assert {"Harbour Police", "Royal Signals Corps"} <= found
    assert "Harbour Police and Royal Signals Corps" not in found


def test_date_after_head_of_name_is_cut():
    assert "Office of Port Safety" in _found("the Office of Port Safety May 9 statement")

"""Several bodies kept for one mention: the one whose name accounts for the mention's proper words
is meant ("the X Corps' Y Force" names the Force, not the Corps), and the parent when the mention
writes no word of the sub-unit's own (``linking._most_explained``), also where the sub-unit's own
words are generic ones ("Air Force": ``linking._named_units``). All names are invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mistrust.extract import org_agreement
from mistrust.extract.entities import Recognized
from mistrust.extract.linking import LinkContext, Linker, LinkOptions, _most_explained, _named_units
from mistrust.model import FeatureResult, Hit, Mention

PARENT = "VELKAN REPUBLICAN GUARD"
BRIGADE = "VELKAN REPUBLICAN GUARD - TARVOSH BRIGADE"
BANK = "KESTREL BANK"
BRANCH = "KESTREL BANK TOLVARA BRANCH"


def _hit(entity_id: str, matched: str, score: float, schema: str = "Organization",
         feature: str = "name_tokens") -> Hit:
    return Hit(entity_id=entity_id, entity_name=matched, schema=schema, list_version="v", query_name="q",
               matched_name=matched, score=score, match=True, threshold=0.7, algorithm="mistrust-v2",
               features=[FeatureResult(name=feature, score=1.0, weight=1.0, reason=feature)])


def _links(mention: str, hits: list[Hit], label: str = "Organization") -> list[tuple[str, str | None]]:
    text = f"On Monday {mention} said it would answer."
    rec = Recognized(Mention(text=mention, start=10, end=10 + len(mention), label=label, extractor="ner-v1"))
    linker = Linker(lambda q: hits, LinkOptions(threshold=0.85, margin=0.05))
    return [(h.entity_id, h.tier) for h in linker.link(rec, LinkContext(text=text, ents=[]))]


@pytest.mark.parametrize(("mention", "hits", "expected"), [
    # the mention names the sub-unit: its parent leaves the sub-unit's own word unexplained,
    # whichever the screening scores higher
    ("Velkan Republican Guard's Tarvosh Brigade",
     [_hit("ofac:1", PARENT, 0.99), _hit("ofac:2", BRIGADE, 0.96)], [("ofac:2", "certain")]),
    ("Velkan Republican Guard Tarvosh Brigade",
     [_hit("ofac:2", BRIGADE, 0.96), _hit("ofac:1", PARENT, 0.955)], [("ofac:2", "certain")]),
    ("Kestrel Bank's Tolvara branch",
     [_hit("un:7", BANK, 0.97), _hit("un:8", BRANCH, 0.965)], [("un:8", "certain")]),
    # the mention writes no word of the sub-unit's own: the parent
    ("Velkan Republican Guard",
     [_hit("ofac:2", BRIGADE, 0.99), _hit("ofac:1", PARENT, 0.97)], [("ofac:1", "certain")]),
    ("Kestrel Bank", [_hit("un:8", BRANCH, 0.98), _hit("un:7", BANK, 0.96)], [("un:7", "certain")]),
])
def test_the_entry_whose_name_explains_the_mention_is_meant(mention, hits, expected) -> None:
    assert _links(mention, hits) == expected


def test_two_entries_with_the_same_name_stay_ambiguous() -> None:
    hits = [_hit("ofac:1", "DORVAL SHIPPING COMPANY", 0.97), _hit("ofac:2", "DORVAL SHIPPING COMPANY", 0.96)]
    assert sorted(_links("Dorval Shipping Company", hits)) == [("ofac:1", "probable"), ("ofac:2", "probable")]


def test_entries_that_each_leave_a_proper_word_unexplained_stay_ambiguous() -> None:
    # "Kestrel Dorval Holding": neither "KESTREL HOLDING" nor "DORVAL HOLDING" explains it whole
    hits = [_hit("ofac:1", "KESTREL HOLDING", 0.97), _hit("ofac:2", "DORVAL HOLDING", 0.96)]
    assert sorted(_links("Kestrel Dorval Holding", hits)) == [("ofac:1", "probable"), ("ofac:2", "probable")]


def test_entries_that_differ_only_in_generic_words_stay_ambiguous() -> None:
    # both explain the mention's one proper word ("Velkan") and have no other: nothing tells them apart
    hits = [_hit("ofac:1", "VELKAN NATIONAL GUARD", 0.97), _hit("ofac:2", "VELKAN GUARD CORPS", 0.96)]
    assert sorted(_links("Velkan Guards", hits)) == [("ofac:1", "probable"), ("ofac:2", "probable")]


def test_acronyms_and_people_are_not_judged_by_words() -> None:
    hits = [_hit("ofac:1", PARENT, 0.97, feature="name_acronym"), _hit("ofac:2", BRIGADE, 0.96, feature="name_acronym")]
    assert _most_explained(hits, "VRGTB") == hits
    assert _most_explained(hits[:1] + [_hit("ofac:2", BRIGADE, 0.96)], "Velkan Republican Guard Tarvosh Brigade") \
        == hits[:1] + [_hit("ofac:2", BRIGADE, 0.96)]  # one acronym hit: no words to compare
    people = [_hit("un:1", "ZORAN TELVIK", 0.97, schema="Person", feature="name_exact"),
              _hit("un:2", "ZORAN MIRKO TELVIK", 0.97, schema="Person", feature="name_exact")]
    assert _most_explained(people, "Zoran Mirko Telvik") == people
    # the same two entries as bodies: the one that explains "Mirko"
    bodies = [replace(h, schema="Organization") for h in people]
    assert _most_explained(bodies, "Zoran Mirko Telvik") == bodies[1:]


# -- a sub-unit named by words many bodies share (linking-v11, ``_named_units``) ----------------------

AIR = "VELKAN REPUBLICAN GUARD AIR FORCE"
NAVY = "ORMELI NATIONAL ARMY NAVAL COMMAND"
ARMY = "ORMELI NATIONAL ARMY"
OFFICE = "TARSIN TRADING HOUSE REGIONAL OFFICE"
HOUSE = "TARSIN TRADING HOUSE"


@pytest.mark.parametrize(("parent", "unit", "added"), [
    (PARENT, AIR, ("air", "force")),
    (ARMY, NAVY, ("naval", "command")),
    (HOUSE, OFFICE, ("regional", "office")),
    ("TOLVARI FRONT", "TOLVARY FRONT MARITIME WING", ("maritime", "wing")),  # the parent in another spelling
    ("KESTREL BANK", "KESTREL BANK OF DORVAL", ("dorval",)),                # joining words do not count
    ("VELKAN NATIONAL GUARD", "VELKAN GUARD CORPS", ()),  # the longer name leaves out "national": no part
    (HOUSE, HOUSE, ()),                                    # the same name adds nothing
    ("DORVAL SHIPPING", "DORVAL SHIPPING CO LTD", ()),     # a legal form makes another company, not a unit
    (AIR, PARENT, ()),                                     # the other way round
])
def test_unit_words(parent: str, unit: str, added: tuple[str, ...]) -> None:
    assert org_agreement.unit_words(parent, unit) == added


@pytest.mark.parametrize(("mention", "words", "said"), [
    ("Velkan Republican Guard", ("air", "force"), ()),
    ("the Velkan Guard's air force", ("air", "force"), ("air", "force")),
    ("Velkan Guard Airforce", ("air", "force"), ("air", "force")),      # written as one word
    ("Ormeli Army naval units", ("naval", "command"), ("naval",)),
    ("Tarsin Trading House Regional Offices", ("regional", "office"), ("regional", "office")),  # a plural
])
def test_written(mention: str, words: tuple[str, ...], said: tuple[str, ...]) -> None:
    assert org_agreement.written(mention, words) == said


@pytest.mark.parametrize(("mention", "hits", "expected"), [
    # the mention writes none of the sub-unit's own (generic) words, nor the parent's main name as
    # listed (which ``_prefer_primary`` would prefer): the parent, whichever scores higher, inside
    # the margin (both certain: ambiguous before)
    ("Velkan Republican Guards", [_hit("ofac:1", PARENT, 1.0), _hit("ofac:3", AIR, 0.97)], [("ofac:1", "certain")]),
    ("Velkan Republican Guards", [_hit("ofac:3", AIR, 0.99), _hit("ofac:1", PARENT, 0.97)], [("ofac:1", "certain")]),
    ("Ormeli Army", [_hit("un:4", ARMY, 0.98), _hit("un:5", NAVY, 0.97)], [("un:4", "certain")]),
    ("the Tarsin Trading House's", [_hit("ofac:8", OFFICE, 0.96), _hit("ofac:7", HOUSE, 0.96)],
     [("ofac:7", "certain")]),
    # the parent matched through an alias that is not its main name
    ("Velkan Guard", [replace(_hit("ofac:1", "VELKAN GUARD", 1.0), entity_name=PARENT), _hit("ofac:3", AIR, 0.97)],
     [("ofac:1", "certain")]),
    # it writes all of them: the sub-unit
    ("Velkan Republican Guard's air force", [_hit("ofac:1", PARENT, 0.98), _hit("ofac:3", AIR, 0.97)],
     [("ofac:3", "certain")]),
    ("the Ormeli Army's naval command", [_hit("un:4", ARMY, 0.97), _hit("un:5", NAVY, 0.99)],
     [("un:5", "certain")]),
    # it writes some of them: the text does not say which, both stay (and are ambiguous)
    ("Ormeli National Army naval units", [_hit("un:5", NAVY, 0.97), _hit("un:4", ARMY, 0.96)],
     [("un:5", "probable"), ("un:4", "probable")]),
    # one list: the entry under the longer main name is the unit, whichever of its names matched
    ("the Tarsin Trading House's", [_hit("ofac:7", HOUSE, 0.97),
                                    replace(_hit("ofac:8", HOUSE, 0.96), entity_name=OFFICE)],
     [("ofac:7", "certain")]),
])
def test_a_sub_unit_is_linked_only_where_the_mention_writes_its_own_words(mention, hits, expected) -> None:
    assert _links(mention, hits) == expected


def test_a_parent_held_back_does_not_leave_its_sub_unit_certain() -> None:
    # the parent is held back to probable (a body's alias, another state's: ``grade``), the sub-unit
    # would be certain: the mention still does not name the sub-unit
    alias = replace(_hit("ofac:1", "VELKAN GUARD", 0.99), entity_name="VELKAN REPUBLICAN GUARD",
                    features=[FeatureResult(name="name_tokens", score=1.0, weight=1.0, reason="t"),
                              FeatureResult(name="country", score=0.0, weight=0.1, reason="c")])
    text = "On Monday the Ruritanian Velkan Guard said it would answer."
    rec = Recognized(Mention(text="Velkan Guard", start=25, end=37, label="Organization", extractor="ner-v1"),
                     ["RU"])
    hits = [alias, _hit("ofac:3", "VELKAN GUARD AIR FORCE", 0.96)]
    linker = Linker(lambda q: hits, LinkOptions(threshold=0.85, margin=0.05))
    got = [(h.entity_id, h.tier) for h in linker.link(rec, LinkContext(text=text, ents=[]))]
    assert got == [("ofac:1", "probable")]


def test_entries_of_two_lists_are_not_judged_as_parent_and_unit() -> None:
    # two lists often name one body, one with words the other lacks ("X" and "X (XYZ)")
    hits = [_hit("un:7", HOUSE, 0.97), _hit("ofac:8", OFFICE, 0.96)]
    assert _named_units(hits, "Tarsin Trading House") == hits
    assert _named_units([_hit("un:1", PARENT, 0.99), _hit("ofac:3", AIR, 0.97)], "Velkan Republican Guard") \
        == [_hit("un:1", PARENT, 0.99), _hit("ofac:3", AIR, 0.97)]
    assert _named_units([_hit("ofac:1", PARENT, 0.99), _hit("ofac:3", AIR, 0.97)], "Velkan Republican Guard") \
        == [_hit("ofac:1", PARENT, 0.99)]


def test_people_are_not_judged_as_sub_units() -> None:
    people = [_hit("un:1", "ZORAN TELVIK", 0.97, schema="Person", feature="name_exact"),
              _hit("un:2", "ZORAN TELVIK MIRKOVIC", 0.96, schema="Person", feature="name_exact")]
    assert _named_units(people, "Zoran Telvik") == people


def test_a_word_of_the_sub_units_other_name_names_it_too() -> None:
    # "VELKAN NAVY", listed also as "VELKAN REPUBLICAN GUARD NAVAL FORCE": "navy" is its own word
    # though not one the longer name adds, so the mention does not name the parent alone
    navy = replace(_hit("ofac:4", "VELKAN REPUBLICAN GUARD NAVAL FORCE", 0.97), entity_name="VELKAN NAVY")
    hits = [_hit("ofac:1", PARENT, 0.98), navy]
    assert _named_units(hits, "Velkan Republican Guards Navy") == hits
    assert _named_units(hits, "Velkan Republican Guards") == hits[:1]
    assert org_agreement.own_words(("VELKAN NAVY", "VELKAN REPUBLICAN GUARD NAVAL FORCE"), (PARENT,)) \
        == ("navy", "naval", "force")

"""linking-v7: namesakes placed by the group they are named in, and Arabic "Abd" compounds as one name.

All names and sentences are made up for these tests.
"""

from __future__ import annotations

import pytest

from mistrust.extract import link_rules as rules
from mistrust.extract.entities import Recognized
from mistrust.extract.identifiers import IdentifierIndex
from mistrust.extract.linking import LinkContext, Linker
from mistrust.model import FeatureResult, Hit, ListEntity, Mention, NameQuery

# -- Arabic "Abd" compounds ---------------------------------------------------------------------


@pytest.mark.parametrize(("written", "elements"), [
    ("Abd al-Karim Hassan", ["Abdkarim", "Hassan"]),
    ("Abdulkarim Hassan", ["Abdkarim", "Hassan"]),
    ("Abdel Karim Hassan", ["Abdkarim", "Hassan"]),
    ("Abdul-Karim Hassan", ["Abdkarim", "Hassan"]),
    ("Abd Allah Tolvani", ["Abdlah", "Tolvani"]),          # "Abdallah" / "Abdullah" is "Abd Allah"
    ("Abdullah Tolvani", ["Abdlah", "Tolvani"]),
    ("Abdallah Tolvani", ["Abdlah", "Tolvani"]),
    ("Abdurrahman Velki", ["Abdrahman", "Velki"]),         # the article assimilated to a sun letter
    ("Abdur-Rahman Velki", ["Abdrahman", "Velki"]),
    ("Abd el Aziz Marun", ["Abdaziz", "Marun"]),
    ("Abdi Hassan Velki", ["Abdi", "Hassan", "Velki"]),    # "Abdi", "Abdo", "Abdu" are names alone
    ("Abdo Marun", ["Abdo", "Marun"]),
    ("Omar Abdel", ["Omar", "Abdel"]),                     # nothing after it to join
])
def test_an_abd_compound_is_one_name_element(written: str, elements: list[str]) -> None:
    assert rules.person_words(written) == elements


@pytest.mark.parametrize(("mention", "listed", "agrees"), [
    # the same compound written differently agrees
    ("Abdulkarim Hassan", "HASSAN, Abd al-Karim", True),
    ("Abdel Karim Hassan", "HASSAN, Abdulkarim", True),
    ("Abd al-Karim Hassan", "HASSAN, Abdelkarim", True),
    ("Abdul Rahman Velki", "VELKI, Abdurrahman", True),
    ("Abdullah Velki", "VELKI, Abd Allah", True),
    ("Omar Abdelkader", "ABD EL KADER, Omar", True),
    ("Abdulkarim Hassan Velki", "ABD AL-KARIM HASSAN VELKI", True),   # reading order
    # a compound is not its second half, nor "Abdallah" and that half
    ("Samir Abdul-Mahdi", "MAHDI, Samir Abdallah", False),
    ("Abdul-Rahman Said", "SAID, Abdallah Rahman", False),
    ("Rahman Velki", "VELKI, Abdul Rahman", False),
    ("Omar Kader", "ABD EL KADER, Omar", False),
    ("Karim Abd al-Mahdi", "MAHDI, Karim", False),
    ("Samir Abdul-Mahdi Tolvani", "SAMIR ABDALLAH MAHDI TOLVANI", False),
])
def test_person_names_agree_on_abd_compounds_as_one_element(mention: str, listed: str, agrees: bool) -> None:
    assert (rules.person_agrees(mention, listed) is not None) is agrees
    assert (rules.person_agrees(mention, listed, exact=True) is not None) is agrees


def test_a_compound_mention_is_not_certain_for_the_listed_halves() -> None:
    hit = _hit("MAHDI, Samir Abdallah", "un:P.1", score=0.9, features=("name_tokens",))
    linker = Linker(_Screen({"Samir Abdul-Mahdi": [hit]}), identifiers=_index())
    text = "Prime Minister Samir Abdul-Mahdi spoke."
    links = linker.link(_rec("Samir Abdul-Mahdi", text), LinkContext(text=text, ents=[]))
    assert [h.tier for h in links] == ["probable"], links


# -- people named in a group ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "states", "captive"), [
    # a group's state carries to the names enumerated after it
    ("Two Chilean nationals are held by Ruritania \u2014 Ana Velk and Tomas Ruiz, who teach there.",
     "Tomas Ruiz", ["cl"], False),
    ("Three U.S. citizens are still held \u2014 Pak Su Il and Kim Ho, who were held a year, and Ri Dal, "
     "who was detained in 2015.", "Ri Dal", ["us"], False),
    ("The longest-held of the three U.S. nationals, Pak Su Il, was sentenced in 2016.", "Pak Su Il", ["us"], False),
    ("Two Americans - Pak Su Il and Kim Ho - were freed.", "Kim Ho", ["us"], False),
    ("The three Chilean journalists: Ana Velk, Ines Tolvar and Tomas Ruiz.", "Ines Tolvar", ["cl"], False),
    ("Two citizens of Chile -- Ana Velk and Tomas Ruiz -- were freed.", "Ana Velk", ["cl"], False),
    # every person noun's plural is a group noun ("officers", "fishermen", "missionaries")
    ("Two Chilean officers -- Ana Velk and Tomas Ruiz -- were freed.", "Tomas Ruiz", ["cl"], False),
    ("Three Norwegian fishermen, Ana Velk, Ines Tolvar and Tomas Ruiz, were freed.", "Ines Tolvar", ["no"], False),
    ("Two abductees of Chile -- Ana Velk and Tomas Ruiz -- were freed.", "Ana Velk", ["cl"], True),
    # a singular person noun is no group
    ("A Chilean officer -- Ana Velk -- was freed.", "Ana Velk", [], False),
    # ... and to "the two others -- A and B" in the next sentence
    ("The longest-held of the three U.S. nationals, Pak Su Il, was sentenced in 2016. The two others -- "
     "Kim Ho and Ana Velk -- were teachers.", "Kim Ho", ["us"], False),
    ("Three Canadians were held. The other two: Ana Velk and Tomas Ruiz.", "Tomas Ruiz", ["ca"], False),
    # captives, with no state
    ("The freed hostages, Pak Su Il, Kim Ho and Ri Dal, landed on Thursday.", "Kim Ho", [], True),
    # not members: the group is an object, not enumerated, two states', beyond its count, further back
    ("After meeting Chilean officials, Pak Su Il said the talks went well.", "Pak Su Il", [], False),
    ("After meeting Chilean officials, Pak Su Il, the envoy, said so.", "Pak Su Il", [], False),
    ("Iranian and Syrian officials \u2014 Ana Velk and Tomas Ruiz \u2014 met.", "Ana Velk", [], False),
    ("Two Chilean nationals are held. Pak Su Il said so on Monday.", "Pak Su Il", [], False),
    ("Two Chilean nationals were freed \u2014 Ana Velk and Tomas Ruiz \u2014 and Pak Su Il welcomed them.",
     "Pak Su Il", [], False),
    ("Two Chilean nationals, Ana Velk and Tomas Ruiz, met Pak Su Il, the envoy.", "Pak Su Il", [], False),
    ("The three Chilean nationals, Ana Velk, Tomas Ruiz and Ines Tolvar, and Pak Su Il met.", "Pak Su Il", [], False),
    ("Two Chilean nationals are held. Argentine officials and Brazilian diplomats said so. The two others -- Pak Su Il and Kim Ho -- "
     "were freed.", "Pak Su Il", [], False),
    ("Two Chilean and two Argentine nationals were held. The two others -- Pak Su Il and Kim Ho -- were freed.",
     "Pak Su Il", [], False),
    ("The freed hostages thanked Pak Su Il, the envoy.", "Pak Su Il", [], False),
    ("Mr. Velk met two U.S. citizens. Then Pak Su Il spoke.", "Pak Su Il", [], False),
])
def test_a_group_places_the_names_enumerated_in_it(text: str, name: str, states: list[str], captive: bool) -> None:
    start = text.index(name)
    assert rules.group_placed(text, start, start + len(name)) == (states, captive)


@pytest.mark.parametrize(("text", "name", "states"), [
    ("Ana Velk, who is held by North Korea, spoke.", "Ana Velk", ["kp"]),
    ("Ana Velk was detained by Iranian authorities in 2016.", "Ana Velk", ["ir"]),
    ("Three Chilean citizens are held by Iran \u2014 Ana Velk and Kim Ho, who teach.", "Kim Ho", ["ir"]),
    ("Ana Velk, held hostage by Chile since 2015, spoke.", "Ana Velk", ["cl"]),
    ("Ana Velk said the sailors were held by Iran.", "Ana Velk", []),       # another's captivity
    ("Ana Velk, who held talks with Iran, spoke.", "Ana Velk", []),
    ("Ana Velk was detained in 2015.", "Ana Velk", []),                      # no captor named
    ("Ana Velk was arrested by Iranian police.", "Ana Velk", []),            # an arrest may be a purge
    ("The men held by Iran were freed, Ana Velk said.", "Ana Velk", []),
    ("Iran held talks: Ana Velk and Kim Ho came.", "Kim Ho", []),
])
def test_captors_of_a_person(text: str, name: str, states: list[str]) -> None:
    start = text.index(name)
    assert rules.captors(text, start, start + len(name)) == states


def _hit(matched: str, entity_id: str, score: float = 1.0, features: tuple[str, ...] = ("name_exact",)) -> Hit:
    feats = [FeatureResult(name=f, score=1.0, weight=1.0, reason=f) for f in features]
    return Hit(entity_id=entity_id, entity_name=matched, schema="Person", list_version="v", query_name="q",
               matched_name=matched, score=score, match=True, threshold=0.7, algorithm="mistrust-v2", features=feats)


def _index() -> IdentifierIndex:
    people = [ListEntity(id="un:P.1", source="un", schema="Person", name="MAHDI, Samir Abdallah", nationalities=["iq"]),
              ListEntity(id="un:P.2", source="un", schema="Person", name="KIM, Ho", nationalities=["kp"]),
              ListEntity(id="un:P.3", source="un", schema="Person", name="RI, Dal", nationalities=["kp"])]
    return IdentifierIndex.build([(p, "v") for p in people])


class _Screen:
    def __init__(self, table: dict[str, list[Hit]]) -> None:
        self.table = table

    def __call__(self, query: NameQuery) -> list[Hit]:
        return self.table.get(query.name, [])


def _rec(name: str, text: str, at: int = 0) -> Recognized:
    start = text.index(name, at)
    return Recognized(Mention(text=name, start=start, end=start + len(name), label="Person", extractor="ner-v1"))


@pytest.mark.parametrize(("text", "tier"), [
    ("Three Chilean citizens are held by Ruritania \u2014 Ana Velk and Kim Ho, who teach there.", "probable"),
    ("The freed hostages, Ana Velk and Kim Ho, landed.", "probable"),
    ("Two North Korean officials \u2014 Ana Velk and Kim Ho \u2014 were named.", "certain"),  # the entry's state
    ("Two Chilean citizens met Kim Ho on Monday.", "certain"),                           # not enumerated
    # held by the entry's own state: its prisoner, not its official
    ("Kim Ho, who has been held by North Korea since 2016, was freed.", "probable"),
    ("Two men are still detained by North Korea \u2014 Ana Velk and Kim Ho.", "probable"),
    ("Kim Ho was detained by Chilean authorities in May.", "certain"),    # another state's captive
    ("Kim Ho said two sailors were held by North Korea.", "certain"),      # someone else is held
])
def test_a_groups_state_or_captivity_holds_a_members_link_back(text: str, tier: str) -> None:
    linker = Linker(_Screen({"Kim Ho": [_hit("KIM, Ho", "un:P.2")]}), identifiers=_index())
    links = linker.link(_rec("Kim Ho", text), LinkContext(text=text, ents=[]))
    assert [(h.entity_id, h.tier) for h in links] == [("un:P.2", tier)], links


def test_every_mention_of_a_namesakes_name_is_held_back() -> None:
    text = ("Kim Ho taught maths. Ri Dal spoke. Two Chilean citizens are held \u2014 Kim Ho and Ana Velk. "
            "Later Kim Ho was freed.")
    recs = [_rec("Kim Ho", text), _rec("Ri Dal", text), _rec("Kim Ho", text, 30), _rec("Kim Ho", text, 80)]
    linker = Linker(_Screen({"Kim Ho": [_hit("KIM, Ho", "un:P.2")], "Ri Dal": [_hit("RI, Dal", "un:P.3")]}),
                    identifiers=_index())
    linker.link_all(recs, text)
    assert [[h.tier for h in r.mention.links] for r in recs] == [["probable"], ["certain"], ["probable"], ["probable"]]
    assert "namesake" in (recs[0].mention.links[0].link_reason or "")

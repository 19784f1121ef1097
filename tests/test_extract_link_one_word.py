"""A one-word name is screened only when some listed name may pass the linker's one-word rule.

``OneWordNames`` answers, for all the names a screening can return at once, what ``reliable`` asks
of each hit of a one-word mention: the same word once folded (the name, or the entry's quoted own
name), the same word spelt another way (six letters or more), or a listed "THE <word>s". Where it
says no, every screening hit would have been dropped, so the linker skips the screening.
"""

from __future__ import annotations

import pytest

from mistrust.extract.entities import Recognized
from mistrust.extract.identifiers import IdentifierIndex, OneWordNames
from mistrust.extract.linking import LinkContext, Linker, reliable
from mistrust.model import FeatureResult, Hit, ListEntity, Mention, NameQuery

# (mention, listed name, entry's own name, whether reliable() lets the pair link): names made up
# for the test, of the kinds news write as one word (groups, outlets, agencies, companies).
PAIRS = [
    ("Hizballah", "HIZBALLAH", "HIZBALLAH", True),                 # the same word
    ("al-Tolvara", "AL TOLVARA", "AL TOLVARA", True),             # hyphen and space fold alike
    ("Velkanu", "THE VELKANU", "THE VELKANU", True),               # a leading "the" is no word of it
    ("Hezbollah", "HIZBALLAH", "HIZBALLAH", True),                 # a transliteration, six letters on
    ("Ebrahimiya", "IBRAHIMIYA", "IBRAHIMIYA", True),             # an initial vowel spelt another way
    ("Xenite", "THE XENITES", "THE XENITES", True),                # a group's singular
    ("Velkan", "THE VELKANES", "THE VELKANES", True),
    ("Orlan", "PMC ORLAN", "PRIVATE MILITARY COMPANY 'ORLAN'", True),  # the entry's quoted own name
    ("Sakhra", "SAKHRA TRADING", "SAKHRA TRADING", False),         # one word of a longer name
    ("Hama", "HAMAS", "HAMAS", False),                             # a town is not the group
    ("Hamas", "HAMA", "HAMA", False),
    ("Xenite", "XENITES", "XENITES", False),                       # a plural without the list's article
    ("Xenite", "THE XENITE FRONT", "THE XENITE FRONT", False),
    ("Tolvar", "TOLVER", "TOLVER", True),                          # spelt alike, six letters
    ("Tolva", "TULVA", "TULVA", False),                            # spelt alike, but five letters
    ("Dorvane", "KARVANE", "KARVANE", False),                      # another initial
    ("Reuters", "REUTER HOLDINGS LTD", "REUTER HOLDINGS LTD", False),
    ("Velka", "ORLAN", "PRIVATE MILITARY COMPANY 'ORLAN'", False),  # a quoted name of another word
]


def _hit(matched: str, entity: str) -> Hit:
    return Hit(entity_id="ofac:1", entity_name=entity, schema="Organization", list_version="v", query_name="q",
               matched_name=matched, score=0.95, match=True, threshold=0.7, algorithm="mistrust-v2",
               features=[FeatureResult(name="name_literal", score=1.0, weight=1.0, reason="r")])


@pytest.mark.parametrize(("mention", "matched", "entity", "links"), PAIRS)
def test_the_vocabulary_answers_as_reliable_does(mention: str, matched: str, entity: str, links: bool) -> None:
    assert reliable(_hit(matched, entity), mention) is links
    assert OneWordNames.from_names([matched], [entity]).may_link(mention) is links


def test_the_vocabulary_of_many_names_passes_a_word_any_one_of_them_passes() -> None:
    names = OneWordNames.from_names([m for _, m, _, _ in PAIRS], [e for _, _, e, _ in PAIRS])
    for mention, _, _, _ in PAIRS:
        expected = any(reliable(_hit(m, e), mention) for _, m, e, _ in PAIRS)
        assert names.may_link(mention) is expected, mention
    assert names.may_link("Bloomberg") is False
    assert names.may_link("—") is True  # nothing to fold: reliable() cannot tell it apart


class _CountingScreen:
    def __init__(self, table: dict[str, list[Hit]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def __call__(self, query: NameQuery) -> list[Hit]:
        self.asked.append(query.name)
        return self.table.get(query.name, [])


def _rec(text: str) -> Recognized:
    return Recognized(Mention(text=text, start=0, end=len(text), label="Organization", extractor="ner-v1"))


def _index(screened: list[str] | None) -> IdentifierIndex:
    entities = [ListEntity(id="ofac:1", source="ofac", schema="Organization", name="HIZBALLAH"),
                ListEntity(id="ofac:2", source="ofac", schema="Organization", name="VELKAN SHIPPING LINES")]
    return IdentifierIndex.build([(e, "v") for e in entities], screened=screened)


def test_the_linker_screens_only_the_one_word_names_that_may_link() -> None:
    hezbollah = _hit("HIZBALLAH", "HIZBALLAH")
    chance = _hit("VELKAN SHIPPING LINES", "VELKAN SHIPPING LINES")  # a fuzzy hit the one-word rule drops
    table = {"Hezbollah": [hezbollah], "Velkan": [chance], "Velkan Shipping": [chance]}
    links: dict[bool, list[list[tuple[str, str | None]]]] = {}
    for known in (True, False):
        screen = _CountingScreen(table)
        linker = Linker(screen, identifiers=_index(["HIZBALLAH", "VELKAN SHIPPING LINES"] if known else None))
        links[known] = [[(h.entity_id, h.tier) for h in linker.link(_rec(name), LinkContext(text=name, ents=[]))]
                        for name in ("Hezbollah", "Velkan", "Reuters", "Velkan Shipping")]
        # names of two words or more are screened whatever their words
        assert screen.asked == (["Hezbollah", "Velkan Shipping"] if known else
                                ["Hezbollah", "Velkan", "Reuters", "Velkan Shipping"])
    assert links[True] == links[False]
    assert links[True][0] == [("ofac:1", "certain")] and links[True][1] == [] and links[True][2] == []


def test_an_unreadable_one_word_name_still_goes_to_the_screening() -> None:
    screen = _CountingScreen({})
    Linker(screen, identifiers=_index(["HIZBALLAH"])).link(_rec("Tol\x07var"), LinkContext(text="Tol\x07var", ents=[]))
    assert screen.asked == ["Tol\x07var"]

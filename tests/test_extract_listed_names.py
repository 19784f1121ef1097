"""Link candidates that do not depend on the screening's fuzzy score: the lists' own names and aliases
as the text writes them (apostrophes, ayns, particles and spelling set aside), listed people found by
their surname, names the tagger cut at an ayn, and descriptions that are not names. All names here are
made up."""

from __future__ import annotations

import pytest

from mistrust.extract import link_rules as rules
from mistrust.extract.actors import name_key as actor_key
from mistrust.extract.entities import Recognized
from mistrust.extract.identifiers import IdentifierIndex, name_hit
from mistrust.extract.linking import LinkContext, Linker, grade
from mistrust.model import Hit, Mention, NameQuery
from mistrust.model.lists import Alias, ListEntity
from mistrust.model.vocabulary import APOSTROPHES, drop_apostrophes

# -- one apostrophe / ayn normalisation ---------------------------------------------------------------


@pytest.mark.parametrize("mark", list(APOSTROPHES))
def test_every_apostrophe_and_ayn_mark_is_dropped_alike(mark: str) -> None:
    assert drop_apostrophes(f"Sa{mark}id") == "Said"
    assert rules.fold(f"Sa{mark}id") == "said"
    assert actor_key(f"Sa{mark}id al-Varsani") == actor_key("Said al-Varsani")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("al-Qa\u2019ida Front", "AL QA'IDA FRONT", True),      # particle hyphen, typographic apostrophe
    ("Al Qa\u02bfida Front", "al-Qaida Front", True),        # the ayn as a modifier letter
    ("the Dorvan Group", "DORVAN GROUP", True),              # a leading article
    ("U.S. Velkor Co.", "US VELKOR CO", True),                # dots
    ("Qaida Front", "al-Qaida Front", False),                 # a particle is a word of the name
    ("Dorvan Groups", "DORVAN GROUP", False),                 # a different word stays different
])
def test_name_key(a: str, b: str, same: bool) -> None:
    assert (rules.name_key(a) == rules.name_key(b)) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Tolvarin", "TULVAREN", True), ("Ezbarrah", "Izbarah", True), ("Qasimov", "Kasimov", False),
    ("Marlowe", "Barlowe", False), ("Hamas", "Hama", False),
])
def test_spelling_key(a: str, b: str, same: bool) -> None:
    assert (rules.spelling_key(a) == rules.spelling_key(b)) is same


# -- the names index -----------------------------------------------------------------------------------

def _entities() -> list[tuple[ListEntity, str]]:
    return [(e, "v1") for e in [
        ListEntity(id="ofac:1", source="ofac", schema="Organization", name="TOLVARIN",
                   aliases=[Alias("TVF"), Alias("THE FALCON", quality="weak")]),
        ListEntity(id="ofac:2", source="ofac", schema="Organization", name="AL QA'IDA FRONT"),
        ListEntity(id="ofac:3", source="ofac", schema="Person", name="AL-VARSANI, Sa'id Omar Khalil"),
        ListEntity(id="ofac:4", source="ofac", schema="Person", name="PAK, Sung-ho"),
        ListEntity(id="ofac:5", source="ofac", schema="Person", name="AS'AD, Tariq 'Abd-al-Nur"),
        ListEntity(id="ofac:6", source="ofac", schema="Vessel", name="JUSTINA"),
        ListEntity(id="un:Q.1", source="un", schema="Person", name="NUREDIN MALKOV"),
    ]]


def _index() -> IdentifierIndex:
    return IdentifierIndex.build(_entities())


@pytest.mark.parametrize(("written", "expected"), [
    ("Tolvarin", {("ofac:1", "name")}),
    ("Tulvaren", {("ofac:1", "name")}),                  # one long word, another transliteration
    ("al-Qa\u2019ida Front", {("ofac:2", "name")}),
    ("The Falcon", {("ofac:1", "weak alias")}),
    ("Tolvar", set()),                                     # a part of the word is not the word
    ("Tolvarin Front", set()),
])
def test_named(written: str, expected: set[tuple[str, str]]) -> None:
    assert {(x.entity_id, x.id_type) for x in _index().named(written)} == expected


@pytest.mark.parametrize(("written", "expected"), [
    ("Said al-Varsani", {"ofac:3"}),      # western order: the surname is the last word
    ("Pak Sung Ho", {"ofac:4"}),           # surname first
    ("Nuredin Malkov", {"un:Q.1"}),        # reading order: first or last word
    ("Ilona Brecht", set()),
    ("Varsani", set()),                    # one word is no person's name
])
def test_surnamed(written: str, expected: set[str]) -> None:
    assert {x.entity_id for x in _index().surnamed(written)} == expected


# -- the linker with a screening that finds nothing (a low fuzzy score) ----------------------------------

def _nothing(query: NameQuery) -> list[Hit]:
    return []


def _rec(text: str, label: str = "Organization", start: int = 0, extractor: str = "ner-v1") -> Recognized:
    return Recognized(Mention(text=text, start=start, end=start + len(text), label=label, extractor=extractor))


@pytest.mark.parametrize(("text", "mention", "label", "expected"), [
    ("Fighters of Tolvarin crossed the border.", "Tolvarin", "Organization", ("ofac:1", "certain")),
    ("Fighters of Tulvaren crossed the border.", "Tulvaren", "Organization", ("ofac:1", "certain")),
    ("The al-Qa\u2019ida Front claimed it.", "al-Qa\u2019ida Front", "Organization", ("ofac:2", "certain")),
    ("The Falcon wrote a column.", "The Falcon", "Organization", ("ofac:1", "possible")),  # weak alias alone
    ("Justina ruled on the case.", "Justina", "Vessel", ("ofac:6", "possible")),  # not typed as a ship
    ("The tanker Justina sailed.", "Justina", "Vessel", ("ofac:6", "certain")),
    ("Said al-Varsani was named.", "Said al-Varsani", "Person", ("ofac:3", "certain")),
    ("Sa\u02bfid Varsani was named.", "Sa\u02bfid Varsani", "Person", ("ofac:3", "certain")),
    ("Omar al-Varsani was named.", "Omar al-Varsani", "Person", None),  # a middle name, not the given name
    ("Pak Sung-ho was named.", "Pak Sung-ho", "Person", ("ofac:4", "certain")),
    ("Pak Sung Du was named.", "Pak Sung Du", "Person", None),  # another given name
])
def test_listed_names_link_whatever_the_fuzzy_score(text: str, mention: str, label: str,
                                                      expected: tuple[str, str] | None) -> None:
    rec = _rec(mention, label, start=text.index(mention))
    Linker(_nothing, identifiers=_index()).link_all([rec], text, [])
    got = [(h.entity_id, h.tier) for h in rec.mention.links]
    assert got == ([expected] if expected else [])
    if expected:
        assert rec.mention.links[0].link_reason


def test_a_short_acronym_equal_to_an_alias_does_not_link_by_name() -> None:
    rec = _rec("TVF")
    Linker(_nothing, identifiers=_index()).link_all([rec], "TVF said so.", [])
    assert rec.mention.links == []


def test_a_name_hit_keeps_the_weak_alias_mark() -> None:
    weak = [x for x in _index().named("the falcon")][0]
    hit = name_hit("The Falcon", weak)
    assert {f.name for f in hit.features} == {"name_exact", "weak_alias"}
    assert hit.entity_id == "ofac:1" and hit.algorithm == "listed-name"


# -- a person's name cut at an ayn -------------------------------------------------------------------

def test_a_person_cut_at_an_ayn_is_tried_whole() -> None:
    text = "The office named Tariq \u2018Abd-al-Nur As\u2019ad and Dorian Velk, and Said al-Varsani."
    a, b = text.index("Tariq"), text.index("Abd-al-Nur")
    c, d = text.index("Dorian"), text.index("Said al")
    recs = [_rec("Tariq", "Person", a), _rec("Abd-al-Nur As\u2019ad", "Person", b),
            _rec("Dorian Velk", "Person", c), _rec("Said al-Varsani", "Person", d)]
    Linker(_nothing, identifiers=_index()).link_all(recs, text, [])
    linked = {r.mention.text: [h.entity_id for h in r.mention.links if h.tier == "certain"] for r in recs}
    assert linked["Tariq \u2018Abd-al-Nur As\u2019ad"] == ["ofac:5"]
    assert linked["Said al-Varsani"] == ["ofac:3"]
    # "As'ad" and "Dorian Velk, and Said ..." are not one name: a comma and "and" part two people
    assert not any(t.startswith("Dorian Velk,") or t.endswith("Velk") and linked[t] for t in linked)


def test_two_people_joined_by_and_are_not_one() -> None:
    text = "Tariq and Abd-al-Nur As\u2019ad met."
    recs = [_rec("Tariq", "Person", 0), _rec("Abd-al-Nur As\u2019ad", "Person", text.index("Abd"))]
    Linker(_nothing, identifiers=_index()).link_all(recs, text, [])
    assert [r.mention.text for r in recs] == ["Tariq", "Abd-al-Nur As\u2019ad"]


# -- surname-first given names, descriptions ------------------------------------------------------------

@pytest.mark.parametrize(("mention", "listed", "agrees"), [
    ("Pak Sung-ho", "PAK, Sung Ho", True),
    ("Pak Sung Ho", "PAK, Sung-ho", True),
    ("Pak Sung Du", "PAK, Sung-ho", False),   # one syllable in common is another given name
    ("Pak Sang Du", "PAK, Song", False),
    ("Ri Chol", "RI, Chol", True),
])
def test_surname_first_given_name_agrees_whole(mention: str, listed: str, agrees: bool) -> None:
    assert (rules.person_agrees(mention, listed) is not None) is agrees


@pytest.mark.parametrize(("name", "kind"), [
    ("Iranian Tanker", True), ("the Chinese shipping firm", True), ("Syrian company", True),
    ("Chile Shipping Lines", False),         # a country's name in a body's own name is part of it
    ("National Iranian Velkor Company", False), ("Iranian", False), ("Tolvarin Shipping", False),
])
def test_is_kind(name: str, kind: bool) -> None:
    assert rules.is_kind(name) is kind


def test_a_description_links_possible_at_most() -> None:
    rec = _rec("Iranian Tanker")
    hit = Hit(entity_id="ofac:9", entity_name="NATIONAL IRANIAN VELKOR TANKER COMPANY", schema="Organization",
              list_version="v", query_name="Iranian Tanker", matched_name="NATIONAL IRANIAN VELKOR TANKER COMPANY",
              score=0.97, match=True, threshold=0.7, algorithm="test")
    verdict = grade(hit, rec, NameQuery(name="Iranian Tanker", schema="Organization", countries=["ir"]),
                    LinkContext(text="An Iranian Tanker was seized."))
    assert verdict is not None and verdict[0] == "possible"


@pytest.mark.parametrize(("mention", "listed", "alike", "same"), [
    ("Said al-Varsani", "AL-VARSANI, Sa'id Omar", True, True),     # apostrophes and particles only
    ("Saeed al-Varsany", "AL-VARSANI, Sa'id Omar", True, False),    # another spelling: alike, not the same
    ("Pak Sang-ho", "PAK, Song Ho", True, False),
    ("Nuredin Malkov", "NUREDIN MALKOV", True, True),
    ("Nuradin Malkof", "NUREDIN MALKOV", False, False),
])
def test_person_agreement_alike_and_exact(mention: str, listed: str, alike: bool, same: bool) -> None:
    assert (rules.person_agrees(mention, listed) is not None) is alike
    assert (rules.person_agrees(mention, listed, exact=True) is not None) is same


def test_a_spelling_variant_found_by_surname_alone_does_not_link() -> None:
    text = "Saeed al-Varsany was named."
    rec = _rec("Saeed al-Varsany", "Person")
    Linker(_nothing, identifiers=_index()).link_all([rec], text, [])
    assert rec.mention.links == []  # no fuzzy score speaks for it, and the words are only alike


@pytest.mark.parametrize(("mention", "listed", "site"), [
    ("Velkor Refinery", "VELKOR REFINERY COMPANY", True),
    ("Tolvarin Mine", "TOLVARIN MINE CO., LTD.", True),
    ("Velkor Refinery", "VELKOR REFINERY", False),             # the same name
    ("Velkor Plant", "VELKOR TRADING COMPANY", False),         # another word, not only the company's
])
def test_site_of_company(mention: str, listed: str, site: bool) -> None:
    assert rules.site_of_company(mention, listed) is site


def test_a_site_links_to_the_company_that_runs_it_only_probably() -> None:
    rec = _rec("Velkor Refinery", "Facility")
    hit = Hit(entity_id="ofac:8", entity_name="VELKOR REFINERY COMPANY", schema="Organization", list_version="v",
              query_name="Velkor Refinery", matched_name="VELKOR REFINERY COMPANY", score=0.97, match=True,
              threshold=0.7, algorithm="test")
    query = NameQuery(name="Velkor Refinery", schema="Any")
    verdict = grade(hit, rec, query, LinkContext(text="Oil went to the Velkor Refinery."))
    assert verdict is not None and verdict[0] == "probable"
    as_body = grade(hit, _rec("Velkor Refinery"), query, LinkContext(text="Velkor Refinery said so."))
    assert as_body is not None and as_body[0] == "certain"


def test_the_tagger_text_folds_typographic_apostrophes_but_keeps_ayn_letters() -> None:
    from mistrust.extract.nlp import fold_typography

    text = "Sa\u2019id met \u2018Abd and Sa\u02bfid"
    folded = fold_typography(text)
    assert folded == "Sa'id met 'Abd and Sa\u02bfid" and len(folded) == len(text)
    assert drop_apostrophes(folded) == drop_apostrophes(text) == "Said met Abd and Said"


# -- descriptors that carry their state, and what a low score may not do -------------------------------

@pytest.mark.parametrize(("name", "descriptor"), [
    ("Chilean Coast Guard", True), ("the Iranian interior ministry", True), ("Peru Ministry of Defence", True),
    ("North Korea defence ministry", True), ("Central Bank of Chile", True),
    ("Iran", False),                                   # a state alone is no organ
    ("Iranian Velkor Guard Corps", False),             # a word of its own makes a name
    ("Tolvarin National Army", False),
])
def test_a_descriptor_may_carry_its_state(name: str, descriptor: bool) -> None:
    assert rules.is_descriptor(name) is descriptor


def _org_hit(matched: str, score: float, country: float | None = None, schema: str = "Organization") -> Hit:
    from mistrust.model import FeatureResult

    feats = [] if country is None else [FeatureResult(name="country", score=country, weight=0.1, reason="c")]
    return Hit(entity_id="ofac:7", entity_name=matched, schema=schema, list_version="v", query_name="q",
               matched_name=matched, score=score, match=score >= 0.7, threshold=0.7, algorithm="test",
               features=feats)


@pytest.mark.parametrize(("mention", "label", "countries", "hit", "tier"), [
    # another state's army whose name differs by the state's word: the countries disagree
    ("Peru Coast Guard", "Organization", ["pe"], _org_hit("CHILE COAST GUARD", 0.9, country=0.0), None),
    ("Chilean Coast Guard", "Organization", ["cl"], _org_hit("CHILE COAST GUARD", 0.95, country=1.0), "certain"),
    ("Chilean Coast Guard", "Organization", ["cl"], _org_hit("CHILE COAST GUARD", 0.95), "possible"),
    # under the link threshold a state organ, a vessel or a company is not graded at all
    ("Chilean Coast Guard", "Organization", ["cl"], _org_hit("CHILE COAST GUARD", 0.6, country=1.0), None),
    ("Justina", "Vessel", [], _org_hit("JUSTINA", 0.6, schema="Vessel"), None),
    ("Velkor Trading", "Organization", [], _org_hit("VELKOR TRADING", 0.6), None),
])
def test_descriptors_and_low_scores(mention: str, label: str, countries: list[str], hit: Hit,
                                    tier: str | None) -> None:
    verdict = grade(hit, _rec(mention, label), NameQuery(name=mention, schema=label, countries=countries),
                    LinkContext(text=f"{mention} said so."))
    assert (verdict[0] if verdict else None) == tier

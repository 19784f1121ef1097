"""A person listed "SURNAME, Given Names" is found by the names index in reading order too
(``identifiers.listed_keys``): an alias the text writes word for word links by the linker's rules
whatever the screening scores the entry's other names (linking-v11). All names are made up."""

from __future__ import annotations

import pytest

from mistrust.extract.entities import Recognized
from mistrust.extract.identifiers import IdentifierIndex, listed_keys, name_hit
from mistrust.extract.linking import Linker
from mistrust.model import FeatureResult, Hit, Mention, NameQuery
from mistrust.model.lists import Alias, ListEntity


@pytest.mark.parametrize(("value", "schema", "keys"), [
    ("OSKANI, Davud Ferhat", "Person", ["oskani davud ferhat", "davud ferhat oskani"]),
    ("AL-TARVANI, Sa'id", "Person", ["al tarvani said", "said al tarvani"]),
    ("PAK, Sung-ho", "Person", ["pak sung ho", "sung ho pak"]),
    ("NUREDIN MALKOV", "Person", ["nuredin malkov"]),       # no comma: the order is not known
    ("VELKAR TRADING, LTD", "Organization", ["velkar trading ltd"]),  # a body's comma marks no surname
    ("OSKANI,", "Person", ["oskani"]),                      # nothing after the comma
])
def test_listed_keys(value: str, schema: str, keys: list[str]) -> None:
    assert listed_keys(value, schema) == keys


def _index() -> IdentifierIndex:
    return IdentifierIndex.build((e, "v1") for e in [
        ListEntity(id="ofac:11", source="ofac", schema="Person", name="OSKANI, Davud Ferhat",
                   aliases=[Alias("OSKANI, Ferhat", quality="weak"), Alias("OSKANI, Baran", quality="weak")]),
        ListEntity(id="ofac:12", source="ofac", schema="Person", name="MIRANOV, Aleksei Teodor",
                   aliases=[Alias("MIRANOV, Teodor")]),
        ListEntity(id="ofac:13", source="ofac", schema="Organization", name="VELKAR TRADING, LTD"),
    ])


@pytest.mark.parametrize(("written", "expected"), [
    ("Ferhat Oskani", {("ofac:11", "weak alias")}),
    ("Oskani Ferhat", {("ofac:11", "weak alias")}),         # as listed
    ("Davud Ferhat Oskani", {("ofac:11", "name")}),
    ("Teodor Miranov", {("ofac:12", "alias")}),
    ("Ferhat Oskanov", set()),                               # another surname
    ("Ltd Velkar Trading", set()),                           # a body's words are not turned round
])
def test_named_in_reading_order(written: str, expected: set[tuple[str, str]]) -> None:
    assert {(x.entity_id, x.id_type) for x in _index().named(written)} == expected


def test_a_name_hit_in_reading_order_is_the_same_name() -> None:
    listed = _index().named("Teodor Miranov")[0]
    hit = name_hit("Teodor Miranov", listed)
    assert hit.score == 1.0 and "name_exact" in {f.name for f in hit.features}


def _screened(entity_name: str, score: float, entity_id: str) -> Hit:
    """What the screening returns: the entry under its best-scoring name, the full name, which the
    mention matches only approximately (its first given name is not the mention's)."""
    return Hit(entity_id=entity_id, entity_name=entity_name, schema="Person", list_version="v1", query_name="q",
               matched_name=entity_name, score=score, match=True, threshold=0.7, algorithm="mistrust-v19",
               features=[FeatureResult(name="name_tokens", score=0.97, weight=1.0, reason="tokens")])


@pytest.mark.parametrize(("mention", "screened", "expected"), [
    # an alias written word for word, the full name scoring higher: the alias decides
    ("Ferhat Oskani", _screened("OSKANI, Davud Ferhat", 0.90, "ofac:11"), [("ofac:11", "certain")]),
    ("Teodor Miranov", _screened("MIRANOV, Aleksei Teodor", 0.91, "ofac:12"), [("ofac:12", "certain")]),
    # a weak alias whose words are not all in the full name confirms nothing: not certain
    ("Baran Oskani", _screened("OSKANI, Davud Ferhat", 0.88, "ofac:11"), [("ofac:11", "probable")]),
    # no alias written: the full name's approximate match is all there is
    ("Ferhat Oskanov", _screened("OSKANI, Davud Ferhat", 0.87, "ofac:11"), [("ofac:11", "probable")]),
])
def test_an_alias_written_word_for_word_is_preferred_to_an_approximate_full_name(
        mention: str, screened: Hit, expected: list[tuple[str, str]]) -> None:
    def screen(query: NameQuery) -> list[Hit]:
        return [screened]

    text = f"On Monday {mention} said he would answer."
    rec = Recognized(Mention(text=mention, start=10, end=10 + len(mention), label="Person", extractor="ner-v1"))
    Linker(screen, identifiers=_index()).link_all([rec], text, [])
    assert [(h.entity_id, h.tier) for h in rec.mention.links] == expected

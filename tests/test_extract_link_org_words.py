"""An organisation mention that writes only the generic part of a listed name, or names another
kind of body, is not certainly that body (``extract/org_agreement.py``). All names are invented."""

from __future__ import annotations

import pytest

from mistrust.extract import org_agreement as org
from mistrust.extract.entities import Recognized
from mistrust.extract.linking import LinkContext, Linker, grade
from mistrust.model import FeatureResult, Hit, Mention, NameQuery


def _hit(matched: str, *features: str, score: float = 0.97, country: float | None = None,
         entity: str | None = None, entity_id: str = "ofac:1") -> Hit:
    feats = [FeatureResult(name=f, score=1.0, weight=1.0, reason=f) for f in features or ("name_tokens",)]
    if country is not None:
        feats.append(FeatureResult(name="country", score=country, weight=0.1, reason="country"))
    return Hit(entity_id=entity_id, entity_name=entity or matched, schema="Organization", list_version="v",
               query_name="q", matched_name=matched, score=score, match=True, threshold=0.7,
               algorithm="mistrust-v2", features=feats)


def _rec(text: str, canonical: str | None = None) -> Recognized:
    return Recognized(Mention(text=text, start=0, end=len(text), label="Organization", extractor="ner-v1",
                              canonical=canonical))


def _tier(mention: str, hit: Hit, canonical: str | None = None) -> str | None:
    rec = _rec(mention, canonical)
    query = NameQuery(name=canonical or mention, schema="Organization", countries=[])
    verdict = grade(hit, rec, query, LinkContext(text=mention + " said on Monday.", ents=[]))
    return verdict[0] if verdict else None


@pytest.mark.parametrize(("mention", "matched", "tier"), [
    # the listed body's own word left out: another body with the same generic words
    ("Ports and Maritime Organisation", "TOLVARA PORT AND MARITIME COMPANY", "probable"),
    ("Mining Development Bank", "DORVAL MINING DEVELOPMENT BANK", "probable"),
    ("Harbour Works Unit", "HARBOUR WORKS UNIT 4417", "probable"),          # a unit's number
    ("Velkan Ports Organisation", "KESTREL VELKAN PORTS ORGANISATION", "probable"),
    # another kind of body under the same name
    ("Kestrel Shipping Organisation", "KESTREL SHIPPING COMPANY", "probable"),
    ("Zarvan Ministry", "ZARVAN BANK", "probable"),
    # only generic words left out, or the same kind in other words: still the body
    ("Revolutionary Guard", "ISLAMIC REVOLUTIONARY GUARD CORPS", "certain"),
    ("Zarvani Trading", "ZARVANI INTERNATIONAL TRADING COMPANY", "certain"),
    ("Tolvara Shipping Company", "TOLVARA SHIPPING CORPORATION", "certain"),
    ("Tolvara Ports and Maritime Company", "TOLVARA PORT AND MARITIME COMPANY", "certain"),   # a plural s
    ("Namdorgang Trading", "NAM DOR GANG TRADING CORPORATION", "certain"),  # one word for three
    ("Velkan National Oil Company", "VELKAN NATIONAL OIL CO LTD", "certain"),
    ("Chilean Naval Works Agency", "CHILE'S NAVAL WORKS AGENCY", "certain"),   # a state, as a possessive
    ("Kestrel Front", "AL-KESTRELH FRONT", "certain"),                      # one letter of a transliteration
    ("Velkan Front in Chile and Peru", "VELKAN FRONT IN CHILE AND THE ANDES", "certain"),  # a state for a region
    ("Chile Ports and Maritime Company", "TOLVARA PORT AND MARITIME COMPANY", "probable"),  # a state first is no region
    ("Ruritanian Ports and Maritime Company", "TOLVARA PORT AND MARITIME COMPANY", "probable"),
])
def test_a_mention_missing_the_listed_bodys_own_word_or_kind_is_probable(mention: str, matched: str,
                                                                         tier: str) -> None:
    assert _tier(mention, _hit(matched, score=0.97)) == tier
    # the text's country agreeing does not make the generic part a name
    assert _tier(mention, _hit(matched, score=0.9, country=1.0)) == tier


def test_an_acronym_is_judged_by_its_letters_not_its_words() -> None:
    hit = _hit("ZARVANI INTERNATIONAL TRADING COMPANY", "name_acronym", score=0.96)
    assert _tier("ZITC", hit) == "certain"
    # a defined acronym is screened in its long form, which is judged by its words
    assert _tier("ZITC", _hit("DORVAL ZARVANI TRADING COMPANY"), canonical="Zarvani Trading Company") == "probable"


def test_the_listed_name_itself_is_unaffected() -> None:
    assert _tier("Tolvara Port and Maritime Company", _hit("TOLVARA PORT AND MARITIME COMPANY", "name_exact",
                                                           score=1.0)) == "certain"


@pytest.mark.parametrize(("word", "is_generic"), [
    ("Islamic", True), ("National", True), ("Company", True), ("of", True), ("Maritime", True),
    ("Organisation", True), ("Ministries", True), ("Iranian", True), ("al", True),
    ("Tolvara", False), ("Sina", False), ("61398", False), ("Kestrel", False),
])
def test_generic_words(word: str, is_generic: bool) -> None:
    assert org.generic(word) is is_generic


def test_a_name_screened_without_its_kind_is_still_judged_with_it() -> None:
    """"the X Organisation" is screened as "X" when it finds nothing whole; the kind the text
    gave still counts against a listed company, and a missing own word still counts."""
    company = _hit("TOLVARA PORT AND MARITIME COMPANY", score=1.0, country=1.0)

    class Screen:
        def __call__(self, query: NameQuery) -> list[Hit]:
            return [company] if query.name == "Ports and Maritime" else []

    links = Linker(Screen()).link(_rec("Ports and Maritime Organisation"), LinkContext(text="x", ents=[]))
    assert [(h.entity_id, h.tier) for h in links] == [("ofac:1", "probable")]
    assert "tolvara" in (links[0].link_reason or "")
    same = _hit("PORTS AND MARITIME COMPANY", score=1.0, country=1.0)

    class Other:
        def __call__(self, query: NameQuery) -> list[Hit]:
            return [same] if query.name == "Ports and Maritime" else []

    links = Linker(Other()).link(_rec("Ports and Maritime Organisation"), LinkContext(text="x", ents=[]))
    assert [(h.tier, "organisation" in (h.link_reason or "")) for h in links] == [("probable", True)]


def test_forget_clears_the_org_memos() -> None:
    assert org.missing_proper("Ports and Maritime", "TOLVARA PORT AND MARITIME COMPANY") == ("tolvara",)
    assert org.missing_proper.cache_info().currsize > 0 and org.generic.cache_info().currsize > 0
    Linker(lambda q: []).forget()
    assert org.missing_proper.cache_info().currsize == 0 and org.generic.cache_info().currsize == 0

"""Several bodies kept for one mention: the one whose name accounts for the mention's proper words
is meant ("the X Corps' Y Force" names the Force, not the Corps), and the parent when the mention
writes no word of the sub-unit's own (``linking._most_explained``). All names are invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mistrust.extract.entities import Recognized
from mistrust.extract.linking import LinkContext, Linker, LinkOptions, _most_explained
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

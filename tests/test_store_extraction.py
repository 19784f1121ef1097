"""Extraction results survive a save and a load unchanged (attributions with their time included)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mistrust.model import Attribution, Claim, Extraction, Span
from mistrust.store import open_database
from mistrust.store.extraction import load_extraction, save_extraction


@pytest.mark.parametrize("when", ["2018-02", "2020", None])
def test_attribution_time_round_trips(tmp_path: Path, when: str | None) -> None:
    att = Attribution(source=Span("the ministry", 0, 12), cue=Span("said", 13, 17), content=Span("x", 20, 21),
                      chain=["wire service", "the ministry"], extractor="test-v1", time=when)
    claim = Claim("Ruritania", "deny", None, "2019", "denied", 0, 40, "The ministry said in 2018 it denied it.",
                  attribution=att, doc_id="d1", extractor="test-v1")
    db = open_database(tmp_path / "x.db")
    try:
        save_extraction(db, "d1", Extraction(attributions=[att], claims=[claim], doc_id="d1", extractor="test-v1"))
        loaded = load_extraction(db, "d1")
    finally:
        db.close()
    assert loaded is not None
    assert loaded.attributions == [att]
    assert loaded.claims[0].attribution == att and loaded.claims[0].attribution.time == when


def test_entity_listing_leaves_roles_out(tmp_path: Path) -> None:
    """Roles ("Ruritanian officials", "the spokesman") are relations, not entities: the listing leaves
    them out, while the stored extraction keeps them; a name the tagger read stays, whatever its head."""
    from mistrust.model import Mention
    from mistrust.store.extraction import aggregate_entities

    group = "group-rule-v1"
    mentions = [
        Mention("Ruritanian officials", 0, 20, "Organization", extractor=group),
        Mention("the spokesman", 30, 43, "Person", extractor=group),
        Mention("the Ruritanian navy ministry", 50, 78, "Organization", extractor=group),  # a body, no role
        Mention("Velkan Shipping Company", 90, 113, "Organization", extractor="entities-v1/ner"),
        Mention("Officials", 120, 129, "Organization", extractor="entities-v1/ner"),  # read as a name
    ]
    db = open_database(tmp_path / "x.db")
    try:
        save_extraction(db, "d1", Extraction(entities=mentions, doc_id="d1", extractor="test-v1"))
        names = {r["name"] for r in aggregate_entities(db)}
        searched = {r["name"] for r in aggregate_entities(db, q="Ruritanian")}
        stored = load_extraction(db, "d1", actors=False)
    finally:
        db.close()
    assert names == {"the Ruritanian navy ministry", "Velkan Shipping Company", "Officials"}
    assert searched == {"the Ruritanian navy ministry"}
    assert stored is not None and [m.text for m in stored.entities] == [m.text for m in mentions]


def _linked(text: str, start: int, entity: str, tier: str) -> Any:
    from mistrust.model import Hit, Mention

    hit = Hit(entity_id=entity, entity_name=text.upper(), schema="Organization", list_version="v1", query_name=text,
              matched_name=text.upper(), score=0.93, match=True, threshold=0.7, algorithm="test-v1", tier=tier,
              link_reason="same name")
    return Mention(text, start, start + len(text), "Organization", links=[hit], extractor="test-v1")


def test_a_batch_of_extractions_is_saved_and_replaced_as_one(tmp_path: Path) -> None:
    """``save_extractions`` writes several documents in one transaction; saving again replaces
    each document's rows (none doubled, one dropped mention gone) and leaves the others alone."""
    from mistrust.model import Mention
    from mistrust.store.extraction import extraction_rows, save_extractions

    first = Extraction(entities=[_linked("Velkan Shipping", 0, "x:1", "certain"), Mention("Ardel Bay", 20, 29, "GPE")],
                       doc_id="d1", extractor="test-v1")
    second = Extraction(entities=[Mention("Orvan Trust", 5, 16, "Organization")], doc_id="d2", extractor="test-v1")
    db = open_database(tmp_path / "x.db")
    try:
        save_extractions(db, [extraction_rows("d1", first), extraction_rows("d2", second)])
        save_extractions(db, [extraction_rows("d1", Extraction(entities=first.entities[:1], doc_id="d1",
                                                               extractor="test-v1"))])
        one, two = load_extraction(db, "d1", actors=False), load_extraction(db, "d2", actors=False)
    finally:
        db.close()
    assert one is not None and [m.text for m in one.entities] == ["Velkan Shipping"]
    assert one.entities[0].links == first.entities[0].links  # the hit's JSON reads back as the same Hit
    assert two is not None and [m.text for m in two.entities] == ["Orvan Trust"]


def test_mentions_of_all_reads_what_each_document_load_reads(tmp_path: Path) -> None:
    """Actor resolution reads every document's mentions in one pass; they must be the mentions
    (and links) ``load_extraction`` gives one document at a time, in doc id order."""
    from mistrust.model import Mention
    from mistrust.store.extraction import mentions_of_all

    docs = {"b2": [Mention("Orvan Trust", 5, 16, "Organization"), _linked("Velkan Shipping", 30, "x:1", "likely")],
            "a1": [_linked("Ardel Holdings", 0, "x:2", "certain")], "c3": []}
    db = open_database(tmp_path / "x.db")
    try:
        for doc_id, mentions in docs.items():
            save_extraction(db, doc_id, Extraction(entities=mentions, doc_id=doc_id, extractor="test-v1"))
        bulk = mentions_of_all(db)
        single = [load_extraction(db, doc_id, actors=False) for doc_id in sorted(docs)]
    finally:
        db.close()
    assert [x.doc_id for x in bulk] == ["a1", "b2", "c3"]
    assert [x.entities for x in bulk] == [x.entities for x in single if x is not None]
    assert bulk[1].entities[1].links[0].tier == "likely"

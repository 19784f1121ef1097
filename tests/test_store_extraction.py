"""Extraction results survive a save and a load unchanged (attributions with their time included)."""

from __future__ import annotations

from pathlib import Path

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

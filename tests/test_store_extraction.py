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

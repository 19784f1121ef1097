"""Screening against the real shared lists (UN 2026 + OFAC SDN 2021 with alt.csv)."""

from __future__ import annotations

import pytest

from _screen_helpers import full_score_matches
from conftest import require_shared
from mistrust.model import NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.index import RETRIEVE


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    from mistrust.lists import load_file

    un = load_file(require_shared("sanctions", "un_consolidated_2026-02-27.xml"))
    ofac = load_file(require_shared("sanctions", "ofac_sdn_csv_2021-07", "sdn.csv"))
    return ScreenIndex.build([un, ofac])


@pytest.mark.parametrize(
    ("query", "schema", "expected"),
    [
        ("Shahid Haj Ali Movahed Research Center", "Organization", "ofac:19716"),  # via its a.k.a.
        ("IRGC", "Organization", "ofac:10391"),
        ("Islamic Revolutionary Guard Corps", "Organization", "ofac:10391"),
        ("Islamic Revolutionary Guards Corps", "Any", "ofac:10391"),
        ("Nam Chon Gang Trading", "Any", "un:KPe.004"),
        ("Korea Mining Development Trading Corp.", "Organization", "un:KPe.001"),
        ("Kim Jong-un", "Person", "ofac:20157"),
        ("Green Pine Associated Corp", "Any", "un:KPe.010"),
    ],
)
def test_seed_names_find_their_entry(index: ScreenIndex, query: str, schema: str, expected: str) -> None:
    hits = index.search(NameQuery(query, schema=schema), threshold=0.7, limit=10)
    matched = {h.entity_id for h in hits if h.match}
    assert expected in matched, [(h.entity_id, h.score, h.matched_name) for h in hits[:5]]


def test_movahed_hit_explains_the_alias(index: ScreenIndex) -> None:
    hit = index.search(NameQuery("Shahid Haj Ali Movahed Research Center"), 0.7, 5)[0]
    assert hit.entity_id == "ofac:19716" and hit.entity_name == "SHAHID MOVAHED INDUSTRIES"
    assert hit.matched_name.upper() == "SHAHID HAJ ALI MOVAHED RESEARCH CENTER"
    assert "NPWMD" in hit.programs and hit.list_version


@pytest.mark.parametrize("query", ["Mohammad", "Kim", "Trading Company", "John Smith", "Bank"])
def test_common_and_one_token_names_do_not_match(index: ScreenIndex, query: str) -> None:
    hits = index.search(NameQuery(query), threshold=0.7, limit=10)
    assert not [h for h in hits if h.match], [(h.entity_id, h.score, h.matched_name) for h in hits[:3]]


def test_retrieval_uses_the_index_not_a_scan(index: ScreenIndex) -> None:
    found = index.candidates(normalize_name("Islamic Revolutionary Guard Corps"))
    assert 0 < len(found) <= RETRIEVE < len(index.names) // 100


def test_quick_ranking_loses_no_match_on_real_queries(index: ScreenIndex) -> None:
    """The quick ranking only saves work on real lists too: for 150 aliases of listed entries,
    the matches search returns are those of the full score of every retrieved candidate."""
    aliases = [a.name for ie in index.entities[:: max(1, len(index.entities) // 150)] for a in ie.entity.aliases[:1]]
    assert len(aliases) > 60
    for name in aliases:
        query = NameQuery(name)
        hits = {h.entity_id: h.score for h in index.search(query, threshold=0.7, limit=10, min_score=0.5) if h.match}
        assert hits == full_score_matches(index, query, 0.7, 10), name

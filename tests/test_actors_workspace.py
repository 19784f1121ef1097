"""One actor per real-world entity in real workspaces: one network node per list entry, one IRGC.

The seeds (two real reports with OFAC SDN 2021 and UN 2020) and the bundled demo; the claims set is
checked by ``benchmarks/linking_quality.py`` (analysing 113 articles is too slow for the suite).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

import seeing_samples as S
from conftest import require_shared
from mistrust.workspace import Workspace

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def seeds_fixture(tmp_path_factory) -> Path:
    """The seeds workspace (built once per session by seeing_samples)."""
    data, seeds = require_shared("sanctions").parent, require_shared("..", "seeds")
    return Path(str(S.seeds_db(tmp_path_factory.mktemp("seeds"), data, seeds)))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with Workspace(db, create=True) as ws:
        ws.load_lists([EXAMPLES / "watchlist.ftm.json"])
        ws.ingest([EXAMPLES / "articles.jsonl", EXAMPLES / "articles"], analyze=True)
        ws.corroborate()
    return db


def _nodes_per_entry(db: Path) -> dict[str, list[str]]:
    with Workspace(db, create=True) as ws:
        net = ws.report_data().network
    per_entry: dict[str, list[str]] = defaultdict(list)
    for node in net.nodes.values():
        for link in node.sanctions:
            per_entry[link.entity_id].append(node.name)
    return per_entry


@pytest.mark.parametrize("which", ["seeds_fixture", "demo_db"])
def test_one_network_node_per_list_entry(which: str, request: pytest.FixtureRequest) -> None:
    per_entry = _nodes_per_entry(request.getfixturevalue(which))
    assert per_entry, "the workspace links no actor at all: nothing was checked"
    split = {eid: names for eid, names in per_entry.items() if len(names) > 1}
    assert not split, split


def test_seeds_irgc_mentions_are_one_actor(seeds_fixture: Path) -> None:
    with Workspace(seeds_fixture, create=True) as ws:
        actors = ws.actors(limit=10_000)
        refs = []
        for doc_id in ws.document_ids():
            for i, m in enumerate(ws.extraction_for(doc_id).entities):
                if re.search(r"\bIRGC\b|Revolutionary Guard", m.text):
                    refs.append((doc_id, i))
    assert len(refs) >= 2, refs
    owners = {a.id for a in actors for ref in refs if ref in a.mentions}
    assert len(owners) == 1, [(a.name, a.names) for a in actors if a.id in owners]
    irgc = next(a for a in actors if a.id in owners)
    assert "ofac:10391" in irgc.entity_ids
    # the API serves the same actor, and an unknown one is a 404
    from fastapi.testclient import TestClient

    from mistrust.api import create_app
    from mistrust.settings import Settings

    client = TestClient(create_app(lambda: Workspace(seeds_fixture, create=True), settings=Settings.from_env({})),
                        base_url="http://localhost")
    body = client.get(f"/api/v1/actors/{irgc.id}").json()
    assert body["names"] == irgc.names and body["entity_ids"] == irgc.entity_ids
    listed = client.get("/api/v1/actors", params={"q": "Revolutionary"}).json()
    assert irgc.id in [a["id"] for a in listed] and all("Revolutionary" in " ".join(a["names"]) for a in listed)
    assert client.get("/api/v1/actors/nope").status_code == 404

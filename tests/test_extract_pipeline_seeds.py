"""Seeds end to end for the extraction room: the real OFAC 2021 and UN 2020 lists, both seed reports,
entities and their sanctions links with list version and per-feature reasons."""

from __future__ import annotations

import pytest

from conftest import require_shared


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    from mistrust import Workspace

    sdn = require_shared("sanctions", "ofac_sdn_csv_2021-07", "sdn.csv")
    un = require_shared("sanctions", "un_consolidated_2020-11-30.xml")
    ws = Workspace(tmp_path_factory.mktemp("seeds") / "seeds.db", create=True)
    ws.load_lists([sdn, un])
    yield ws
    ws.close()


def _extract_seeds(ws, seeds_dir):
    return {p.name: (p.read_text(encoding="utf-8"), ws.extract_text(p.read_text(encoding="utf-8")))
            for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.mark.timeout(300)
def test_seed_sanctions_links(seeded, seeds_dir):
    results = _extract_seeds(seeded, seeds_dir)
    links: dict[str, set[str]] = {}
    hits = {}
    for text, ex in results.values():
        for m in ex.entities:
            assert text[m.start:m.end] == m.text
            for h in m.links:
                links.setdefault(m.text, set()).add(h.entity_id)
                hits[(m.text, h.entity_id)] = h
    assert "ofac:10391" in links["IRGC"]
    assert "ofac:10391" in links["Islamic Revolutionary Guard Corps"]
    assert "ofac:19716" in links["Shahid Haj Ali Movahed Research Center"]
    versions = {v.id for v in seeded.list_versions()}
    for key in (("IRGC", "ofac:10391"), ("Shahid Haj Ali Movahed Research Center", "ofac:19716")):
        hit = hits[key]
        assert hit.list_version in versions
        assert hit.features and all(f.reason for f in hit.features)
    # Countries and nationalities are never linked; nor are news agencies to look-alike list names.
    for _text, ex in results.values():
        for m in ex.entities:
            if m.label in ("Country", "Nationality", "Location") or m.text in ("AFP", "Bloomberg", "France24"):
                assert m.links == [], (m.text, [h.entity_id for h in m.links])


@pytest.mark.timeout(300)
def test_seed_analyze_and_entities_listing(seeded, seeds_dir, monkeypatch):
    from mistrust.model.documents import Document

    docs = {p.stem: Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))}
    monkeypatch.setattr(seeded, "documents", lambda limit=100, offset=0, q=None: list(docs.values())[offset:][:limit],
                        raising=False)
    monkeypatch.setattr(seeded, "get_document", lambda doc_id: docs[doc_id], raising=False)
    monkeypatch.setattr(seeded, "get_documents", lambda ids: [docs[i] for i in ids], raising=False)
    assert seeded.analyze(list(docs)) == 2
    rows = {(r["name"], r["label"]): r for r in seeded.entities(limit=1000)}
    irgc = rows[("Islamic Revolutionary Guard Corps", "Organization")]
    assert irgc["mentions"] >= 3 and "IRGC" in irgc["forms"]  # both forms grouped under one actor
    assert [x["entity_id"] for x in irgc["links"]] == ["ofac:10391"]
    assert rows[("North Korea", "Country")]["documents"] == sorted(docs)
    # "North Korean ..." counts for the country: one actor per state, with both labels kept
    names = [name for name, _ in rows]
    assert names.count("North Korea") == 1 and names.count("Iran") == 1
    assert "Nationality" in rows[("North Korea", "Country")]["labels"]

"""The first acceptance case of the whole pipeline (shared/seeds/EXPECTED.md), end to end.

Two real reports of one story, ingested with the OFAC SDN 2021 triple and the UN 2020 list
loaded; every bullet of EXPECTED.md is checked here through the public Workspace API only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require_shared

SEEDS = ("000_c8f6c2f9257e1187.txt", "001_68d1b12bda7adc46.txt")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from mistrust import Workspace

    sanctions = require_shared("sanctions")
    seeds = require_shared().parent / "seeds"
    if not seeds.exists():
        pytest.skip(f"seeds not found at {seeds}")
    workspace = Workspace(tmp_path_factory.mktemp("acceptance") / "w.db", create=True)
    workspace.load_lists([sanctions / "ofac_sdn_csv_2021-07" / "sdn.csv", sanctions / "un_consolidated_2020-11-30.xml"])
    result = workspace.ingest([seeds / name for name in SEEDS], analyze=True)
    assert result["new"] == 2 and not result["skipped"]
    workspace.corroborate()
    yield workspace
    workspace.close()


def _doc_ids(ws) -> list[str]:  # type: ignore[no-untyped-def]
    docs = ws.documents(limit=10)
    return [d.id for d in sorted(docs, key=lambda d: d.source_path or "")]


@pytest.mark.parametrize("boilerplate", [
    "CLICK HERE FOR FULL VERSION OF THIS STORY",
    "Subcribe to The Jewish Link Eblast",
    "Please enter your comment!",
    "Please enter your name here",
    "Iran's EMAD ballistic missile. (File)",
])
def test_cleaning_removes_boilerplate(ws, boilerplate: str) -> None:  # type: ignore[no-untyped-def]
    texts = [d.text for d in ws.documents(limit=10)]
    assert len(texts) == 2
    assert all(boilerplate not in t for t in texts)
    assert any("resumed cooperation on the development of long-range missiles" in t for t in texts)
    assert any("Tehran has denied any such cooperation" in t for t in texts)


def test_one_story_holds_both_reports(ws) -> None:  # type: ignore[no-untyped-def]
    stories = [s for s in ws.stories() if len(s.documents) >= 2]
    assert len(stories) == 1
    assert set(stories[0].documents) == set(_doc_ids(ws))


EXPECTED_ACTORS = [
    ("Iran", ()), ("North Korea", ("Pyongyang", "DPRK")), ("Tehran", ()),
    ("Islamic Revolutionary Guard Corps", ("IRGC",)), ("Shahid Haj Ali Movahed Research Center", ()),
    ("Hamas", ()), ("Hezbollah", ()), ("Syria", ()), ("Bashar al-Assad", ()), ("Security Council", ()),
    ("AFP", ()), ("Bloomberg", ()), ("France24", ()), ("Ned Price", ("Price",)), ("Mike Pompeo", ()),
    ("JCPOA", ("Joint Comprehensive Plan of Action",)), ("Fordow", ()),
]


@pytest.mark.parametrize(("name", "variants"), EXPECTED_ACTORS)
def test_expected_entities_are_found(ws, name: str, variants: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    mentions = [m for doc_id in _doc_ids(ws) for m in ws.extraction_for(doc_id).entities]
    surfaces = {m.text.lower() for m in mentions} | {(m.canonical or "").lower() for m in mentions}
    wanted = {name.lower(), *(v.lower() for v in variants)}
    assert any(w in s for s in surfaces for w in wanted), sorted(surfaces)


@pytest.mark.parametrize(("surface", "entity_id"), [
    ("Islamic Revolutionary Guard Corps", "ofac:10391"),
    ("Shahid Haj Ali Movahed Research Center", "ofac:19716"),
])
def test_sanctions_links_carry_version_and_reasons(ws, surface: str, entity_id: str) -> None:  # type: ignore[no-untyped-def]
    mentions = [m for doc_id in _doc_ids(ws) for m in ws.extraction_for(doc_id).entities
                if m.text.lower() == surface.lower()]
    assert mentions, f"{surface} not found as an entity"
    hits = [h for m in mentions for h in m.links if h.entity_id == entity_id and h.match]
    assert hits, [(h.entity_id, h.score) for m in mentions for h in m.links]
    hit = hits[0]
    versions = {v.id for v in ws.list_versions()}
    assert hit.list_version in versions
    assert hit.features and all(f.reason for f in hit.features)


def _central_group(ws):  # type: ignore[no-untyped-def]
    story = next(s for s in ws.stories() if len(s.documents) >= 2)
    groups = ws.story_claim_groups(story.id)
    central = [g for g in groups if len(set(g.reports)) == 2 and g.predicate in {"cooperate", "resume", "develop"}]
    assert central, [(g.subject, g.predicate, g.object, len(g.reports)) for g in groups]
    return central[0]


def test_central_claim_is_one_independent_origin(ws) -> None:  # type: ignore[no-untyped-def]
    group = _central_group(ws)
    actors = " ".join(filter(None, [group.subject, group.object])).lower()
    assert "iran" in actors and ("north korea" in actors or "pyongyang" in actors)
    assert group.independent_origins == 1
    assert any("afp" in o.label.lower() or "report" in o.label.lower() for o in group.origins)


def test_central_claim_is_denied_by_tehran_in_the_second_report(ws) -> None:  # type: ignore[no-untyped-def]
    group = _central_group(ws)
    assert group.denials
    second = _doc_ids(ws)[1]
    assert all(d.doc_id == second for d in group.denials)
    assert any("tehran" in d.text.lower() for d in group.denials)


def _claims(ws):  # type: ignore[no-untyped-def]
    return [c for doc_id in _doc_ids(ws) for c in ws.claims(doc_id=doc_id)]


def test_central_claim_keeps_its_attribution_chain(ws) -> None:  # type: ignore[no-untyped-def]
    first = _doc_ids(ws)[0]
    chains = [" > ".join(c.attribution.chain).lower() for c in ws.claims(doc_id=first)
              if c.attribution and c.predicate in {"cooperate", "resume"}]
    assert any("member state" in ch for ch in chains), chains
    assert any("afp" in ch or "report" in ch for ch in chains), chains


@pytest.mark.parametrize(("needle", "source_word", "status"), [
    ("Shahid Haj Ali Movahed Research Center", "bloomberg", None),
    ("50 tons of supplies to Syria", "wall street journal", None),
    ("may also have been created by North Korean expertise", None, "hedged"),
    ("None of them would exist", "jerusalem post", None),
])
def test_other_claims_keep_source_and_status(ws, needle: str, source_word: str | None,
                                             status: str | None) -> None:  # type: ignore[no-untyped-def]
    claims = [c for c in _claims(ws) if needle.lower() in c.text.lower()]
    assert claims, f"no claim covering {needle!r}"
    if source_word:
        sources = [" ".join(c.attribution.chain).lower() for c in claims if c.attribution]
        assert any(source_word in s for s in sources), sources
    if status:
        assert any(c.status == status for c in claims), [c.status for c in claims]


def test_report_network_has_the_expected_edges(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = ws.write_report(tmp_path / "seeds.html")
    html = out.read_text()
    for actor in ("Iran", "North Korea", "Syria", "Hamas", "Hezbollah"):
        assert actor in html

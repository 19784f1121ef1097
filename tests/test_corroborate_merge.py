"""Story merging: a later document that bridges two stories merges them (engine, store, workspace).

Hand-written documents about invented places: two first reports of one event with no words in
common (a rocket tracked by radar; sanctions voted the next day), then a report that tells both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mistrust.corroborate import StoryClusterer, cluster
from mistrust.model import Claim, Document, Extraction

LAUNCH = ("Coastal radar stations in Marevia tracked a solid-fuel rocket that climbed above the Vessor Strait "
          "before dawn, and the Marevian navy said the booster fell near the Kallen shoals after a long arc. ")
SANCTION = ("Finance ministers of the Ostra Union agreed to freeze the assets of the Drelmark shipping registry "
            "and to bar its tankers from their ports, the Ostra Council said after an emergency session in Velbrun. ")
HARVEST = "Farmers in Otherland expect a record harvest of barley this autumn, the agriculture office said. "


def _doc(doc_id: str, text: str, title: str, published: str | None) -> Document:
    return Document(id=doc_id, text=text, title=title, outlet=f"Outlet {doc_id}", published=published)


LAUNCH_DOC = _doc("d1", LAUNCH * 3, "Marevian radar tracks rocket over Vessor Strait", "2022-03-01")
SANCTION_DOC = _doc("d2", SANCTION * 3, "Ostra Union freezes Drelmark registry", "2022-03-02")
BRIDGE_DOC = _doc("d3", (LAUNCH + SANCTION) * 2, "After the rocket, Ostra Union punishes Drelmark", "2022-03-04")


def _place(cl: StoryClusterer, *docs: Document) -> dict[str, str]:
    return {a.doc_id: a.story_id for a in cluster([(d, None) for d in docs], cl)}


def test_two_first_reports_open_two_stories() -> None:
    first = _place(StoryClusterer(), LAUNCH_DOC, SANCTION_DOC)
    assert first["d1"] != first["d2"]  # nothing in common: the premise of the bridge tests


def test_bridging_document_merges_the_stories_and_the_older_id_survives() -> None:
    cl = StoryClusterer()
    first = _place(cl, LAUNCH_DOC, SANCTION_DOC)
    later = _place(cl, BRIDGE_DOC)
    assert later["d3"] == first["d1"]  # d1's story opened first: its id survives
    assert cl.merges == [(first["d2"], first["d1"])]
    assert cl.resolve(first["d2"]) == first["d1"]
    assert list(cl.stories) == [first["d1"]]
    merged = cl.stories[first["d1"]]
    assert sorted(merged.doc_ids) == ["d1", "d2", "d3"]
    assert merged.first_seen == "2022-03-01" and merged.last_seen == "2022-03-04"
    # the survivor carries the merged story's blocking keys: a report on the sanctions alone,
    # two days later, still finds it (and nothing else)
    follow = _place(cl, _doc("d4", SANCTION * 2, "Drelmark tankers turned away", "2022-03-06"))
    assert follow["d4"] == first["d1"]


@pytest.mark.parametrize(
    ("case", "kwargs", "bridge_date"),
    [
        ("merging turned off", {"merge_threshold": None}, "2022-03-04"),
        ("merged story would span too long", {"max_span_days": 1}, "2022-03-03"),
        ("bridging document undated", {}, None),
    ],
)
def test_no_merge(case: str, kwargs: dict[str, object], bridge_date: str | None) -> None:
    cl = StoryClusterer(**kwargs)  # type: ignore[arg-type]
    first = _place(cl, LAUNCH_DOC, SANCTION_DOC)
    bridge = _doc("d3", BRIDGE_DOC.text, BRIDGE_DOC.title or "", bridge_date)
    later = _place(cl, bridge)
    assert cl.merges == [], case
    assert set(cl.stories) >= {first["d1"], first["d2"]}, case
    assert later["d3"] in cl.stories, case


def test_merge_gives_the_same_stories_as_one_batch() -> None:
    incremental = StoryClusterer()
    _place(incremental, LAUNCH_DOC, SANCTION_DOC)
    _place(incremental, BRIDGE_DOC)
    at_once = _place(StoryClusterer(), LAUNCH_DOC, SANCTION_DOC, BRIDGE_DOC)
    assert len(set(at_once.values())) == 1
    assert set(incremental.stories) == set(at_once.values())


# -- workspace and store -------------------------------------------------------------------------

def _jsonl(path: Path, docs: list[Document]) -> Path:
    path.write_text("".join(json.dumps({"id": d.id, "title": d.title, "date": d.published, "outlet": d.outlet,
                                        "text": d.text}) + "\n" for d in docs), encoding="utf-8")
    return path


def _claims_from_first_sentence(doc_id: str, text: str) -> Extraction:
    """A stand-in for the extractor: one claim, the document's first sentence."""
    end = text.index(". ") + 1
    predicate = "sanction" if "freeze" in text[:end] else "test"
    claim = Claim(subject=None, predicate=predicate, object=None, time=None, status="asserted",
                  start=0, end=end, text=text[:end], doc_id=doc_id, extractor="test-stub")
    return Extraction(claims=[claim], doc_id=doc_id, extractor="test-stub")


def test_workspace_merge_repoints_documents_and_claim_groups(workspace, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fake_extraction(doc_id: str) -> Extraction:
        return _claims_from_first_sentence(doc_id, workspace.get_document(doc_id).text)

    monkeypatch.setattr(workspace, "_corr_extraction", fake_extraction)
    monkeypatch.setattr(workspace, "_corr_analyzed", lambda: set(workspace.rooms().document_ids()))

    workspace.ingest([_jsonl(tmp_path / "a.jsonl", [LAUNCH_DOC, SANCTION_DOC,
                                                    _doc("h", HARVEST * 3, "Record harvest", "2022-03-02")])])
    assert len(workspace.corroborate()) == 3
    by_title = {s.title: s for s in workspace.stories()}
    launch, sanction = by_title[LAUNCH_DOC.title], by_title[SANCTION_DOC.title]
    harvest = by_title["Record harvest"]
    assert [g.predicate for g in workspace.story_claim_groups(sanction.id)] == ["sanction"]

    workspace.ingest([_jsonl(tmp_path / "b.jsonl", [BRIDGE_DOC])])
    changed = workspace.corroborate()
    assert [s.id for s in changed] == [launch.id]  # only the survivor changed
    assert {s.id for s in workspace.stories()} == {launch.id, harvest.id}
    story = workspace.get_story(launch.id)
    assert len(story.documents) == 3 and set(sanction.documents) <= set(story.documents)
    assert story.first_seen == "2022-03-01" and story.last_seen == "2022-03-04"
    assert workspace.story_of(sanction.documents[0]) == launch.id
    # the merged id still leads to the story that holds its documents and claims
    assert workspace.get_story(sanction.id).id == launch.id
    groups = workspace.story_claim_groups(launch.id)
    assert workspace.story_claim_groups(sanction.id) == groups
    assert {g.predicate for g in groups} == {"test", "sanction"}
    assert {r for g in groups for r in g.reports} == set(story.documents)
    assert all(g.story_id == launch.id for g in groups)
    assert [a["doc_id"] for a in workspace.story_assignments(sanction.id)] == story.documents
    assert [a["position"] for a in workspace.story_assignments(launch.id)] == [0, 1, 2]
    leftovers = workspace.db.query("SELECT COUNT(*) FROM corr_claim_groups WHERE story_id = ?", (sanction.id,))
    assert leftovers[0][0] == 0

    # nothing new: re-running changes nothing
    assert workspace.corroborate() == []
    assert {s.id: s.documents for s in workspace.stories()} == {
        launch.id: story.documents, harvest.id: harvest.documents}
    assert workspace.story_claim_groups(launch.id) == groups


def test_cli_story_follows_a_merged_id(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from mistrust.cli import main

    db = tmp_path / "m.db"
    runner = CliRunner()
    for name, docs in (("a", [LAUNCH_DOC, SANCTION_DOC]), ("b", [BRIDGE_DOC])):
        assert runner.invoke(main, ["--db", str(db), "ingest", str(_jsonl(tmp_path / f"{name}.jsonl", docs))]).exit_code == 0
        res = runner.invoke(main, ["--db", str(db), "corroborate"])
        assert res.exit_code == 0, res.output
        if name == "a":
            res = runner.invoke(main, ["--db", str(db), "stories", "--json"])
            ids = {s["title"]: s["id"] for s in json.loads(res.output)}
    res = runner.invoke(main, ["--db", str(db), "story", ids[SANCTION_DOC.title or ""], "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["id"] == ids[LAUNCH_DOC.title or ""] and data["merged_from"] == ids[SANCTION_DOC.title or ""]
    assert len(data["documents"]) == 3
    res = runner.invoke(main, ["--db", str(db), "story", ids[SANCTION_DOC.title or ""]])
    assert res.exit_code == 0 and "was merged into this one" in res.output


def test_store_flattens_chained_merges(tmp_path: Path) -> None:
    from mistrust.store import corroboration as store
    from mistrust.store import open_database

    db = open_database(tmp_path / "s.db")

    def state(sid: str, docs: list[str]) -> dict[str, object]:
        return {"id": sid, "title": sid, "doc_ids": docs, "dates": ["2022-03-01"], "entities": {}}

    store.save_clustering(db, [state("s1", ["a"]), state("s2", ["b"]), state("s3", ["c"])],
                          [("a", "s1", 1.0, "opened"), ("b", "s2", 1.0, "opened"), ("c", "s3", 1.0, "opened")],
                          {}, 3, "test")
    store.save_clustering(db, [state("s2", ["b", "c"])], [], {}, 3, "test", [("s3", "s2")])
    store.save_clustering(db, [state("s1", ["a", "b", "c", "d"])], [("d", "s1", 0.5, "bridged")], {}, 4, "test",
                          [("s2", "s1")])
    assert [s.id for s in store.list_stories(db)] == ["s1"]
    assert {store.resolve_story(db, x) for x in ("s1", "s2", "s3")} == {"s1"}  # s3 -> s2 -> s1, flattened
    assert store.get_story(db, "s3").documents == ["a", "b", "c", "d"]
    assert [a["position"] for a in store.story_assignments(db, "s2")] == [0, 1, 2, 3]
    db.close()


def test_stored_story_merges_into_an_older_story_opened_later(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A late-arriving older report opens a story older than a stored one; a bridge then merges
    the stored story into the new one (whose id survives, being the older)."""
    workspace.ingest([_jsonl(tmp_path / "a.jsonl", [SANCTION_DOC])])
    [stored] = workspace.corroborate()
    workspace.ingest([_jsonl(tmp_path / "b.jsonl", [LAUNCH_DOC, BRIDGE_DOC])])
    [changed] = workspace.corroborate()
    assert changed.id != stored.id and changed.first_seen == "2022-03-01"
    assert [s.id for s in workspace.stories()] == [changed.id]
    assert len(changed.documents) == 3 and stored.documents[0] in changed.documents
    assert workspace.get_story(stored.id).id == changed.id
    assert workspace.corroborate() == []

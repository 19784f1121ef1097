"""Workspace and CLI of the corroboration room on hand-written JSONL documents (no NLP model)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mistrust.cli import main
from mistrust.errors import NotFoundError

MISSILE_A = ("Testland fired a new medium-range missile from its eastern coast on Tuesday, the defence ministry "
             "of Neighbourland said. The missile flew 600 kilometres before falling into the sea. ") * 3
MISSILE_B = ("Neighbourland's defence ministry said Testland launched a medium-range missile on Tuesday from the "
             "eastern coast, flying some 600 kilometres into the sea. Analysts called the test a warning. ") * 3
HARVEST = "Farmers in Otherland expect a record harvest of wheat this autumn, the agriculture office said. " * 3


def _jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_corroborate_is_incremental(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _jsonl(tmp_path / "a.jsonl", [
        {"id": "a", "title": "Testland fires missile", "date": "2021-07-06", "outlet": "One", "text": MISSILE_A},
        {"id": "h", "title": "Record harvest expected", "date": "2021-07-06", "outlet": "Two", "text": HARVEST},
    ])
    workspace.ingest([first])
    changed = workspace.corroborate()
    assert len(changed) == 2 and len(workspace.stories()) == 2
    assert workspace.corroborate() == []  # nothing new: nothing re-clustered
    missile = next(s for s in workspace.stories() if "missile" in s.title.lower())

    second = _jsonl(tmp_path / "b.jsonl", [
        {"id": "b", "title": "Testland missile test draws warning", "date": "2021-07-07", "outlet": "Three",
         "text": MISSILE_B},
    ])
    workspace.ingest([second])
    changed = workspace.corroborate()
    assert [s.id for s in changed] == [missile.id]  # joined the existing story, same id
    story = workspace.get_story(missile.id)
    assert len(story.documents) == 2
    assert story.first_seen == "2021-07-06" and story.last_seen == "2021-07-07"
    assert workspace.story_claim_groups(missile.id) == []  # no extraction stored: no claims yet
    why = workspace.story_assignments(missile.id)
    assert why[1]["score"] >= 0.2 and "cosine" in why[1]["reason"]


def test_unknown_story_is_not_found(workspace) -> None:  # type: ignore[no-untyped-def]
    try:
        workspace.get_story("nope")
    except NotFoundError as exc:
        assert "nope" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected NotFoundError")


def test_cli_stories_and_story_json(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    src = _jsonl(tmp_path / "docs.jsonl", [
        {"id": "a", "title": "Testland fires missile", "date": "2021-07-06", "outlet": "One", "text": MISSILE_A},
        {"id": "b", "title": "Testland missile test draws warning", "date": "2021-07-07", "outlet": "Three",
         "text": MISSILE_B},
    ])
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "ingest", str(src)]).exit_code == 0
    res = runner.invoke(main, ["--db", str(db), "corroborate"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["--db", str(db), "stories", "--json"])
    assert res.exit_code == 0, res.output
    stories = json.loads(res.output)
    assert len(stories) == 1 and len(stories[0]["documents"]) == 2
    res = runner.invoke(main, ["--db", str(db), "story", stories[0]["id"], "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert {d["outlet"] for d in data["documents"]} == {"One", "Three"}
    assert {"claim_groups", "origins", "contradictions"} <= set(data)
    res = runner.invoke(main, ["--db", str(db), "story", "missing"])
    assert res.exit_code != 0 and "missing" in res.output
    res = runner.invoke(main, ["--db", str(db), "stories"])
    assert res.exit_code == 0 and "Testland" in res.output


def test_stories_persist_and_resume_after_reopening(tmp_path: Path) -> None:
    from mistrust import Workspace

    db = tmp_path / "r.db"
    with Workspace(db, create=True) as ws:
        ws.ingest([_jsonl(tmp_path / "a.jsonl", [
            {"id": "a", "title": "Testland fires missile", "date": "2021-07-06", "outlet": "One", "text": MISSILE_A},
        ])])
        (opened,) = ws.corroborate()
    with Workspace(db, create=True) as ws:  # a new process: the clusterer state comes from the store
        ws.ingest([_jsonl(tmp_path / "b.jsonl", [
            {"id": "b", "title": "Testland missile test draws warning", "date": "2021-07-07", "outlet": "Three",
             "text": MISSILE_B},
            {"id": "c", "title": "Testland fires missile", "date": "2021-11-16", "outlet": "One",
             "text": MISSILE_A.replace("Tuesday", "Monday")},
        ])])
        changed = {s.id: s for s in ws.corroborate()}
        assert opened.id in changed and len(changed[opened.id].documents) == 2
        assert len(ws.stories()) == 2  # November's test is another story, however alike the words

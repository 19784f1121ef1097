"""Issue 22, item 6: the CLI tells the truth.

A mistyped ``--db`` used to become an empty workspace that answered "No hits" with exit 0 (a
false clean result); ``init`` or a load creates one; long steps show progress only when asked
(or on a terminal); ``ingest --analyze`` leaves the documents in stories.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mistrust.cli import main
from mistrust.errors import WorkspaceNotFound
from mistrust.workspace import Workspace

WATCHLIST = Path(__file__).resolve().parent.parent / "examples" / "watchlist.ftm.json"

# Every command that reads the workspace, with the arguments it needs.
READING = [
    ["screen", "Somebody Anybody"],
    ["screen", "--input", "{tmp}/names.txt", "--output", "{tmp}/hits.jsonl"],
    ["compare"],
    ["audit"],
    ["judge", "0123456789abcdef", "confirm"],
    ["documents"],
    ["document", "abc"],
    ["skipped"],
    ["extract", "{tmp}/names.txt"],
    ["analyze"],
    ["entities"],
    ["claims"],
    ["corroborate"],
    ["stories"],
    ["story", "abc"],
    ["lists", "show"],
    ["lists", "diff", "v1", "v2"],
    ["lists", "export", "{tmp}/out.ftm.json"],
    ["entity", "ofac:1"],
    ["report", "--out", "{tmp}/r.html"],
    ["export", "--format", "csv", "--out", "{tmp}/e.csv"],
    ["serve", "--port", "1"],
    ["db", "copy", "{db}", "{tmp}/copy.db"],
]


def _run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.mark.sqlite_only("a missing SQLite file")
@pytest.mark.parametrize("command", READING, ids=lambda c: " ".join(c[:2]))
def test_a_reading_command_refuses_a_missing_workspace(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "mistyped.db"
    (tmp_path / "names.txt").write_text("Somebody Anybody\n", encoding="utf-8")
    args = [a.format(tmp=tmp_path, db=db) for a in command]
    result = _run("--db", str(db), *args, stdin="")
    assert result.exit_code == WorkspaceNotFound.exit_code, result.output
    assert f"no workspace at {db}" in result.stderr and "mistrust --db" in result.stderr
    assert "init" in result.stderr and "lists load" in result.stderr  # how to make one
    assert "No hits" not in result.output
    assert not db.exists() and not list(tmp_path.glob("mistyped.db*"))  # nothing was created


@pytest.mark.sqlite_only("a missing SQLite file")
def test_the_environment_variable_is_checked_the_same_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISTRUST_DB", str(tmp_path / "env.db"))
    result = _run("screen", "Somebody")
    assert result.exit_code == 4 and "MISTRUST_DB" in result.stderr
    assert not (tmp_path / "env.db").exists()


def test_a_missing_workspace_is_refused_on_either_backend(tmp_path: Path) -> None:
    # on Postgres (MISTRUST_TEST_BACKEND=postgres) the path maps to an empty schema: no tables
    result = _run("--db", str(tmp_path / "other.db"), "screen", "Somebody Anybody")
    assert result.exit_code == 4 and "no workspace at" in result.stderr and "init" in result.stderr
    assert "No hits" not in result.output
    assert _run("--db", str(tmp_path / "other.db"), "init").exit_code == 0
    assert _run("--db", str(tmp_path / "other.db"), "screen", "Somebody Anybody").exit_code == 0


def test_the_python_workspace_refuses_unless_asked_to_create(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceNotFound, match="create=True"):
        Workspace(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()
    with Workspace(tmp_path / "nope.db", create=True) as ws:
        assert ws.list_versions() == []
    with Workspace(tmp_path / "nope.db") as ws:  # it exists now: opened as it is
        assert ws.backend in ("sqlite", "postgres")


def test_init_creates_an_empty_workspace_and_says_where(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    result = _run("--db", str(db), "init")
    assert result.exit_code == 0, result.output
    assert "workspace" in result.output and "created" in result.output
    assert "fresh.db" in result.output or "postgresql://" in result.output  # where it is
    again = json.loads(_run("--db", str(db), "init", "--json").output)
    assert again["created"] is False and again["applied"] == []
    screened = _run("--db", str(db), "screen", "Somebody Anybody", "--json")
    assert screened.exit_code == 0 and json.loads(screened.output) == []


@pytest.mark.parametrize("command", [
    ["lists", "load", str(WATCHLIST)],
    ["ingest", "{tmp}/report.txt"],
    ["db", "migrate"],
])
def test_the_commands_that_put_data_in_create_the_workspace(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "report.txt").write_text("Inspectors at the harbour found undeclared crates of valves on a barge "
                                         "that had left the northern port two days before.", encoding="utf-8")
    db = tmp_path / "new.db"
    result = _run("--db", str(db), *[a.format(tmp=tmp_path) for a in command])
    assert result.exit_code == 0, result.output
    assert _run("--db", str(db), "lists", "show").exit_code == 0  # a workspace now, readable


def _loaded(tmp_path: Path, name: str) -> Path:
    db = tmp_path / name
    assert _run("--db", str(db), "lists", "load", str(WATCHLIST)).exit_code == 0
    return db


def test_the_first_screen_after_a_load_says_it_builds_the_index(tmp_path: Path) -> None:
    quiet = _run("--db", str(_loaded(tmp_path, "a.db")), "screen", "Movahed Industries")
    assert quiet.exit_code == 0 and quiet.stderr == ""  # not a terminal and not asked: no bars
    shown = _run("--db", str(_loaded(tmp_path, "b.db")), "--progress", "screen", "Movahed Industries")
    assert shown.exit_code == 0, shown.output
    assert "building screening index for ftm:watchlist" in shown.stderr and "35/35" in shown.stderr
    assert "building" not in shown.stdout  # bars go to stderr, the answer to stdout


ARTICLES = {
    "a.txt": "Coast Guard Boards Tanker Off Busan\n\nPublished: 12 April 2024\n\n"
             "South Korean coast guard officers boarded the tanker Sea Lark off Busan on Thursday after it "
             "switched off its transponder, and found a cargo of refined oil bound for a trading firm in Nampo.",
    "b.txt": "BUSAN, April 13, 2024 - The tanker Sea Lark, boarded by the South Korean coast guard off Busan, "
             "carried refined oil for a trading firm in Nampo, officials said, adding that the crew was questioned.",
    "c.txt": "A museum in Lisbon opened an exhibition of tiles from the eighteenth century, with painted "
             "panels lent by churches across Portugal and a catalogue in three languages.",
}


def test_ingest_analyze_places_documents_in_stories_with_progress(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "w.db"
    result = _run("--db", str(db), "--progress", "ingest", str(folder), "--analyze", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["new"] == 3 and summary["analyzed"] == 3 and summary["stories_changed"] >= 2
    for step in ("ingest", "analyze", "corroborate: placing documents in stories"):
        assert step in result.stderr, result.stderr
    stories = json.loads(_run("--db", str(db), "stories", "--json").output)
    placed = sorted(d for s in stories for d in s["documents"])
    assert placed == sorted(summary["new_ids"])  # every new document is in a story, at once
    by_doc = {d: s for s in stories for d in s["documents"]}
    ids = {d["source_path"].rsplit("/", 1)[-1]: d["id"] for d in summary["documents"]}
    assert by_doc[ids["a.txt"]]["id"] == by_doc[ids["b.txt"]]["id"] != by_doc[ids["c.txt"]]["id"]
    table = _run("--db", str(db), "stories").output
    assert "undated" in table and "2024-04-12" in table and "None" not in table


def test_without_progress_nothing_goes_to_stderr(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text(ARTICLES["c.txt"], encoding="utf-8")
    result = _run("--db", str(tmp_path / "w.db"), "ingest", str(tmp_path / "c.txt"), "--analyze")
    assert result.exit_code == 0 and result.stderr == ""
    assert "1 new" in result.stdout and "1 analyzed" in result.stdout and "stories changed" in result.stdout

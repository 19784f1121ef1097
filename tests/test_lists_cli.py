"""The lists commands end to end through click: load, show, diff, entity, export; errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from _lists_helpers import run_cli as _run
from _lists_helpers import sanctions
from mistrust.cli import main

WATCHLIST = Path(__file__).resolve().parent.parent / "examples" / "watchlist.ftm.json"


def test_load_show_entity_export(tmp_path):
    db = tmp_path / "m.db"
    result = _run(db, "lists", "load", str(WATCHLIST))
    assert result.exit_code == 0, result.output
    assert "34 entries" in result.output
    shown = json.loads(_run(db, "lists", "show", "--json").output)
    assert [(v["list_name"], v["entity_count"], v["current"]) for v in shown] == [("ftm:watchlist", 34, True)]
    human = _run(db, "lists", "show").output
    assert "ftm:watchl" in human
    entity = json.loads(_run(db, "entity", "ofac:19716", "--json").output)
    assert entity["entity"]["name"] == "SHAHID MOVAHED INDUSTRIES"
    assert [v["list_name"] for v in entity["versions"]] == ["ftm:watchlist"]
    assert "SHAHID HAJ ALI MOVAHED RESEARCH CENTER" in _run(db, "entity", "ofac:19716").output
    out = tmp_path / "export.ftm.json"
    assert _run(db, "lists", "export", str(out)).exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert sum(1 for r in records if r["schema"] in ("Person", "Organization")) == 34


def test_diff_by_file_paths_json(tmp_path):
    result = _run(tmp_path / "m.db", "lists", "diff", str(sanctions("un_consolidated_2025-04-19.xml")),
                  str(sanctions("un_consolidated_2026-02-27.xml")), "--json")
    data = json.loads(result.output)
    assert not (tmp_path / "m.db").exists()  # two files need no workspace, and none is made
    added_iran = [i for i in data["added"] if i.startswith(("un:IRi.", "un:IRe."))]
    assert len(added_iran) == 121
    assert data["old"]["published"] == "2025-04-19" and data["new"]["published"] == "2026-02-27"


def test_bad_file_exit_code_and_message(tmp_path):
    bad = tmp_path / "empty.xml"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "m.db"), "lists", "load", str(bad)])
    assert result.exit_code == 3
    assert "empty" in result.output and str(bad) in result.output


def test_unknown_entity_exit_code(tmp_path):
    assert CliRunner().invoke(main, ["--db", str(tmp_path / "m.db"), "init"]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "m.db"), "entity", "un:XXe.999"])
    assert result.exit_code == 4
    assert "un:XXe.999" in result.output

"""``mistrust watch ...``, ``mistrust alerts ...`` and the re-screen line of ``mistrust lists load``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import _monitor_helpers as M
from mistrust.cli import main


def cli(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    monkeypatch.setenv("LOGNAME", "tester")  # what getpass.getuser() reads first
    v1, v2 = M.lists(tmp_path / "lists")
    db = tmp_path / "cli.db"
    assert cli(db, "lists", "load", str(v1)).exit_code == 0
    return db, v1, v2


def test_watch_commands_record_the_os_user(setup: tuple[Path, Path, Path], tmp_path: Path) -> None:
    db, _, _ = setup
    added = cli(db, "watch", "add", "Ardent Quistrand", "--schema", "person")
    assert added.exit_code == 0, added.output
    assert "watch 1: Ardent Quistrand (Person), added by tester" in added.output
    listing = json.loads(cli(db, "watch", "list", "--json").output)
    assert [(w["id"], w["name"], w["user"]) for w in listing] == [(1, "Ardent Quistrand", "tester")]
    assert "Ardent Quistrand" in cli(db, "watch", "list").output

    names = tmp_path / "names.txt"
    names.write_text("Northern Lantern\n" + "z" * 5000 + "\nQuiet River\n", encoding="utf-8")
    loaded = cli(db, "watch", "load", str(names))
    assert loaded.exit_code == 0
    assert "2 of 3 rows watched" in loaded.output and "1 skipped" in loaded.output
    assert "skipped row 2:" in loaded.stderr

    assert "removed watch 1: Ardent Quistrand" in cli(db, "watch", "remove", "1").output
    missing = cli(db, "watch", "remove", "1")
    assert missing.exit_code == 4 and "no watch with id 1" in missing.stderr
    assert [w["name"] for w in json.loads(cli(db, "watch", "list", "--json").output)] == ["Northern Lantern",
                                                                                         "Quiet River"]
    bad = cli(db, "watch", "add", "X Y", "--schema", "Planet")
    assert bad.exit_code != 0 and cli(db, "watch", "list", "--json").output.count('"id"') == 2


def test_lists_load_prints_what_the_rescreen_found(setup: tuple[Path, Path, Path]) -> None:
    db, _, v2 = setup
    cli(db, "watch", "add", "Ardent Quistrand", "--schema", "Person")
    skipped = cli(db, "lists", "load", "--no-rescreen", str(v2))
    assert skipped.exit_code == 0 and "re-screened" not in skipped.output
    # made current again on purpose: now with the re-screen
    loaded = cli(db, "lists", "load", "--make-current", str(v2))
    assert loaded.exit_code == 0, loaded.output
    assert f"re-screened 1 subjects: 1 new hit since {M.LIST_NAME} {M.V2_DATE}" in loaded.output
    as_json = cli(db, "lists", "load", "--make-current", "--json", str(v2))
    assert json.loads(as_json.stdout)[0]["published"] == M.V2_DATE  # the summary went to stderr
    assert "re-screened 1 subjects: 0 new hits" in as_json.stderr


def test_new_articles_raise_alerts_that_can_be_acknowledged(setup: tuple[Path, Path, Path], tmp_path: Path) -> None:
    db, _, _ = setup
    assert cli(db, "alerts").output.strip() == "No open alerts."
    cli(db, "watch", "add", "Ardent Velmor Quistrand", "--schema", "Person")
    for name, text in (("listed.txt", M.ARTICLE), ("watched.txt", M.WATCHED_ARTICLE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingested = cli(db, "ingest", "--analyze", str(tmp_path / "listed.txt"), str(tmp_path / "watched.txt"))
    assert ingested.exit_code == 0, ingested.output
    alerts = json.loads(cli(db, "alerts", "--json").output)
    assert {(a["kind"], a["entity_id"], a["watch_id"]) for a in alerts} == {
        ("listed", f"un:{M.COMPANY[0]}", None), ("watched", None, 1)}
    table = cli(db, "alerts").output
    assert "BLUE HARBOR SHIPPING COMPANY" in table and "Ardent Velmor Quistrand" in table

    first = alerts[0]["id"]
    acked = cli(db, "alerts", "ack", str(first))
    assert acked.exit_code == 0 and f"alert {first} acknowledged by tester" in acked.output
    assert [a["id"] for a in json.loads(cli(db, "alerts", "--json").output)] == [alerts[1]["id"]]
    everything = json.loads(cli(db, "alerts", "--all", "--json").output)
    assert {(a["id"], a["status"]) for a in everything} == {(first, "acknowledged"), (alerts[1]["id"], "open")}
    assert cli(db, "alerts", "ack", "999").exit_code == 4
    # analysing the same articles again raises nothing new
    again = cli(db, "analyze", "--force")
    assert again.exit_code == 0, again.output
    assert len(json.loads(cli(db, "alerts", "--all", "--json").output)) == 2

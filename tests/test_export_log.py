"""The export log: every export made through the CLI, the API or the pages records who, when, what, how.

CLI exports carry the OS user (as watches do), the API and the pages the verified user; both
show in ``mistrust audit --exports`` and ``GET /api/v1/exports``.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import seeing_samples as S
from mistrust.api import create_app
from mistrust.cli import main
from mistrust.settings import Settings
from mistrust.workspace import Workspace

PASSWORD = "correct horse battery"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "exports.db"
    with Workspace(path, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
    return path


def cli(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_exports_are_logged_with_the_os_user(db: Path, tmp_path: Path) -> None:
    me = getpass.getuser()
    cli(db, "lists", "export", str(tmp_path / "lists.ftm.json"))
    cli(db, "export", "--format", "csv", "--out", str(tmp_path / "graph.csv"))
    cli(db, "report", "--format", "md", "--out", str(tmp_path / "r.md"))
    hit_id = json.loads(cli(db, "screen", "IRGC", "--json"))[0]["id"]
    cli(db, "audit", "--hit", hit_id, "--format", "csv")
    rows = json.loads(cli(db, "audit", "--exports", "--json"))
    assert [(r["kind"], r["user"], r["channel"]) for r in rows] == [
        ("hit_history", me, "cli"), ("report", me, "cli"), ("graph", me, "cli"), ("lists", me, "cli")]
    params = {r["kind"]: r["parameters"] for r in rows}
    assert params["lists"] == {"entries": 3, "file": str(tmp_path / "lists.ftm.json")}
    assert params["graph"]["format"] == "csv" and params["report"]["format"] == "md"
    assert params["hit_history"] == {"hit": hit_id, "format": "csv", "events": 0}
    table = cli(db, "audit", "--exports")
    assert "hit_history" in table and "format=csv" in table


def test_api_exports_record_the_verified_user(db: Path) -> None:
    with Workspace(db) as ws:
        ws.add_user("ana", "analyst", PASSWORD)
        ws.add_user("root", "admin", PASSWORD)
        ana = {"Authorization": f"Bearer {ws.new_api_key('ana')}"}
        root = {"Authorization": f"Bearer {ws.new_api_key('root')}"}
    app = create_app(lambda: Workspace(db), settings=Settings.from_env({}))
    with TestClient(app, base_url="http://localhost") as c:
        hit = c.get("/api/v1/screen", params={"name": "IRGC"}, headers=ana).json()["hits"][0]
        assert c.get(f"/api/v1/review/{hit['id']}/history", params={"format": "csv"}, headers=ana).status_code == 200
        assert c.get(f"/api/v1/review/{hit['id']}/history", headers=root).status_code == 200
        assert c.get("/api/v1/exports").status_code == 401
        log = c.get("/api/v1/exports", headers=root).json()
        assert [(r["user"], r["channel"], r["parameters"]["format"]) for r in log] == [
            ("root", "api", "json"), ("ana", "api", "csv")]
        only_ana = c.get("/api/v1/exports", params={"user": "ana"}, headers=root).json()
        assert [r["user"] for r in only_ana] == ["ana"] and only_ana[0]["kind"] == "hit_history"

"""Issue 19 item 10: no length limits.

A list entry with a 100,000-character name made every long query slow. Names are capped at load
(cut, counted in the version's notes and said by the CLI) and at query time (a clear error: CLI
exit code, HTTP 4xx), with one setting, ``max_name_length``. The speed itself is measured in
``benchmarks/hostile_inputs.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from hostile._make import ofac_csv, un_xml
from mistrust import Workspace
from mistrust.api import create_app
from mistrust.cli import main
from mistrust.errors import InputError
from mistrust.settings import Settings

LONG = " ".join(f"Word{i}" for i in range(20_000))  # about 140,000 characters


def test_over_long_list_names_are_cut_recorded_and_said(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    path = un_xml(tmp_path / "un.xml", "2025-02-02", ["Omega Freight Lines", LONG, "Sigma" + "x" * 600])
    result = CliRunner().invoke(main, ["--db", str(db), "lists", "load", str(path)])
    assert result.exit_code == 0, result.output
    assert "names truncated: 2" in result.output
    with Workspace(db, create=True) as ws:
        (version,) = ws.list_versions()
        assert version.notes == {"names_truncated": 2, "name_length_limit": 500}
        (loaded,) = ws.current_lists()
        assert sorted(len(e.name) for e in loaded.entities) == [19, 500, 500]
        assert ws.screen("Omega Freight Lines", record=False)[0].match  # ordinary names untouched


def test_cut_counts_aliases_and_follows_the_setting(tmp_path: Path) -> None:
    path = ofac_csv(tmp_path / "sdn.csv", ["Tau " * 30, "Short Name"])
    with Workspace(tmp_path / "w.db", max_name_length=60, create=True) as ws:
        (version,) = ws.load_lists([path])
        assert version.notes["names_truncated"] == 1 and version.notes["name_length_limit"] == 60
    with Workspace(tmp_path / "w2.db", max_name_length=1000, create=True) as ws:
        (version,) = ws.load_lists([path])
        assert version.notes == {}


def test_over_long_queries_are_clear_errors_everywhere(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Workspace(db, create=True) as ws:
        ws.load_lists([un_xml(tmp_path / "un.xml", "2025-02-02", ["Omega Freight Lines"])])
    result = CliRunner().invoke(main, ["--db", str(db), "screen", "Q" * 501])
    assert result.exit_code == InputError.exit_code and "over the limit of 500" in result.output
    assert "Traceback" not in result.output
    with TestClient(create_app(lambda: Workspace(db, create=True), settings=Settings.from_env({})), base_url="http://localhost") as client:
        one = client.get("/api/v1/screen", params={"name": "Q" * 501})
        assert one.status_code in (400, 422)
        many = client.post("/api/v1/screen", json={"queries": [{"name": "Omega"}, {"name": "Q" * 501}]})
        assert many.status_code in (400, 422)
        assert client.get("/api/v1/audit").json() == []
    with Workspace(db, max_name_length=40, create=True) as ws, pytest.raises(InputError, match="over the limit of 40"):
        ws.screen("Omega Freight Lines and a long tail of words", record=False)

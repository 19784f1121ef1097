from __future__ import annotations

import sqlite3

import psycopg.errors
import pytest
from click.testing import CliRunner

import mistrust
from mistrust import store
from mistrust.cli import main
from mistrust.errors import ListFormatError, MistrustError
from mistrust.settings import Settings
from mistrust.store.db import Migration


def test_public_api_is_explicit() -> None:
    assert set(mistrust.__all__) == {"MistrustError", "Settings", "Workspace", "__version__"}
    for name in mistrust.__all__:
        assert hasattr(mistrust, name)


def test_every_setting_has_help_and_env() -> None:
    for setting in Settings.describe():
        assert setting["help"], setting["name"]
        assert setting["env"] and setting["env"].startswith("MISTRUST_"), setting["name"]


def test_settings_from_env_coerces_types() -> None:
    s = Settings.from_env({"MISTRUST_SCREEN_THRESHOLD": "0.8", "MISTRUST_ALLOW_PRIVATE": "yes"})
    assert s.screen_threshold == 0.8
    assert s.allow_private_urls is True


def test_list_format_error_says_where() -> None:
    err = ListFormatError("unexpected end of file", path="sdn.csv", line=12)
    assert str(err) == "sdn.csv:12: unexpected end of file"
    assert isinstance(err, MistrustError) and err.exit_code == 3 and err.http_status == 422


def test_migrations_apply_once_and_roll_back_on_error(tmp_path) -> None:
    migrations: list[Migration] = [("t_001", "CREATE TABLE a (x INTEGER);")]
    db = store.open_database(tmp_path / "w.db", migrations=migrations)
    assert db.applied_now == ["t_001"] and db.migrate(migrations) == []
    with pytest.raises((sqlite3.OperationalError, psycopg.errors.DuplicateTable)):
        db.migrate([("t_002", "CREATE TABLE b (y INTEGER); CREATE TABLE a (x INTEGER);")])
    assert "b" not in db.tables() and "a" in db.tables()  # the failed migration left nothing behind
    if db.backend == "sqlite":
        assert db.query("PRAGMA journal_mode")[0][0] == "wal"
    db.close()


def test_cli_help_lists_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "--db" in result.output

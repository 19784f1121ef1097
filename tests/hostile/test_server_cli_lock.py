"""Issue 19, defect 7: a write lock held past the busy timeout.

Before: ``mistrust screen`` waited for the lock to write its audit row and died with a raw
``database is locked`` traceback. Now screening answers without waiting (its audit row is
queued, then kept in the spool file and written by the next command), and a command that must
write says the workspace is busy, with exit code 7 and no traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import mistrust
from _live_server import LockHolder, small_workspace
from mistrust.store import open_database
from mistrust.store.screening import list_runs, record_run

pytestmark = pytest.mark.sqlite_only("the SQLite file lock, the spool file beside it and migrations meeting it")

LOCK_SECONDS = 40.0  # past the 30 s the landed code waited; the tests release it as soon as they can
SRC = Path(mistrust.__file__).resolve().parents[1]  # the package under test, for the child process


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MISTRUST_BUSY_TIMEOUT": "1", "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-c", "from mistrust.cli import main; main()", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return small_workspace(tmp_path)


def test_cli_screen_answers_under_the_lock_and_its_audit_row_follows(db: Path) -> None:
    with LockHolder(db, LOCK_SECONDS) as lock:
        result = _cli(db, "screen", "IRGC", "--json")
        assert lock.held(), "screening waited for the lock"
        lock.release()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)[0]["entity_id"] == "ofac:10391"
    assert "not written yet" in result.stderr and ".pending-writes.jsonl" in result.stderr
    audit = _cli(db, "audit", "--json")  # the next command writes the spooled row first
    assert [r["query"]["name"] for r in json.loads(audit.stdout)] == ["IRGC"]
    assert Path(str(db) + ".pending-writes.jsonl").read_text() == ""


def test_a_write_over_the_busy_timeout_is_a_clear_error(db: Path) -> None:
    hit_id = json.loads(_cli(db, "screen", "IRGC", "--json").stdout)[0]["id"]
    with LockHolder(db, LOCK_SECONDS) as lock:
        result = _cli(db, "judge", hit_id, "dismiss", "--note", "not them")
        lock.release()
    assert result.returncode == 7, result.stderr
    assert "Error [store_busy]" in result.stderr and "locked by another process" in result.stderr
    assert "Traceback" not in result.stderr


def test_spooled_rows_survive_the_process_and_count_once(db: Path) -> None:
    """The spool is the only copy while the lock is held: written by the next opener, once."""
    store = open_database(db, busy_timeout=0.3)
    with LockHolder(db, LOCK_SECONDS) as lock:
        run_id = record_run(store, kind="query", query={"name": "Spooled Name"}, list_versions=[],
                            algorithm="test", threshold=0.7, hits=[])
        assert store.close() == 1  # not written: kept in the spool
        spool = Path(str(db) + ".pending-writes.jsonl")
        assert len(spool.read_text().splitlines()) == 1
        lock.release()
    for _ in range(2):  # a second opener finds nothing left to write
        again = open_database(db)
        assert again.writer.flush(10)
        assert [r["id"] for r in list_runs(again) if r["query"] == {"name": "Spooled Name"}] == [run_id]
        again.close()
    assert spool.read_text() == ""


def test_opening_a_workspace_that_needs_a_migration_under_the_lock_is_a_clear_error(tmp_path: Path) -> None:
    from mistrust.errors import StoreBusy
    from mistrust.store.sqlite import SQLiteDatabase as Database

    first = [("t_001", "CREATE TABLE a (x INTEGER);")]
    Database(tmp_path / "m.db", first).close()
    with LockHolder(tmp_path / "m.db", LOCK_SECONDS) as lock:
        with pytest.raises(StoreBusy) as caught:
            Database(tmp_path / "m.db", [*first, ("t_002", "CREATE TABLE b (y INTEGER);")], busy_timeout=0.3)
        lock.release()
    assert caught.value.exit_code == 7 and caught.value.http_status == 503
    again = Database(tmp_path / "m.db", [*first, ("t_002", "CREATE TABLE b (y INTEGER);")])
    assert again.query("SELECT name FROM _migrations ORDER BY name")[-1][0] == "t_002"  # applied once free
    again.close()

"""Faults during writes: kill -9 in the middle of a list load, three processes writing at once.

Each leaves a workspace that opens, passes SQLite's integrity check and holds only whole list
versions (every member a version claims is there); the version current before stays current.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile._make import ofac_csv, un_xml
from mistrust import Workspace

pytestmark = pytest.mark.sqlite_only("kill -9 of a load writing a SQLite file, and processes sharing that file")

SRC = str(Path(__file__).resolve().parents[2] / "src")

# Loads a list, slowed down inside the write transaction so the parent can kill it there.
SLOW_LOAD = """
import sys, time
from pathlib import Path
import mistrust.store.lists as store_lists
from mistrust import Workspace
encode, marker = store_lists._encode, Path(sys.argv[3])
def slow(entity):
    marker.touch()
    time.sleep(0.002)
    return encode(entity)
store_lists._encode = slow
with Workspace(sys.argv[1], create=True) as ws:
    ws.load_lists([sys.argv[2]])
"""

WRITER = """
import sys
from mistrust import Workspace
db, listing, article, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
with Workspace(db, create=True) as ws:
    ws.load_lists([listing])
    for i in range(n):
        ws.screen(f"Probe Name {i}")
    ws.ingest([article])
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _whole(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for vid, count in conn.execute("SELECT id, entity_count FROM lists_versions"):
            members = conn.execute("SELECT COUNT(*) FROM lists_members WHERE version_id = ?", (vid,)).fetchone()[0]
            assert members == count, f"version {vid} holds {members} of its {count} entries"
    finally:
        conn.close()


def test_kill_9_during_a_list_load_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Workspace(db, create=True) as ws:
        (before,) = ws.load_lists([un_xml(tmp_path / "old.xml", "2024-01-01", ["Gimel Precision Works"])])
    newer = un_xml(tmp_path / "new.xml", "2026-01-01", [f"Listed Entity {i}" for i in range(1500)])
    marker = tmp_path / "writing"
    child = subprocess.Popen([sys.executable, "-c", SLOW_LOAD, str(db), str(newer), str(marker)], env=_env())
    deadline = time.monotonic() + 60
    while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), "the load never reached its write transaction"
    time.sleep(0.2)
    child.send_signal(signal.SIGKILL)
    assert child.wait(30) == -signal.SIGKILL
    _whole(db)
    with Workspace(db, create=True) as ws:
        assert [v.id for v in ws.list_versions()] == [before.id]
        assert ws.screen("Gimel Precision Works", record=False)[0].match
        (again,) = ws.load_lists([newer])  # the same file loads cleanly afterwards
        assert again.current and again.entity_count == 1500
    _whole(db)


def test_three_concurrent_writers_all_finish_and_nothing_is_lost(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Workspace(db, create=True):
        pass  # create the schema once, as a first CLI call would
    lists = [un_xml(tmp_path / "un.xml", "2025-05-05", ["Daleth Rotor Company"]),
             ofac_csv(tmp_path / "sdn.csv", ["HE MARINE SERVICES"]),
             un_xml(tmp_path / "un-old.xml", "2021-05-05", ["Waw Legacy Trading"])]
    articles = []
    for i in range(3):
        article = tmp_path / f"a{i}.txt"
        article.write_text(f"Report {i}: inspectors found centrifuge parts in a container at the dock. " * 4,
                           encoding="utf-8")
        articles.append(article)
    children = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(lst), str(art), "5"], env=_env(),
                                 stderr=subprocess.PIPE)
                for lst, art in zip(lists, articles, strict=True)]
    results = [(c.wait(120), c.stderr.read().decode() if c.stderr else "") for c in children]
    assert [code for code, _ in results] == [0, 0, 0], results
    _whole(db)
    with Workspace(db, create=True) as ws:
        assert len(ws.list_versions()) == 3
        assert {v.list_name for v in ws.list_versions() if v.current} == {"un-consolidated", "ofac-sdn"}
        assert ws.current_version("un-consolidated").published == "2025-05-05"  # type: ignore[union-attr]
        assert len(ws.audit_runs(limit=100)) == 15
        assert len(ws.document_ids()) == 3

"""Issue 19, defect 1: another process holding the write lock must not stall the server.

Before: ``/api/v1/screen`` wrote its audit row on the event loop, so while a list load held
the lock every request waited (health too), then failed. Now screening answers at once, its
audit row follows when the lock is released, and health never waits.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

from _live_server import LockHolder, Server, small_workspace
from mistrust.workspace import Workspace

pytestmark = pytest.mark.sqlite_only("another process holding the SQLite write lock (BEGIN IMMEDIATE on the file)")

LOCK_SECONDS = 6.0  # the longest the other process holds the lock (the tests release it sooner)
FAST = 1.5  # seconds: far above a normal answer (a few ms), far below the lock


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return small_workspace(tmp_path)


def test_health_and_screening_answer_while_another_process_holds_the_lock(db: Path) -> None:
    with Server(lambda: Workspace(db, create=True)) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        assert client.get("/api/v1/screen", params={"name": "IRGC"}).status_code == 200  # index loaded
        answers: dict[str, tuple[int, float]] = {}

        def screen() -> None:
            started = time.monotonic()
            r = client.get("/api/v1/screen", params={"name": "Islamic Revolutionary Guard Corps"})
            answers["screen"] = (r.status_code, time.monotonic() - started)

        with LockHolder(db, LOCK_SECONDS) as lock:
            worker = threading.Thread(target=screen)
            worker.start()  # the screen that must record an audit row while the lock is held
            time.sleep(0.1)
            health = []
            for _ in range(5):
                started = time.monotonic()
                assert client.get("/api/v1/health").status_code == 200
                health.append(time.monotonic() - started)
            assert max(health) < FAST, f"health waited behind the lock: {health}"
            worker.join(timeout=60)
            assert lock.held(), "the checks ran after the lock was gone"
            lock.release()
        status, spent = answers["screen"]
        assert status == 200 and spent < FAST, f"screening waited behind the lock: {answers}"
        audit = client.get("/api/v1/audit").json()  # the run is recorded once the lock is released
        assert [r["query"]["name"] for r in audit][:2] == ["Islamic Revolutionary Guard Corps", "IRGC"]


def test_a_judgement_that_cannot_get_the_lock_is_a_clear_503(db: Path) -> None:
    from mistrust.settings import Settings

    settings = Settings.from_env({"MISTRUST_BUSY_TIMEOUT": "0.5"})
    with Server(lambda: Workspace(db, settings=settings, create=True), settings) as server, \
            httpx.Client(base_url=server.url, timeout=60) as client:
        hit_id = client.get("/api/v1/screen", params={"name": "IRGC"}).json()["hits"][0]["id"]
        client.get("/api/v1/audit")  # the run is written before the lock is taken
        with LockHolder(db, LOCK_SECONDS) as lock:
            r = client.post("/api/v1/judgements", json={"hit_id": hit_id, "decision": "dismiss", "note": "not them"})
            lock.release()
        assert r.status_code == 503
        assert r.json()["error"]["code"] == "store_busy" and "locked" in r.json()["error"]["message"]
        assert client.get("/api/v1/review").json()["items"][0]["id"] == hit_id  # nothing was recorded

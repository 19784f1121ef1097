"""The export log: who took what out of the workspace, when, through which door, with which parameters.

One row per export (a report, a graph or list export, a hit's audit history, a web batch's
results): the audit's answer to "who has a copy of this". Written by the background writer
like the screening audit rows, so an export never waits for the write lock.
"""

from __future__ import annotations

import json
from typing import Any

from mistrust.store.db import Database, Migration
from mistrust.store.writer import Job

MIGRATIONS: list[Migration] = [
    ("exports_001_init", """
CREATE TABLE export_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT,                       -- the verified user (web, API), the OS user (CLI); NULL from Python
    channel TEXT NOT NULL,           -- cli, api, web or python
    kind TEXT NOT NULL,              -- report, graph, lists, hit_history, batch_results
    parameters TEXT NOT NULL         -- JSON: format, story, file, hit, ...
);
CREATE INDEX export_log_at ON export_log(at);
"""),
]


def record_job(at: str, user: str | None, channel: str, kind: str, parameters: dict[str, Any]) -> Job:
    return [('INSERT INTO export_log(at, "user", channel, kind, parameters) VALUES (?,?,?,?,?)',
             [at, user, channel, kind, json.dumps(parameters, ensure_ascii=False, sort_keys=True, default=str)])]


def list_exports(db: Database, limit: int = 100, offset: int = 0, user: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE \"user\" = ?", [user]) if user else ("", [])
    rows = db.query(f'SELECT id, at, "user", channel, kind, parameters FROM export_log {where}'  # noqa: S608
                    " ORDER BY id DESC LIMIT ? OFFSET ?", (*params, limit, offset))
    return [{**dict(r), "parameters": json.loads(r["parameters"])} for r in rows]


__all__ = ["MIGRATIONS", "list_exports", "record_job"]

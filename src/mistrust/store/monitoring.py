"""Tables and queries for ongoing monitoring. Engines never import this module.

* ``watches``: names an analyst asked to keep watching, with who added them and when.
* ``monitor_subjects``: what a new list version is screened again: one row per watch and per
  row of a batch run (the query as screened, and the entries it hit then with their scores), so
  a re-screen can tell a new hit from one already seen.
* ``alerts``: a new article that mentions a listed entity or a watched name; open until someone
  acknowledges it. ``key`` makes raising the same alert twice (a re-analysis) a no-op.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson

from mistrust.store.db import Database, Migration
from mistrust.store.screening import now
from mistrust.store.writer import Job

MIGRATIONS: list[Migration] = [
    ("monitoring_001_init", """
CREATE TABLE watches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    schema TEXT NOT NULL,
    user TEXT,
    created TEXT NOT NULL,
    source TEXT                       -- the watch-list file it came from, if any
);
CREATE TABLE monitor_subjects (
    id TEXT PRIMARY KEY,              -- 'watch:<id>' or 'batch:<output file>:<row>'
    kind TEXT NOT NULL,               -- 'watch' or 'batch'
    origin TEXT NOT NULL,             -- the watch id, or the batch output file
    row_id TEXT,                      -- the batch row's own id column, if it had one
    query TEXT NOT NULL,              -- the NameQuery as JSON
    seen TEXT NOT NULL DEFAULT '{}',  -- JSON {entity_id: score} of the last screening's hits
    screened_at TEXT
);
CREATE INDEX monitor_subjects_origin ON monitor_subjects(kind, origin);
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('listed', 'watched')),
    subject TEXT NOT NULL,            -- the name as the article wrote it
    document TEXT NOT NULL,
    entity_id TEXT,                   -- kind 'listed': the list entry
    watch_id INTEGER,                 -- kind 'watched': the watch
    detail TEXT NOT NULL DEFAULT '{}',  -- JSON: entry or watch name, score, reason
    created TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged')),
    acknowledged_by TEXT,
    acknowledged_at TEXT
);
CREATE INDEX alerts_status ON alerts(status, id);
"""),
]


@dataclass
class Subject:
    """One stored subject: what it is, the query screened, and the entries it hit last time."""

    id: str
    kind: str
    origin: str
    row_id: str | None
    query: dict[str, Any]
    seen: dict[str, float]


# -- watches -----------------------------------------------------------------------------------

def add_watch(db: Database, name: str, schema: str, user: str | None, source: str | None = None) -> dict[str, Any]:
    at = now()
    with db.transaction() as conn:
        watch_id = conn.execute(
            'INSERT INTO watches(name, schema, "user", created, source) VALUES (?,?,?,?,?) RETURNING id',
            (name, schema, user, at, source)).fetchone()[0]
    return {"id": watch_id, "name": name, "schema": schema, "user": user, "created": at, "source": source}


def list_watches(db: Database) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query('SELECT id, name, schema, "user", created, source FROM watches ORDER BY id')]


def get_watch(db: Database, watch_id: int) -> dict[str, Any] | None:
    rows = db.query('SELECT id, name, schema, "user", created, source FROM watches WHERE id = ?', (watch_id,))
    return dict(rows[0]) if rows else None


def remove_watch(db: Database, watch_id: int) -> bool:
    """Delete the watch and its subject row; False when there was no such watch."""
    with db.transaction() as conn:
        gone = conn.execute("DELETE FROM watches WHERE id = ? RETURNING id", (watch_id,)).fetchone()
        conn.execute("DELETE FROM monitor_subjects WHERE kind = 'watch' AND origin = ?", (str(watch_id),))
    return gone is not None


# -- subjects ----------------------------------------------------------------------------------

SubjectRow = tuple[str, str, str, str | None, dict[str, Any], dict[str, float]]  # id, kind, origin, row_id, query, seen
# An upsert, not INSERT OR REPLACE: a subject screened again (a batch file screened again to the
# same output) is updated in place, where a replace deleted the row and inserted it again, with its
# index entries: 12 us of SQLite's CPU a row in the parent of a batch run, against 4 (same rows,
# the same columns afterwards; Postgres already read the replace as this upsert).
_SAVE_SUBJECT = ("INSERT INTO monitor_subjects(id, kind, origin, row_id, query, seen, screened_at)"
                 " VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind,"
                 " origin = excluded.origin, row_id = excluded.row_id, query = excluded.query,"
                 " seen = excluded.seen, screened_at = excluded.screened_at")


def subject_params(rows: Iterable[SubjectRow]) -> list[list[Any]]:
    """The insert parameters of ``rows`` (pure: a batch run's workers build them beside each output line)."""
    at = now()
    # orjson: a batch run's parent writes one subject per row beside the output line
    return [[sid, kind, origin, row_id, orjson.dumps(query, option=orjson.OPT_SORT_KEYS).decode(),
             orjson.dumps(seen).decode(), at]
            for sid, kind, origin, row_id, query, seen in rows]


def save_subjects(db: Database, rows: Iterable[SubjectRow]) -> int:
    """Insert or replace subjects now, in one transaction. Returns how many."""
    params = subject_params(rows)
    if params:
        with db.transaction() as conn:
            conn.executemany(_SAVE_SUBJECT, params)
    return len(params)


def queue_subject_params(db: Database, params: list[list[Any]]) -> int:
    """Insert or replace subjects, already made into parameters (``subject_params``), through the
    background writer (``store/writer.py``), so a batch run never waits for the write lock to
    remember its rows. Returns how many."""
    if params:
        job: Job = [(_SAVE_SUBJECT, p) for p in params]
        db.writer.submit(job)
    return len(params)


def subjects(db: Database) -> list[Subject]:
    return [Subject(r["id"], r["kind"], r["origin"], r["row_id"], json.loads(r["query"]), json.loads(r["seen"]))
            for r in db.query("SELECT id, kind, origin, row_id, query, seen FROM monitor_subjects ORDER BY id")]


def update_seen(db: Database, seen: dict[str, dict[str, float]]) -> None:
    """Record what each subject (by id) hit in the latest screening."""
    at = now()
    if seen:
        with db.transaction() as conn:
            conn.executemany("UPDATE monitor_subjects SET seen = ?, screened_at = ? WHERE id = ?",
                             [(json.dumps(s), at, sid) for sid, s in seen.items()])


# -- alerts ------------------------------------------------------------------------------------

def add_alerts(db: Database, alerts: Iterable[dict[str, Any]]) -> int:
    """Insert alerts ({key, kind, subject, document, entity_id, watch_id, detail}); one already
    raised (same key) is left as it is, acknowledged or not. Returns how many are new."""
    at = now()
    new = 0
    with db.transaction() as conn:
        for a in alerts:
            row = conn.execute(
                "INSERT OR IGNORE INTO alerts(key, kind, subject, document, entity_id, watch_id, detail, created)"
                " VALUES (?,?,?,?,?,?,?,?) RETURNING id",
                (a["key"], a["kind"], a["subject"], a["document"], a.get("entity_id"), a.get("watch_id"),
                 json.dumps(a.get("detail") or {}, ensure_ascii=False), at)).fetchone()
            new += row is not None
    return new


def _alert(row: Any) -> dict[str, Any]:
    out = dict(row)
    out.pop("key", None)
    out["detail"] = json.loads(out["detail"])
    return out


def list_alerts(db: Database, open_only: bool = True, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Alerts, newest first."""
    where = "WHERE status = 'open'" if open_only else ""
    rows = db.query(f"SELECT * FROM alerts {where} ORDER BY id DESC LIMIT ? OFFSET ?",  # noqa: S608 - fixed text
                    (limit, offset))
    return [_alert(r) for r in rows]


def count_alerts(db: Database, open_only: bool = True) -> int:
    where = "WHERE status = 'open'" if open_only else ""
    return int(db.query(f"SELECT COUNT(*) AS n FROM alerts {where}")[0]["n"])  # noqa: S608 - fixed text


def acknowledge_alert(db: Database, alert_id: int, user: str | None) -> dict[str, Any] | None:
    """Mark the alert acknowledged by ``user`` (once: a second ack keeps the first); None if unknown."""
    with db.transaction() as conn:
        conn.execute("UPDATE alerts SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ?"
                     " WHERE id = ? AND status = 'open'", (user, now(), alert_id))
    rows = db.query("SELECT * FROM alerts WHERE id = ?", (alert_id,))
    return _alert(rows[0]) if rows else None


__all__ = [
    "MIGRATIONS",
    "Subject",
    "acknowledge_alert",
    "add_alerts",
    "add_watch",
    "count_alerts",
    "get_watch",
    "list_alerts",
    "list_watches",
    "queue_subject_params",
    "remove_watch",
    "save_subjects",
    "subject_params",
    "subjects",
    "update_seen",
]

"""Tables and queries for the review queue: one row per hit to review, and each hit's history.

* ``review_items``: every hit waiting for (or given) a decision, whatever found it: a single
  screen, a batch run, a news mention linked to a list entry, a re-screen. One row per hit id (a
  hash of the normalised name and the list entry), so the same pair seen again updates its row
  (score, run, last seen) and keeps its status.
* ``review_events``: what happened to each hit, in order: who, when, the action, the note, and
  the list version and algorithm of the hit as it was judged. The audit export reads this.

Statuses: ``open``, ``pending_approval`` (a dismissal waiting for a second reviewer),
``confirmed``, ``dismissed``. The decision that counts for later screenings is also written to
``screen_judgements`` (``store/screening.py``), as before.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mistrust.model import Hit
from mistrust.store.db import Database, Migration
from mistrust.store.paging import order_by
from mistrust.store.writer import Job

MIGRATIONS: list[Migration] = [
    ("review_001_queue", """
CREATE TABLE review_items (
    hit_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,            -- screen, batch, link, monitor ...
    run_id TEXT,                     -- the screening run or batch run that last found it
    doc_id TEXT,                     -- the article, for a link from a news mention
    query_name TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    entity_name TEXT,
    list_version TEXT,
    programs TEXT NOT NULL DEFAULT '',  -- |P1|P2|: one programme is found with LIKE '%|P1|%'
    score REAL NOT NULL,
    algorithm TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    assignee TEXT,
    decided_by TEXT,
    decision_note TEXT,
    approved_by TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    data TEXT NOT NULL               -- the Hit as JSON, with its feature reasons
);
CREATE INDEX review_items_status ON review_items(status, score);
CREATE INDEX review_items_run ON review_items(run_id);
CREATE TABLE review_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hit_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,            -- confirm, dismiss, request_dismissal, approve, reject, assign
    status TEXT NOT NULL,            -- the hit's status after it
    note TEXT,
    list_version TEXT,
    algorithm TEXT,
    score REAL
);
CREATE INDEX review_events_hit ON review_events(hit_id, id);
"""),
]

STATUSES = ("open", "pending_approval", "confirmed", "dismissed")

# A hit seen again keeps its status, unless the caller says its decision no longer holds (the list
# entry changed since it was judged): then it is open again.
_UPSERT = (
    "INSERT INTO review_items(hit_id, source, run_id, doc_id, query_name, entity_id, entity_name, list_version,"
    " programs, score, algorithm, first_seen, last_seen, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    " ON CONFLICT(hit_id) DO UPDATE SET source = excluded.source, run_id = excluded.run_id,"
    " doc_id = excluded.doc_id, list_version = excluded.list_version, programs = excluded.programs,"
    " score = excluded.score, algorithm = excluded.algorithm, last_seen = excluded.last_seen, data = excluded.data,"
    " status = CASE WHEN ? = 1 AND review_items.status IN ('confirmed', 'dismissed') THEN 'open'"
    " ELSE review_items.status END"
)


def queue_job(hits: Sequence[Hit], *, source: str, at: str, run_id: str | None = None,
              doc_id: str | None = None, reopen_unjudged: bool = True) -> Job:
    """The statements that put ``hits`` in the queue (for ``db.writer.submit`` or ``write_job``).

    A screening hit carries the judgement that still applies to it (``screen()`` sets it), so one
    without (``hit.judgement`` None) whose row says confirmed or dismissed is reopened: it was
    judged on a list entry that has changed since. Hits that never carry judgements (links from
    news mentions) pass ``reopen_unjudged=False``.
    """
    # a tuple of tuples, as screening.record_run's rows: untracked by the garbage collector while queued
    return tuple((_UPSERT, (h.id, source, run_id, doc_id, h.query_name, h.entity_id, h.entity_name, h.list_version,
                            "".join(f"|{p}" for p in h.programs) + "|" if h.programs else "", h.score,
                            h.algorithm, at, at, h.to_json(), int(reopen_unjudged and h.judgement is None)))
                 for h in hits if h.id)


def queue_hits(db: Database, hits: Sequence[Hit], *, source: str, at: str, run_id: str | None = None,
               doc_id: str | None = None, reopen_unjudged: bool = True) -> int:
    """Put ``hits`` in the review queue now (in one transaction); returns how many were given.

    The one insert every producer of hits calls (screening, batch runs, article links, re-screens
    after a list load): ``source`` says which, ``run_id`` ties a hit to its batch or screening run.
    """
    job = queue_job(hits, source=source, at=at, run_id=run_id, doc_id=doc_id, reopen_unjudged=reopen_unjudged)
    if job:
        db.write_job(job)
    return len(job)


@dataclass
class QueueFilter:
    """What the queue shows: every field None means no filter on it."""

    status: str | None = "open"    # open, pending_approval, confirmed, dismissed; None: any
    list_name: str | None = None   # a list name (ofac-sdn) or source (ofac)
    program: str | None = None
    min_score: float | None = None
    max_score: float | None = None
    run_id: str | None = None
    assignee: str | None = None
    source: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        simple = (("status", self.status), ("run_id", self.run_id), ("assignee", self.assignee),
                  ("source", self.source))
        for column, value in simple:
            if value:
                clauses.append(f"r.{column} = ?")
                params.append(value)
        if self.list_name:
            clauses.append("r.list_version IN (SELECT id FROM lists_versions WHERE list_name = ? OR source = ?)")
            params += [self.list_name, self.list_name]
        if self.program:
            clauses.append("r.programs LIKE ?")
            params.append(f"%|{self.program.replace('%', '').replace('_', '')}|%")
        if self.min_score is not None:
            clauses.append("r.score >= ?")
            params.append(self.min_score)
        if self.max_score is not None:
            clauses.append("r.score < ?")
            params.append(self.max_score)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _item(row: Any) -> dict[str, Any]:
    out = {**json.loads(row["data"]), "id": row["hit_id"]}
    for key in ("source", "run_id", "doc_id", "status", "assignee", "decided_by", "decision_note", "approved_by",
                "first_seen", "last_seen"):
        out[key] = row[key]
    return out


# The queue's orders (store/paging.py): best score first by default; the newest sighting first, for
# a reviewer following what just came in. Each ends on the unique hit id, so pages never overlap.
REVIEW_SORTS = {"score": "r.score DESC, r.hit_id", "newest": "r.last_seen DESC, r.hit_id"}


def count_items(db: Database, where: QueueFilter) -> int:
    """How many items match the filter."""
    sql, params = where.where()
    return int(db.query(f"SELECT COUNT(*) AS n FROM review_items r{sql}", params)[0]["n"])  # noqa: S608


def list_items(db: Database, where: QueueFilter, limit: int, offset: int,
               sort: str | None = None) -> list[dict[str, Any]]:
    """One page of the queue in the order ``sort`` names (best score first by default)."""
    sql, params = where.where()
    rows = db.query(f"SELECT * FROM review_items r{sql} ORDER BY {order_by(REVIEW_SORTS, sort)}"  # noqa: S608
                    " LIMIT ? OFFSET ?", [*params, limit, offset])
    return [_item(r) for r in rows]


def get_item(db: Database, hit_id: str) -> dict[str, Any] | None:
    rows = db.query("SELECT * FROM review_items WHERE hit_id = ?", (hit_id,))
    return _item(rows[0]) if rows else None


def decided_items(db: Database) -> list[tuple[dict[str, Any], str | None]]:
    """Every confirmed or dismissed hit, with the fingerprint of the list entry as last judged."""
    rows = db.query(
        "SELECT r.*, (SELECT j.entity_fingerprint FROM screen_judgements j WHERE j.hit_id = r.hit_id"
        " ORDER BY j.id DESC LIMIT 1) AS judged_fingerprint"
        " FROM review_items r WHERE r.status IN ('confirmed', 'dismissed')")
    return [(_item(row), row["judged_fingerprint"]) for row in rows]


def programs(db: Database) -> list[str]:
    """Every programme named by a queued hit (for the filter's choices)."""
    found: set[str] = set()
    for r in db.query("SELECT DISTINCT programs FROM review_items WHERE programs <> ''"):
        found.update(p for p in r["programs"].split("|") if p)
    return sorted(found)


def record_event(db: Database, hit_id: str, *, at: str, actor: str | None, action: str, status: str,
                 note: str | None, item: dict[str, Any], updates: dict[str, Any] | None = None) -> dict[str, Any]:
    """Append one event to a hit's history and set its row's status (and ``updates``), in one transaction."""
    sets = {"status": status, **(updates or {})}
    assignments = ", ".join(f"{column} = ?" for column in sets)
    with db.transaction() as conn:
        conn.execute(f"UPDATE review_items SET {assignments} WHERE hit_id = ?",  # noqa: S608 - fixed column names
                     [*sets.values(), hit_id])
        cur = conn.execute(
            "INSERT INTO review_events(hit_id, at, actor, action, status, note, list_version, algorithm, score)"
            " VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
            (hit_id, at, actor, action, status, note, item.get("list_version"), item.get("algorithm"),
             item.get("score")))
        event_id = cur.fetchone()[0]
    return {"id": event_id, "hit_id": hit_id, "at": at, "user": actor, "action": action, "status": status,
            "note": note, "list_version": item.get("list_version"), "algorithm": item.get("algorithm"),
            "score": item.get("score")}


def history(db: Database, hit_id: str) -> list[dict[str, Any]]:
    """Every event of one hit, oldest first."""
    rows = db.query("SELECT id, hit_id, at, actor, action, status, note, list_version, algorithm, score"
                    " FROM review_events WHERE hit_id = ? ORDER BY id", (hit_id,))
    out = []
    for r in rows:
        event = dict(r)
        event["user"] = event.pop("actor")
        out.append(event)
    return out


__all__ = ["MIGRATIONS", "STATUSES", "QueueFilter", "get_item", "history", "list_items", "programs",
           "queue_hits", "queue_job", "record_event"]

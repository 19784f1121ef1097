"""Tables and queries for the screening room. Engines never import this module.

* ``screen_runs``: every screening run (one query, or one batch file), with the query, the list
  versions searched, the algorithm and threshold: the audit trail.
* ``screen_hits``: the hits of single-query runs (batch hits go to the output file; their
  matches to the review queue, ``store/review.py``), so a reviewer can find and judge them.
* ``screen_judgements``: reviewer decisions on a (normalised query, entity) pair, with user,
  time, note, and the fingerprint of the list entry as it was judged: if the entry changes
  later, the old judgement no longer applies.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import orjson

from mistrust.model import Hit
from mistrust.model._ids import content_id
from mistrust.store.db import Database, Migration
from mistrust.store.writer import Job

MIGRATIONS: list[Migration] = [
    (
        "screening_001_init",
        """
        CREATE TABLE screen_runs (
            id TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,              -- 'query' or 'batch'
            query TEXT NOT NULL,             -- JSON NameQuery, or {"input": ..., "output": ...}
            list_versions TEXT NOT NULL,     -- JSON list of ListVersion ids searched
            algorithm TEXT NOT NULL,
            threshold REAL NOT NULL,
            hit_count INTEGER NOT NULL DEFAULT 0,
            match_count INTEGER NOT NULL DEFAULT 0,
            hits TEXT NOT NULL DEFAULT '[]'  -- JSON summary: [{id, entity_id, score, match}]
        );
        CREATE INDEX screen_runs_at ON screen_runs(at);
        CREATE TABLE screen_hits (
            run_id TEXT NOT NULL REFERENCES screen_runs(id) ON DELETE CASCADE,
            hit_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            query_name TEXT NOT NULL,
            score REAL NOT NULL,
            match INTEGER NOT NULL,
            at TEXT NOT NULL,
            data TEXT NOT NULL,              -- the full Hit as JSON, features and reasons included
            PRIMARY KEY (run_id, hit_id)
        );
        CREATE INDEX screen_hits_hit ON screen_hits(hit_id, at);
        CREATE TABLE screen_judgements (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            hit_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            query_name TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
            note TEXT,
            user TEXT,
            at TEXT NOT NULL,
            entity_fingerprint TEXT NOT NULL,
            algorithm TEXT NOT NULL
        );
        CREATE INDEX screen_judgements_hit ON screen_judgements(hit_id, id);
        """,
    ),
]


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record_run(
    db: Database,
    *,
    kind: str,
    query: dict[str, Any],
    list_versions: list[str],
    algorithm: str,
    threshold: float,
    hits: list[Hit],
    hit_count: int | None = None,
    match_count: int | None = None,
    run_id: str | None = None,
) -> str:
    """Record one run (and, for single queries, its hits). Returns the run id.

    The rows are written by the database's background writer (``store/writer.py``), so a
    screening answer never waits for the write lock; ``db.writer.flush()`` waits for them.
    The run id is a hash of the time and the query, so a spooled run written twice counts once
    (a batch passes the ``run_id`` it tagged its queued hits with).
    """
    at = now()
    # orjson, as the hits' own JSON: every served screening writes these (building the rows took
    # 0.021 ms of CPU with json.dumps, 0.011 so, of a served screening's 0.2); the same values, compactly
    run_id = run_id or content_id(at, orjson.dumps(query, option=orjson.OPT_SORT_KEYS).decode(), algorithm, threshold)
    summary = [{"id": h.id, "entity_id": h.entity_id, "score": h.score, "match": h.match,
                "judgement": h.judgement} for h in hits]
    # tuples, not lists: rows that wait in a server's queue are then no work for the garbage
    # collector (store/writer.py, Statement)
    job: Job = (
        ("INSERT OR IGNORE INTO screen_runs(id, at, kind, query, list_versions, algorithm, threshold, hit_count,"
         " match_count, hits) VALUES (?,?,?,?,?,?,?,?,?,?)",
         (run_id, at, kind, orjson.dumps(query).decode(), orjson.dumps(list_versions).decode(), algorithm,
          threshold, len(hits) if hit_count is None else hit_count,
          sum(h.match for h in hits) if match_count is None else match_count,
          orjson.dumps(summary).decode())),
        *(("INSERT OR REPLACE INTO screen_hits(run_id, hit_id, entity_id, query_name, score, match, at, data)"
           " VALUES (?,?,?,?,?,?,?,?)",
           (run_id, h.id, h.entity_id, h.query_name, h.score, int(h.match), at, h.to_json())) for h in hits),
    )
    db.writer.submit(job)
    return run_id


def _run_row(row: Any) -> dict[str, Any]:
    return {
        "id": row["id"],
        "at": row["at"],
        "kind": row["kind"],
        "query": json.loads(row["query"]),
        "list_versions": json.loads(row["list_versions"]),
        "algorithm": row["algorithm"],
        "threshold": row["threshold"],
        "hit_count": row["hit_count"],
        "match_count": row["match_count"],
        "hits": json.loads(row["hits"]),
    }


def list_runs(db: Database, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    rows = db.query("SELECT * FROM screen_runs ORDER BY at DESC, rowid DESC LIMIT ? OFFSET ?", (limit, offset))
    return [_run_row(r) for r in rows]


def get_run(db: Database, run_id: str) -> dict[str, Any] | None:
    rows = db.query("SELECT * FROM screen_runs WHERE id = ?", (run_id,))
    return _run_row(rows[0]) if rows else None


def latest_hit(db: Database, hit_id: str) -> dict[str, Any] | None:
    rows = db.query("SELECT data FROM screen_hits WHERE hit_id = ? ORDER BY at DESC LIMIT 1", (hit_id,))
    return json.loads(rows[0]["data"]) if rows else None


def add_judgement(
    db: Database,
    *,
    hit_id: str,
    entity_id: str,
    query_name: str,
    decision: str,
    note: str | None,
    user: str | None,
    entity_fingerprint: str,
    algorithm: str,
) -> dict[str, Any]:
    at = now()
    with db.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO screen_judgements(hit_id, entity_id, query_name, decision, note, user, at,"
            " entity_fingerprint, algorithm) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
            (hit_id, entity_id, query_name, decision, note, user, at, entity_fingerprint, algorithm),
        )
        judgement_id = cur.fetchone()[0]
    return {"id": judgement_id, "hit_id": hit_id, "entity_id": entity_id, "query_name": query_name,
            "decision": decision, "note": note, "user": user, "at": at,
            "entity_fingerprint": entity_fingerprint, "algorithm": algorithm}


def latest_judgements(db: Database, hit_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The newest judgement of each of ``hit_ids`` that has one."""
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(hit_ids), 500):
        chunk = hit_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.query(
            f"SELECT * FROM screen_judgements WHERE hit_id IN ({marks}) ORDER BY id",  # noqa: S608 - placeholders only
            chunk,
        )
        for r in rows:
            out[r["hit_id"]] = dict(r)
    return out


def all_latest_judgements(db: Database) -> dict[str, dict[str, Any]]:
    """The newest judgement of every judged hit (what a batch run's workers apply to their hits)."""
    out: dict[str, dict[str, Any]] = {}
    for r in db.query("SELECT hit_id, entity_fingerprint, decision FROM screen_judgements ORDER BY id"):
        out[r["hit_id"]] = dict(r)
    return out


def has_judgements(db: Database) -> bool:
    return bool(db.query("SELECT 1 FROM screen_judgements LIMIT 1"))


__all__ = [
    "MIGRATIONS",
    "add_judgement",
    "all_latest_judgements",
    "has_judgements",
    "latest_hit",
    "latest_judgements",
    "list_runs",
    "get_run",
    "record_run",
]

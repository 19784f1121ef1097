"""Queries for actors (``extract/actors.py``); the tables are created by the extraction room's
migration ``extraction_002_actors``, since loading an extraction reads them. Engines never import
this module.

Actors are recomputed over the whole workspace after each analysis and replaced in one
transaction; the mentions keep the labels and names the tagger gave them, and readers see the
actor's name and voted label through ``actor_names`` (the extraction loader applies them).
"""

from __future__ import annotations

import json
import sqlite3

from mistrust.model.actors import Actor
from mistrust.store.db import Database


def save_actors(db: Database, actors: list[Actor]) -> None:
    """Replace every stored actor with ``actors``, in one transaction."""
    with db.transaction() as conn:
        conn.execute("DELETE FROM actors")
        conn.execute("DELETE FROM actor_mentions")
        for a in actors:
            conn.execute("INSERT INTO actors(id, name, label, mentions, data) VALUES (?, ?, ?, ?, ?)",
                         (a.id, a.name, a.label, len(a.mentions), json.dumps(a.to_dict(), ensure_ascii=False)))
            conn.executemany("INSERT OR REPLACE INTO actor_mentions(doc_id, mention_idx, actor_id) VALUES (?, ?, ?)",
                             [(doc, idx, a.id) for doc, idx in a.mentions])


def _actor(row: sqlite3.Row) -> Actor:
    d = json.loads(row["data"])
    d["mentions"] = [tuple(x) for x in d.get("mentions", [])]
    return Actor(**d)


def list_actors(db: Database, q: str | None = None, limit: int = 100) -> list[Actor]:
    if q:
        rows = db.query("SELECT data FROM actors WHERE name LIKE ? OR data LIKE ? ORDER BY mentions DESC, name"
                        " LIMIT ?", (f"%{q}%", f"%{q}%", limit))
    else:
        rows = db.query("SELECT data FROM actors ORDER BY mentions DESC, name LIMIT ?", (limit,))
    return [_actor(r) for r in rows]


def get_actor(db: Database, actor_id: str) -> Actor | None:
    rows = db.query("SELECT data FROM actors WHERE id = ?", (actor_id,))
    return _actor(rows[0]) if rows else None


def actor_names(db: Database, doc_id: str) -> dict[int, tuple[str, str, str]]:
    """{mention index: (actor id, actor name, actor label)} for one document."""
    rows = db.query("SELECT am.mention_idx, a.id, a.name, a.label FROM actor_mentions am JOIN actors a"
                    " ON a.id = am.actor_id WHERE am.doc_id = ?", (doc_id,))
    return {r["mention_idx"]: (r["id"], r["name"], r["label"]) for r in rows}


__all__ = ["actor_names", "get_actor", "list_actors", "save_actors"]

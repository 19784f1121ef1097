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
from mistrust.store.paging import like_pattern, order_by


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


# Named orders of the actors list (the first is the default); each ends on the unique id.
ACTOR_SORTS = {
    "mentions": "mentions DESC, name ASC, id ASC",
    "name": "name ASC, id ASC",
    "label": "label ASC, mentions DESC, id ASC",
}


def _actor_filter(q: str | None, label: str | None, listed: bool) -> tuple[str, list[object]]:
    where, params = "WHERE 1 = 1", list[object]()
    if q:
        # the name, or any of its other forms (kept in the JSON)
        where += " AND (name LIKE ? ESCAPE '\\' OR data LIKE ? ESCAPE '\\')"
        params += [like_pattern(q)] * 2
    if label:
        where += " AND label = ?"
        params.append(label)
    if listed:
        where += " AND json_extract(data, '$.entity_ids') <> '[]'"
    return where, params


def list_actors(db: Database, q: str | None = None, limit: int = 100, offset: int = 0,
                sort: str | None = None, label: str | None = None, listed: bool = False) -> list[Actor]:
    """Actors, most mentioned first unless ``sort`` names another order; ``listed``: only those
    with a certain link to a list entry."""
    where, params = _actor_filter(q, label, listed)
    rows = db.query(f"SELECT data FROM actors {where} ORDER BY {order_by(ACTOR_SORTS, sort)}"  # noqa: S608
                    " LIMIT ? OFFSET ?", (*params, limit, offset))
    return [_actor(r) for r in rows]


def count_actors(db: Database, q: str | None = None, label: str | None = None, listed: bool = False) -> int:
    where, params = _actor_filter(q, label, listed)
    return int(db.query(f"SELECT COUNT(*) FROM actors {where}", params)[0][0])  # noqa: S608


def actor_labels(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT DISTINCT label FROM actors ORDER BY label ASC")]


def find_actor(db: Database, name: str) -> Actor | None:
    """The actor shown under ``name`` (any case), the most mentioned when two share it."""
    rows = db.query("SELECT data FROM actors WHERE casefold(name) = ? ORDER BY mentions DESC, id ASC LIMIT 1",
                    (name.casefold(),))
    return _actor(rows[0]) if rows else None


def get_actor(db: Database, actor_id: str) -> Actor | None:
    rows = db.query("SELECT data FROM actors WHERE id = ?", (actor_id,))
    return _actor(rows[0]) if rows else None


def actor_names(db: Database, doc_id: str) -> dict[int, tuple[str, str, str]]:
    """{mention index: (actor id, actor name, actor label)} for one document."""
    rows = db.query("SELECT am.mention_idx, a.id, a.name, a.label FROM actor_mentions am JOIN actors a"
                    " ON a.id = am.actor_id WHERE am.doc_id = ?", (doc_id,))
    return {r["mention_idx"]: (r["id"], r["name"], r["label"]) for r in rows}


__all__ = ["ACTOR_SORTS", "actor_labels", "actor_names", "count_actors", "find_actor", "get_actor", "list_actors",
           "save_actors"]

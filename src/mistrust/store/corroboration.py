"""Tables and queries for the corroboration room. Engines never import this module.

Stories keep the clusterer's state (centroid terms, entity counts, blocking keys) as JSON so a
later ``corroborate()`` resumes without re-clustering; document frequencies are kept per term.
Claim groups are stored whole (JSON) per story and recomputed when the story changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from mistrust.errors import NotFoundError
from mistrust.model import ClaimGroup, Contradiction, Origin, Story
from mistrust.store.db import Database, Migration
from mistrust.store.paging import like_pattern, order_by

MIGRATIONS: list[Migration] = [
    (
        "corroboration_001_init",
        """
        CREATE TABLE corr_stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            doc_count INTEGER NOT NULL DEFAULT 0,
            entities TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL,
            algorithm TEXT NOT NULL,
            updated_at TEXT DEFAULT CURRENT_TIMESTAMP
        );
        CREATE INDEX corr_stories_last_seen ON corr_stories(last_seen);
        CREATE TABLE corr_story_docs (
            doc_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL REFERENCES corr_stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            score REAL NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX corr_story_docs_story ON corr_story_docs(story_id, position);
        CREATE TABLE corr_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE corr_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE corr_claim_groups (
            id TEXT NOT NULL,
            story_id TEXT NOT NULL REFERENCES corr_stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (story_id, id)
        );
        """,
    ),
    (
        "corroboration_002_claims_basis",
        # which analysed documents the stored claim groups were computed from: when analyze runs
        # after corroborate, the story's claim groups are recomputed
        "ALTER TABLE corr_stories ADD COLUMN claims_basis TEXT NOT NULL DEFAULT ''",
    ),
    (
        "corroboration_003_story_merges",
        # a story merged into another (a later document bridged them) leaves its id here, so links
        # to it (reports, API clients, notes) still resolve to the story that holds its documents
        """
        CREATE TABLE corr_story_merges (
            merged_id TEXT PRIMARY KEY,
            into_id TEXT NOT NULL,
            merged_at TEXT DEFAULT CURRENT_TIMESTAMP
        ) WITHOUT ROWID;
        CREATE INDEX corr_story_merges_into ON corr_story_merges(into_id);
        """,
    ),
]


def assigned_doc_ids(db: Database) -> set[str]:
    return {r[0] for r in db.query("SELECT doc_id FROM corr_story_docs")}


def load_states(db: Database, since: str | None = None) -> list[dict[str, Any]]:
    """Stored clusterer states of stories seen on or after ``since`` (plus undated stories)."""
    if since is None:
        rows = db.query("SELECT state FROM corr_stories")
    else:
        rows = db.query("SELECT state FROM corr_stories WHERE last_seen IS NULL OR last_seen >= ?", (since,))
    return [json.loads(r[0]) for r in rows]


def load_df(db: Database) -> tuple[dict[str, int], int]:
    df = {r[0]: int(r[1]) for r in db.query("SELECT term, df FROM corr_df")}
    row = db.query("SELECT value FROM corr_meta WHERE key = 'n_docs'")
    return df, int(row[0][0]) if row else 0


def save_clustering(
    db: Database,
    states: Iterable[dict[str, Any]],
    assignments: Iterable[tuple[str, str, float, str]],
    df_delta: dict[str, int],
    n_docs: int,
    algorithm: str,
    merges: Iterable[tuple[str, str]] = (),
) -> None:
    """Upsert touched stories, record each document's story, and add the batch's term counts.

    ``merges`` are (merged story, surviving story) pairs in the order they happened: the merged
    story's documents move to the survivor, its row and claim groups go, and its id is recorded
    as merged into the survivor. ``states`` must include every survivor (their document order
    decides the positions).
    """
    states = list(states)
    with db.transaction() as conn:
        for s in states:
            dates = s["dates"]
            entities = sorted(s["entities"], key=lambda e: -s["entities"][e])[:10]
            conn.execute(
                "INSERT INTO corr_stories(id, title, first_seen, last_seen, doc_count, entities, state, algorithm)"
                " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET first_seen=excluded.first_seen,"
                " last_seen=excluded.last_seen, doc_count=excluded.doc_count, entities=excluded.entities,"
                " state=excluded.state, algorithm=excluded.algorithm, updated_at=CURRENT_TIMESTAMP",
                (s["id"], s["title"], min(dates) if dates else None, max(dates) if dates else None,
                 len(s["doc_ids"]), json.dumps(entities), json.dumps(s), algorithm),
            )
        # after the upserts: a survivor may be new in this batch (an older report arrived late)
        for gone, keep in merges:
            conn.execute("UPDATE corr_story_docs SET story_id = ? WHERE story_id = ?", (keep, gone))
            conn.execute("DELETE FROM corr_stories WHERE id = ?", (gone,))  # claim groups cascade
            conn.execute("UPDATE corr_story_merges SET into_id = ? WHERE into_id = ?", (keep, gone))
            conn.execute("INSERT OR REPLACE INTO corr_story_merges(merged_id, into_id) VALUES (?, ?)", (gone, keep))
        for doc_id, story_id, score, reason in assignments:
            pos = conn.execute("SELECT COUNT(*) FROM corr_story_docs WHERE story_id = ?", (story_id,)).fetchone()[0]
            conn.execute("INSERT OR REPLACE INTO corr_story_docs(doc_id, story_id, position, score, reason)"
                         " VALUES (?,?,?,?,?)", (doc_id, story_id, pos, score, reason))
        for s in states:  # positions follow the clusterer's order (a merge appends the younger story's)
            conn.executemany("UPDATE corr_story_docs SET position = ? WHERE doc_id = ? AND story_id = ?",
                             [(i, d, s["id"]) for i, d in enumerate(s["doc_ids"])])
        conn.executemany("INSERT INTO corr_df(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = corr_df.df + excluded.df",
                         list(df_delta.items()))
        conn.execute("INSERT OR REPLACE INTO corr_meta(key, value) VALUES ('n_docs', ?)", (str(n_docs),))


def save_claim_groups(db: Database, story_id: str, groups: list[ClaimGroup], basis: str = "") -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE corr_stories SET claims_basis = ? WHERE id = ?", (basis, story_id))
        conn.execute("DELETE FROM corr_claim_groups WHERE story_id = ?", (story_id,))
        conn.executemany(
            "INSERT INTO corr_claim_groups(id, story_id, position, data) VALUES (?,?,?,?)",
            [(g.id, story_id, i, json.dumps(g.to_dict())) for i, g in enumerate(groups)],
        )


def _story(row: Any, docs: list[str]) -> Story:
    return Story(id=row["id"], title=row["title"], documents=docs, first_seen=row["first_seen"],
                 last_seen=row["last_seen"], entities=json.loads(row["entities"]))


# Named orders of the stories list (the first is the default); each ends on the unique id.
STORY_SORTS = {
    "size": "doc_count DESC, last_seen DESC, id ASC",
    "newest": "last_seen DESC, doc_count DESC, id ASC",
    "oldest": "first_seen ASC, doc_count DESC, id ASC",
    "title": "title ASC, id ASC",
}


def _story_filter(min_docs: int, q: str | None) -> tuple[str, list[object]]:
    where, params = "WHERE doc_count >= ?", list[object]([min_docs])
    if q:
        where += " AND title LIKE ? ESCAPE '\\'"
        params.append(like_pattern(q))
    return where, params


def list_stories(db: Database, limit: int = 1000, offset: int = 0, min_docs: int = 1, q: str | None = None,
                 sort: str | None = None) -> list[Story]:
    """Stories, biggest and most recent first unless ``sort`` names another order (documents
    filled, claim groups not); ``q``: words in the title."""
    where, params = _story_filter(min_docs, q)
    rows = db.query(f"SELECT * FROM corr_stories {where} ORDER BY {order_by(STORY_SORTS, sort)}"  # noqa: S608
                    " LIMIT ? OFFSET ?", (*params, limit, offset))
    ids = [r["id"] for r in rows]
    docs: dict[str, list[str]] = {i: [] for i in ids}
    if ids:
        marks = ",".join("?" * len(ids))
        for r in db.query(f"SELECT story_id, doc_id FROM corr_story_docs WHERE story_id IN ({marks})"
                          " ORDER BY story_id, position", ids):
            docs[r[0]].append(r[1])
    return [_story(r, docs[r["id"]]) for r in rows]


def count_stories(db: Database, min_docs: int = 1, q: str | None = None) -> int:
    where, params = _story_filter(min_docs, q)
    return int(db.query(f"SELECT COUNT(*) FROM corr_stories {where}", params)[0][0])  # noqa: S608


def resolve_story(db: Database, story_id: str) -> str:
    """The id of the story that now holds a story's documents (itself unless it was merged)."""
    rows = db.query("SELECT into_id FROM corr_story_merges WHERE merged_id = ?", (story_id,))
    return rows[0][0] if rows else story_id


def get_story(db: Database, story_id: str) -> Story:
    """A story with its claim groups; the id of a merged story leads to the story it was merged into."""
    story_id = resolve_story(db, story_id)
    rows = db.query("SELECT * FROM corr_stories WHERE id = ?", (story_id,))
    if not rows:
        raise NotFoundError(f"no story {story_id!r} (list them with: mistrust stories)", story_id=story_id)
    docs = [r[0] for r in db.query("SELECT doc_id FROM corr_story_docs WHERE story_id = ? ORDER BY position",
                                   (story_id,))]
    story = _story(rows[0], docs)
    story.claim_groups = claim_groups(db, story_id)
    return story


def story_docs_and_basis(db: Database) -> dict[str, tuple[list[str], str]]:
    """Every story's documents and the claims basis its stored claim groups were computed from."""
    out: dict[str, tuple[list[str], str]] = {
        r[0]: ([], r[1]) for r in db.query("SELECT id, claims_basis FROM corr_stories")
    }
    for r in db.query("SELECT story_id, doc_id FROM corr_story_docs ORDER BY story_id, position"):
        out[r[0]][0].append(r[1])
    return out


def story_of(db: Database, doc_id: str) -> str | None:
    rows = db.query("SELECT story_id FROM corr_story_docs WHERE doc_id = ?", (doc_id,))
    return rows[0][0] if rows else None


def story_assignments(db: Database, story_id: str) -> list[dict[str, Any]]:
    story_id = resolve_story(db, story_id)
    return [dict(r) for r in db.query("SELECT doc_id, position, score, reason FROM corr_story_docs"
                                      " WHERE story_id = ? ORDER BY position", (story_id,))]


def claim_groups(db: Database, story_id: str) -> list[ClaimGroup]:
    story_id = resolve_story(db, story_id)
    rows = db.query("SELECT data FROM corr_claim_groups WHERE story_id = ? ORDER BY position", (story_id,))
    return [claim_group_from_dict(json.loads(r[0])) for r in rows]


def claim_group_from_dict(d: dict[str, Any]) -> ClaimGroup:
    d = dict(d)
    d["origins"] = [Origin(o["id"], o["label"], list(o["reports"]), [tuple(e) for e in o["tree"]])  # type: ignore[misc]
                    for o in d.get("origins", [])]
    d["denials"] = [Contradiction(**c) for c in d.get("denials", [])]
    d["contradictions"] = [Contradiction(**c) for c in d.get("contradictions", [])]
    return ClaimGroup(**d)

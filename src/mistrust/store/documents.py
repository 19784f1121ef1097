"""Tables and queries for the documents room. Engines never import this module.

``documents`` is keyed by the content hash id, so inserting a document that is already
stored is a no-op (INSERT OR IGNORE): re-ingesting changes nothing. ``documents_fts`` is an
external-content FTS5 index on title and text kept in step by triggers. ``skipped_inputs``
logs every rejected input with its reason and time.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from mistrust.errors import NotFoundError
from mistrust.model import Document, SkippedInput
from mistrust.store.db import Database, Migration, Row
from mistrust.store.dialect import script_to_postgres
from mistrust.store.paging import order_by

_INIT = """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            url TEXT,
            published TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            source_path TEXT,
            metadata TEXT NOT NULL DEFAULT '{}',
            removed TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX documents_published ON documents(published);
        CREATE INDEX documents_outlet ON documents(outlet);
        CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TABLE skipped_inputs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            code TEXT NOT NULL,
            skipped_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        """

# Postgres: the same tables, and a generated tsvector column with a GIN index for the FTS5 table
_INIT_POSTGRES = script_to_postgres(_INIT, without=("CREATE VIRTUAL TABLE", "CREATE TRIGGER")) + """
    ALTER TABLE documents ADD COLUMN fts tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED;
    CREATE INDEX documents_fts ON documents USING GIN (fts);
"""

MIGRATIONS: list[Migration] = [("documents_001_init", _INIT, _INIT_POSTGRES)]

_COLUMNS = "id, text, title, outlet, url, published, authors, source_path, metadata, removed"


def insert_documents(db: Database, docs: Iterable[Document]) -> list[str]:
    """Store documents in one transaction; returns the ids that were new."""
    new: list[str] = []
    with db.transaction() as conn:
        for doc in docs:
            cur = conn.execute(
                f"INSERT OR IGNORE INTO documents ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id, doc.text, doc.title, doc.outlet, doc.url, doc.published,
                    json.dumps(doc.authors, ensure_ascii=False), doc.source_path,
                    json.dumps(doc.metadata, ensure_ascii=False, default=str),
                    json.dumps(doc.removed, ensure_ascii=False),
                ),
            )
            if cur.rowcount:
                new.append(doc.id)
    return new


def record_skipped(db: Database, skipped: Iterable[SkippedInput]) -> int:
    rows = [(s.source, s.reason, s.code) for s in skipped]
    if rows:
        with db.transaction() as conn:
            conn.executemany("INSERT INTO skipped_inputs(source, reason, code) VALUES (?, ?, ?)", rows)
    return len(rows)


def get_document(db: Database, doc_id: str) -> Document:
    rows = db.query(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (doc_id,))
    if not rows:
        raise NotFoundError(f"no document with id {doc_id!r}", id=doc_id)
    return _row_to_document(rows[0])


def find_by_record_id(db: Database, record_id: str) -> list[Document]:
    """Documents whose source record (a JSONL line, a feed item) had this ``id``."""
    rows = db.query(f"SELECT {_COLUMNS} FROM documents WHERE json_extract(metadata, '$.id') = ?", (record_id,))
    return [_row_to_document(r) for r in rows]


def get_documents(db: Database, ids: Sequence[str]) -> list[Document]:
    """Documents in the order of ``ids`` (unknown ids are left out)."""
    by_id: dict[str, Document] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ",".join("?" * len(chunk))
        for row in db.query(f"SELECT {_COLUMNS} FROM documents WHERE id IN ({marks})", chunk):
            by_id[row["id"]] = _row_to_document(row)
    return [by_id[i] for i in ids if i in by_id]


# Named orders of the documents list (the first is the default; a search adds "relevance").
DOCUMENT_SORTS = {
    "newest": "d.published DESC, d.rowid ASC",
    "oldest": "d.published ASC, d.rowid ASC",
    "outlet": "d.outlet ASC, d.published DESC, d.rowid ASC",
    "title": "d.title ASC, d.rowid ASC",
}
RELEVANCE = "relevance"
_D_COLUMNS = ", ".join("d." + c.strip() for c in _COLUMNS.split(","))


def _document_source(db: Database, q: str | None, outlet: str | None) -> tuple[str, list[object], str]:
    """FROM and WHERE of a documents listing, its parameters, and its relevance order."""
    params: list[object] = []
    if q and db.backend == "postgres":
        source = f"(SELECT d.*, {pg_tsquery(q)} AS q FROM documents d) d WHERE d.fts @@ d.q"
        params += pg_words(q)
        relevance = "ts_rank(d.fts, d.q) DESC, d.rowid ASC"
    elif q:
        source = "documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ?"
        params.append(fts_query(q))
        relevance = "f.rank ASC, d.rowid ASC"
    else:
        source, relevance = "documents d WHERE 1 = 1", DOCUMENT_SORTS["newest"]
    if outlet:
        source += " AND d.outlet = ?"
        params.append(outlet)
    return source, params, relevance


def list_documents(db: Database, limit: int = 100, offset: int = 0, q: str | None = None,
                   outlet: str | None = None, sort: str | None = None) -> list[Document]:
    """Documents, newest publication first; with ``q``, full-text matches best first (``sort``
    names another order, ``outlet`` keeps one outlet's)."""
    source, params, relevance = _document_source(db, q, outlet)
    order = relevance if sort in (None, RELEVANCE) else order_by(DOCUMENT_SORTS, sort)
    rows = db.query(f"SELECT {_D_COLUMNS} FROM {source} ORDER BY {order} LIMIT ? OFFSET ?",  # noqa: S608
                    (*params, limit, offset))
    return [_row_to_document(r) for r in rows]


def count_documents(db: Database, q: str | None = None, outlet: str | None = None) -> int:
    source, params, _ = _document_source(db, q, outlet)
    return int(db.query(f"SELECT COUNT(*) FROM {source}", params)[0][0])  # noqa: S608


def outlets(db: Database) -> list[tuple[str, int]]:
    """Every outlet with its number of documents, most first."""
    rows = db.query("SELECT outlet, COUNT(*) AS n FROM documents WHERE outlet IS NOT NULL"
                    " GROUP BY outlet ORDER BY n DESC, outlet ASC")
    return [(r["outlet"], int(r["n"])) for r in rows]


def document_ids(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT id FROM documents ORDER BY rowid")]


def list_skipped(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    rows = db.query("SELECT source, reason, code, skipped_at FROM skipped_inputs ORDER BY id DESC LIMIT ?", (limit,))
    return [dict(r) for r in rows]


def fts_query(q: str) -> str:
    """User words as an FTS5 query: each word quoted (so "U.S." or "al-Assad" cannot be FTS syntax).

    A double quote inside a word is doubled, as FTS5 strings escape it. Control characters go:
    SQLite reads the query as a C string, so a NUL would cut it short inside a quoted word.
    """
    return " ".join('"{}"'.format(w.replace('"', '""')) for w in user_words(q)) or '""'


def user_words(q: str) -> list[str]:
    """The words of a search, control characters removed (a NUL would cut a C string short)."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in q).split()


def pg_words(q: str) -> list[str]:
    """Postgres's search words, each a bound parameter (never SQL text)."""
    return user_words(q) or [""]


def pg_tsquery(q: str) -> str:
    """Postgres's form of ``fts_query``: every word a phrase (its tokens in order), all of them required."""
    return " && ".join("phraseto_tsquery('simple', ?)" for _ in pg_words(q))


def _row_to_document(row: Row) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=row["published"],
        authors=json.loads(row["authors"]),
        source_path=row["source_path"],
        metadata=json.loads(row["metadata"]),
        removed=json.loads(row["removed"]),
    )

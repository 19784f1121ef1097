"""Tables and queries for the lists room. Engines never import this module.

``lists_versions`` holds one row per loaded file (at most one ``current`` per list name);
``lists_members`` says which entity (by content hash) each version holds; entity JSON is
stored once per distinct content in ``lists_entities`` (zlib-compressed), so reloading a
list where few entries changed adds little. A load is one transaction: the new version and
all its members are written, then the current flag moves, or nothing happens at all.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from datetime import UTC, datetime
from typing import Any

from mistrust.model.lists import (
    BECAME_CURRENT,
    KNOWN,
    MADE_CURRENT,
    OLDER,
    UNDATED,
    ListEntity,
    ListVersion,
    LoadedList,
)
from mistrust.store.db import Database, Migration, Row

MIGRATIONS: list[Migration] = [
    ("lists_001_init", """
        CREATE TABLE lists_versions (
            id TEXT PRIMARY KEY,
            list_name TEXT NOT NULL,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            published TEXT,
            sha256 TEXT NOT NULL,
            source_file TEXT NOT NULL,
            entity_count INTEGER NOT NULL,
            loaded_at TEXT NOT NULL,
            current INTEGER NOT NULL DEFAULT 0,
            parts TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX lists_versions_name ON lists_versions(list_name, current);
        CREATE TABLE lists_entities (
            fingerprint TEXT PRIMARY KEY,
            data BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE lists_members (
            version_id TEXT NOT NULL REFERENCES lists_versions(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            PRIMARY KEY (version_id, entity_id)
        ) WITHOUT ROWID;
        CREATE INDEX lists_members_entity ON lists_members(entity_id);
    """),
    # What a loader changed on the way in (names cut to the length cap, ...), as JSON.
    ("lists_002_version_notes", "ALTER TABLE lists_versions ADD COLUMN notes TEXT NOT NULL DEFAULT '{}'"),
]

_VERSION_COLS = ("id, list_name, source, format, published, sha256, source_file, entity_count, loaded_at, current, "
                 "parts, notes")


def _encode(entity: ListEntity) -> tuple[str, bytes]:
    """(content hash, compressed JSON) of an entry, without where the file came from.

    Built by hand rather than with ``dataclasses.asdict``, which is ~10x slower and made
    storing 25,000 entries take seconds.
    """
    e = entity
    data = {
        "id": e.id, "source": e.source, "schema": e.schema, "name": e.name,
        "aliases": [{"name": a.name, "quality": a.quality, "kind": a.kind} for a in e.aliases],
        "birth_dates": e.birth_dates, "birth_places": e.birth_places, "nationalities": e.nationalities,
        "countries": e.countries, "addresses": e.addresses,
        "identifiers": [{"type": i.type, "value": i.value, "country": i.country, "note": i.note}
                        for i in e.identifiers],
        "programs": e.programs, "listed_on": e.listed_on, "remarks": e.remarks, "extra": e.extra,
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:24], zlib.compress(raw, 1)


def _decode(blob: bytes, version: ListVersion) -> ListEntity:
    data: dict[str, Any] = json.loads(zlib.decompress(blob))
    entity = ListEntity.from_dict(data)
    entity.source_file = version.source_file
    entity.source_sha256 = version.parts.get(version.source_file, version.sha256)
    return entity


def _version(row: Row) -> ListVersion:
    return ListVersion(id=row["id"], list_name=row["list_name"], source=row["source"], format=row["format"],
                       published=row["published"], sha256=row["sha256"], source_file=row["source_file"],
                       entity_count=row["entity_count"], loaded_at=row["loaded_at"], current=bool(row["current"]),
                       parts=json.loads(row["parts"] or "{}"), notes=json.loads(row["notes"] or "{}"))


def _outcome(new: Row, current: Row | None, known: bool) -> str:
    """Whether the version ``new`` takes the place of ``current`` (the rule is in ``save_list``)."""
    if current is None:
        return BECAME_CURRENT
    if current["id"] == new["id"]:
        return BECAME_CURRENT if not known else KNOWN
    if known:
        return KNOWN
    if not new["published"]:
        return UNDATED if current["published"] else BECAME_CURRENT
    if current["published"] and current["published"] > new["published"]:
        return OLDER
    return BECAME_CURRENT


def save_list(db: Database, loaded: LoadedList, make_current: bool = False) -> ListVersion:
    """Store a fully parsed list, in one transaction, and decide whether it becomes current.

    The current version of a list is the one published last, never simply the one loaded last
    (loading an old file, for a diff or by mistake, must not roll the workspace back in time):

    - a dated file becomes current unless the current version was published later (same date:
      the later load wins, as a re-issue of the day corrects the earlier one); a dated file
      also replaces an undated current version, as a date is evidence and its absence is not;
    - an undated file (no date in its content or name) becomes current only while no version of
      the list has a date; otherwise it is recorded and the dated current version stays;
    - content loaded before (same sha256) keeps its place, whatever name the file has now;
    - ``make_current`` overrides all of this on purpose.

    ``outcome`` on the returned version says which of these happened. Idempotent per content.
    """
    v = loaded.version
    with db.transaction() as conn:
        known = conn.execute("SELECT 1 FROM lists_versions WHERE id = ?", (v.id,)).fetchone() is not None
        if not known:
            v.loaded_at = datetime.now(UTC).isoformat(timespec="seconds")
            conn.execute(f"INSERT INTO lists_versions ({_VERSION_COLS}) VALUES (?,?,?,?,?,?,?,?,?,0,?,?)",
                         (v.id, v.list_name, v.source, v.format, v.published, v.sha256, v.source_file,
                          len(loaded.entities), v.loaded_at, json.dumps(v.parts), json.dumps(v.notes)))
            rows = [(e.id, *_encode(e)) for e in loaded.entities]
            conn.executemany("INSERT OR IGNORE INTO lists_entities (fingerprint, data) VALUES (?, ?)",
                             ((fp, blob) for _, fp, blob in rows))
            conn.executemany("INSERT INTO lists_members (version_id, entity_id, fingerprint) VALUES (?, ?, ?)",
                             ((v.id, ent_id, fp) for ent_id, fp, _ in rows))
        elif v.published:
            # The same content seen again under a dated name: the date is new evidence, kept.
            conn.execute("UPDATE lists_versions SET published = ? WHERE id = ? AND published IS NULL",
                         (v.published, v.id))
        new = conn.execute("SELECT id, published FROM lists_versions WHERE id = ?", (v.id,)).fetchone()
        current = conn.execute("SELECT id, published FROM lists_versions WHERE list_name = ? AND current = 1",
                               (v.list_name,)).fetchone()
        outcome = MADE_CURRENT if make_current else _outcome(new, current, known)
        if outcome in (BECAME_CURRENT, MADE_CURRENT):
            conn.execute("UPDATE lists_versions SET current = CASE WHEN id = ? THEN 1 ELSE 0 END WHERE list_name = ?", (v.id, v.list_name))
        row = conn.execute(f"SELECT {_VERSION_COLS} FROM lists_versions WHERE id = ?", (v.id,)).fetchone()
    version = _version(row)
    version.outcome = outcome
    return version


def versions(db: Database, list_name: str | None = None, current_only: bool = False) -> list[ListVersion]:
    sql = f"SELECT {_VERSION_COLS} FROM lists_versions WHERE 1=1"
    params: list[Any] = []
    if list_name:
        sql += " AND list_name = ?"
        params.append(list_name)
    if current_only:
        sql += " AND current = 1"
    sql += " ORDER BY list_name, COALESCE(published, ''), loaded_at"
    return [_version(r) for r in db.query(sql, params)]


def get_version(db: Database, version_id: str) -> ListVersion | None:
    rows = db.query(f"SELECT {_VERSION_COLS} FROM lists_versions WHERE id = ? OR id LIKE ? ORDER BY id",
                    (version_id, version_id + "%"))
    return _version(rows[0]) if len(rows) == 1 else None


def entities(db: Database, version: ListVersion) -> list[ListEntity]:
    rows = db.query("SELECT e.data FROM lists_members m JOIN lists_entities e ON e.fingerprint = m.fingerprint "
                    "WHERE m.version_id = ? ORDER BY m.entity_id", (version.id,))
    return [_decode(r[0], version) for r in rows]


def entity_versions(db: Database, entity_id: str) -> list[tuple[ListVersion, str]]:
    """Every version holding ``entity_id`` with the fingerprint it had there (current first, then newest)."""
    rows = db.query(f"SELECT {', '.join('v.' + c.strip() for c in _VERSION_COLS.split(','))}, m.fingerprint "
                    "FROM lists_members m JOIN lists_versions v ON v.id = m.version_id WHERE m.entity_id = ? "
                    "ORDER BY v.current DESC, COALESCE(v.published, '') DESC, v.loaded_at DESC", (entity_id,))
    return [(_version(r), r["fingerprint"]) for r in rows]


def entity_data(db: Database, fingerprint: str, version: ListVersion) -> ListEntity | None:
    rows = db.query("SELECT data FROM lists_entities WHERE fingerprint = ?", (fingerprint,))
    return _decode(rows[0][0], version) if rows else None

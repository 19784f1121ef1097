"""Tables and queries for the extraction room. Engines never import this module.

One extraction per document: re-analysing a document replaces its rows in one transaction, so a
reader never sees half of an old and half of a new extraction. Mentions, links, attributions and
claims are stored with their offsets and extractor names; the full objects are kept as JSON next
to the columns used for searching and aggregating (label, canonical name, linked list entity).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from mistrust.model.documents import Attribution, Claim, Extraction, Mention, Span
from mistrust.model.roles import GROUP_EXTRACTORS, is_role_mention
from mistrust.model.screening import LINK_TIERS, FeatureResult, Hit
from mistrust.store.actors import actor_names
from mistrust.store.db import Database, Migration
from mistrust.store.paging import like_pattern, order_by

MIGRATIONS: list[Migration] = [
    ("extraction_001_init", """
CREATE TABLE extraction_runs (
    doc_id TEXT PRIMARY KEY,
    extractor TEXT NOT NULL,
    status TEXT,
    analyzed_at TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE extraction_mentions (
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    canonical TEXT,
    name TEXT NOT NULL,              -- canonical or text: what the entities listing groups by
    extractor TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX extraction_mentions_name ON extraction_mentions(name, label);
CREATE TABLE extraction_links (
    doc_id TEXT NOT NULL,
    mention_idx INTEGER NOT NULL,
    rank INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    entity_name TEXT,
    list_version TEXT,
    score REAL,
    hit TEXT NOT NULL,               -- the Hit as JSON, with its feature reasons
    PRIMARY KEY (doc_id, mention_idx, rank)
);
CREATE INDEX extraction_links_entity ON extraction_links(entity_id);
CREATE TABLE extraction_attributions (
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    source TEXT,
    cue TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE extraction_claims (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    subject TEXT,
    predicate TEXT NOT NULL,
    object TEXT,
    time TEXT,
    status TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX extraction_claims_doc ON extraction_claims(doc_id, idx);
"""),
    # Actors (extract/actors.py): recomputed over the workspace after each analysis.
    ("extraction_002_actors", """
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    data TEXT NOT NULL               -- the Actor as JSON: names, list entries, documents, reasons
);
CREATE INDEX actors_name ON actors(name);
CREATE TABLE actor_mentions (
    doc_id TEXT NOT NULL,
    mention_idx INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, mention_idx)
);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
"""),
]


@dataclass
class ExtractionRows:
    """One document's extraction as the parameter rows of its tables. Building them is pure (an
    analysing worker does it, so the one writer only executes them); objects are kept as JSON."""

    doc_id: str
    run: tuple[Any, ...]
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    links: list[tuple[Any, ...]] = field(default_factory=list)
    attributions: list[tuple[Any, ...]] = field(default_factory=list)
    claims: list[tuple[Any, ...]] = field(default_factory=list)


def _json(obj: Any) -> str:
    # orjson writes the dataclasses as they are (asdict would deep-copy every one first)
    return orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS).decode()


def extraction_rows(doc_id: str, extraction: Extraction) -> ExtractionRows:
    rows = ExtractionRows(doc_id, (doc_id, extraction.extractor, extraction.status))
    for i, m in enumerate(extraction.entities):
        rows.mentions.append((doc_id, i, m.text, m.start, m.end, m.label, m.canonical, m.canonical or m.text,
                              m.extractor))
        for rank, hit in enumerate(m.links):
            h = hit if isinstance(hit, Hit) else Hit(**hit)
            rows.links.append((doc_id, i, rank, h.entity_id, h.entity_name, h.list_version, h.score, _json(h)))
    for i, a in enumerate(extraction.attributions):
        rows.attributions.append((doc_id, i, a.source.text if a.source else None, a.cue.text if a.cue else None,
                                  _json(a)))
    for i, c in enumerate(extraction.claims):
        rows.claims.append((c.id, doc_id, i, c.start, c.end, c.subject, c.predicate, c.object, c.time, c.status,
                            _json(c)))
    return rows


def save_extraction(db: Database, doc_id: str, extraction: Extraction) -> None:
    """Replace everything stored for ``doc_id`` with ``extraction``, in one transaction."""
    save_extractions(db, [extraction_rows(doc_id, extraction)])


def save_extractions(db: Database, extractions: Sequence[ExtractionRows]) -> None:
    """Replace everything stored for each of these documents, all in one transaction."""
    ids = [(x.doc_id,) for x in extractions]
    with db.transaction() as conn:
        for table in ("extraction_mentions", "extraction_links", "extraction_attributions", "extraction_claims"):
            conn.executemany(f"DELETE FROM {table} WHERE doc_id = ?", ids)  # noqa: S608 - fixed names
        conn.executemany("INSERT OR REPLACE INTO extraction_runs(doc_id, extractor, status) VALUES (?, ?, ?)",
                         [x.run for x in extractions])
        _insert(conn, 'INSERT INTO extraction_mentions(doc_id, idx, text, start, "end", label, canonical, name,'
                " extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [r for x in extractions for r in x.mentions])
        _insert(conn, "INSERT INTO extraction_links(doc_id, mention_idx, rank, entity_id, entity_name, list_version,"
                " score, hit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [r for x in extractions for r in x.links])
        _insert(conn, "INSERT INTO extraction_attributions(doc_id, idx, source, cue, data) VALUES (?, ?, ?, ?, ?)",
                [r for x in extractions for r in x.attributions])
        _insert(conn, 'INSERT OR REPLACE INTO extraction_claims(id, doc_id, idx, start, "end", subject, predicate,'
                " object, time, status, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [r for x in extractions for r in x.claims])


def _insert(conn: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:  # executemany with no rows is an error on some drivers
        conn.executemany(sql, rows)


def analyzed_ids(db: Database) -> set[str]:
    return {r["doc_id"] for r in db.query("SELECT doc_id FROM extraction_runs")}


def load_extraction(db: Database, doc_id: str, actors: bool = True) -> Extraction | None:
    """The stored extraction; with ``actors``, each mention of an actor carries the actor's name as
    its canonical name and the actor's voted label (a Nationality stays one: it names the state)."""
    runs = db.query("SELECT extractor, status FROM extraction_runs WHERE doc_id = ?", (doc_id,))
    if not runs:
        return None
    links: dict[int, list[Hit]] = {}
    for r in db.query("SELECT mention_idx, hit FROM extraction_links WHERE doc_id = ? ORDER BY mention_idx, rank",
                      (doc_id,)):
        links.setdefault(r["mention_idx"], []).append(hit_from_dict(json.loads(r["hit"])))
    resolved = actor_names(db, doc_id) if actors else {}
    mentions = []
    for r in db.query('SELECT idx, text, start, "end", label, canonical, extractor FROM extraction_mentions'
                      " WHERE doc_id = ? ORDER BY idx", (doc_id,)):
        label, canonical = r["label"], r["canonical"]
        if r["idx"] in resolved:
            _, canonical, voted = resolved[r["idx"]]
            label = label if label == "Nationality" else voted
        mentions.append(Mention(text=r["text"], start=r["start"], end=r["end"], label=label, canonical=canonical,
                                links=links.get(r["idx"], []), extractor=r["extractor"] or ""))
    attributions = [attribution_from_dict(json.loads(r["data"])) for r in db.query(
        "SELECT data FROM extraction_attributions WHERE doc_id = ? ORDER BY idx", (doc_id,))]
    claims = [claim_from_dict(json.loads(r["data"])) for r in db.query(
        "SELECT data FROM extraction_claims WHERE doc_id = ? ORDER BY idx", (doc_id,))]
    return Extraction(entities=mentions, attributions=attributions, claims=claims, status=runs[0]["status"],
                      doc_id=doc_id, extractor=runs[0]["extractor"])


def mentions_of_all(db: Database) -> list[Extraction]:
    """Every analysed document's mentions with their links (no attributions, no claims), by doc
    id: what actor resolution reads, in three queries for the whole workspace."""
    links: dict[tuple[str, int], list[Hit]] = {}
    for r in db.query("SELECT doc_id, mention_idx, hit FROM extraction_links ORDER BY doc_id, mention_idx, rank"):
        links.setdefault((r["doc_id"], r["mention_idx"]), []).append(hit_from_dict(json.loads(r["hit"])))
    found = {r["doc_id"]: Extraction(status=r["status"], doc_id=r["doc_id"], extractor=r["extractor"])
             for r in db.query("SELECT doc_id, extractor, status FROM extraction_runs")}
    for r in db.query('SELECT doc_id, idx, text, start, "end", label, canonical, extractor FROM extraction_mentions'
                      " ORDER BY doc_id, idx"):
        ex = found.get(r["doc_id"])
        if ex is not None:
            ex.entities.append(Mention(text=r["text"], start=r["start"], end=r["end"], label=r["label"],
                                       canonical=r["canonical"], links=links.get((r["doc_id"], r["idx"]), []),
                                       extractor=r["extractor"] or ""))
    return [found[doc_id] for doc_id in sorted(found)]  # Python's order, whatever the database's collation


def list_claims(db: Database, doc_ids: list[str] | None = None) -> list[Claim]:
    if doc_ids is None:
        rows = db.query("SELECT data FROM extraction_claims ORDER BY doc_id, idx")
    else:
        rows = []
        for i in range(0, len(doc_ids), 500):
            chunk = doc_ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            rows += db.query(f"SELECT data FROM extraction_claims WHERE doc_id IN ({marks})"  # noqa: S608
                             " ORDER BY doc_id, idx", chunk)
    return [claim_from_dict(json.loads(r["data"])) for r in rows]


def claims_by_id(db: Database, claim_ids: list[str]) -> list[Claim]:
    out = []
    for cid in claim_ids:
        out += [claim_from_dict(json.loads(r["data"]))
                for r in db.query("SELECT data FROM extraction_claims WHERE id = ?", (cid,))]
    return out


def claims_about(db: Database, name: str) -> list[Claim]:
    """Claims whose subject or object is ``name`` (its canonical form when linked), any case."""
    key = name.casefold()
    rows = db.query(
        "SELECT data FROM extraction_claims WHERE"
        " casefold(coalesce(nullif(json_extract(data, '$.subject_canonical'), ''), subject, '')) = ?"
        " OR casefold(coalesce(nullif(json_extract(data, '$.object_canonical'), ''), object, '')) = ?"
        " ORDER BY doc_id, idx", (key, key))
    return [claim_from_dict(json.loads(r["data"])) for r in rows]


# Named orders of the claims list (the first is the default); each ends on the unique claim id.
CLAIM_SORTS = {
    "newest": "d.published DESC, c.doc_id ASC, c.idx ASC, c.id ASC",
    "oldest": "d.published ASC, c.doc_id ASC, c.idx ASC, c.id ASC",
    "status": "c.status ASC, d.published DESC, c.id ASC",
    "predicate": "c.predicate ASC, d.published DESC, c.id ASC",
}


def _claim_filter(q: str | None, status: str | None, predicate: str | None) -> tuple[str, list[object]]:
    where, params = "WHERE 1 = 1", list[object]()
    if q:  # the sentence and both ends (the JSON holds the sentence and the canonical names)
        where += " AND c.data LIKE ? ESCAPE '\\'"
        params.append(like_pattern(q))
    if status:
        where += " AND c.status = ?"
        params.append(status)
    if predicate:
        where += " AND c.predicate = ?"
        params.append(predicate)
    return where, params


_CLAIMS_FROM = " FROM extraction_claims c LEFT JOIN documents d ON d.id = c.doc_id "


def claims_page(db: Database, q: str | None = None, status: str | None = None, predicate: str | None = None,
                sort: str | None = None, limit: int = 50, offset: int = 0) -> list[Claim]:
    """One page of every stored claim, newest report first unless ``sort`` names another order."""
    where, params = _claim_filter(q, status, predicate)
    rows = db.query(f"SELECT c.data{_CLAIMS_FROM}{where} ORDER BY {order_by(CLAIM_SORTS, sort)}"  # noqa: S608
                    " LIMIT ? OFFSET ?", (*params, limit, offset))
    return [claim_from_dict(json.loads(r[0])) for r in rows]


def count_claims(db: Database, q: str | None = None, status: str | None = None, predicate: str | None = None) -> int:
    where, params = _claim_filter(q, status, predicate)
    return int(db.query(f"SELECT COUNT(*){_CLAIMS_FROM}{where}", params)[0][0])  # noqa: S608


def claim_facets(db: Database) -> dict[str, list[str]]:
    """The statuses and predicates the stored claims use (the claims list's filter choices)."""
    return {col: [r[0] for r in db.query(f"SELECT DISTINCT {col} FROM extraction_claims ORDER BY {col} ASC")]  # noqa: S608
            for col in ("status", "predicate")}


def documents_linked_to(db: Database, entity_id: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Documents with a mention linked to list entry ``entity_id``: how often, as what, at which best tier."""
    rows = db.query(
        "SELECT l.doc_id AS doc_id, COUNT(*) AS n, MAX(m.text) AS mention,"
        " MIN(CASE json_extract(l.hit, '$.tier') WHEN 'probable' THEN 1 WHEN 'possible' THEN 2 ELSE 0 END) AS tier,"
        " MAX(json_extract(l.hit, '$.link_reason')) AS reason"
        " FROM extraction_links l JOIN extraction_mentions m ON m.doc_id = l.doc_id AND m.idx = l.mention_idx"
        " LEFT JOIN documents d ON d.id = l.doc_id"
        " WHERE l.entity_id = ? GROUP BY l.doc_id ORDER BY MAX(d.published) DESC, l.doc_id ASC LIMIT ? OFFSET ?",
        (entity_id, limit, offset))
    return [{"doc_id": r["doc_id"], "mentions": int(r["n"]), "mention": r["mention"],
             "tier": LINK_TIERS[r["tier"]], "reason": r["reason"]} for r in rows]


def count_documents_linked_to(db: Database, entity_id: str) -> int:
    return int(db.query("SELECT COUNT(DISTINCT doc_id) FROM extraction_links WHERE entity_id = ?",
                        (entity_id,))[0][0])


def actor_mention_spans(db: Database, actor_id: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """The actor's mentions (document, text as written, offsets), newest report first."""
    rows = db.query(
        'SELECT m.doc_id AS doc_id, m.text AS text, m.start AS start, m."end" AS stop FROM actor_mentions am'
        " JOIN extraction_mentions m ON m.doc_id = am.doc_id AND m.idx = am.mention_idx"
        " LEFT JOIN documents d ON d.id = m.doc_id WHERE am.actor_id = ?"
        " ORDER BY d.published DESC, m.doc_id ASC, m.idx ASC LIMIT ? OFFSET ?", (actor_id, limit, offset))
    return [dict(r) for r in rows]


_GROUP_EXTRACTOR_PATTERNS = [f"%{tag}%" for tag in GROUP_EXTRACTORS]
_GROUP_EXTRACTOR_SQL = " OR ".join("m.extractor LIKE ?" for _ in GROUP_EXTRACTORS)


def _role_texts(db: Database) -> list[str]:
    """Texts of head-noun mentions that name a role ("U.S. officials"): ``model.roles`` decides."""
    rows = db.query("SELECT DISTINCT m.text AS text, m.extractor AS extractor FROM extraction_mentions m"
                    f" WHERE {_GROUP_EXTRACTOR_SQL}", _GROUP_EXTRACTOR_PATTERNS)  # noqa: S608
    return sorted({r["text"] for r in rows if is_role_mention(r["text"], r["extractor"])})


def aggregate_entities(db: Database, q: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Actors across documents: one row per resolved actor (or, for mentions not resolved yet, per
    (name, label)) with counts, documents, list links and their tiers; role mentions left out."""
    # role mentions ("U.S. officials", "the spokesman") are relations of a person to a state or
    # body, never entities of their own (issue 18); extraction still finds them for the claims
    # (the model's test runs here in Python, on the few texts of head-noun mentions, so that the
    # query stays the same SQL on SQLite and Postgres)
    where, params = "WHERE 1 = 1", []
    roles = _role_texts(db)
    if roles:
        where = f"WHERE NOT (m.text IN ({', '.join('?' * len(roles))}) AND ({_GROUP_EXTRACTOR_SQL}))"
        params = [*roles, *_GROUP_EXTRACTOR_PATTERNS]
    if q:
        where += " AND (m.name LIKE ? ESCAPE '\\' OR m.text LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\')"
        params += [like_pattern(q)] * 3
    joined = (" FROM extraction_mentions m LEFT JOIN actor_mentions am ON am.doc_id = m.doc_id AND"
              " am.mention_idx = m.idx LEFT JOIN actors a ON a.id = am.actor_id")
    group = "COALESCE(am.actor_id, m.name || '|' || m.label)"
    rows = db.query(
        # one actor (or name|label) per group: MAX() only makes that explicit for Postgres
        "SELECT MAX(COALESCE(a.name, m.name)) AS name, MAX(COALESCE(a.label, m.label)) AS label,"
        " MAX(am.actor_id) AS actor_id,"
        " COUNT(*) AS mentions, COUNT(DISTINCT m.doc_id) AS documents,"
        " GROUP_CONCAT(DISTINCT m.doc_id) AS doc_ids, GROUP_CONCAT(DISTINCT m.text) AS forms,"
        " GROUP_CONCAT(DISTINCT m.label) AS tagged"
        f"{joined} {where}"  # noqa: S608 - where is built from fixed strings
        # ends on the group's own key, so that pages never overlap
        f" GROUP BY {group} ORDER BY mentions DESC, name, label, actor_id LIMIT ? OFFSET ?",
        [*params, limit, offset])
    out = []
    for r in rows:
        link_rows = db.query(
            "SELECT l.entity_id, MAX(l.entity_name) AS entity_name, l.list_version, MAX(l.score) AS score, COUNT(*) AS n,"
            # the best tier any mention of the actor has for this entry (no tier: the landed linker's)
            " MIN(CASE json_extract(l.hit, '$.tier') WHEN 'probable' THEN 1 WHEN 'possible' THEN 2 ELSE 0 END)"
            " AS tier"
            " FROM extraction_links l JOIN extraction_mentions m ON m.doc_id = l.doc_id AND m.idx = l.mention_idx"
            f"{joined[len(' FROM extraction_mentions m'):]}"
            f" WHERE {group} = ? GROUP BY l.entity_id, l.list_version ORDER BY score DESC",  # noqa: S608
            (r["actor_id"] or f"{r['name']}|{r['label']}",))
        out.append({
            "name": r["name"],
            "label": r["label"],
            # the voted label first, then the others its mentions were tagged with (a state's
            # nationality adjective stays visible as "Nationality")
            "labels": [r["label"], *sorted(set((r["tagged"] or "").split(",")) - {r["label"], ""})],
            "canonical": r["name"],
            "actor_id": r["actor_id"],
            "forms": sorted((r["forms"] or "").split(",")) if r["forms"] else [],
            "mentions": r["mentions"],
            "documents": sorted((r["doc_ids"] or "").split(",")) if r["doc_ids"] else [],
            "links": [{"entity_id": x["entity_id"], "entity_name": x["entity_name"],
                       "list_version": x["list_version"], "score": x["score"], "mentions": x["n"],
                       "tier": LINK_TIERS[x["tier"]]}
                      for x in link_rows],
        })
    return _fold_nationalities(out)


def _fold_nationalities(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One actor per state: "North Korean officials" (Nationality) counts for the Country row of the
    same canonical name, which keeps both labels; a nationality with no country row stays as it is."""
    countries = {r["name"].casefold(): r for r in rows if r["label"] == "Country"}
    out = []
    for r in rows:
        country = countries.get(r["name"].casefold()) if r["label"] == "Nationality" else None
        if country is None:
            out.append(r)
            continue
        country["mentions"] += r["mentions"]
        country["documents"] = sorted(set(country["documents"]) | set(r["documents"]))
        country["forms"] = sorted(set(country["forms"]) | set(r["forms"]))
        country["labels"] = ["Country", "Nationality"]
        known = {x["entity_id"] for x in country["links"]}
        country["links"].extend(x for x in r["links"] if x["entity_id"] not in known)
    out.sort(key=lambda r: (-r["mentions"], r["name"]))
    return out


# -- JSON -> model ------------------------------------------------------------------------------


def hit_from_dict(d: dict[str, Any]) -> Hit:
    d = dict(d)
    d["features"] = [FeatureResult(**f) for f in d.get("features", [])]
    return Hit(**d)


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(**d) if d else None


def attribution_from_dict(d: dict[str, Any]) -> Attribution:
    return Attribution(source=_span(d.get("source")), cue=_span(d.get("cue")), content=_span(d.get("content")),
                       chain=list(d.get("chain", [])), extractor=d.get("extractor", ""), time=d.get("time"))


def claim_from_dict(d: dict[str, Any]) -> Claim:
    d = dict(d)
    att = d.get("attribution")
    d["attribution"] = attribution_from_dict(att) if att else None
    return Claim(**d)


__all__ = ["MIGRATIONS", "ExtractionRows", "aggregate_entities", "analyzed_ids", "claims_by_id", "extraction_rows",
           "list_claims", "load_extraction", "mentions_of_all", "save_extraction", "save_extractions"]

"""Exports of a report's content: FollowTheMoney entities, CSV, GEXF and GraphML.

FtM: actors become Person/Organization/LegalEntity, each edge an UnknownLink (its role is
the predicate, its description the evidence), each report an Article, each sanctions link a
Sanction naming the list entry; ids are deterministic so re-exports diff cleanly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from mistrust.errors import InputError
from mistrust.model._ids import content_id
from mistrust.report.content import Report
from mistrust.report.graph import Evidence, Node

EXPORT_FORMATS = ("ftm", "csv", "gexf", "graphml")

_FTM_SCHEMA = {"Person": "Person", "Organization": "Organization", "Organisation": "Organization",
               "Company": "Company"}


def export(report: Report, fmt: str, out: str | Path) -> Path:
    writers: dict[str, Callable[[Report, Path], None]] = {
        "ftm": write_ftm, "csv": write_csv, "gexf": write_gexf, "graphml": write_graphml}
    if fmt not in writers:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    writers[fmt](report, path)
    return path


def ftm_entities(report: Report) -> list[dict[str, object]]:
    from followthemoney import model

    out: list[dict[str, object]] = []

    def make(schema: str, *key: object) -> object:
        proxy = model.make_entity(schema)
        proxy.id = f"mistrust-{schema.lower()}-{content_id(*key)}"
        return proxy

    actor_ids: dict[str, str] = {}
    for node in report.network.actors:  # things ("long range missiles") are no FtM entities
        p = make(_FTM_SCHEMA.get(node.label, "LegalEntity"), node.id)
        p.add("name", node.name)  # type: ignore[attr-defined]
        for alias in node.aliases:
            p.add("alias", alias)  # type: ignore[attr-defined]
        p.add("description", f"{node.label}; mentioned {node.mentions} times")  # type: ignore[attr-defined]
        actor_ids[node.id] = p.id  # type: ignore[attr-defined]
        out.append(p.to_dict())  # type: ignore[attr-defined]
        for link in node.sanctions:
            s = make("Sanction", node.id, link.entity_id)
            s.add("entity", p.id)  # type: ignore[attr-defined]
            s.add("authorityId", link.entity_id)  # type: ignore[attr-defined]
            s.add("program", link.programs)  # type: ignore[attr-defined]
            s.add("summary", f"{link.entity_name} (list version {link.list_version}, score {link.score:.2f})")  # type: ignore[attr-defined]
            s.add("reason", "; ".join(link.reasons))  # type: ignore[attr-defined]
            if link.judgement:
                s.add("status", link.judgement)  # type: ignore[attr-defined]
            out.append(s.to_dict())  # type: ignore[attr-defined]
    for e in report.network.edges:
        if e.source not in actor_ids or e.target not in actor_ids:
            continue  # a claim about a thing: its sentence is in the claims, not a link between entities
        link_ = make("UnknownLink", e.id)
        link_.add("subject", actor_ids[e.source])  # type: ignore[attr-defined]
        link_.add("object", actor_ids[e.target])  # type: ignore[attr-defined]
        link_.add("role", e.predicate)  # type: ignore[attr-defined]
        link_.add("status", e.status)  # type: ignore[attr-defined]
        if e.time:
            link_.add("summary", f"time: {e.time}")  # type: ignore[attr-defined]
        link_.add("description", [ev.sentence for ev in e.evidence])  # type: ignore[attr-defined]
        link_.add("publisher", e.sources)  # type: ignore[attr-defined]
        link_.add("sourceUrl", [ev.url for ev in e.evidence if ev.url])  # type: ignore[attr-defined]
        out.append(link_.to_dict())  # type: ignore[attr-defined]
    for d in report.documents:
        a = make("Article", d.id)
        a.add("title", d.title or d.id)  # type: ignore[attr-defined]
        a.add("publisher", d.outlet)  # type: ignore[attr-defined]
        a.add("author", d.authors)  # type: ignore[attr-defined]
        a.add("sourceUrl", d.url)  # type: ignore[attr-defined]
        if d.published:
            a.add("publishedAt", d.published[:10])  # type: ignore[attr-defined]
        a.add("contentHash", d.id)  # type: ignore[attr-defined]
        out.append(a.to_dict())  # type: ignore[attr-defined]
    return out


def write_ftm(report: Report, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for entity in ftm_entities(report):
            fh.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")


CSV_COLUMNS = ["story_id", "claim_group_id", "edge_id", "subject", "predicate", "object", "time", "edge_status",
               "independent_origins", "claim_id", "claim_status", "source_chain", "doc_id", "outlet",
               "published", "url", "sentence", "subject_sanctions", "object_sanctions"]


def csv_text(report: Report) -> str:
    """One row per evidence sentence of each edge: the table a spreadsheet user filters."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    net = report.network
    for e in net.edges:
        src, dst = net.nodes[e.source], net.nodes[e.target]
        rows: list[Evidence | None] = list(e.evidence) or [None]
        for ev in rows:
            w.writerow({
                "story_id": e.story_id or "", "claim_group_id": e.claim_group_id or "", "edge_id": e.id,
                "subject": _cell(src.name), "predicate": e.predicate, "object": _cell(dst.name),
                "time": e.time or "", "edge_status": e.status,
                "independent_origins": "" if e.independent_origins is None else e.independent_origins,
                "claim_id": ev.claim_id if ev else "", "claim_status": ev.status if ev else "",
                "source_chain": _cell(" > ".join(ev.source_chain)) if ev else "",
                "doc_id": ev.doc_id if ev else "", "outlet": _cell(ev.outlet or "") if ev else "",
                "published": ev.published or "" if ev else "", "url": ev.url or "" if ev else "",
                "sentence": _cell(ev.sentence) if ev else "",
                "subject_sanctions": _sanctions(src), "object_sanctions": _sanctions(dst),
            })
    return buf.getvalue()


def _cell(text: str) -> str:
    # a cell starting with = + - @ is run as a formula by spreadsheets: CSV injection from article text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _sanctions(node: Node) -> str:
    return "; ".join(f"{s.entity_id} {s.entity_name}" for s in node.sanctions if s.judgement != "dismissed")


def write_csv(report: Report, path: Path) -> None:
    path.write_text(csv_text(report), encoding="utf-8")


def to_networkx(report: Report) -> nx.MultiDiGraph:
    """Attributes are flat strings and numbers: GraphML and GEXF have no list type."""
    g = nx.MultiDiGraph(name=report.title)
    for node in report.network.nodes.values():
        g.add_node(node.id, label=node.name, kind=node.label, sanctions_status=node.status,
                   sanctions=_sanctions(node), mentions=node.mentions, aliases="; ".join(node.aliases))
    for e in report.network.edges:
        g.add_edge(e.source, e.target, key=e.id, label=e.label, predicate=e.predicate, time=e.time or "",
                   status=e.status, independent_origins=-1 if e.independent_origins is None else e.independent_origins,
                   evidence=" | ".join(ev.sentence for ev in e.evidence), sources="; ".join(e.sources),
                   story_id=e.story_id or "")
    return g


def write_gexf(report: Report, path: Path) -> None:
    nx.write_gexf(to_networkx(report), path)


def write_graphml(report: Report, path: Path) -> None:
    nx.write_graphml(to_networkx(report), path)

"""What a report says, independent of how it is rendered: summary, network, timeline, claims, hits.

``build_report`` is the single entry point; the HTML, Markdown and PNG renderers and the
exports only read the ``Report`` it returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from mistrust.model import Claim, Document, Extraction, Story
from mistrust.report.graph import Edge, Network, Node, build_graph


@dataclass
class TimelineEvent:
    time: str  # event time as the claim gives it (not publication time)
    sort_key: tuple[int, int, int]
    text: str
    status: str
    edge_id: str | None
    independent_origins: int | None
    sources: list[str] = field(default_factory=list)


@dataclass
class ClaimRow:
    claim: Claim
    document: Document | None
    source: str  # the attribution chain, outer first: "France24 > AFP > UN panel"


@dataclass
class Report:
    title: str
    generated: str
    stories: list[Story]
    documents: list[Document]
    network: Network
    timeline: list[TimelineEvent]
    undated: int
    claims: list[ClaimRow]
    sanctioned: list[Node]

    @property
    def summary(self) -> dict[str, object]:
        dates = sorted(d.published for d in self.documents if d.published)
        return {
            "stories": len(self.stories),
            "documents": len(self.documents),
            # a report read from a file or a bare URL still comes from somewhere: "local file", its host
            "outlets": len({d.source_label for d in self.documents}),
            "claims": len(self.claims),
            "actors": len(self.network.actors),
            "edges": len(self.network.edges),
            "sanctioned_actors": len(self.sanctioned),
            "first_published": dates[0] if dates else None,
            "last_published": dates[-1] if dates else None,
        }


def build_report(
    stories: Iterable[Story],
    claims: Iterable[Claim],
    documents: Iterable[Document] = (),
    extractions: Iterable[Extraction] = (),
    title: str | None = None,
    generated: str | None = None,
) -> Report:
    story_list, claim_list = list(stories), list(claims)
    doc_list, ex_list = list(documents), list(extractions)
    network = build_graph(story_list, claim_list, doc_list, ex_list)
    docs = {d.id: d for d in doc_list}
    timeline, undated = build_timeline(network, claim_list)
    rows = [ClaimRow(c, docs.get(c.doc_id or ""), source_of(c)) for c in claim_list]
    rows.sort(key=lambda r: (_time_key(r.claim.time), r.claim.doc_id or "", r.claim.start))
    sanctioned = sorted((n for n in network.nodes.values() if n.sanctions), key=lambda n: n.name.casefold())
    if title is None:
        title = story_list[0].title if len(story_list) == 1 else "mistrust report"
    return Report(
        title=title,
        generated=generated or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        stories=story_list,
        documents=doc_list,
        network=network,
        timeline=timeline,
        undated=undated,
        claims=rows,
        sanctioned=sanctioned,
    )


def source_of(c: Claim) -> str:
    if c.attribution is None:
        return ""
    if c.attribution.chain:
        return " > ".join(c.attribution.chain)
    return c.attribution.source.text if c.attribution.source else ""


def build_timeline(network: Network, claims: Iterable[Claim] = ()) -> tuple[list[TimelineEvent], int]:
    """Events ordered by when they happened (the claim's time), never by publication date.

    Edges give one event each; a dated claim that is on no edge (no object: "the most recent
    shipment was in 2020") is an event of its own rather than lost.
    """
    events, undated = [], 0
    on_edges: set[str] = set()
    for e in network.edges:
        on_edges.update(ev.claim_id for ev in e.evidence if ev.claim_id)
        if not e.time:
            undated += 1
            continue
        events.append(_event(network, e))
    for c in claims:
        if (c.id and c.id in on_edges) or not c.time:
            continue
        text = " ".join(x for x in (c.subject_canonical or c.subject, c.predicate,
                                     c.object_canonical or c.object) if x)
        events.append(TimelineEvent(time=c.time, sort_key=_time_key(c.time), text=text, status=c.status,
                                    edge_id=None, independent_origins=None,
                                    sources=[source_of(c)] if source_of(c) else []))
    events.sort(key=lambda ev: (ev.sort_key, ev.text))
    return events, undated


def _event(net: Network, e: Edge) -> TimelineEvent:
    text = f"{net.nodes[e.source].name} {e.predicate} {net.nodes[e.target].name}"
    return TimelineEvent(
        time=e.time or "",
        sort_key=_time_key(e.time),
        text=text,
        status=e.status,
        edge_id=e.id,
        independent_origins=e.independent_origins,
        sources=e.sources,
    )


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def _time_key(t: str | None) -> tuple[int, int, int]:
    """Sortable (year, month, day) from ISO prefixes ("2016-03") or written dates ("March 2016").

    Unknown parts sort first within their year; no year sorts last.
    """
    if not t:
        return (9999, 99, 99)
    iso = re.search(r"\b(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", t)
    if iso is None:
        return (9999, 99, 99)
    year, month, day = int(iso.group(1)), int(iso.group(2) or 0), int(iso.group(3) or 0)
    if not month:
        for word in re.findall(r"[A-Za-z]{3,}", t):
            month = _MONTHS.get(word[:3].lower(), 0)
            if month:
                break
    return (year, month, day)

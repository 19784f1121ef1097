"""An actor's page: its neighbourhood in the network, a timeline of what is said of it and where it
was reported, its mentions with their sentences, and its list links with tier and reason.

Built from model objects like the report (a ``Report`` over the actor's documents), so the page and
the report draw the same network and name the same links.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from mistrust.model import Claim, Document
from mistrust.model.sentences import sentence_span
from mistrust.report.content import Report, time_key
from mistrust.report.graph import Network, SanctionLink, node_id

SENTENCE_LIMIT = 320  # characters shown of a sentence around a mention (a table cell, not the article)


@dataclass
class MentionRow:
    document: Document | None
    doc_id: str
    text: str  # as written
    sentence: str


@dataclass
class TimelineItem:
    date: str | None  # the claim's event time, or the report's publication date; None: undated
    kind: str  # "claim" or "report"
    text: str
    doc_id: str | None
    status: str | None = None
    sort_key: tuple[int, int, int] = (9999, 99, 99)


@dataclass
class ActorProfile:
    name: str
    network: Network
    timeline: list[TimelineItem]
    mentions: list[MentionRow]
    links: list[SanctionLink] = field(default_factory=list)  # certain first, then probable and possible


def sentence_around(text: str, start: int, end: int, limit: int = SENTENCE_LIMIT) -> str:
    """The sentence holding ``text[start:end]`` (``model.sentences``), cut to about ``limit``
    characters around the mention when the sentence is longer."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left, right = sentence_span(text, start, end)
    if right - left > limit:
        half = max(0, (limit - (end - start)) // 2)
        left, right = max(left, start - half), min(right, end + half)
        return ("…" if left > 0 else "") + " ".join(text[left:right].split()) + "…"
    return " ".join(text[left:right].split())


def timeline(claims: Iterable[Claim], documents: Iterable[Document]) -> list[TimelineItem]:
    """Claims by when the event happened (else when it was reported) and reports by publication
    date, in one order; undated items last."""
    docs = {d.id: d for d in documents}
    items: list[TimelineItem] = []
    for c in claims:
        doc = docs.get(c.doc_id or "")
        date = c.time or (doc.published if doc else None)
        text = " ".join(x for x in (c.subject_canonical or c.subject, c.predicate, c.object_canonical or c.object) if x)
        items.append(TimelineItem(date, "claim", f"{text}: “{c.text}”", c.doc_id, c.status, time_key(date)))
    for d in docs.values():
        what = " · ".join(x for x in (d.outlet, d.title) if x) or d.id
        items.append(TimelineItem(d.published, "report", what, d.id, None, time_key(d.published)))
    items.sort(key=lambda i: (i.sort_key, i.kind, i.text))
    return items


def build_profile(name: str, report: Report, claims: Iterable[Claim],
                  mentions: Iterable[tuple[Document | None, str, str, int, int]]) -> ActorProfile:
    """``report``: over the actor's documents; ``claims``: the claims naming the actor; ``mentions``:
    (document, doc id, text as written, start, end)."""
    nid = node_id(name)
    node = report.network.nodes.get(nid)
    links = list(node.sanctions) + list(node.leads) if node else []
    rows = [MentionRow(doc, doc_id, text, sentence_around(doc.text, start, end) if doc else "")
            for doc, doc_id, text, start, end in mentions]
    return ActorProfile(name=name, network=report.network.neighbourhood(nid), timeline=timeline(claims, report.documents),
                        mentions=rows, links=links)


__all__ = ["ActorProfile", "MentionRow", "TimelineItem", "build_profile", "sentence_around", "timeline"]

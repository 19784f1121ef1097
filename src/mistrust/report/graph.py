"""The network of actors: nodes are actors with their sanctions status, edges are claims.

Built from model objects only (stories with their claim groups, claims, documents and the
mentions extraction found), so the report, the web pages and the exports all draw the same
network. Claim groups are preferred as edges because they carry the corroboration result
(independent origins); claims that corroboration has not grouped yet become edges of their
own, with ``independent_origins=None`` (unknown) rather than a guessed count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from mistrust.model import Claim, ClaimGroup, Document, Extraction, Hit, Mention, Story
from mistrust.model._ids import content_id


@dataclass
class SanctionLink:
    """One list entry an actor was linked to, with the evidence screening gave."""

    entity_id: str
    entity_name: str
    list_version: str
    matched_name: str
    score: float
    programs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    judgement: str | None = None
    mention_text: str = ""


@dataclass
class Evidence:
    """One sentence behind an edge, with where it was read and who it is attributed to."""

    claim_id: str | None
    doc_id: str | None
    sentence: str
    status: str
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source_chain: list[str] = field(default_factory=list)


@dataclass
class Node:
    id: str
    name: str
    label: str  # Country, Organization, Person, ... (most frequent mention label)
    mentions: int = 0
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    sanctions: list[SanctionLink] = field(default_factory=list)

    @property
    def status(self) -> str:
        """"listed" when a confirmed or unreviewed matching hit exists, "cleared" when all were dismissed."""
        if any(s.judgement != "dismissed" for s in self.sanctions):
            return "listed"
        if self.sanctions:
            return "cleared"
        return "unlisted"


@dataclass
class Edge:
    id: str
    source: str  # Node.id
    target: str  # Node.id
    predicate: str
    time: str | None
    status: str  # the dominant status; ``statuses`` keeps the full count
    statuses: dict[str, int] = field(default_factory=dict)
    independent_origins: int | None = None
    origins: list[str] = field(default_factory=list)
    story_id: str | None = None
    claim_group_id: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    denials: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        parts = [self.predicate]
        if self.time:
            parts.append(self.time)
        parts.append(self.status)
        if self.status != "denied" and (self.denials or self.statuses.get("denied")):
            parts.append("denied by some")
        if self.independent_origins is not None:
            n = self.independent_origins
            parts.append(f"{n} origin" + ("" if n == 1 else "s"))
        return " · ".join(parts)

    @property
    def short_label(self) -> str:
        """What fits on the drawing; status and origins are drawn as line style and width."""
        return f"{self.predicate} ({self.time})" if self.time else self.predicate

    @property
    def sources(self) -> list[str]:
        seen: dict[str, None] = {}
        for ev in self.evidence:
            seen.setdefault(ev.outlet or ev.doc_id or "?", None)
        return list(seen)


@dataclass
class Network:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def node_for(self, name: str) -> Node | None:
        return self.nodes.get(node_id(name))

    def view(self, max_isolated: int = 12) -> Network:
        """The part worth drawing: actors joined by claims, plus listed actors and, up to
        ``max_isolated``, the most mentioned others. Every mention of a place or outlet as
        a node of its own would bury the claims; exports keep the full network."""
        linked = {e.source for e in self.edges} | {e.target for e in self.edges}
        isolated = [n for n in self.nodes.values() if n.id not in linked]
        listed = [n for n in isolated if n.status == "listed"]
        others = sorted((n for n in isolated if n.status != "listed"), key=lambda n: (-n.mentions, n.name))
        # with claims to show, unconnected actors are context only: half the room
        room = max(0, (max_isolated // 2 if self.edges else max_isolated) - len(listed))
        keep = linked | {n.id for n in listed} | {n.id for n in others[:room]}
        return Network(nodes={k: v for k, v in self.nodes.items() if k in keep}, edges=list(self.edges))


def node_id(name: str) -> str:
    return "n" + content_id(" ".join(name.casefold().split()), length=12)


def actor_name(raw: str | None, canonical: str | None) -> str | None:
    name = canonical or raw
    if name is None:
        return None
    name = " ".join(name.split())
    return name or None


def build_graph(
    stories: Iterable[Story],
    claims: Iterable[Claim],
    documents: Iterable[Document] = (),
    extractions: Iterable[Extraction] = (),
) -> Network:
    """The network of actors for the given stories and claims.

    ``claims`` must include the claims the stories' claim groups refer to (looked up by id
    for their sentences); claims in no group become edges of their own.
    """
    docs = {d.id: d for d in documents}
    claim_list = list(claims)
    by_id = {c.id: c for c in claim_list if c.id}
    net = Network()
    _add_mentions(net, extractions)

    grouped: set[str] = set()
    for story in stories:
        for group in story.claim_groups:
            members = [by_id[cid] for cid in group.claims if cid in by_id]
            grouped.update(group.claims)
            edge = _edge_from_group(net, story.id, group, members, docs)
            if edge is not None:
                net.edges.append(edge)

    loose: dict[tuple[str, str, str, str | None], list[Claim]] = defaultdict(list)
    for c in claim_list:
        if c.id and c.id in grouped:
            continue
        s, o = actor_name(c.subject, c.subject_canonical), actor_name(c.object, c.object_canonical)
        if s is None or o is None:
            continue
        loose[(node_id(s), c.predicate, node_id(o), c.time)].append(c)
    for members in loose.values():
        c = members[0]
        s = actor_name(c.subject, c.subject_canonical) or ""
        o = actor_name(c.object, c.object_canonical) or ""
        edge = _make_edge(net, s, o, c.predicate, c.time, members, docs, story_id=None, group=None)
        net.edges.append(edge)
    net.edges.sort(key=lambda e: (e.source, e.target, e.predicate, e.time or "", e.id))
    return net


def _add_mentions(net: Network, extractions: Iterable[Extraction]) -> None:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for ex in extractions:
        for m in ex.entities:
            name = actor_name(m.text, m.canonical)
            if name is None:
                continue
            node = _ensure_node(net, name, m.label)
            node.mentions += 1
            labels[node.id][m.label] += 1
            if m.text != node.name and m.text not in node.aliases:
                node.aliases.append(m.text)
            if ex.doc_id and ex.doc_id not in node.documents:
                node.documents.append(ex.doc_id)
            for link in _links(m):
                if all(s.entity_id != link.entity_id for s in node.sanctions):
                    node.sanctions.append(link)
    for nid, counter in labels.items():
        net.nodes[nid].label = counter.most_common(1)[0][0]


def _links(m: Mention) -> list[SanctionLink]:
    out = []
    for hit in m.links:
        h = hit if isinstance(hit, Hit) else _hit_from_dict(hit)
        if h is None or not h.match:
            continue
        out.append(
            SanctionLink(
                entity_id=h.entity_id,
                entity_name=h.entity_name,
                list_version=h.list_version,
                matched_name=h.matched_name,
                score=h.score,
                programs=list(h.programs),
                reasons=[f.reason for f in h.features if f.reason],
                judgement=h.judgement,
                mention_text=m.text,
            )
        )
    return out


def _hit_from_dict(raw: object) -> Hit | None:
    """Links read back from JSON are dicts; accept them rather than dropping the evidence."""
    if not isinstance(raw, dict) or "entity_id" not in raw:
        return None
    from mistrust.model import FeatureResult

    data = dict(raw)
    data["features"] = [FeatureResult(**f) if isinstance(f, dict) else f for f in data.get("features", [])]
    known = set(Hit.__dataclass_fields__)
    try:
        return Hit(**{k: v for k, v in data.items() if k in known})
    except TypeError:
        return None


def _ensure_node(net: Network, name: str, label: str = "Actor") -> Node:
    nid = node_id(name)
    node = net.nodes.get(nid)
    if node is None:
        node = net.nodes[nid] = Node(id=nid, name=name, label=label)
    return node


def _edge_from_group(
    net: Network, story_id: str, group: ClaimGroup, members: list[Claim], docs: dict[str, Document]
) -> Edge | None:
    first = members[0] if members else None
    s = actor_name(group.subject, first.subject_canonical if first else None)
    o = actor_name(group.object, first.object_canonical if first else None)
    if s is None or o is None:
        return None
    edge = _make_edge(net, s, o, group.predicate, group.time, members, docs, story_id=story_id, group=group)
    edge.independent_origins = group.independent_origins
    edge.origins = [origin.label for origin in group.origins]
    edge.denials = [d.text for d in group.denials]
    if group.denials and "denied" not in edge.statuses:
        edge.statuses["denied"] = len(group.denials)
    return edge


# When the reports disagree on a claim's status, show the most cautious one that any report
# carries after "asserted": a denial anywhere matters more to an analyst than the count.
_STATUS_ORDER = ["denied", "hedged", "attributed", "asserted"]


def _make_edge(
    net: Network,
    subject: str,
    obj: str,
    predicate: str,
    time: str | None,
    members: list[Claim],
    docs: dict[str, Document],
    story_id: str | None,
    group: ClaimGroup | None,
) -> Edge:
    src, dst = _ensure_node(net, subject), _ensure_node(net, obj)
    statuses: Counter[str] = Counter(str(c.status) for c in members)
    non_denied = [s for s in _STATUS_ORDER[1:] if statuses.get(s)]
    dominant = max(non_denied, key=lambda s: statuses[s]) if non_denied else ("denied" if statuses else "asserted")
    evidence = [_evidence(c, docs) for c in members]
    eid = group.id if group is not None else content_id(src.id, predicate, dst.id, time, length=12)
    return Edge(
        id="e" + eid,
        source=src.id,
        target=dst.id,
        predicate=predicate,
        time=time,
        status=dominant,
        statuses=dict(statuses),
        story_id=story_id,
        claim_group_id=group.id if group else None,
        evidence=evidence,
    )


def _evidence(c: Claim, docs: dict[str, Document]) -> Evidence:
    d = docs.get(c.doc_id or "")
    return Evidence(
        claim_id=c.id,
        doc_id=c.doc_id,
        sentence=c.text,
        status=c.status,
        outlet=d.outlet if d else None,
        title=d.title if d else None,
        url=d.url if d else None,
        published=d.published if d else None,
        source_chain=list(c.attribution.chain) if c.attribution else [],
    )

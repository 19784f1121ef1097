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
from mistrust.model.vocabulary import STATUS_ORDER, SYMMETRIC_PREDICATES
from mistrust.report.actors import ActorIndex, clean, is_actor_mention, thing_name


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
    # certain links put an actor on a sanctions list; probable and possible ones are leads, shown apart
    tier: str = "certain"
    tier_reason: str | None = None


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
    sanctions: list[SanctionLink] = field(default_factory=list)  # certain links only
    leads: list[SanctionLink] = field(default_factory=list)  # probable and possible links
    kind: str = "actor"  # "thing": a claim's object that is no actor ("long range missiles")

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
    directed: bool = True  # False for symmetric predicates (cooperate): drawn without an arrow head
    things: list[str] = field(default_factory=list)  # what the claim is about ("long range missiles")

    @property
    def status_summary(self) -> str:
        """The dominant status and the dissent a reader must not miss ("attributed, denied by some")."""
        parts = [self.status]
        if self.status != "denied" and (self.denials or self.statuses.get("denied")):
            parts.append("denied by some")
        if self.status not in ("hedged", "denied") and self.statuses.get("hedged"):
            parts.append("hedged by some")
        return ", ".join(parts)

    @property
    def label(self) -> str:
        parts = [self.predicate + (f": {', '.join(self.things)}" if self.things else "")]
        if self.time:
            parts.append(self.time)
        parts.extend(self.status_summary.split(", "))
        if self.independent_origins is not None:
            n = self.independent_origins
            parts.append(f"{n} origin" + ("" if n == 1 else "s"))
        return " · ".join(parts)

    @property
    def short_label(self) -> str:
        """What fits on the drawing; the dominant status is the line style, so only dissent is written."""
        text = self.predicate
        if self.things:
            thing = self.things[0]
            text += f": {thing if len(thing) <= 24 else thing[:23] + '…'}"
        extra = ([self.time] if self.time else []) + self.status_summary.split(", ")[1:]
        return f"{text} ({'; '.join(extra)})" if extra else text

    @property
    def sources(self) -> list[str]:
        seen: dict[str, None] = {}
        for ev in self.evidence:
            seen.setdefault(ev.outlet or ev.doc_id or "?", None)
        return list(seen)


# Enough for every story of a few dozen reports; a whole-corpus network is cut to its core.
MAX_DRAWN_NODES = 60


@dataclass
class Network:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def node_for(self, name: str) -> Node | None:
        return self.nodes.get(node_id(name))

    def view(self, max_nodes: int = MAX_DRAWN_NODES) -> Network:
        """The part worth drawing: nodes joined by claim edges, at most ``max_nodes`` of them.

        Actors in no claim stay in the report's tables and the exports; drawn, they would crowd out
        the claims. A whole-workspace report over hundreds of articles links hundreds of actors, which
        no picture shows legibly (nor e-mails: the PNG grew past 10,000 pixels), so only the most
        connected nodes are drawn, sanctioned actors first; the exports keep everything.
        """
        edges = list(self.edges)
        linked = {e.source for e in edges} | {e.target for e in edges}
        if len(linked) > max_nodes:
            # Edges are taken greedily, the best connected first (the ends' degrees; a sanctioned
            # end first of all), while their ends fit the budget: an edge never loses one end.
            degree: Counter[str] = Counter()
            for e in edges:
                degree[e.source] += 1 + len(e.evidence)
                degree[e.target] += 1 + len(e.evidence)

            def rank(e: Edge) -> tuple[int, int, str]:
                listed = bool(self.nodes[e.source].sanctions) + bool(self.nodes[e.target].sanctions)
                return (-listed, -(degree[e.source] + degree[e.target]), e.id)

            kept: list[Edge] = []
            chosen: set[str] = set()
            for e in sorted(edges, key=rank):
                new_ends = {e.source, e.target} - chosen
                if len(chosen) + len(new_ends) <= max_nodes:
                    kept.append(e)
                    chosen |= new_ends
            edges = kept
        drawn = {e.source for e in edges} | {e.target for e in edges}
        return Network(nodes={k: v for k, v in self.nodes.items() if k in drawn}, edges=edges)

    @property
    def actors(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.kind == "actor"]

    def neighbourhood(self, nid: str) -> Network:
        """The node ``nid``, the nodes one claim away from it, and the claims that join them to it."""
        edges = [e for e in self.edges if nid in (e.source, e.target)]
        keep = {nid} | {e.source for e in edges} | {e.target for e in edges}
        return Network(nodes={k: v for k, v in self.nodes.items() if k in keep}, edges=edges)


def node_id(name: str) -> str:
    return "n" + content_id(" ".join(name.casefold().split()), length=12)


def thing_id(name: str) -> str:
    return "t" + content_id(" ".join(name.casefold().split()), length=12)


def actor_name(raw: str | None, canonical: str | None) -> str | None:
    return clean(canonical or raw)


# Claim ends resolved to nodes: ("actor", name), ("thing", phrase) or None.
End = tuple[str, str] | None


def build_graph(
    stories: Iterable[Story],
    claims: Iterable[Claim],
    documents: Iterable[Document] = (),
    extractions: Iterable[Extraction] = (),
) -> Network:
    """The network of actors for the given stories and claims.

    ``claims`` must include the claims the stories' claim groups refer to (looked up by id
    for their sentences); claims in no group become edges of their own. Edges with the same
    ends and predicate are merged (two groups that corroboration kept apart but that say the
    same of the same actors, e.g. "Tehran-Pyongyang axis" and "Iran and North Korea cooperate").
    """
    ex_list = list(extractions)
    docs = {d.id: d for d in documents}
    claim_list = list(claims)
    by_id = {c.id: c for c in claim_list if c.id}
    index = ActorIndex.build(ex_list)
    net = Network()
    _add_mentions(net, ex_list)
    builder = _EdgeBuilder(net, index, docs)

    grouped: set[str] = set()
    for story in stories:
        for group in story.claim_groups:
            members = [by_id[cid] for cid in group.claims if cid in by_id]
            grouped.update(group.claims)
            # a denial is drawn on the edge it denies, not as an edge of its own
            grouped.update(d.by_claim_id for d in group.denials)
            builder.add(members, story.id, group)

    loose: dict[str, list[Claim]] = defaultdict(list)
    for c in claim_list:
        if c.id and c.id in grouped:
            continue
        loose[c.id or content_id(c.text, c.start, length=12)].append(c)
    for members in loose.values():
        builder.add(members, None, None)
    net.edges = builder.edges()
    return net


def _add_mentions(net: Network, extractions: Iterable[Extraction]) -> None:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for ex in extractions:
        for m in ex.entities:
            name = actor_name(m.text, m.canonical)
            links = _links(m)
            # a mention that screening linked to a list stays, whatever its label: the hit is evidence
            if name is None or not (is_actor_mention(m) or links):
                continue
            node = _ensure_node(net, name, m.label)
            node.mentions += 1
            labels[node.id][m.label] += 1
            if m.text != node.name and m.text not in node.aliases:
                node.aliases.append(m.text)
            if ex.doc_id and ex.doc_id not in node.documents:
                node.documents.append(ex.doc_id)
            for link in links:
                if any(s.entity_id == link.entity_id for s in node.sanctions):
                    continue
                if link.tier == "certain":
                    node.leads = [s for s in node.leads if s.entity_id != link.entity_id]
                    node.sanctions.append(link)
                elif all(s.entity_id != link.entity_id for s in node.leads):
                    node.leads.append(link)
    for nid, counter in labels.items():
        # a country read through its nationality ("North Korean") is still the country
        best = [lab for lab, _ in counter.most_common() if lab != "Nationality"]
        net.nodes[nid].label = best[0] if best else "Country"


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
                tier=h.tier or "certain",  # links of the landed linker had no tiers: all counted
                tier_reason=h.link_reason,
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


# When the reports disagree on a claim's status, show the most cautious one that any report
# carries after "asserted": a denial anywhere matters more to an analyst than the count.
# (STATUS_ORDER, most cautious first.) Symmetric predicates are one fact, one edge.


class _EdgeBuilder:
    """Turns claim groups (and loose claims) into edges between actors.

    One group may hold claims about several actor pairs (corroboration groups by content, and
    "Pyongyang supported the IRGC" sits with "North Korean specialists supported the Movahed
    Center"): each pair gets its own edge. Members with only one actor end, or with the actors
    misread (a claim of Iran about Iran), are still the group's evidence and join the group's
    main edge; their thing objects ("long range missiles") go on that edge's label.

    A claim with one actor end and a thing object ("Pyongyang developed nuclear missile
    programmes") becomes an edge to a small thing node only when the group has no actor pair
    at all: otherwise the claim would vanish from the picture, and non-proliferation readers
    care precisely about what was developed or shipped. Things never join two actors.
    """

    def __init__(self, net: Network, index: ActorIndex, docs: dict[str, Document]) -> None:
        self.net, self.index, self.docs = net, index, docs
        self._edges: dict[tuple[str, str, str], Edge] = {}
        self._order: dict[tuple[str, str, str], Counter[tuple[str, str]]] = defaultdict(Counter)

    def end(self, raw: str | None, canonical: str | None, claim: Claim | None) -> End:
        actor = self.index.resolve(raw, canonical, claim)
        if actor is not None:
            return ("actor", actor)
        thing = thing_name(raw)
        return ("thing", thing) if thing else None

    def add(self, members: list[Claim], story_id: str | None, group: ClaimGroup | None) -> None:
        pairs: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
        singles: list[tuple[Claim, End, End]] = []
        rest: list[Claim] = []
        things: list[str] = []
        for c in members or []:
            s = self.end(c.subject, c.subject_canonical, c)
            o = self.end(c.object, c.object_canonical, c)
            if s and o and s[0] == o[0] == "actor" and s[1] != o[1]:
                key = self._key(s[1], c.predicate, o[1])
                pairs[key].append(c)
                self._order[key][(s[1], o[1])] += 1
                continue
            for e in (s, o):
                if e and e[0] == "thing" and e[1] not in things:
                    things.append(e[1])
            if (s and s[0] == "actor") != (o and o[0] == "actor") and (s and o):
                singles.append((c, s, o))
            else:
                rest.append(c)
        if group is not None and not members:
            s = self.end(group.subject, None, None)
            o = self.end(group.object, None, None)
            if s and o and s[0] == o[0] == "actor" and s[1] != o[1]:
                key = self._key(s[1], group.predicate, o[1])
                pairs[key] = []
                self._order[key][(s[1], o[1])] += 1
        if not pairs and group is not None and len(members) > 1:
            consensus = self._consensus(members)
            if consensus is not None:
                pairs[consensus] = []
                singles, rest = [], list(members)
        if pairs:
            main = max(pairs, key=lambda k: (len(pairs[k]), k))
            pairs[main].extend(c for c, _, _ in singles)
            pairs[main].extend(rest)
            for key, claims in pairs.items():
                self._merge(key, claims, story_id, group, things if key == main else [])
            return
        for c, s, o in singles:
            assert s is not None and o is not None
            src = self._node(s)
            dst = self._node(o)
            self._merge((src, c.predicate, dst), [c], story_id, group, [])

    def _consensus(self, members: list[Claim]) -> tuple[str, str, str] | None:
        """The actor pair of a group whose members each name only one end.

        Corroboration grouped "North Korean [experts] may have helped" (no object) with "...similar
        to North Korean [work] used by Hamas" (subject misread): together they say North Korea
        helped Hamas. Taken only when the members' subjects name one actor and their objects
        another, so a mixed group never invents a pair.
        """
        subjects: Counter[str] = Counter()
        objects: Counter[str] = Counter()
        for c in members:
            s = self.index.resolve(c.subject, c.subject_canonical, c)
            o = self.index.resolve(c.object, c.object_canonical, c)
            if s:
                subjects[s] += 1
            if o:
                objects[o] += 1
        if len(subjects) != 1 or len(objects) != 1:
            return None
        (s_name,), (o_name,) = subjects, objects
        if s_name == o_name:
            return None
        predicates = Counter(c.predicate for c in members if c.subject and self.index.resolve(
            c.subject, c.subject_canonical, c) == s_name)
        predicate = predicates.most_common(1)[0][0]
        key = self._key(s_name, predicate, o_name)
        self._order[key][(s_name, o_name)] += 1
        return key

    def _key(self, a: str, predicate: str, b: str) -> tuple[str, str, str]:
        if predicate in SYMMETRIC_PREDICATES and b.casefold() < a.casefold():
            a, b = b, a
        return (_ensure_node(self.net, a).id, predicate, _ensure_node(self.net, b).id)

    def _node(self, end: tuple[str, str]) -> str:
        kind, name = end
        if kind == "actor":
            return _ensure_node(self.net, name).id
        tid = thing_id(name)
        if tid not in self.net.nodes:
            self.net.nodes[tid] = Node(id=tid, name=name, label="Thing", kind="thing")
        return tid

    def _merge(self, key: tuple[str, str, str], claims: list[Claim], story_id: str | None,
               group: ClaimGroup | None, things: list[str]) -> None:
        src, predicate, dst = key
        edge = self._edges.get(key)
        if edge is None:
            eid = group.id if group is not None else content_id(src, predicate, dst, length=12)
            edge = self._edges[key] = Edge(id="e" + content_id(eid, src, predicate, dst, length=12), source=src,
                                           target=dst, predicate=predicate, time=None, status="asserted",
                                           story_id=story_id, claim_group_id=group.id if group else None,
                                           directed=predicate not in SYMMETRIC_PREDICATES)
        known = {ev.claim_id for ev in edge.evidence}
        for c in claims:
            if c.id is None or c.id not in known:
                edge.evidence.append(_evidence(c, self.docs))
                edge.statuses[str(c.status)] = edge.statuses.get(str(c.status), 0) + 1
        edge.things.extend(t for t in things if t not in edge.things)
        if edge.time is None:
            edge.time = (group.time if group else None) or next((c.time for c in claims if c.time), None)
        if group is not None:
            # merged groups: the best-corroborated group's count; a sum would count a shared
            # origin twice when corroboration kept two phrasings of one claim apart
            n = group.independent_origins
            edge.independent_origins = n if edge.independent_origins is None else max(edge.independent_origins, n)
            edge.origins.extend(o.label for o in group.origins if o.label not in edge.origins)
            edge.denials.extend(d.text for d in group.denials if d.text not in edge.denials)
            if group.denials:
                edge.statuses["denied"] = max(edge.statuses.get("denied", 0), len(group.denials))

    def edges(self) -> list[Edge]:
        out = []
        for key, edge in self._edges.items():
            order = self._order.get(key)
            if order and not edge.directed:
                # show a symmetric edge in the direction the reports mostly wrote it
                (a, b), _ = order.most_common(1)[0]
                edge.source, edge.target = node_id(a), node_id(b)
            non_denied = [s for s in STATUS_ORDER[1:] if edge.statuses.get(s)]
            edge.status = (max(non_denied, key=lambda s: edge.statuses[s]) if non_denied
                           else ("denied" if edge.statuses else "asserted"))
            out.append(edge)
        out.sort(key=lambda e: (e.source, e.target, e.predicate, e.time or "", e.id))
        return out


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

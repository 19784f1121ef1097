"""Node identity and the drawing of the network: which claim ends are actors, merging by canonical
name, things, and a layout where labels keep their room."""

from __future__ import annotations

import itertools

import pytest

from mistrust.model import Claim, ClaimGroup, Extraction, Mention, Origin, Story
from mistrust.report import build_graph
from mistrust.report.actors import ActorIndex, thing_name
from mistrust.report.layout import NODE_H, NODE_W, arrange, wrap_label


def _m(text: str, start: int, label: str, canonical: str | None = None) -> Mention:
    return Mention(text, start, start + len(text), label, canonical=canonical)


# one made-up article: offsets are what the resolver checks, so each mention sits in its claim's span
EX = Extraction(doc_id="d1", entities=[
    _m("Ruritania", 0, "Country"), _m("Ostrava Republic", 20, "Country"),
    _m("Zenda", 50, "Country", canonical="Ruritania"),  # the capital, read as the state
    _m("Ruritanian", 70, "Nationality", canonical="Ruritania"),
    _m("Communist", 90, "Nationality"),  # unmapped nationality: a doctrine, no actor
    _m("Strelsau Harbour", 110, "Location"),
    _m("RDF", 130, "Organization", canonical="Ruritanian Defence Force"),
    _m("Black Elphberg Institute", 160, "Facility"),
])


def _c(cid: str, subject: str | None, predicate: str, obj: str | None, start: int = 0, end: int = 200,
       status: str = "asserted", **kw: object) -> Claim:
    return Claim(subject, predicate, obj, None, status, start, end, f"Sentence {cid}.", None, "d1", cid,
                 **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "raw, canonical, expected",
    [
        ("Ruritania", None, "Ruritania"),
        ("Zenda", None, "Ruritania"),  # alias known from a mention
        ("Zenda", "Zenda", "Ruritania"),  # a canonical that is no actor name falls back to the alias
        ("Ruritanian", None, "Ruritania"),
        ("RDF", None, "Ruritanian Defence Force"),
        ("Ruritanian Defence Force", None, "Ruritanian Defence Force"),
        ("the Ostrava Republic's Black Elphberg Institute", None, "Black Elphberg Institute"),  # inside
        ("Communist", None, None),
        ("Strelsau Harbour", None, None),
        ("which", None, None),
        ("long range missiles", None, None),
    ],
)
def test_claim_ends_resolve_to_actors_or_nothing(raw: str, canonical: str | None, expected: str | None) -> None:
    idx = ActorIndex.build([EX])
    assert idx.resolve(raw, canonical, _c("x", raw, "support", None)) == expected


@pytest.mark.parametrize(
    "phrase, expected",
    [("long range missiles", "long range missiles"), ("terror tunnels", "terror tunnels"), ("which", None),
     ("type", None), ("entities", None), ("Communist", None), ("Some Unknown Name", None),
     ("these weapons", None), ("several entities", None), ("various nuclear resolutions",
                                                             "various nuclear resolutions")],
)
def test_things_are_plain_noun_phrases(phrase: str, expected: str | None) -> None:
    assert thing_name(phrase) == expected


def test_network_merges_by_canonical_and_keeps_non_actors_out() -> None:
    claims = [
        _c("c1", "Zenda", "cooperate", "Ostrava Republic"),
        _c("c2", "Ostrava Republic", "cooperate", "Ruritania"),  # the other way round: the same edge
        _c("c3", "RDF", "part_of", "Ruritania"),
        _c("c4", "type", "support", "Ruritania"),  # a vague word as subject: no node
        _c("c5", "Ruritanian", "develop", "long range missiles"),  # one actor, a thing
        _c("c6", "Communist", "support", "Ostrava Republic"),
    ]
    net = build_graph([], claims, [], [EX])
    names = {n.name for n in net.view().nodes.values()}
    assert names == {"Ruritania", "Ostrava Republic", "Ruritanian Defence Force", "long range missiles"}
    (coop,) = [e for e in net.edges if e.predicate == "cooperate"]
    assert len(coop.evidence) == 2 and not coop.directed
    thing = next(n for n in net.nodes.values() if n.name == "long range missiles")
    assert thing.kind == "thing"
    assert {n.name for n in net.actors} >= {"Ruritania", "Black Elphberg Institute"}  # tables keep everyone
    assert "Communist" not in {n.name for n in net.nodes.values()}


def test_group_with_a_thing_object_becomes_the_actor_edge_with_the_thing_on_its_label() -> None:
    claims = [
        _c("c1", "Ruritania", "develop", "long range missiles", status="hedged"),
        _c("c2", "Zenda", "cooperate", "Ostrava Republic", status="attributed"),
        _c("c3", "Ostrava Republic", "cooperate", "Ruritania", status="attributed"),
        _c("c4", "Ruritania", "resume", "Ruritania"),  # misread: an actor about itself
    ]
    group = ClaimGroup(id="g1", story_id="s1", subject="Ruritania", predicate="develop",
                       object="long range missiles", time="2020", claims=["c1", "c2", "c3", "c4"],
                       reports=["d1"], independent_origins=1, origins=[Origin("o1", "a panel report")])
    net = build_graph([Story("s1", "t", ["d1"], claim_groups=[group])], claims, [], [EX])
    (edge,) = net.edges
    ends = {net.nodes[edge.source].name, net.nodes[edge.target].name}
    assert ends == {"Ruritania", "Ostrava Republic"} and edge.predicate == "cooperate"
    assert edge.things == ["long range missiles"] and "long range missiles" in edge.short_label
    assert {ev.claim_id for ev in edge.evidence} == {"c1", "c2", "c3", "c4"}  # the whole group's evidence
    assert edge.independent_origins == 1 and edge.time == "2020"


def test_group_about_two_actor_pairs_gives_two_edges() -> None:
    claims = [_c("c1", "Zenda", "support", "RDF"), _c("c2", "Ostrava Republic", "support", "Black Elphberg Institute")]
    group = ClaimGroup(id="g1", story_id="s1", subject="Ruritania", predicate="support", object="RDF",
                       time=None, claims=["c1", "c2"], reports=["d1"], independent_origins=1)
    net = build_graph([Story("s1", "t", ["d1"], claim_groups=[group])], claims, [], [EX])
    pairs = {(net.nodes[e.source].name, net.nodes[e.target].name) for e in net.edges}
    assert pairs == {("Ruritania", "Ruritanian Defence Force"), ("Ostrava Republic", "Black Elphberg Institute")}


def test_wrap_label_shortens_long_names() -> None:
    lines = wrap_label("Shahid Haj Ali Movahed Research Center of Very Long Names Incorporated")
    assert 1 < len(lines) <= 3 and all(len(x) <= 22 for x in lines)
    assert wrap_label("Iran") == ["Iran"]


def _star_and_pairs() -> object:
    """A hub with eight spokes, two separate pairs and a triangle, as claims between countries."""
    names = [f"Land{i}" for i in range(16)]
    ex = Extraction(doc_id="d1", entities=[_m(n, i * 10, "Country") for i, n in enumerate(names)])
    claims = [_c(f"h{i}", names[0], "supply", names[i]) for i in range(1, 9)]
    claims += [_c("p1", names[9], "supply", names[10]), _c("p2", names[11], "supply", names[12])]
    claims += [_c("t1", names[13], "supply", names[14]), _c("t2", names[14], "supply", names[15]),
               _c("t3", names[15], "supply", names[13])]
    return build_graph([], claims, [], [ex])


def test_layout_packs_components_and_keeps_labels_apart() -> None:
    net = _star_and_pairs().view()  # type: ignore[attr-defined]
    pos, width, height = arrange(net)
    assert set(pos) == set(net.nodes)
    for a, b in itertools.combinations(pos.values(), 2):
        # never two nodes whose label boxes overlap
        assert abs(a.x - b.x) >= NODE_W - 1 or abs(a.y - b.y) >= NODE_H - 1, (a, b)
    assert all(0 < p.x < width and 0 < p.y < height for p in pos.values())
    # the largest component (the hub) comes first: its nodes start at the top left
    hub = net.node_for("Land0")
    top = min(p.y for p in pos.values())
    spokes = [pos[n] for n in net.nodes if n != hub.id and net.nodes[n].name in {f"Land{i}" for i in range(9)}]
    assert min(p.y for p in [*spokes, pos[hub.id]]) == top
    # each component stays compact: the hub's spokes are nearer the hub than the far pairs are
    far = pos[net.node_for("Land12").id]
    assert max(abs(s.x - pos[hub.id].x) + abs(s.y - pos[hub.id].y) for s in spokes) < (
        abs(far.x - pos[hub.id].x) + abs(far.y - pos[hub.id].y) + 1e-6) or far.y > pos[hub.id].y


def test_svg_wraps_labels_links_only_actors_and_draws_symmetric_edges_without_arrows() -> None:
    from mistrust.report import network_fragment

    ex = Extraction(doc_id="d1", entities=[*EX.entities, _m("Shahid Haj Ali Movahed Research Center", 180, "Facility")])
    claims = [_c("c1", "Zenda", "cooperate", "Ostrava Republic"),
              _c("c2", "Ruritania", "support", "Shahid Haj Ali Movahed Research Center"),
              _c("c3", "Ruritania", "develop", "long range missiles")]
    svg = str(network_fragment(build_graph([], claims, [], [ex]), link_prefix="/entity?name="))
    assert "/entity?name=Ruritania" in svg
    assert "/entity?name=long" not in svg  # a thing has no entity page
    assert svg.count("<tspan") >= 4  # the long facility name is wrapped onto lines
    assert ">Shahid Haj Ali Movahed Research Center<" not in svg
    cooperate = svg.split('data-edge="')[1:]
    arrows = {chunk.split('"')[0]: "marker-end" in chunk.split("</g>")[0] for chunk in cooperate}
    assert sorted(arrows.values()) == [False, True, True]  # cooperate has no arrow head


def test_view_draws_only_the_core_of_a_large_network() -> None:
    from mistrust.report.graph import Edge, Network, Node, SanctionLink

    nodes = {f"n{i}": Node(id=f"n{i}", name=f"Actor {i}", label="Organization") for i in range(150)}
    nodes["n149"].sanctions = [SanctionLink(entity_id="ofac:1", entity_name="X", list_version="v",
                                            matched_name="X", score=1.0)]
    # a hub with many spokes, plus a long chain of weakly linked pairs
    edges = [Edge(id=f"h{i}", source="n0", target=f"n{i}", predicate="supply", time=None, status="asserted")
             for i in range(1, 40)]
    edges += [Edge(id=f"c{i}", source=f"n{i}", target=f"n{i + 1}", predicate="meet", time=None,
                   status="asserted") for i in range(40, 149)]
    view = Network(nodes=nodes, edges=edges).view(max_nodes=60)
    assert len(view.nodes) <= 60
    assert "n0" in view.nodes and "n149" in view.nodes  # the hub, and the sanctioned actor
    assert all(e.source in view.nodes and e.target in view.nodes for e in view.edges)
    small = Network(nodes=nodes, edges=edges[:5]).view(max_nodes=60)
    assert len(small.nodes) == 6 and len(small.edges) == 5  # under the cap nothing is cut


def test_roles_are_no_nodes_and_not_exported() -> None:
    """A role the tagger found by its head noun ("Ruritanian officials") is a relation, not an actor:
    no node, no FtM entity; a name whose last word is a role noun but that was read as a name stays."""
    from mistrust.report.content import Report
    from mistrust.report.export import ftm_entities

    group = "group-rule-v1"
    ex = Extraction(doc_id="d1", entities=[
        _m("Ruritania", 0, "Country"),
        Mention("Ruritanian officials", 20, 40, "Organization", extractor=group),
        Mention("the spokesman", 50, 63, "Person", extractor=group),
        Mention("Elphberg Officials", 70, 88, "Organization", extractor="entities-v1/ner"),
    ])
    net = build_graph([], [], [], [ex])
    names = {n.name for n in net.actors}
    assert names == {"Ruritania", "Elphberg Officials"}
    report = Report("t", "2020-01-01", [], [], net, [], 0, [], [])
    exported = {str(e["properties"]["name"][0]) for e in ftm_entities(report)  # type: ignore[index]
                if e["schema"] != "Sanction"}
    assert exported == names

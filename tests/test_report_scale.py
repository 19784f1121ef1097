"""Reports that scale: network labels that never overlap, clusters drawn as groups, and a workspace
report that summarises and links each story to a report of its own instead of one endless page."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import pages_samples as P
from mistrust.model import Claim, Document, Story
from mistrust.report import build_report, render_html, render_markdown
from mistrust.report.graph import Edge, Network, Node, SanctionLink
from mistrust.report.layout import Placed, arrange, bend_sides, clusters, edge_paths, place_labels
from mistrust.report.render import network_fragment
from mistrust.workspace import Workspace

WORDS = ("Northland", "Acme", "Maritime", "Shipping", "Research", "Centre", "Bureau", "of", "Advanced",
         "Port", "Example", "Trading", "Company", "Limited", "Institute", "Defence")


@st.composite
def networks(draw: st.DrawFn) -> Network:
    n = draw(st.integers(2, 45))
    nodes = {}
    for i in range(n):
        name = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))) + f" {i}"
        node = Node(id=f"n{i}", name=name, label="Organization", mentions=draw(st.integers(1, 9)))
        if draw(st.booleans()) and i % 4 == 0:
            node.sanctions = [SanctionLink(f"ofac:{i}", name, "v1", name, 0.9)]
        nodes[node.id] = node
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), min_size=1, max_size=3 * n))
    edges = [Edge(id=f"e{k}", source=f"n{a}", target=f"n{b}", predicate=draw(st.sampled_from(("supply", "support"))),
                  time=draw(st.sampled_from((None, "2019", "March 2020"))), status="asserted")
             for k, (a, b) in enumerate(pairs)]
    return Network(nodes=nodes, edges=edges)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(networks())
def test_no_two_drawn_labels_overlap(net: Network) -> None:
    net = net.view()
    pos, width, height = arrange(net)
    paths = edge_paths(net, pos)
    labels = place_labels(net, pos, width, height, paths)
    boxes = [lab.box for lab in labels.values()]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    for key, lab in labels.items():
        assert lab.box.inside(width, height)
        for nid, p in pos.items():  # nor does a label cover another node's circle
            if nid != key:
                assert not (lab.box.x0 < p.x + 14 and p.x - 14 < lab.box.x1 and lab.box.y0 < p.y + 14
                            and p.y - 14 < lab.box.y1), (key, nid)
    if net.nodes:
        assert any(k in net.nodes for k in labels), "no node got a label: the check would be vacuous"


def test_crowded_nodes_lose_labels_and_the_sanctioned_one_keeps_its_own() -> None:
    nodes = {f"n{i}": Node(id=f"n{i}", name=f"Crowded Organisation Number {i}", label="Organization")
             for i in range(12)}
    nodes["n7"].sanctions = [SanctionLink("ofac:7", "X", "v1", "X", 0.9)]
    pos = {f"n{i}": Placed(300 + (i % 4) * 40.0, 300 + (i // 4) * 40.0) for i in range(12)}
    labels = place_labels(Network(nodes=nodes), pos, 800, 700)
    assert "n7" in labels and labels["n7"].list_line == "ofac:7"
    assert 0 < len(labels) < 12  # some labels have no free room and are not drawn


def test_svg_draws_only_placed_labels_and_groups_clusters() -> None:
    nodes = {f"n{i}": Node(id=f"n{i}", name=f"Actor {i}", label="Organization") for i in range(7)}
    edges = [Edge(id=f"e{i}", source="n0", target=f"n{i}", predicate="supply", time=None, status="asserted")
             for i in range(1, 5)]
    edges.append(Edge(id="e9", source="n5", target="n6", predicate="supply", time=None, status="asserted"))
    net = Network(nodes=nodes, edges=edges)
    pos, width, height = arrange(net)
    labels = place_labels(net, pos, width, height, edge_paths(net, pos))
    svg = str(network_fragment(net))
    assert svg.count('<text class="node-label') == sum(1 for k in labels if k in nodes)
    assert svg.count('<text class="edge-label"') == sum(1 for k in labels if k not in nodes)
    groups = clusters(net, pos)
    assert [c.size for c in groups] == [5]  # the hub and its spokes; the pair is no cluster
    assert svg.count('<rect class="cluster"') == 1
    hub_box = groups[0].box
    assert all(hub_box.x0 < pos[f"n{i}"].x < hub_box.x1 for i in range(5))


def _claims(story: str, doc: str, n: int) -> list[Claim]:
    return [Claim("Northland", "supply", "Southland", f"20{10 + i}", "asserted", i * 10, i * 10 + 9,
                  f"Sentence {story} {i}.", None, doc, f"{story}-{i}") for i in range(n)]


def test_report_over_many_stories_caps_each_storys_claims() -> None:
    docs = [Document(id="d1", text="x", outlet="Example Wire", published="2020-01-01"),
            Document(id="d2", text="y", outlet="Daily Example", published="2020-03-01")]
    stories = [Story(id="big", title="Big story", documents=["d1"]), Story(id="small", title="Small story",
                                                                          documents=["d2"])]
    report = build_report(stories, _claims("big", "d1", 12) + _claims("small", "d2", 2), docs)
    sections = report.claim_sections(per_story=5)
    assert [(s.story.id if s.story else None, len(s.rows), s.more) for s in sections] == [("big", 5, 7),
                                                                                           ("small", 2, 0)]
    html = render_html(report, story_links={"big": "r.stories/big.html"})
    assert "7 more claims" in html and 'href="r.stories/big.html"' in html
    assert 'href="#story-small"' in html  # no file for it: the link goes to its row
    assert html.count("Sentence big") == 5
    markdown = render_markdown(report)
    assert markdown.count("Sentence big") == 5 and "7 more claims (`mistrust report --story big`)" in markdown
    single = render_html(build_report(stories[:1], _claims("big", "d1", 12), docs[:1]))
    assert single.count("Sentence big") == 12  # a story's own report lists every claim


def test_workspace_report_summarises_and_links_every_story(tmp_path: Path) -> None:
    db = P.build(tmp_path)
    with Workspace(db) as ws:
        out = ws.write_report(tmp_path / "out" / "report.html")
        stories = ws.stories()
        version = ws.list_versions()[0]
    html = out.read_text(encoding="utf-8")
    top = html.split('id="top-stories"')[1].split("</ol>")[0]
    assert top.count("<li>") == 10 and "Most connected actors" in html
    assert "Islamic Revolutionary Guard Corps" in html.split('id="top-sanctioned"')[1].split("</p>")[0]
    assert "New hits" in html
    links = re.findall(r'href="(report\.stories/[^"]+\.html)"', html)
    assert len(set(links)) == len(stories) == 14
    for link in set(links):
        story_page = (out.parent / link).read_text(encoding="utf-8")
        assert 'href="../report.html"' in story_page and "Northland" in story_page
    assert version.id not in html and "ofac-sdn, loaded" in html


def test_parallel_edges_alternate_sides_and_both_pictures_use_them() -> None:
    nodes = {n: Node(id=n, name=f"Example Body {n}", label="Organization", mentions=1) for n in ("a", "b", "c")}
    edges = [Edge(id=f"e{k}", source=s, target=t, predicate="supply", time=None, status="asserted")
             for k, (s, t) in enumerate([("a", "b"), ("b", "a"), ("a", "b"), ("a", "c"), ("a", "b")])]
    net = Network(nodes=nodes, edges=edges)
    sides = bend_sides(net)
    # one pair whichever way round: straight, then one side and the other, further each time
    assert [sides[e] for e in ("e0", "e1", "e2", "e4")] == [0, 1, -1, 2] and sides["e3"] == 0
    pos, _, _ = arrange(net)
    paths = {p.edge_id: p for p in edge_paths(net, pos)}
    assert {e: p.side for e, p in paths.items()} == sides
    straight, bent = paths["e0"], paths["e1"]
    mid = ((pos["a"].x + pos["b"].x) / 2, (pos["a"].y + pos["b"].y) / 2)
    assert abs(straight.label_x - mid[0]) < 1 and abs(straight.label_y - mid[1]) < 1
    assert abs(bent.label_x - mid[0]) + abs(bent.label_y - mid[1]) > 5  # its label sits off the line

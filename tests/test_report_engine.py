"""The report engine on hand-built model objects: network, timeline, renderers, exports, escaping."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import seeing_samples as S
from mistrust.errors import InputError
from mistrust.report import build_graph, build_report, export, render_html, render_markdown, render_png

REPO = Path(__file__).resolve().parent.parent


def _report(judgement: str | None = None):
    return build_report(S.stories(), S.claims(), S.documents(), S.extractions(judgement), generated="now")


def _edge(net, s: str, pred: str, o: str):
    src, dst = net.node_for(s), net.node_for(o)
    assert src is not None and dst is not None, (s, o)
    return [e for e in net.edges if e.source == src.id and e.target == dst.id and e.predicate == pred]


def test_network_nodes_use_canonical_names_and_carry_sanctions() -> None:
    net = build_graph(S.stories(), S.claims(), S.documents(), S.extractions())
    names = {n.name for n in net.nodes.values()}
    assert {"Iran", "North Korea", "Syria", "Hamas", "Islamic Revolutionary Guard Corps"} <= names
    assert "Pyongyang" not in names and "IRGC" not in names  # merged into their canonical actor
    irgc = net.node_for("Islamic Revolutionary Guard Corps")
    assert irgc is not None and irgc.status == "listed"
    assert irgc.sanctions[0].entity_id == "ofac:10391"
    assert irgc.sanctions[0].list_version == "ofac-sdn-2021"
    assert irgc.sanctions[0].reasons == ["alias IRGC matches exactly"]
    assert net.node_for("Iran").status == "unlisted"  # type: ignore[union-attr]
    assert "Pyongyang" in net.node_for("North Korea").aliases  # type: ignore[union-attr]


def test_dismissed_hit_clears_the_actor() -> None:
    net = build_graph(S.stories(), S.claims(), S.documents(), S.extractions("dismissed"))
    assert net.node_for("Islamic Revolutionary Guard Corps").status == "cleared"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "subject, predicate, obj, time, status, origins, n_evidence",
    [
        ("Iran", "cooperate", "North Korea", "2020", "attributed", 1, 2),  # one claim group, two reports
        ("North Korea", "supply", "Syria", "February 2018", "asserted", None, 1),  # not grouped: unknown
        ("North Korea", "support", "Hamas", "2017-08", "hedged", None, 1),
        ("Islamic Revolutionary Guard Corps", "part_of", "Iran", None, "asserted", None, 1),
    ],
)
def test_edges_carry_predicate_time_status_origins_and_evidence(subject, predicate, obj, time, status,
                                                                 origins, n_evidence) -> None:
    net = build_graph(S.stories(), S.claims(), S.documents(), S.extractions())
    (edge,) = _edge(net, subject, predicate, obj)
    assert (edge.time, edge.status, edge.independent_origins, len(edge.evidence)) == (time, status, origins,
                                                                                       n_evidence)
    assert all(ev.sentence and ev.doc_id for ev in edge.evidence)


def test_claim_group_edge_knows_its_denial_and_sources() -> None:
    net = build_graph(S.stories(), S.claims(), S.documents(), S.extractions())
    (edge,) = _edge(net, "Iran", "cooperate", "North Korea")
    assert edge.denials == ["Tehran rejected the report."]
    assert "denied by some" in edge.label and "1 origin" in edge.label
    assert edge.sources == ["Daily Example", "Example Wire"]
    assert edge.evidence[0].source_chain == ["Example Wire", "AFP", "panel report"]


def test_claims_without_both_actors_make_no_edge() -> None:
    net = build_graph([], S.claims(), S.documents(), [])
    assert not [e for e in net.edges if e.predicate == "deny"]


def test_timeline_uses_event_time_not_publication() -> None:
    report = _report()
    assert [ev.time for ev in report.timeline] == ["2017-08", "February 2018", "2020", "2020-10"]
    assert report.timeline[-1].text == "the last shipment occur"  # a dated claim on no edge
    assert report.undated == 1  # the IRGC part_of edge has no time


def test_html_is_self_contained_and_escapes_untrusted_text() -> None:
    page = render_html(_report())
    assert S.SCRIPT not in page  # neither the sentence, the title nor the list entry can run
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert "javascript:alert" not in page  # an unsafe URL is shown without a link
    # self-contained: nothing is loaded from elsewhere (links to the sources are fine)
    assert not re.search(r"""src=["']""", page) and "<link" not in page and "@import" not in page
    assert "<svg" in page and 'class="edge"' in page
    # every edge has an evidence block the click handler can show
    for edge_id in re.findall(r'data-edge="([^"]+)"', page):
        assert f'id="ev-{edge_id}"' in page
    for heading in ("Summary", "Network of actors", "Timeline of events", "Claims", "Sanctions hits"):
        assert heading in page
    assert "ofac:10391" in page and "ofac-sdn-2021" in page and "alias IRGC matches exactly" in page


def test_markdown_escapes_html_and_pipes() -> None:
    text = render_markdown(_report())
    assert "<script>" not in text and "&lt;script&gt;" in text
    rows = [line for line in text.splitlines() if line.startswith("| Iran | cooperate")]
    assert rows and rows[0].count("|") == 8  # seven cells: no stray pipes from the content


def test_png_is_written(tmp_path: Path) -> None:
    out = render_png(_report().network, tmp_path / "net.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 5000


def test_export_formats(tmp_path: Path) -> None:
    report = _report()
    ftm = [json.loads(line) for line in export(report, "ftm", tmp_path / "x.ftm.json").read_text().splitlines()]
    schemata = {e["schema"] for e in ftm}
    assert {"UnknownLink", "Sanction", "Article"} <= schemata
    sanction = next(e for e in ftm if e["schema"] == "Sanction")
    assert sanction["properties"]["authorityId"] == ["ofac:10391"]
    links = [e for e in ftm if e["schema"] == "UnknownLink"]
    assert len(links) == len(report.network.edges)
    from followthemoney import model

    ids = {e["id"] for e in ftm}
    for entity in ftm:  # every entity parses back into FtM, and links point at exported actors
        model.get_proxy(entity)
    assert all(link["properties"]["subject"][0] in ids and link["properties"]["object"][0] in ids
               for link in links)

    rows = list(csv.DictReader(io.StringIO(export(report, "csv", tmp_path / "x.csv").read_text())))
    coop = [r for r in rows if r["predicate"] == "cooperate"]
    assert len(coop) == 2 and coop[0]["independent_origins"] == "1"
    assert "ofac:10391" in next(r for r in rows if r["predicate"] == "part_of")["subject_sanctions"]

    for fmt in ("gexf", "graphml"):
        path = export(report, fmt, tmp_path / f"x.{fmt}")
        ET.parse(path)  # well-formed XML
        g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert g.number_of_edges() == len(report.network.edges)
    with pytest.raises(InputError):
        export(report, "pdf", tmp_path / "x.pdf")


def test_csv_neutralises_spreadsheet_formulas(tmp_path: Path) -> None:
    claims = S.claims()
    claims[2].text = "=HYPERLINK(\"http://x\")"
    # actors come from the extraction's mentions: without them no claim joins two actors
    report = build_report([], claims, S.documents(), S.extractions())
    text = export(report, "csv", tmp_path / "x.csv").read_text()
    assert "'=HYPERLINK" in text


def test_empty_report_renders() -> None:
    report = build_report([], [], [], [])
    assert "No claims." in render_html(report)
    assert "No actor matched" in render_markdown(report)


def test_view_draws_only_nodes_joined_by_claims() -> None:
    from mistrust.model import Extraction, Mention

    extra = Extraction(doc_id="docC", entities=[Mention(f"Person {i}", 0, 8, "Person") for i in range(30)]
                       + [Mention(f"Place {i}", 0, 7, "Location") for i in range(5)])
    net = build_graph(S.stories(), S.claims(), S.documents(), [*S.extractions(), extra])
    view = net.view()
    linked = {e.source for e in net.edges} | {e.target for e in net.edges}
    assert set(view.nodes) == linked
    assert net.node_for("Person 3") is not None  # kept for the tables and the exports ...
    assert net.node_for("Person 3").id not in view.nodes  # type: ignore[union-attr]  # ... not drawn
    assert net.node_for("Place 1") is None  # a place is no actor


def test_cli_report_and_export_on_an_empty_workspace(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from mistrust.cli import main

    db = tmp_path / "empty.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "init"]).exit_code == 0
    out = tmp_path / "r.md"
    result = runner.invoke(main, ["--db", str(db), "report", "--format", "md", "--out", str(out),
                                  "--png", str(tmp_path / "n.png")])
    assert result.exit_code == 0, result.output
    assert "report written to" in result.output and out.read_text().startswith("# ")
    assert (tmp_path / "n.png").exists()
    result = runner.invoke(main, ["--db", str(db), "export", "--format", "graphml", "--out", str(tmp_path / "g")])
    assert result.exit_code == 0 and (tmp_path / "g").exists()
    result = runner.invoke(main, ["--db", str(db), "export", "--format", "pdf"])
    assert result.exit_code == 2  # click rejects an unknown format before anything runs


@pytest.mark.parametrize(("status", "statuses", "denials", "expected"), [
    ("attributed", {"attributed": 2}, ["Tehran denied it"], "attributed, denied by some"),
    ("attributed", {"attributed": 2, "hedged": 1}, [], "attributed, hedged by some"),
    ("denied", {"denied": 2}, ["x"], "denied"),
    ("asserted", {"asserted": 1}, [], "asserted"),
])
def test_edge_status_summary_keeps_the_dissent(status: str, statuses: dict[str, int], denials: list[str],
                                               expected: str) -> None:
    from mistrust.report.graph import Edge

    edge = Edge(id="e1", source="a", target="b", predicate="cooperate", time=None, status=status,
                statuses=statuses, denials=denials)
    assert edge.status_summary == expected
    assert all(part in edge.label for part in expected.split(", "))
    assert ("denied by some" in edge.short_label) == ("denied by some" in expected)  # dissent is drawn too

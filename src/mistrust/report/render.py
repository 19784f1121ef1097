"""Renderers of a ``Report``: one self-contained HTML file, Markdown, and a PNG of the network."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from markupsafe import Markup

from mistrust.report.content import MAX_DOCUMENT_ROWS, ClaimRow, Report
from mistrust.report.graph import Network
from mistrust.report.layout import EDGE_COLOURS, STATUS_COLOURS, arrange, clusters, edge_paths, place_labels
from mistrust.report.templating import environment

LINE_STYLES: dict[str, Any] = {"asserted": "-", "attributed": "--", "hedged": ":", "denied": "-."}


def network_context(net: Network) -> dict[str, Any]:
    """Positions, edge paths, the labels that fit without overlapping, and the clusters' boxes."""
    pos, width, height = arrange(net)
    paths = edge_paths(net, pos)
    labels = place_labels(net, pos, width, height, paths)
    return {"pos": pos, "paths": paths, "width": width, "height": height, "labels": labels,
            "clusters": clusters(net, pos)}


def render_html(report: Report, story_links: dict[str, str] | None = None, back_link: str | None = None,
                version_names: dict[str, str] | None = None) -> str:
    """One self-contained HTML file. ``story_links``: story id -> the href of that story's own report
    (a report over many stories links each); ``back_link``: the href of the report this one is part
    of; ``version_names``: list version id -> "list, published date" (shown instead of the id)."""
    template = environment().get_template("report.html.j2")
    view = report.network.view()
    return template.render(report=report, view=view, story_links=story_links or {}, back_link=back_link,
                           version_names=version_names or {}, max_documents=MAX_DOCUMENT_ROWS,
                           **network_context(view))


def network_fragment(net: Network, link_prefix: str = "") -> Markup:
    """The SVG network with its evidence panel, for embedding in a web page."""
    net = net.view()
    env = environment()
    macro = env.get_template("network.html.j2").module.network  # type: ignore[attr-defined]
    ctx = network_context(net)
    return Markup(macro(net, ctx["pos"], ctx["paths"], ctx["width"], ctx["height"], link_prefix, ctx["labels"],
                        ctx["clusters"]))


def md(text: object) -> str:
    """Markdown cell text: HTML-escaped (Markdown viewers render raw HTML) and without pipes or newlines."""
    s = html.escape(str(text if text is not None else ""), quote=False)
    for ch in "\\`*_[]|":
        s = s.replace(ch, "\\" + ch)
    return " ".join(s.split())


def render_markdown(report: Report, version_names: dict[str, str] | None = None) -> str:
    """The report as Markdown; ``version_names``: list version id -> "list, published date"."""
    names = version_names or {}
    s, net = report.summary, report.network
    out = [f"# {md(report.title)}", "", f"Generated {md(report.generated)} by mistrust.", "", "## Summary", ""]
    out.append(f"{s['stories']} stories, {s['documents']} reports from {s['outlets']} outlets, "
               f"{s['claims']} claims, {s['actors']} actors, {s['sanctioned_actors']} on sanctions lists.")
    for st in report.stories:
        out.append(f"- **{md(st.title)}**: {len(st.documents)} reports, {len(st.claim_groups)} claim groups")
    out += ["", "## Network of actors", "", "| From | Claim | To | Time | Status | Independent origins | Sources |",
            "|---|---|---|---|---|---|---|"]
    for e in net.edges:
        origins = "?" if e.independent_origins is None else str(e.independent_origins)
        out.append(f"| {md(net.nodes[e.source].name)} | {md(e.predicate)} | {md(net.nodes[e.target].name)} | "
                   f"{md(e.time or '')} | {md(e.status_summary)} | {origins} | {md(', '.join(e.sources))} |")
    out += ["", "## Timeline of events", "", "Ordered by event time, not publication date.", ""]
    for ev in report.timeline:
        out.append(f"- **{md(ev.time)}** {md(ev.text)} ({md(ev.status)})")
    if report.undated:
        out.append(f"- {report.undated} undated claims not shown")
    out += ["", "## Claims", ""]
    if len(report.stories) == 1:
        out += _md_claims(report.claims)
    else:  # many stories: each story's first claims; `report --story ID` and the exports have them all
        for sec in report.claim_sections():
            out += [f"### {md(sec.story.title) if sec.story else 'Reports in no story'}", ""]
            out += _md_claims(sec.rows)
            if sec.more:
                out += ["", f"{sec.more} more claims" + (f" (`mistrust report --story {sec.story.id}`)."
                                                          if sec.story else " (in the exports)."), ""]
    out += ["", "## Sanctions hits", ""]
    if not report.sanctioned:
        out.append("No actor matched a sanctions list.")
    else:
        out += ["| Actor | List entry | List version | Score | Why |", "|---|---|---|---|---|"]
        for node in report.sanctioned:
            for h in node.sanctions:
                out.append(f"| {md(node.name)} | {md(h.entity_name)} ({md(h.entity_id)}) | "
                           f"{md(names.get(h.list_version, h.list_version))} | "
                           f"{h.score:.2f} | {md('; '.join(h.reasons))} |")
    leads = [(node, h) for node in report.network.nodes.values() for h in node.leads]
    if leads:
        out += ["", "### Possible matches (not counted as on a sanctions list)", "",
                "| Actor | List entry | Tier | Why not certain |", "|---|---|---|---|"]
        out += [f"| {md(node.name)} | {md(h.entity_name)} ({md(h.entity_id)}) | {h.tier} | {md(h.tier_reason or '')} |"
                for node, h in leads]
    out += ["", "## Reports", ""]
    for d in report.documents:
        out.append(f"- {md(d.outlet or '')} {md(d.published or '')}: {md(d.title or d.id)} {md(d.url or '')}")
    return "\n".join(out) + "\n"


def _md_claims(rows: list[ClaimRow]) -> list[str]:
    out = ["| Subject | Predicate | Object | Time | Status | Source | Report | Sentence |", "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        c, d = row.claim, row.document
        where = (d.outlet or d.title or d.id) if d else (c.doc_id or "")
        out.append(f"| {md(c.subject_canonical or c.subject or '')} | {md(c.predicate)} | "
                   f"{md(c.object_canonical or c.object or '')} | {md(c.time or '')} | {md(c.status)} | "
                   f"{md(row.source)} | {md(where)} | {md(c.text)} |")
    return out


def _shorten(text: str, limit: int) -> str:
    """Cut at a word boundary with an ellipsis: a story title may be a whole first sentence."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def render_png(net: Network, path: str | Path, title: str = "") -> Path:
    """The network for e-mail: same layout as the HTML, drawn with matplotlib (Agg, no display)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch, Rectangle

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    net = net.view()
    pos, width, height = arrange(net)
    paths = edge_paths(net, pos)
    labels = place_labels(net, pos, width, height, paths)
    top = 60  # room for the legend above the drawing
    height += top
    fig, ax = plt.subplots(figsize=(width / 80, height / 80), dpi=100)
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)  # SVG coordinates: y grows downwards
    ax.axis("off")
    for cluster in clusters(net, pos):
        box = cluster.box
        ax.add_patch(Rectangle((box.x0, box.y0 + top), box.x1 - box.x0, box.y1 - box.y0, facecolor="#f3f6fa", edgecolor="#dde3ea",
                               zorder=0))
    sides = {p.edge_id: p.side for p in paths}
    for e in net.edges:
        a, b = pos[e.source], pos[e.target]
        rad = sides[e.id] * 0.2  # the side the SVG bends it to (layout.bend_sides)
        style = LINE_STYLES.get(e.status, "-")
        ax.add_patch(FancyArrowPatch((a.x, a.y + top), (b.x, b.y + top), connectionstyle=f"arc3,rad={rad}",
                                     arrowstyle="-|>" if e.directed else "-", mutation_scale=14, linestyle=style, shrinkA=12,
                                     shrinkB=12, color=EDGE_COLOURS.get(e.status, "#333"),
                                     linewidth=1.2 + min(e.independent_origins or 0, 4) * 0.6))
        placed = labels.get(e.id)
        if placed is not None:  # only where it overlaps no other label (layout.place_labels)
            # parse_math=False: a "$" in article text must not switch matplotlib into mathtext
            ax.text(placed.x, placed.y + top, e.short_label, fontsize=7, ha="center", va="baseline", color="#333",
                    parse_math=False)
    for nid, node in net.nodes.items():
        p = pos[nid]
        if node.kind == "actor":
            ax.scatter([p.x], [p.y + top], s=300, c=STATUS_COLOURS[node.status], edgecolors="white", zorder=3)
        else:  # a claim's object never recognised as an actor: small and hollow, as in the HTML
            ax.scatter([p.x], [p.y + top], s=90, c="white", edgecolors="#888", linewidths=2, zorder=3)
        placed = labels.get(nid)
        if placed is None:
            continue
        text = "\n".join(placed.lines + ([placed.list_line] if placed.list_line else []))
        ha = {"start": "left", "end": "right"}.get(placed.anchor, "center")
        ax.text(placed.x, placed.box.y0 + top, text, fontsize=8 if node.kind == "actor" else 7, ha=ha, va="top",
                fontweight="bold" if node.kind == "actor" else "normal", zorder=4, parse_math=False,
                style="normal" if node.kind == "actor" else "italic", linespacing=1.1)
    from matplotlib.lines import Line2D

    legend = [Line2D([], [], marker="o", linestyle="", color=STATUS_COLOURS[k], label=text, markersize=9)
              for k, text in (("listed", "on a sanctions list"), ("cleared", "hit dismissed"),
                              ("unlisted", "not listed"))]
    legend += [Line2D([], [], color=EDGE_COLOURS[k], linestyle=LINE_STYLES[k], label=k) for k in LINE_STYLES]
    legend.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#888",
                         label="a thing, not an actor", markersize=7))
    ax.legend(handles=legend, loc="upper left", fontsize=7, frameon=False, ncol=4)
    if not net.edges:
        ax.text(width / 2, height / 2, "No claims between actors yet.", ha="center", fontsize=11, color="#666")
    if title:
        ax.set_title(_shorten(title, 90), parse_math=False)
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)
    return path

"""Positions for the network drawing: deterministic (Kamada-Kawai from a circle, no random seed),
so the same network always looks the same."""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from mistrust.report.graph import Network

STATUS_COLOURS = {"listed": "#c0392b", "cleared": "#7f8c8d", "unlisted": "#2c6fbb"}
EDGE_COLOURS = {"asserted": "#333333", "attributed": "#5b6b7f", "hedged": "#b9770e", "denied": "#c0392b"}
EDGE_DASHES = {"asserted": "", "attributed": "6 3", "hedged": "2 3", "denied": "8 3 2 3"}


@dataclass
class Placed:
    x: float
    y: float


@dataclass
class EdgePath:
    edge_id: str
    d: str  # SVG path
    label_x: float
    label_y: float
    side: int = 0  # which way and how far it bends from the straight line: 0, +1, -1, +2, ... (see bend_sides)


# Room a node needs: its circle plus a label of up to LABEL_CHARS characters a line, up to
# three lines, at about 7 px a character (12 px bold sans-serif).
LABEL_CHARS = 18
NODE_W, NODE_H = 150.0, 90.0
GAP = 40.0


def wrap_label(name: str, width: int = LABEL_CHARS, lines: int = 3) -> list[str]:
    """A long actor name on up to ``lines`` lines of about ``width`` characters, the last one
    cut with an ellipsis: "Shahid Haj Ali Movahed Research Center" must not run across its
    neighbours."""
    out: list[str] = []
    for word in name.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1] + "…"
    return [w if len(w) <= width + 4 else w[: width + 3] + "…" for w in out]


def arrange(net: Network, width: float = 1000, margin: float = 60) -> tuple[dict[str, Placed], int, int]:
    """Positions and canvas size: every connected component laid out on its own, scaled so
    neighbouring nodes keep a label's room between them, then packed in rows, largest first.

    One spring layout over everything squeezes the connected actors into a knot in the middle
    while lone nodes spread to the corners; a component on its own keeps its shape.
    """
    g = nx.Graph()
    g.add_nodes_from(sorted(net.nodes))
    for e in net.edges:
        if e.source != e.target:
            g.add_edge(e.source, e.target)
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    boxes = [_component(g.subgraph(c)) for c in comps]
    out: dict[str, Placed] = {}
    x = y = row_h = 0.0
    inner = width - 2 * margin
    used_w = 0.0
    for local, (w, h) in boxes:
        if x > 0 and x + w > inner:  # next row
            y += row_h + GAP
            x = row_h = 0.0
        for n, (px, py) in local.items():
            out[n] = Placed(round(margin + x + px, 1), round(margin + y + py, 1))
        x += w + GAP
        used_w = max(used_w, x - GAP)
        row_h = max(row_h, h)
    total_w = max(width, used_w + 2 * margin)
    total_h = y + row_h + 2 * margin
    if used_w < inner:  # centre a narrow drawing
        shift = (inner - used_w) / 2
        out = {n: Placed(round(p.x + shift, 1), p.y) for n, p in out.items()}
    return out, int(total_w), int(max(total_h, 200))


def _component(g: nx.Graph) -> tuple[dict[str, tuple[float, float]], tuple[float, float]]:
    """One component's positions inside its own box (origin top left) and the box size."""
    nodes = sorted(g.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (NODE_W / 2, NODE_H / 2)}, (NODE_W, NODE_H)
    if len(nodes) == 2:
        return {nodes[0]: (NODE_W / 2, NODE_H / 2), nodes[1]: (NODE_W * 2.2, NODE_H / 2)}, (NODE_W * 2.7, NODE_H)
    # Kamada-Kawai keeps graph distances as drawn distances: hubs (North Korea) get their
    # spokes evenly around them instead of the spring model's clumps
    try:
        pos = nx.kamada_kawai_layout(g, pos=nx.circular_layout(g))
    except ImportError:  # kamada_kawai needs scipy; the seeded spring model is the fallback
        pos = nx.spring_layout(g, seed=7, k=2.0 / math.sqrt(len(nodes)), iterations=300)
    pts = {n: (float(p[0]), float(p[1])) for n, p in pos.items()}
    # scale so that no two nodes are closer than a label's room (checked in x and y apart:
    # labels are wide and flat, so nodes side by side need more room than nodes stacked)
    scale = 1.0
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            dx = abs(pts[a][0] - pts[b][0])
            dy = abs(pts[a][1] - pts[b][1])
            need = min(NODE_W / dx if dx > 1e-9 else math.inf, NODE_H / dy if dy > 1e-9 else math.inf)
            scale = max(scale, need if math.isfinite(need) else scale)
    scale = min(scale, 150.0 * math.sqrt(len(nodes)) + 150.0)  # two near-coincident nodes must not blow it up
    xs = [p[0] * scale for p in pts.values()]
    ys = [p[1] * scale for p in pts.values()]
    x0, y0 = min(xs), min(ys)
    local = {n: (p[0] * scale - x0 + NODE_W / 2, p[1] * scale - y0 + NODE_H / 2) for n, p in pts.items()}
    return local, (max(xs) - x0 + NODE_W, max(ys) - y0 + NODE_H)


def bend_sides(net: Network) -> dict[str, int]:
    """For each edge, which way and how far it bends: parallel edges between the same pair alternate
    sides, growing: 0, +1, -1, +2, -2 ... (a straight first edge reads best). The SVG and the PNG
    both draw from it, so the two pictures bend the same edges the same way."""
    seen: dict[frozenset[str], int] = {}
    out = {}
    for e in net.edges:
        pair = frozenset((e.source, e.target))
        k = seen.get(pair, 0)
        seen[pair] = k + 1
        out[e.id] = ((k + 1) // 2) * (1 if k % 2 else -1)
    return out


def edge_paths(net: Network, pos: dict[str, Placed], radius: float = 14) -> list[EdgePath]:
    """Curved paths; parallel edges between the same pair bend by different amounts so each can be clicked."""
    sides = bend_sides(net)
    out = []
    for e in net.edges:
        a, b = pos[e.source], pos[e.target]
        dx, dy = b.x - a.x, b.y - a.y
        dist = math.hypot(dx, dy) or 1.0
        if e.source == e.target:  # a self-loop
            d = (f"M{a.x:.1f},{a.y - radius:.1f} C{a.x - 50:.1f},{a.y - 70:.1f} "
                 f"{a.x + 50:.1f},{a.y - 70:.1f} {a.x:.1f},{a.y - radius:.1f}")
            out.append(EdgePath(e.id, d, a.x, a.y - 60, sides[e.id]))
            continue
        bend = sides[e.id] * 40.0
        nx_, ny_ = -dy / dist, dx / dist
        cx, cy = (a.x + b.x) / 2 + nx_ * bend, (a.y + b.y) / 2 + ny_ * bend
        # stop short of the target circle so the arrow head stays visible (things are drawn smaller)
        r = radius if net.nodes[e.target].kind == "actor" else radius * 0.6
        ex, ey = b.x - dx / dist * (r + 2), b.y - dy / dist * (r + 2)
        d = f"M{a.x:.1f},{a.y:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"
        lx, ly = (a.x + 2 * cx + b.x) / 4, (a.y + 2 * cy + b.y) / 4
        out.append(EdgePath(e.id, d, lx, ly, sides[e.id]))
    return out


# -- labels that never overlap ----------------------------------------------------------------
# Text is measured by estimate (no font metrics offline): generous widths per character for the
# report's sans-serif, so a drawn label stays inside the box it was placed in.
NODE_CHAR_W, NODE_LINE_H = 7.8, 14.0  # 12 px semi-bold
LIST_CHAR_W, LIST_LINE_H = 5.8, 11.0  # 9 px: the list entry ids under a sanctioned actor
EDGE_CHAR_W, EDGE_LINE_H = 6.2, 12.0  # 10 px
LABEL_GAP = 4.0


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, width: float, height: float) -> bool:
        return self.x0 >= 0 and self.y0 >= 0 and self.x1 <= width and self.y1 <= height


@dataclass
class Label:
    """A label placed where it overlaps no other label and no node: text lines from (x, y), the
    baseline of the first line, anchored at ``anchor`` (SVG text-anchor); ``box`` is its room."""

    key: str  # node id or edge id
    lines: list[str]
    x: float
    y: float
    anchor: str
    box: Box
    list_line: str | None = None  # a sanctioned actor's list entry ids, under its name
    line_h: float = NODE_LINE_H


def _candidates(cx: float, cy: float, w: float, h: float, r: float) -> list[tuple[Box, str]]:
    """Boxes of size w x h around a point with a circle of radius r: below, above, right, left."""
    g = LABEL_GAP
    return [
        (Box(cx - w / 2, cy + r + g, cx + w / 2, cy + r + g + h), "middle"),
        (Box(cx - w / 2, cy - r - g - h, cx + w / 2, cy - r - g), "middle"),
        (Box(cx + r + g, cy - h / 2, cx + r + g + w, cy + h / 2), "start"),
        (Box(cx - r - g - w, cy - h / 2, cx - r - g, cy + h / 2), "end"),
    ]


def _anchor_x(box: Box, anchor: str) -> float:
    return {"start": box.x0, "end": box.x1}.get(anchor, (box.x0 + box.x1) / 2)


def place_labels(net: Network, pos: dict[str, Placed], width: float, height: float,
                 paths: list[EdgePath] | None = None, radius: float = 14) -> dict[str, Label]:
    """Labels for nodes (most important first: sanctioned, then best connected) and then edges,
    each in the first free spot around its node or on its edge; a label with no free spot is not
    drawn (its name stays in the node's tooltip and the tables), so no two drawn labels overlap."""
    degree: dict[str, int] = {n: 0 for n in net.nodes}
    for e in net.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    circles = [Box(p.x - radius, p.y - radius, p.x + radius, p.y + radius) for p in pos.values()]
    placed: dict[str, Label] = {}
    taken: list[Box] = []

    def free(box: Box, own: Box | None) -> bool:
        return (box.inside(width, height) and not any(box.overlaps(t) for t in taken)
                and not any(box.overlaps(c) for c in circles if c != own))

    order = sorted(net.nodes.values(), key=lambda n: (not n.sanctions, n.kind != "actor", -degree.get(n.id, 0),
                                                      -n.mentions, n.name.casefold(), n.id))
    for node in order:
        p = pos.get(node.id)
        if p is None:
            continue
        lines = wrap_label(node.name)
        ids = ", ".join(s.entity_id for s in node.sanctions) or None
        w = max([len(s) * NODE_CHAR_W for s in lines] + [len(ids or "") * LIST_CHAR_W])
        h = len(lines) * NODE_LINE_H + (LIST_LINE_H if ids else 0)
        r = radius if node.kind == "actor" else radius * 0.6
        own = Box(p.x - radius, p.y - radius, p.x + radius, p.y + radius)
        for box, anchor in _candidates(p.x, p.y, w, h, r):
            if free(box, own):
                placed[node.id] = Label(node.id, lines, _anchor_x(box, anchor), box.y0 + NODE_LINE_H * 0.8, anchor,
                                        box, ids)
                taken.append(box)
                break
    edges = {e.id: e for e in net.edges}
    for path in paths or []:
        text = edges[path.edge_id].short_label if path.edge_id in edges else ""
        if not text:
            continue
        w, h = len(text) * EDGE_CHAR_W, EDGE_LINE_H
        for dy in (0.0, -h, h):  # on the curve, else just above or below it
            box = Box(path.label_x - w / 2, path.label_y + dy - h / 2, path.label_x + w / 2, path.label_y + dy + h / 2)
            if free(box, None):
                placed[path.edge_id] = Label(path.edge_id, [text], path.label_x, box.y0 + EDGE_LINE_H * 0.8,
                                             "middle", box, line_h=EDGE_LINE_H)
                taken.append(box)
                break
    return placed


@dataclass
class Cluster:
    """A group of connected actors, drawn as a faint box behind them."""

    box: Box
    size: int


def clusters(net: Network, pos: dict[str, Placed], pad: float = 36.0, min_size: int = 3) -> list[Cluster]:
    """The connected groups of at least ``min_size`` nodes, each with the box around its nodes."""
    g = nx.Graph()
    g.add_nodes_from(n for n in net.nodes if n in pos)
    g.add_edges_from((e.source, e.target) for e in net.edges if e.source in pos and e.target in pos)
    out = []
    for comp in sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0])):
        if len(comp) < min_size:
            continue
        xs, ys = [pos[n].x for n in comp], [pos[n].y for n in comp]
        out.append(Cluster(Box(min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad), len(comp)))
    return out

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


def edge_paths(net: Network, pos: dict[str, Placed], radius: float = 14) -> list[EdgePath]:
    """Curved paths; parallel edges between the same pair bend by different amounts so each can be clicked."""
    seen: dict[frozenset[str], int] = {}
    out = []
    for e in net.edges:
        a, b = pos[e.source], pos[e.target]
        pair = frozenset((e.source, e.target))
        k = seen.get(pair, 0)
        seen[pair] = k + 1
        dx, dy = b.x - a.x, b.y - a.y
        dist = math.hypot(dx, dy) or 1.0
        if e.source == e.target:  # a self-loop
            d = (f"M{a.x:.1f},{a.y - radius:.1f} C{a.x - 50:.1f},{a.y - 70:.1f} "
                 f"{a.x + 50:.1f},{a.y - 70:.1f} {a.x:.1f},{a.y - radius:.1f}")
            out.append(EdgePath(e.id, d, a.x, a.y - 60))
            continue
        # alternate sides, growing: 0, +1, -1, +2, -2 ... (a straight first edge reads best)
        bend = ((k + 1) // 2) * (1 if k % 2 else -1) * 40.0
        nx_, ny_ = -dy / dist, dx / dist
        cx, cy = (a.x + b.x) / 2 + nx_ * bend, (a.y + b.y) / 2 + ny_ * bend
        # stop short of the target circle so the arrow head stays visible (things are drawn smaller)
        r = radius if net.nodes[e.target].kind == "actor" else radius * 0.6
        ex, ey = b.x - dx / dist * (r + 2), b.y - dy / dist * (r + 2)
        d = f"M{a.x:.1f},{a.y:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"
        lx, ly = (a.x + 2 * cx + b.x) / 4, (a.y + 2 * cy + b.y) / 4
        out.append(EdgePath(e.id, d, lx, ly))
    return out

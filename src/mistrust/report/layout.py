"""Positions for the network drawing: a seeded spring layout, so the same network always looks the same."""

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


def layout(net: Network, width: float = 900, height: float = 560, margin: float = 70) -> dict[str, Placed]:
    """Actors joined by claims fill the canvas; actors in no claim sit in a row along the bottom.

    Left to the spring model, unconnected nodes push each other to the edges and squeeze the
    claims, the part an analyst reads, into the middle.
    """
    linked = sorted({e.source for e in net.edges} | {e.target for e in net.edges})
    isolated = sorted((n for n in net.nodes if n not in set(linked)), key=lambda n: net.nodes[n].name.casefold())
    strip = 80.0 if isolated and linked else 0.0
    out: dict[str, Placed] = {}
    if linked:
        out.update(_spring(net, linked, width, height - strip, margin))
    if isolated:
        if linked:
            _row(out, isolated, width, height - strip / 2, margin)
        else:
            _grid(out, isolated, width, height, margin)
    return out


def _spring(net: Network, nodes: list[str], width: float, height: float, margin: float) -> dict[str, Placed]:
    """Each connected component laid out on its own, then packed into boxes sized by its node count.

    One spring layout over separate components pushes them to the corners and squeezes each
    into a corner of the canvas; packing keeps the biggest story readable.
    """
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for e in net.edges:
        g.add_edge(e.source, e.target)
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    rows = [components[i:i + 4] for i in range(0, len(components), 4)]
    row_weights = [max(len(c) for c in row) for row in rows]
    out: dict[str, Placed] = {}
    top = 0.0
    for row, row_weight in zip(rows, row_weights, strict=True):
        row_h = (height - 2 * margin) * row_weight / sum(row_weights)
        weights = [max(len(c), 2) for c in row]
        left = 0.0
        for comp, w in zip(row, weights, strict=True):
            box_w = (width - 2 * margin) * w / sum(weights)
            box = (margin + left, margin + top, box_w, row_h)
            out.update(_place_component(g.subgraph(comp), box))
            left += box_w
        top += row_h
    return out


def _place_component(g: nx.Graph, box: tuple[float, float, float, float]) -> dict[str, Placed]:
    x, y, w, h = box
    nodes = sorted(g.nodes)
    if len(nodes) == 1:
        return {nodes[0]: Placed(round(x + w / 2, 1), round(y + h / 2, 1))}
    # k a little above the default spreads the labels of hub nodes (Iran, North Korea) apart
    pos = nx.spring_layout(g, seed=7, k=2.0 / math.sqrt(len(nodes)), iterations=300)
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    # a small component keeps its shape rather than being stretched across a tall box
    span_w = w * 0.85
    span_h = min(h * 0.85, span_w * 1.2) if len(nodes) < 5 else h * 0.85
    ox, oy = x + (w - span_w) / 2, y + (h - span_h) / 2
    return {
        n: Placed(round(ox + (float(p[0]) - x0) / ((x1 - x0) or 1.0) * span_w, 1),
                  round(oy + (float(p[1]) - y0) / ((y1 - y0) or 1.0) * span_h, 1))
        for n, p in pos.items()
    }


def _row(out: dict[str, Placed], nodes: list[str], width: float, y: float, margin: float) -> None:
    step = (width - 2 * margin) / max(1, len(nodes) - 1) if len(nodes) > 1 else 0.0
    for i, n in enumerate(nodes):
        # alternate two heights so neighbouring labels do not overlap
        out[n] = Placed(round(margin + i * step if step else width / 2, 1), round(y - (i % 2) * 34, 1))


def _grid(out: dict[str, Placed], nodes: list[str], width: float, height: float, margin: float) -> None:
    cols = max(1, math.ceil(math.sqrt(len(nodes) * width / height)))
    rows = math.ceil(len(nodes) / cols)
    dx = (width - 2 * margin) / max(1, cols - 1) if cols > 1 else 0.0
    dy = (height - 2 * margin) / max(1, rows - 1) if rows > 1 else 0.0
    for i, n in enumerate(nodes):
        r, c = divmod(i, cols)
        out[n] = Placed(round(margin + c * dx if dx else width / 2, 1), round(margin + r * dy if dy else height / 2, 1))


def canvas_size(net: Network) -> tuple[int, int]:
    """Grow the drawing with the number of actors so labels keep their room."""
    n = len(net.nodes)
    return 1000, int(560 + max(0, n - 15) * 14)


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
        # stop short of the target circle so the arrow head stays visible
        ex, ey = b.x - dx / dist * (radius + 2), b.y - dy / dist * (radius + 2)
        d = f"M{a.x:.1f},{a.y:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"
        lx, ly = (a.x + 2 * cx + b.x) / 4, (a.y + 2 * cy + b.y) / 4
        out.append(EdgePath(e.id, d, lx, ly))
    return out

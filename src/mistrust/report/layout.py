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
    g = nx.Graph()
    g.add_nodes_from(sorted(net.nodes))
    for e in net.edges:
        g.add_edge(e.source, e.target)
    if not g.nodes:
        return {}
    if len(g.nodes) == 1:
        return {next(iter(g.nodes)): Placed(width / 2, height / 2)}
    # k a little above the default spreads the labels of hub nodes (Iran, North Korea) apart
    pos = nx.spring_layout(g, seed=7, k=1.6 / math.sqrt(len(g.nodes)), iterations=200)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    sx = (width - 2 * margin) / ((x1 - x0) or 1.0)
    sy = (height - 2 * margin) / ((y1 - y0) or 1.0)
    return {
        n: Placed(round(margin + (float(p[0]) - x0) * sx, 1), round(margin + (float(p[1]) - y0) * sy, 1))
        for n, p in pos.items()
    }


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

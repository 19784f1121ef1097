"""Seeing it: the report (HTML, Markdown, PNG network) and the exports, built from model objects.

A pure engine: it takes stories, claims, documents and extractions and never touches the store.
"""

from mistrust.report.content import Report, build_report
from mistrust.report.export import EXPORT_FORMATS, export
from mistrust.report.graph import Edge, Evidence, Network, Node, SanctionLink, build_graph
from mistrust.report.render import network_fragment, render_html, render_markdown, render_png

__all__ = [
    "EXPORT_FORMATS",
    "Edge",
    "Evidence",
    "Network",
    "Node",
    "Report",
    "SanctionLink",
    "build_graph",
    "build_report",
    "export",
    "network_fragment",
    "render_html",
    "render_markdown",
    "render_png",
]

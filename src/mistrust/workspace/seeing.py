"""Workspace methods for the seeing room: the report and the exports.

Gathers stories, documents, claims and extractions through the other rooms' Workspace
methods and hands them to the pure ``mistrust.report`` engine. Rooms that are not wired
(no corroboration yet, a document never analysed) leave their part of the report empty
rather than failing it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mistrust.errors import InputError, NotFoundError
from mistrust.model import Claim, Document, Extraction, Story
from mistrust.report import (
    Report,
    build_report,
    export,
    network_fragment,
    render_html,
    render_markdown,
    render_png,
)
from mistrust.report.profile import ActorProfile
from mistrust.report.templating import environment
from mistrust.workspace.base import WorkspaceBase

ReportInputs = tuple[list[Story], list[Claim], list[Document], list[Extraction]]

REPORT_FORMATS = ("html", "md")


class SeeingMixin(WorkspaceBase):
    def report_data(self, story_id: str | None = None) -> Report:
        """Everything a report shows, for one story or for the whole workspace."""
        return build_report(*self._report_inputs(story_id))

    def _report_inputs(self, story_id: str | None) -> ReportInputs:
        rooms = self.rooms()
        if story_id is not None:
            stories = [rooms.get_story(story_id)]
        else:
            stories = [s if s.claim_groups else rooms.get_story(s.id) for s in rooms.stories()]
        if stories:
            doc_ids = list(dict.fromkeys(d for s in stories for d in s.documents))
        else:
            doc_ids = rooms.document_ids()
        documents = rooms.get_documents(doc_ids)
        claims: list[Claim] = []
        extractions: list[Extraction] = []
        for doc_id in doc_ids:
            claims.extend(rooms.claims(doc_id=doc_id))
            try:
                extractions.append(rooms.extraction_for(doc_id))
            except NotFoundError:
                continue  # not analysed yet: no mentions, no sanctions links for it
        return stories, claims, documents, extractions

    def document_report(self, doc_id: str) -> Report:
        """The report of one document: its claims, actors and sanctions links."""
        rooms = self.rooms()
        doc = rooms.get_document(doc_id)
        try:
            extractions = [rooms.extraction_for(doc_id)]
        except NotFoundError:
            extractions = []  # not analysed yet: the page shows the text alone
        return build_report([], rooms.claims(doc_id=doc_id), [doc], extractions)

    @staticmethod
    def render_page(template_dirs: Sequence[Path], template: str, **context: Any) -> str:
        """A page from ``template_dirs`` (then the report's own templates), autoescaped."""
        return environment(template_dirs).get_template(template).render(**context)

    @staticmethod
    def network_html(report: Report | ActorProfile, link_prefix: str = "") -> str:
        """The network of a report (or an actor's neighbourhood) as SVG with its evidence panel."""
        return network_fragment(report.network, link_prefix=link_prefix)

    def write_report(self, out: str | Path, story_id: str | None = None, format: str = "html",
                     png: str | Path | None = None, *, user: str | None = None, channel: str = "python") -> Path:
        """Write the report (one self-contained HTML file, or Markdown) and optionally a PNG network
        (logged with ``user`` and ``channel``: see ``exports``).

        A whole-workspace HTML report over several stories summarises them and links each story to
        a report of its own, written beside it in ``<name>.stories/`` (long tables stay short).
        """
        if format not in REPORT_FORMATS:
            raise InputError(f"unknown report format {format!r}; choose one of {', '.join(REPORT_FORMATS)}")
        inputs = self._report_inputs(story_id)
        report = build_report(*inputs)
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        names = self.rooms().version_labels()
        links: dict[str, str] = {}
        if format == "html" and story_id is None and len(report.stories) > 1:
            links = self._write_story_reports(path, inputs, names)
        text = (render_html(report, story_links=links, version_names=names) if format == "html"
                else render_markdown(report, version_names=names))
        path.write_text(text, encoding="utf-8")
        if png is not None:
            render_png(report.network, png, title=report.title)
        self.record_export("report", {"format": format, "story": story_id, "file": str(path),
                                      "png": str(png) if png is not None else None}, user, channel)
        return path

    @staticmethod
    def _write_story_reports(path: Path, inputs: ReportInputs, names: dict[str, str]) -> dict[str, str]:
        """One HTML report per story in ``<name>.stories/``, from what the workspace report read;
        returns each story's href relative to ``path``."""
        stories, claims, documents, extractions = inputs
        folder = path.parent / f"{path.stem}.stories"
        folder.mkdir(exist_ok=True)
        docs = {d.id: d for d in documents}
        links = {}
        for story in stories:
            members = set(story.documents)
            report = build_report([story], [c for c in claims if c.doc_id in members],
                                  [docs[d] for d in story.documents if d in docs],
                                  [e for e in extractions if e.doc_id in members])
            name = re.sub(r"[^A-Za-z0-9_-]", "_", story.id) + ".html"
            (folder / name).write_text(render_html(report, back_link=f"../{path.name}", version_names=names),
                                       encoding="utf-8")
            links[story.id] = f"{folder.name}/{name}"
        return links

    def export(self, format: str, out: str | Path, story_id: str | None = None, *, user: str | None = None,
               channel: str = "python") -> Path:
        """Export actors and claims as FtM entities (JSON Lines), CSV, GEXF or GraphML (logged: ``exports``)."""
        path = export(self.report_data(story_id), format, out)
        self.record_export("graph", {"format": format, "story": story_id, "file": str(path)}, user, channel)
        return path

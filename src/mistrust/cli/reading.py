"""Commands of the reading room: ingest, documents, document, skipped."""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console
from rich.table import Table

from mistrust.cli.common import UNDATED, echo_json, open_workspace
from mistrust.errors import InputError, NotFoundError
from mistrust.model import Document


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@click.option("--allow-private", is_flag=True, help="Allow URLs on loopback, private and link-local addresses.")
@click.option("--analyze", is_flag=True, help="Run extraction on the new documents afterwards.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def ingest_cmd(ctx: click.Context, sources: tuple[str, ...], allow_private: bool, analyze: bool, as_json: bool) -> None:
    """Read PATH|URL... (.txt, .html, .jsonl, feeds, directories, http(s) URLs) and store the documents."""
    ws = open_workspace(ctx, create=True)
    bars = ws.progress

    def progress(done: int, total: int, item: str) -> None:
        if bars is not None:
            bars("ingest", done, total)

    result = ws.ingest(list(sources), allow_private=allow_private, analyze=analyze, progress=progress)
    if as_json:
        echo_json({
            "new": result["new"], "existing": result["existing"], "new_ids": result["new_ids"],
            "analyzed": result["analyzed"], "stories_changed": result["stories_changed"],
            "documents": [_summary(d) for d in result["documents"]],
            "skipped": result["skipped"],
        })
        _exit_if_nothing_read(result)
        return
    out = Console()
    out.print(f"[bold]{result['new']}[/] new, {result['existing']} already stored, "
              f"{len(result['skipped'])} skipped" + (f", {result['analyzed']} analyzed, "
                                                  f"{result['stories_changed']} stories changed" if analyze else ""))
    if result["skipped"]:
        table = Table("source", "reason", title="Skipped")
        for s in result["skipped"]:
            table.add_row(s.source, s.reason)
        out.print(table)
    _exit_if_nothing_read(result)


def _exit_if_nothing_read(result: dict[str, Any]) -> None:
    """Every source refused: a script must see the failure (exit 3, like other input errors)."""
    if result["skipped"] and not result["documents"]:
        raise SystemExit(InputError.exit_code)


@click.command("documents")
@click.option("--q", "q", default=None, help="Full-text search in titles and texts.")
@click.option("--limit", default=100, show_default=True)
@click.option("--offset", default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def documents_cmd(ctx: click.Context, q: str | None, limit: int, offset: int, as_json: bool) -> None:
    """List stored documents (newest first, or best matches for --q)."""
    ws = open_workspace(ctx)
    docs = ws.documents(limit=limit, offset=offset, q=q)
    if as_json:
        echo_json([_summary(d) for d in docs])
        return
    table = Table("id", "published", "outlet", "title", "record id", "chars")
    for d in docs:
        table.add_row(d.id, d.published or UNDATED, d.source_label, _short(d.heading, 70),
                      str(d.metadata.get("id", "")), str(len(d.text)))
    Console().print(table)


@click.command("document")
@click.argument("doc_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (text, metadata, removed lines).")
@click.pass_context
def document_cmd(ctx: click.Context, doc_id: str, as_json: bool) -> None:
    """Show one document (by its id or its JSONL record's own id) with its metadata."""
    ws = open_workspace(ctx)
    try:
        doc = ws.get_document(doc_id)
    except NotFoundError:
        matches = ws.find_documents_by_record_id(doc_id)
        if len(matches) != 1:
            raise
        doc = matches[0]
    if as_json:
        echo_json(doc.to_dict())
        return
    out = Console()
    table = Table(show_header=False, box=None)
    shown = {"title": doc.heading, "outlet": doc.source_label, "published": doc.published or UNDATED}
    for key in ("id", "title", "outlet", "published", "url", "source_path"):
        table.add_row(f"[bold]{key}", str(shown.get(key) or getattr(doc, key) or ""))
    table.add_row("[bold]authors", ", ".join(doc.authors))
    for key, value in doc.metadata.items():
        if key != "removed_reasons":
            table.add_row(f"[bold]metadata.{key}", str(value))
    out.print(table)
    if doc.removed:
        out.print(f"[dim]removed {len(doc.removed)} boilerplate line(s): " + " | ".join(doc.removed))
    out.print()
    out.print(doc.text, markup=False, highlight=False)


@click.command("skipped")
@click.option("--limit", default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def skipped_cmd(ctx: click.Context, limit: int, as_json: bool) -> None:
    """Inputs that ingest refused, with the reason (newest first)."""
    ws = open_workspace(ctx)
    rows = ws.skipped_inputs(limit=limit)
    if as_json:
        echo_json(rows)
        return
    table = Table("when", "source", "code", "reason")
    for r in rows:
        table.add_row(r["skipped_at"], r["source"], r["code"], r["reason"])
    Console().print(table)


def _summary(d: Document) -> dict[str, Any]:
    return {"id": d.id, "title": d.title, "outlet": d.outlet, "published": d.published, "url": d.url,
            "authors": d.authors, "source_path": d.source_path, "record_id": d.metadata.get("id"),
            "chars": len(d.text), "removed": len(d.removed)}


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1):] if "/" in text else text[: width - 1] + "…"


COMMANDS: list[click.Command] = [ingest_cmd, documents_cmd, document_cmd, skipped_cmd]

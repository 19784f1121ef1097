"""Commands of the extraction room: extract, analyze, entities, claims."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import IO, Any

import click

from mistrust.cli.common import echo_json, echo_jsonl, open_workspace, parallel_options, warn
from mistrust.errors import InputError


def _read_input(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    try:
        return open(path, encoding="utf-8")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", path=path) from exc


@click.command("extract")
@click.argument("source", default="-", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON.")
@click.option("--jsonl", "as_jsonl", is_flag=True,
              help='Batch: one {"id", "text"} record per input line, one result per output line.')
@click.option("--nominals", is_flag=True,
              help='Also report pronouns and group nouns ("we", "the regime") as entities (re3d-style).')
@click.pass_context
def extract_cmd(ctx: click.Context, source: str, as_json: bool, as_jsonl: bool, nominals: bool) -> None:
    """Extract entities, attributions and claims from FILE (or - for stdin); nothing is stored."""
    ws = open_workspace(ctx)
    if nominals:
        ws.settings = replace(ws.settings, extract_nominals=True)
    if as_jsonl:
        _extract_jsonl(ws, source)
        return
    fh = _read_input(source)
    try:
        text = fh.read()
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    finally:
        if fh is not sys.stdin:
            fh.close()
    result = ws.extraction_json(ws.extract_text(text))
    if as_json:
        echo_json(result)
    else:
        _print_human(result)


def _records(source: str) -> Any:
    fh = _read_input(source)
    try:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, None, f"line {n}: not JSON ({exc.msg})"
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                yield n, rec if isinstance(rec, dict) else None, f'line {n}: expected an object with a "text" string'
                continue
            yield n, rec, None
    finally:
        if fh is not sys.stdin:
            fh.close()


def _extract_jsonl(ws: Any, source: str) -> None:
    """One process, one model, ``nlp.pipe`` over every record; bad lines get an error line back."""
    pending: list[tuple[Any, tuple[str, str | None]]] = []

    def flush() -> None:
        texts = [text for _, text in pending]
        for (rid, _), extraction in zip(pending, ws.extract_texts(texts), strict=True):
            out = ws.extraction_json(extraction)
            out.pop("doc_id", None)
            echo_jsonl({"id": rid, **out})
        pending.clear()

    for n, rec, error in _records(source):
        if error is not None:
            flush()
            echo_jsonl({"id": (rec or {}).get("id", n), "error": error})
            continue
        pending.append((rec.get("id", n), (rec["text"], rec.get("date"))))
        if len(pending) >= 64:
            flush()
    flush()


def _print_human(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Entities")
    for col in ("text", "label", "canonical", "offsets", "links"):
        table.add_column(col)
    for e in result["entities"]:
        links = ", ".join(f"{h['entity_id']} {h['entity_name']} ({h['score']:.2f}{_tier(h)})" for h in e["links"])
        table.add_row(e["text"], e["label"], e["canonical"] or "", f"{e['start']}-{e['end']}", links)
    console.print(table)
    if result["claims"]:
        ct = Table(title="Claims")
        for col in ("subject", "predicate", "object", "time", "status", "source"):
            ct.add_column(col)
        for c in result["claims"]:
            att = c["attribution"]
            source = " <- ".join(reversed(att["chain"])) if att and att["chain"] else ""
            ct.add_row(c["subject"] or "", c["predicate"], c["object"] or "", c["time"] or "", c["status"], source)
        console.print(ct)
    console.print(f"main status: {result['status']}")


@click.command("analyze")
@click.option("--doc", "doc_ids", multiple=True, help="Only these document ids (repeatable).")
@click.option("--force", is_flag=True, help="Analyse again documents that already have an extraction.")
@parallel_options
@click.pass_context
def analyze_cmd(ctx: click.Context, doc_ids: tuple[str, ...], force: bool, workers: int,
                ray_address: str | None, backend: str) -> None:
    """Extract and store entities, links, attributions and claims for ingested documents.

    A stopped run resumes where it stopped: documents already analysed are skipped."""
    ws = open_workspace(ctx)
    n = ws.analyze(list(doc_ids) or None, force=force, workers=workers, ray_address=ray_address,
                   backend=backend, warn=warn)
    click.echo(f"analysed {n} document(s)")


@click.command("entities")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("-q", "--query", "q", default=None, help="Only names containing this text.")
@click.option("--limit", default=100, show_default=True)
@click.pass_context
def entities_cmd(ctx: click.Context, as_json: bool, q: str | None, limit: int) -> None:
    """Actors found in the analysed documents, with counts and sanctions links."""
    ws = open_workspace(ctx)
    rows = ws.entities(q=q, limit=limit)
    if as_json:
        echo_json(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Entities ({len(rows)})")
    for col in ("name", "label", "mentions", "documents", "links"):
        table.add_column(col)
    for r in rows:
        links = ", ".join(f"{x['entity_id']} {x['entity_name']}{_tier(x, ' (', ')')}" for x in r["links"])
        table.add_row(r["name"], r["label"], str(r["mentions"]), str(len(r["documents"])), links)
    Console().print(table)


def _tier(link: dict[str, Any], before: str = ", ", after: str = "") -> str:
    """Only certain links put an actor on a sanctions list: the others say what they are."""
    tier = link.get("tier") or "certain"
    return "" if tier == "certain" else f"{before}{tier}, not counted{after}"


@click.command("claims")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--doc", "doc_id", default=None, help="Only claims of this document.")
@click.option("--story", "story_id", default=None, help="Only claims of this story.")
@click.pass_context
def claims_cmd(ctx: click.Context, as_json: bool, doc_id: str | None, story_id: str | None) -> None:
    """Claims found in the analysed documents, with their sources and statuses."""
    ws = open_workspace(ctx)
    claims = ws.claims(doc_id=doc_id, story_id=story_id)
    rows: list[dict[str, Any]] = [{"id": c.id, "doc_id": c.doc_id, "subject": c.subject, "predicate": c.predicate, "object": c.object,
             "time": c.time, "status": c.status, "start": c.start, "end": c.end, "text": c.text,
             "attribution": ws.attribution_json(c.attribution) if c.attribution else None} for c in claims]
    if as_json:
        echo_json(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Claims ({len(rows)})")
    for col in ("subject", "predicate", "object", "time", "status", "source", "doc"):
        table.add_column(col)
    for r in rows:
        att = r["attribution"]
        source = " <- ".join(reversed(att["chain"])) if att and att["chain"] else ""
        table.add_row(r["subject"] or "", r["predicate"], r["object"] or "", r["time"] or "", r["status"], source,
                      (r["doc_id"] or "")[:12])
    Console().print(table)


COMMANDS: list[click.Command] = [extract_cmd, analyze_cmd, entities_cmd, claims_cmd]

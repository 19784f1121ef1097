"""Commands of the corroboration room: corroborate, stories, story."""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console
from rich.table import Table

from mistrust.cli.common import UNDATED, echo_json, open_workspace
from mistrust.model import ClaimGroup, Story


def group_json(g: ClaimGroup) -> dict[str, Any]:
    """A claim group as JSON: reports, independent_origins, origins[], denials[] up front."""
    d = g.to_dict()
    return {
        "id": d.pop("id"),
        "subject": d.pop("subject"),
        "predicate": d.pop("predicate"),
        "object": d.pop("object"),
        "time": d.pop("time"),
        "reports": d.pop("reports"),
        "independent_origins": d.pop("independent_origins"),
        "origins": [{**o, "tree": [{"from": a, "to": b, "why": w} for a, b, w in o["tree"]]} for o in d.pop("origins")],
        "denials": d.pop("denials"),
        **d,
    }


def story_json(ws: Any, story: Story) -> dict[str, Any]:
    docs = []
    why = {a["doc_id"]: a for a in ws.story_assignments(story.id)}
    for doc_id in story.documents:
        doc = ws.get_document(doc_id)
        docs.append({"id": doc.id, "title": doc.heading, "outlet": doc.source_label, "published": doc.published,
                     "url": doc.url, "score": why.get(doc_id, {}).get("score"),
                     "reason": why.get(doc_id, {}).get("reason")})
    groups = [group_json(g) for g in story.claim_groups]
    return {
        "id": story.id, "title": story.title, "first_seen": story.first_seen, "last_seen": story.last_seen,
        "entities": story.entities, "documents": docs, "claim_groups": groups,
        "origins": [o for g in groups for o in g["origins"]],
        "contradictions": [c for g in groups for c in (*g["denials"], *g["contradictions"])],
    }


@click.command("corroborate")
@click.option("--refresh-claims", is_flag=True, help="Recompute claim groups of every story (after analyze).")
@click.option("--json", "as_json", is_flag=True, help="Print the changed stories as JSON.")
@click.pass_context
def corroborate_cmd(ctx: click.Context, refresh_claims: bool, as_json: bool) -> None:
    """Place new documents in stories and recompute their claim groups, origins and denials."""
    ws = open_workspace(ctx)
    changed = ws.corroborate(refresh_claims=refresh_claims)
    if as_json:
        echo_json([{"id": s.id, "title": s.title, "documents": s.documents,
                    "claim_groups": len(s.claim_groups)} for s in changed])
    else:
        click.echo(f"{len(changed)} stories changed")


@click.command("stories")
@click.option("--json", "as_json", is_flag=True, help="Print stories as JSON.")
@click.option("--min-docs", default=1, show_default=True, help="Only stories with at least this many documents.")
@click.option("--limit", default=100, show_default=True)
@click.pass_context
def stories_cmd(ctx: click.Context, as_json: bool, min_docs: int, limit: int) -> None:
    """List stories (documents about one event across outlets), biggest first."""
    ws = open_workspace(ctx)
    stories = ws.stories(limit=limit, min_docs=min_docs)
    if as_json:
        echo_json([{"id": s.id, "title": s.title, "first_seen": s.first_seen, "last_seen": s.last_seen,
                    "documents": s.documents, "entities": s.entities} for s in stories])
        return
    table = Table(title=f"{len(stories)} stories")
    for col in ("id", "docs", "first seen", "last seen", "title", "entities"):
        table.add_column(col)
    for s in stories:
        table.add_row(s.id, str(len(s.documents)), s.first_seen or UNDATED, s.last_seen or UNDATED, s.title,
                      ", ".join(s.entities[:4]))
    Console().print(table)


@click.command("story")
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="Print the story as JSON.")
@click.pass_context
def story_cmd(ctx: click.Context, story_id: str, as_json: bool) -> None:
    """One story: its documents, claim groups, independent origins and contradictions."""
    ws = open_workspace(ctx)
    data = story_json(ws, ws.get_story(story_id))
    if data["id"] != story_id:  # a merged story's id leads to the story it was merged into
        data["merged_from"] = story_id
    if as_json:
        echo_json(data)
        return
    console = Console()
    console.print(f"[bold]{data['title']}[/bold]  ({data['id']}, {_span(data['first_seen'], data['last_seen'])})")
    if "merged_from" in data:
        console.print(f"(story {story_id} was merged into this one when a later report bridged them)")
    docs = Table(title="documents")
    for col in ("published", "outlet", "title", "joined because"):
        docs.add_column(col)
    for d in data["documents"]:
        docs.add_row(d["published"] or UNDATED, d["outlet"] or "", d["title"] or d["id"], d["reason"] or "")
    console.print(docs)
    groups = Table(title="claim groups")
    for col in ("claim", "time", "reports", "independent origins", "origins", "denied by"):
        groups.add_column(col)
    for g in data["claim_groups"]:
        claim = " ".join(x for x in (g["subject"], g["predicate"], g["object"]) if x)
        groups.add_row(claim, g["time"] or "", str(len(g["reports"])), str(g["independent_origins"]),
                       "; ".join(o["label"] for o in g["origins"]),
                       "; ".join(d["text"][:80] for d in g["denials"]))
    console.print(groups)
    for c in data["contradictions"]:
        console.print(f"[red]{c['kind']}[/red]: {c['reason']} — {c['text'][:100]}")


def _span(first: str | None, last: str | None) -> str:
    if not first and not last:
        return UNDATED
    return first if first and first == last else f"{first or UNDATED} .. {last or UNDATED}"


COMMANDS: list[click.Command] = [corroborate_cmd, stories_cmd, story_cmd]

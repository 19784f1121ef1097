"""Commands of the review queue: ``review`` (the queue, filtered) and ``approve`` (four eyes).

``judge`` (in ``cli/screen.py``) records decisions. The CLI names its user with ``--user``
(default ``$USER``, else the OS account, as every recorded CLI action); once the workspace has users that must be an enabled account whose role
allows the action.
"""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from mistrust.cli.common import cli_user, echo_json, open_workspace
from mistrust.workspace import Workspace
from mistrust.workspace.review import QueueFilter

STATUSES = click.Choice(["open", "pending_approval", "confirmed", "dismissed", "any"])


@click.command("review")
@click.option("--status", type=STATUSES, default="open", show_default=True)
@click.option("--list", "list_name", help="List name (ofac-sdn) or source (ofac).")
@click.option("--program", help="Sanctions programme.")
@click.option("--min-score", type=click.FloatRange(0, 1))
@click.option("--max-score", type=click.FloatRange(0, 1), help="Exclusive.")
@click.option("--run", "run_id", help="A batch (or screening) run id.")
@click.option("--assignee")
@click.option("--source", type=click.Choice(["screen", "batch", "link", "monitor"]))
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--sort", type=click.Choice(Workspace.sort_keys("review")), default=Workspace.sort_keys("review")[0],
              show_default=True,
              help="Best score first, or the newest sighting first.")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def review_cmd(ctx: click.Context, status: str, list_name: str | None, program: str | None, min_score: float | None,
               max_score: float | None, run_id: str | None, assignee: str | None, source: str | None, limit: int,
               offset: int, sort: str, as_json: bool) -> None:
    """The review queue: hits from screens, batch runs and article links, best score first."""
    where = QueueFilter(status=None if status == "any" else status, list_name=list_name, program=program,
                        min_score=min_score, max_score=max_score, run_id=run_id, assignee=assignee, source=source)
    page = open_workspace(ctx).review_page(where, limit=limit, offset=offset, sort=sort)
    if as_json:
        echo_json(page)
        return
    table = Table(title=f"Review queue: {page['total']} hit(s), from {offset + 1}")
    for col in ("hit", "score", "status", "query", "entity", "programs", "source", "by"):
        table.add_column(col)
    for h in page["items"]:
        by = " / ".join(x for x in (h["decided_by"], h["approved_by"]) if x)
        table.add_row(h["id"], f"{h['score']:.2f}", h["status"], h["query_name"], f"{h['entity_id']} {h['entity_name']}",
                      ", ".join(h.get("programs", [])), h["source"], by)
    Console().print(table)
    if page["next_offset"] is not None:
        click.echo(f"more: --offset {page['next_offset']}")


@click.command("approve")
@click.argument("hit_id")
@click.option("--reject", is_flag=True, help="Reject the dismissal instead: the hit is open again.")
@click.option("--note", help="Why.")
@click.option("--user", envvar="USER", default=cli_user, show_default="$USER, else the OS account",
              help="The second reviewer.")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def approve_cmd(ctx: click.Context, hit_id: str, reject: bool, note: str | None, user: str | None,
                as_json: bool) -> None:
    """Approve a dismissal waiting for a second reviewer (four eyes); never your own."""
    result = open_workspace(ctx).approve(hit_id, user, note=note, reject=reject)
    if as_json:
        echo_json(result)
    else:
        click.echo(f"{result['action']} {hit_id}: now {result['status']} ({result['user']} at {result['at']})")


COMMANDS: list[click.Command] = [review_cmd, approve_cmd]

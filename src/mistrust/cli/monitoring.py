"""Commands of ongoing monitoring: ``mistrust watch add|list|remove|load`` and ``mistrust alerts [ack]``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from mistrust.cli.common import cli_user, echo_json, open_workspace
from mistrust.workspace import WATCH_SCHEMAS

SCHEMA = click.Choice(WATCH_SCHEMAS, case_sensitive=False)


def rescreen_line(summary: dict[str, Any]) -> str:
    """The one line a list load prints about the re-screen it ran."""
    hits = summary["new_hits"]
    return (f"re-screened {summary['subjects']} subjects: {hits} new hit{'' if hits == 1 else 's'} "
            f"since {summary['new_since']}" + (" (in the review queue)" if hits else ""))


@click.group("watch")
def watch_group() -> None:
    """Watched names: screened now and again whenever a list version becomes current."""


@watch_group.command("add")
@click.argument("name")
@click.option("--schema", type=SCHEMA, default="Any", show_default=True, help="What the name is.")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def add_cmd(ctx: click.Context, name: str, schema: str, as_json: bool) -> None:
    """Watch NAME (its current matches go to the review queue)."""
    watch = open_workspace(ctx).add_watch(name, schema, user=cli_user())
    if as_json:
        echo_json(watch)
        return
    click.echo(f"watch {watch['id']}: {watch['name']} ({watch['schema']}), added by {watch['user']}; "
               f"{watch['matches']} match(es) on the current lists")


@watch_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def list_cmd(ctx: click.Context, as_json: bool) -> None:
    """Every watched name."""
    watches = open_workspace(ctx).watches()
    if as_json:
        echo_json(watches)
        return
    if not watches:
        click.echo("No watched names. Try `mistrust watch add NAME` or `mistrust watch load FILE`.")
        return
    table = Table(title="Watched names")
    for col in ("id", "name", "schema", "added by", "added", "from"):
        table.add_column(col)
    for w in watches:
        table.add_row(str(w["id"]), w["name"], w["schema"], w["user"] or "", w["created"], w["source"] or "")
    Console(width=140).print(table)


@watch_group.command("remove")
@click.argument("watch_id", type=int)
@click.pass_context
def remove_cmd(ctx: click.Context, watch_id: int) -> None:
    """Stop watching the name with id WATCH_ID."""
    watch = open_workspace(ctx).remove_watch(watch_id)
    click.echo(f"removed watch {watch['id']}: {watch['name']}")


@watch_group.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--schema", type=SCHEMA, default="Any", show_default=True,
              help="Schema of rows that do not give one.")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def load_cmd(ctx: click.Context, file: Path, schema: str, as_json: bool) -> None:
    """Watch every name of FILE: one name per line, or CSV / JSON Lines with a name column."""
    result = open_workspace(ctx).load_watches(file, schema, user=cli_user())
    if as_json:
        echo_json(result)
        return
    for refused in result["refused"]:
        click.echo(f"skipped {refused['error']}", err=True)
    click.echo(f"{len(result['added'])} of {result['rows']} rows watched from {file}, "
               f"{len(result['refused'])} skipped")


@click.group("alerts", invoke_without_command=True)
@click.option("--all", "show_all", is_flag=True, help="Acknowledged alerts too.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip the newest N (the next page).")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def alerts_group(ctx: click.Context, show_all: bool, limit: int, offset: int, as_json: bool) -> None:
    """Open alerts: new articles that mention a listed entity or a watched name (`alerts ack ID`)."""
    if ctx.invoked_subcommand is not None:
        return
    alerts = open_workspace(ctx).alerts(include_all=show_all, limit=limit, offset=offset)
    if as_json:
        echo_json(alerts)
        return
    if not alerts:
        click.echo("No open alerts." if not show_all else "No alerts.")
        return
    table = Table(title="Alerts")
    for col in ("id", "kind", "mentioned as", "entry or watch", "document", "raised", "status"):
        table.add_column(col, overflow="fold")
    for a in alerts:
        target = a["entity_id"] if a["kind"] == "listed" else f"watch {a['watch_id']}"
        status = a["status"] + (f" by {a['acknowledged_by']}" if a["acknowledged_by"] else "")
        table.add_row(str(a["id"]), a["kind"], a["subject"], f"{target} {a['detail'].get('name', '')}",
                      a["document"], a["created"], status)
    Console(width=160).print(table)


@alerts_group.command("ack")
@click.argument("alert_ids", nargs=-1, type=int, required=True)
@click.pass_context
def ack_cmd(ctx: click.Context, alert_ids: tuple[int, ...]) -> None:
    """Acknowledge alert(s) ALERT_IDS (recorded with your user name)."""
    ws = open_workspace(ctx)
    for alert_id in alert_ids:
        alert = ws.acknowledge_alert(alert_id, user=cli_user())
        click.echo(f"alert {alert['id']} acknowledged by {alert['acknowledged_by']}")


COMMANDS: list[click.Command] = [watch_group, alerts_group]

"""Commands on the workspace itself: ``mistrust init``, ``mistrust db migrate`` and ``mistrust db copy SRC DST``."""

from __future__ import annotations

import click

from mistrust.cli.common import echo_json, missing_workspace, open_workspace
from mistrust.errors import WorkspaceNotFound
from mistrust.workspace import Workspace


@click.command("init")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def init_cmd(ctx: click.Context, as_json: bool) -> None:
    """Create an empty workspace at --db (all migrations applied) and say where it is.

    Run on an existing workspace it only applies the migrations that workspace lacks.
    """
    ws = open_workspace(ctx, create=True)
    applied, everything = ws.migrations()
    where = ws.location
    created = len(applied) == len(everything)
    if as_json:
        echo_json({"backend": ws.backend, "workspace": where, "created": created, "applied": applied})
        return
    state = "created" if created else f"already there ({len(applied)} migration(s) applied now)"
    click.echo(f"{ws.backend} workspace {where}: {state}")
    click.echo("next: `mistrust lists load FILE` (sanctions lists), `mistrust ingest PATH|URL` (documents)")


@click.group("db")
def db_group() -> None:
    """The workspace's database: migrate it, copy it to another backend."""


@db_group.command("migrate")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def migrate_cmd(ctx: click.Context, as_json: bool) -> None:
    """Apply the migrations the workspace (--db) does not have yet (creating it if needed); opening it does the same."""
    ws = open_workspace(ctx, create=True)
    applied, everything = ws.migrations()
    if as_json:
        echo_json({"backend": ws.backend, "applied": applied, "migrations": everything})
        return
    click.echo(f"{ws.backend} workspace {ws.settings.db_path}: {len(applied)} migration(s) applied now, "
               f"{len(everything)} in all")
    for name in applied:
        click.echo(f"  applied {name}")


@db_group.command("copy")
@click.argument("source")
@click.argument("target")
@click.option("--replace", is_flag=True, help="Delete what the target holds first (refused otherwise).")
def copy_cmd(source: str, target: str, replace: bool) -> None:
    """Copy a whole workspace SOURCE into TARGET (files or postgresql:// URLs), in one transaction on TARGET."""
    try:
        ws = Workspace(source)
    except WorkspaceNotFound as exc:  # the source must exist; the target is created when it does not
        raise missing_workspace(source, exc) from None
    with ws:
        result = ws.copy_to(target, replace=replace)
    for table, n in result.rows.items():
        click.echo(f"  {table}: {n}")
    click.echo(f"copied {result.total} rows from {source} to {target}")


COMMANDS: list[click.Command] = [init_cmd, db_group]

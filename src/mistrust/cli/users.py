"""``mistrust users``: accounts for the web UI and the API (add, list, disable, key).

Run where the workspace is: whoever can open the workspace can manage its users, so these
commands ask for no sign-in. The first user turns single-user mode off.
"""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.table import Table

from mistrust.cli.common import echo_json, open_workspace
from mistrust.errors import InputError
from mistrust.model.accounts import ROLES


@click.group("users")
def users_cmd() -> None:
    """User accounts and roles (analyst, reviewer, admin); none means single-user mode."""


@users_cmd.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="analyst", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@click.pass_context
def add_cmd(ctx: click.Context, name: str, role: str, password_stdin: bool) -> None:
    """Add user NAME; the password is asked for (twice), or read with --password-stdin."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise InputError("no password given")
    user = open_workspace(ctx).add_user(name, role, password)
    click.echo(f"added {user.name} ({user.role})")


@users_cmd.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def list_cmd(ctx: click.Context, as_json: bool) -> None:
    """Every user with role and state."""
    users = open_workspace(ctx).users()
    if as_json:
        echo_json(users)
        return
    if not users:
        click.echo("No users: the workspace runs in single-user mode.")
        return
    table = Table(title="Users")
    for col in ("name", "role", "state", "created"):
        table.add_column(col)
    for u in users:
        table.add_row(u.name, u.role, "disabled" if u.disabled else "enabled", u.created_at or "")
    Console().print(table)


@users_cmd.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="Enable the user again instead.")
@click.pass_context
def disable_cmd(ctx: click.Context, name: str, enable: bool) -> None:
    """Disable user NAME: their sessions end and their API keys are refused."""
    user = open_workspace(ctx).disable_user(name, disabled=not enable)
    click.echo(f"{user.name} {'disabled' if user.disabled else 'enabled'}")


@users_cmd.command("key")
@click.argument("name")
@click.pass_context
def key_cmd(ctx: click.Context, name: str) -> None:
    """Print a new API key for NAME (Authorization: Bearer KEY). It is shown once: only its hash is kept."""
    click.echo(open_workspace(ctx).new_api_key(name))


COMMANDS: list[click.Command] = [users_cmd]

"""``mistrust users``: accounts for the web UI and the API (add, list, disable, passwd, key, keys, revoke-key).

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
    user = open_workspace(ctx).add_user(name, role, _password(password_stdin))
    click.echo(f"added {user.name} ({user.role})")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise InputError("no password given")
    return password


@users_cmd.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the new password from the first line of stdin.")
@click.pass_context
def passwd_cmd(ctx: click.Context, name: str, password_stdin: bool) -> None:
    """Set a new password for NAME (asked twice, or --password-stdin); their web sessions end."""
    user = open_workspace(ctx).set_password(name, _password(password_stdin))
    click.echo(f"password of {user.name} changed; their sessions have ended")


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


@users_cmd.command("keys")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def keys_cmd(ctx: click.Context, name: str, as_json: bool) -> None:
    """NAME's API keys: id (for revoke-key), prefix and creation time. The keys themselves are not kept."""
    keys = open_workspace(ctx).api_keys(name)
    if as_json:
        echo_json(keys)
        return
    if not keys:
        click.echo(f"{name} has no API keys")
        return
    table = Table(title=f"API keys of {name}")
    for col in ("id", "prefix", "created"):
        table.add_column(col)
    for k in keys:
        table.add_row(k["id"], f"{k['prefix']}..." if k["prefix"] else "(not kept)", k["created_at"])
    Console().print(table)


@users_cmd.command("revoke-key")
@click.argument("key_id")
@click.pass_context
def revoke_key_cmd(ctx: click.Context, key_id: str) -> None:
    """Revoke the API key KEY_ID (see `users keys NAME`): requests with it are refused from now on."""
    holder = open_workspace(ctx).revoke_key(key_id)
    click.echo(f"key {key_id} of {holder} revoked")


COMMANDS: list[click.Command] = [users_cmd]

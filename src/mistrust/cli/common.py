"""Helpers shared by the command modules."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from mistrust.workspace import BACKENDS, Workspace


def open_workspace(ctx: click.Context) -> Workspace:
    """The command's Workspace, closed when the command ends (the one way a command closes it)."""
    root = ctx.find_root()
    ws = Workspace(root.obj["db_path"])
    ctx.call_on_close(lambda: close_workspace(ws))
    return ws


def close_workspace(ws: Workspace) -> None:
    """Close, writing queued audit rows; say so when another process kept them from the store.

    The screening answer was already given: a compliance user is told where the rows wait
    (they are on disk, and the next command on this workspace writes them), not given a failure.
    """
    left = ws.close()
    if left:
        click.echo(f"warning: {left} audit record(s) not written yet: another process holds the lock on "
                   f"{ws.settings.db_path}; they are kept in {ws.pending_writes_file()} and the next mistrust "
                   "command on this workspace writes them", err=True)


def parallel_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--workers``, ``--ray-address`` and ``--backend``, shared by the commands that scale out."""
    options = [
        click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Worker processes: 1 runs here; more run on Ray (the cluster extra), else a local pool."),
        click.option("--ray-address", help="Run the workers on this Ray cluster (e.g. ray://head:10001 or auto)."),
        click.option("--backend", type=click.Choice(BACKENDS), default="auto", show_default=True,
                     help="Where --workers run: auto (Ray if installed, else a pool), ray, or pool."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def warn(message: str) -> None:
    click.echo(message, err=True)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_default))


def echo_jsonl(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, default=_default))


def _default(obj: Any) -> Any:
    from dataclasses import asdict, is_dataclass

    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, set | frozenset):
        return sorted(obj)
    return str(obj)

"""Helpers shared by the command modules."""

from __future__ import annotations

import json
from typing import Any

import click

from mistrust.workspace import Workspace


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

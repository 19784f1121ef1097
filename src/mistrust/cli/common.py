"""Helpers shared by the command modules."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from mistrust.errors import WorkspaceNotFound
from mistrust.workspace import BACKENDS, Workspace


def cli_user() -> str:
    """Who runs the command: the OS account, or "local" when it has no name."""
    try:
        return getpass.getuser() or "local"
    except (OSError, KeyError):  # no USER variable and no passwd entry (some containers)
        return "local"


def open_workspace(ctx: click.Context, create: bool = False) -> Workspace:
    """The command's Workspace, closed when the command ends (the one way a command closes it).

    Only the commands that put data in (``init``, ``lists load|update``, ``ingest``, ``db migrate``)
    pass ``create=True``; the others refuse a ``--db`` that does not exist rather than read an
    empty workspace made on the spot and report a clean result.
    """
    ws = _workspace(db_option(ctx), create)
    ctx.call_on_close(lambda: close_workspace(ws))
    ws.progress = progress_bars(ctx)  # closed before the workspace (click closes in reverse order)
    return ws


class ProgressBars:
    """Rich bars on stderr, one per step the Workspace reports (``Workspace.progress``).

    Engines only call a ``(done, total)`` callback; the bars, the terminal and rich stay here.
    """

    def __init__(self) -> None:
        self.bars = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), console=Console(stderr=True))
        self.tasks: dict[str, TaskID] = {}
        self.started = False

    def __call__(self, what: str, done: int, total: int) -> None:
        if not self.started:
            self.bars.start()
            self.started = True
        task = self.tasks.get(what)
        if task is None:
            task = self.tasks[what] = self.bars.add_task(what, total=total)
        self.bars.update(task, completed=done, total=total)

    def close(self) -> None:
        if self.started:
            self.bars.stop()
            self.started = False


def progress_bars(ctx: click.Context) -> ProgressBars | None:
    """The command's bars: with --progress, or by default when stderr is a terminal (never in a
    pipe, a log or a test); None when there are none. One set per command."""
    obj = ctx.find_root().obj
    if "bars" not in obj:
        wanted = obj.get("progress")
        if wanted is None:
            wanted = sys.stderr.isatty()
        obj["bars"] = ProgressBars() if wanted else None
        if obj["bars"] is not None:
            ctx.call_on_close(obj["bars"].close)
    bars: ProgressBars | None = obj["bars"]
    return bars


def require_workspace(ctx: click.Context) -> None:
    """Refuse a missing workspace now, for a command (``serve``) that opens its own later."""
    _workspace(db_option(ctx)).close()


def _workspace(db_path: str, create: bool = False) -> Workspace:
    """The Workspace at ``db_path``; a missing one refused with the message every command gives."""
    try:
        return Workspace(db_path, create=create)
    except WorkspaceNotFound as exc:
        raise missing_workspace(db_path, exc) from None


def db_option(ctx: click.Context) -> str:
    """The workspace the command was given (``--db`` or MISTRUST_DB)."""
    return str(ctx.find_root().obj["db_path"])


def missing_workspace(db_path: str, exc: WorkspaceNotFound) -> WorkspaceNotFound:
    """The refusal a user can act on: what is missing and the commands that create it."""
    where = str(exc.context.get("path") or db_path)  # a Postgres URL without its password
    what = "the database has no mistrust tables" if "://" in where else "the file does not exist"
    return WorkspaceNotFound(
        f"no workspace at {where}: {what}. Check --db (or MISTRUST_DB); to start a new workspace there run "
        f"`mistrust --db {where} init`, or load data into it with `mistrust --db {where} lists load FILE` "
        f"or `mistrust --db {where} ingest PATH`", path=where)


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


# What a document or story without a date shows instead (never "None" or a blank).
UNDATED = "undated"


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

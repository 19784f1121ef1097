"""The ``mistrust`` command line. Each command opens the Workspace and calls one method.

Commands live in one module per room (``cli/lists.py``, ``cli/screen.py``, ...), each
exporting ``COMMANDS``; this module only builds the group and maps errors to exit codes.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from mistrust.errors import MistrustError


class MistrustGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MistrustError as exc:
            click.echo(f"Error [{exc.code}]: {exc.message}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=MistrustGroup)
@click.option("--db", "db_path", envvar="MISTRUST_DB", default="mistrust.db", show_default=True,
              help="The workspace: a SQLite file, or postgresql://user@host:port/db (env MISTRUST_DB).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bars on stderr for long steps (default: only when stderr is a terminal).")
@click.version_option(package_name="mistrust")
@click.pass_context
def main(ctx: click.Context, db_path: str, progress: bool | None) -> None:
    """mistrust: trace every claim to its sources and check every actor against the lists."""
    ctx.obj = {"db_path": db_path, "progress": progress}


def _register() -> None:
    from mistrust.cli import (
        corroboration,
        database,
        extraction,
        lists,
        monitoring,
        reading,
        screen,
        seeing,
        users,
    )
    from mistrust.cli import review as review_commands

    for module in (lists, screen, reading, extraction, corroboration, seeing, database, monitoring, review_commands,
                   users):
        for command in getattr(module, "COMMANDS", []):
            main.add_command(command)


_register()

__all__ = ["main"]

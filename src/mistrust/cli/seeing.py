"""Commands of the seeing room: report, export, serve."""

from __future__ import annotations

import os
from pathlib import Path

import click

from mistrust.cli.common import cli_user, open_workspace, require_workspace
from mistrust.workspace import EXPORT_FORMATS

_SUFFIX = {"ftm": ".ftm.json", "csv": ".csv", "gexf": ".gexf", "graphml": ".graphml"}


@click.command()
@click.option("--story", "story_id", help="Only this story (default: every story).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Output file [report.html|report.md].")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
@click.option("--png", type=click.Path(dir_okay=False, path_type=Path), help="Also write the network as a PNG.")
@click.pass_context
def report(ctx: click.Context, story_id: str | None, out: Path | None, fmt: str, png: Path | None) -> None:
    """Write a report: summary, network, timeline, claims and sanctions hits."""
    out = out or Path(f"report.{fmt}")
    ws = open_workspace(ctx)
    path = ws.write_report(out, story_id=story_id, format=fmt, png=png, user=cli_user(), channel="cli")
    click.echo(f"report written to {path.resolve()}")
    if png is not None:
        click.echo(f"network image written to {png.resolve()}")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("--story", "story_id", help="Only this story (default: everything).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Output file [export.<format>].")
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, story_id: str | None, out: Path | None) -> None:
    """Export actors and claims: FollowTheMoney JSON Lines, CSV, GEXF or GraphML."""
    out = out or Path("export" + _SUFFIX[fmt])
    ws = open_workspace(ctx)
    path = ws.export(fmt, out, story_id=story_id, user=cli_user(), channel="cli")
    click.echo(f"{fmt} export written to {path.resolve()}")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="warning and above also silences the access log.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (a PostgreSQL workspace only: a SQLite file has one writer).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, log_level: str, workers: int) -> None:
    """Serve the web UI and the JSON API (/api/v1, OpenAPI at /docs).

    With MISTRUST_API_TOKEN set, every route but /api/v1/health needs "Authorization: Bearer
    TOKEN" (browsers: the same token in a cookie named mistrust_token).
    """
    import uvicorn

    from mistrust.api import create_app
    from mistrust.api.app import SERVE_BIND_ENV, SERVE_DB_ENV
    from mistrust.api.serving import HTTP_PROTOCOL, run_workers
    from mistrust.workspace import Workspace, is_database_url

    db_path = ctx.find_root().obj["db_path"]
    if workers > 1 and not is_database_url(db_path):
        raise click.UsageError(
            "--workers above 1 needs a PostgreSQL workspace (--db postgresql://...): a SQLite file lets one "
            "process write at a time, and one process already serves many requests at once (one reader "
            "connection per thread); copy the workspace with `mistrust db copy` to serve it from Postgres")
    require_workspace(ctx)  # refused now, not at the first request (and never created empty)
    app = create_app(lambda: Workspace(db_path), bind=[host])
    settings = app.state.settings
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.api_token:
        click.echo("warning: serving beyond loopback without MISTRUST_API_TOKEN: anyone can read and judge",
                   err=True)
    if host in ("0.0.0.0", "::") and not settings.allowed_hosts:  # noqa: S104 - only compared
        click.echo("note: requests must name localhost or the bind address in their Host header; set "
                   "MISTRUST_ALLOWED_HOSTS to this machine's names to reach it from elsewhere", err=True)
    if workers > 1:  # each worker process builds its own app from the factory
        os.environ[SERVE_DB_ENV], os.environ[SERVE_BIND_ENV] = db_path, host
        # a listening socket per worker, not uvicorn's one shared socket (api/serving.py says why)
        config = uvicorn.Config("mistrust.api.app:worker_app", factory=True, host=host, port=port,
                                log_level=log_level, access_log=log_level in ("info", "debug"), http=HTTP_PROTOCOL)
        ctx.exit(run_workers(config, workers))
    # HTTP_PROTOCOL: each answer in one socket write (api/serving.py)
    uvicorn.run(app, host=host, port=port, log_level=log_level,
                access_log=log_level in ("info", "debug"), http=HTTP_PROTOCOL)


COMMANDS: list[click.Command] = [report, export_cmd, serve]

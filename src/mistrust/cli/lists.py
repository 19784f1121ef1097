"""Commands of the lists room: ``mistrust lists load|show|diff|update|export`` and ``mistrust entity``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from mistrust.cli.common import cli_user, echo_json, open_workspace
from mistrust.cli.monitoring import rescreen_line
from mistrust.errors import WorkspaceNotFound
from mistrust.model import ListVersion
from mistrust.model.lists import MADE_CURRENT, OLDER, UNDATED
from mistrust.workspace import LIST_FORMATS, LIST_SOURCES, Workspace


def _console() -> Console:
    # Piped output (CI logs, `| less`) gets 80 columns from rich, too narrow for these tables.
    console = Console()
    return console if console.is_terminal else Console(width=140)


NO_RESCREEN = click.option("--no-rescreen", is_flag=True,
                           help="Do not screen the watched names and earlier batch rows again.")


@click.group("lists")
def lists_group() -> None:
    """Official sanctions lists: load, show, diff, update, export."""


@lists_group.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(LIST_FORMATS), default=None, help="Override format detection.")
@click.option("--make-current", is_flag=True,
              help="Make the loaded file(s) current even if a version published later is loaded.")
@click.option("--json", "as_json", is_flag=True, help="Print the loaded versions as JSON.")
@NO_RESCREEN
@click.pass_context
def load_cmd(ctx: click.Context, files: tuple[Path, ...], fmt: str | None, make_current: bool,
             as_json: bool, no_rescreen: bool) -> None:
    """Load list FILE(s): each one transaction; the current version is the one published last."""
    ws = open_workspace(ctx, create=True)
    summaries: list[dict[str, Any]] = []
    versions = ws.load_lists(list(files), format=fmt, make_current=make_current, rescreen=not no_rescreen,
                             on_rescreen=summaries.append)
    states = _loaded(ws, versions, summaries, as_json)
    if as_json:
        return
    for v in versions:
        click.echo(f"{v.list_name}: {v.entity_count} entries from {v.source_file} "
                   f"(published {v.published or 'unknown'}, version {v.id}): {states[v.id]}")
        for key, value in v.notes.items():
            click.echo(f"  note: {key.replace('_', ' ')}: {value}")


def _loaded(ws: Any, versions: list[ListVersion], summaries: list[dict[str, Any]],
            as_json: bool) -> dict[str, str]:
    """After ``lists load`` or ``lists update``: the re-screens' lines, then the versions as JSON
    (and {} back), or each version's state against its list's current one, for the command's lines."""
    for summary in summaries:
        if summary["subjects"]:  # on stderr under --json, which stays one JSON document
            click.echo(rescreen_line(summary), err=as_json)
    if as_json:
        echo_json(versions)
        return {}
    return {v.id: _load_state(v, ws.current_version(v.list_name)) for v in versions}


def _load_state(v: ListVersion, current: ListVersion | None) -> str:
    other = (f"{current.id} published {current.published or 'unknown'}"
             if current is not None and current.id != v.id else "")
    if v.current:
        return "made current on purpose" if v.outcome == MADE_CURRENT else "current"
    if v.outcome == OLDER:
        return f"recorded as an older version; current stays {other} (--make-current to switch)"
    if v.outcome == UNDATED:
        return f"recorded; the file has no publication date, so current stays {other} (--make-current to switch)"
    return f"already loaded, not current; current stays {other} (--make-current to switch)"


@lists_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def show_cmd(ctx: click.Context, as_json: bool) -> None:
    """Lists, their versions, publication dates and entry counts."""
    ws = open_workspace(ctx)
    versions = ws.list_versions()
    if as_json:
        echo_json(versions)
        return
    if not versions:
        click.echo("No lists loaded. Try `mistrust lists load FILE` or `mistrust lists update`.")
        return
    table = Table(title="Sanctions lists")
    for col in ("list", "version", "published", "entries", "current", "format"):
        table.add_column(col, no_wrap=True)
    table.add_column("file", overflow="fold")
    for v in versions:
        table.add_row(v.list_name, v.id, v.published or "?", str(v.entity_count), "yes" if v.current else "",
                      v.format, Path(v.source_file).name)
    _console().print(table)


@lists_group.command("diff")
@click.argument("old")
@click.argument("new")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--limit", default=50, show_default=True, help="Rows shown per section (human output).")
@click.pass_context
def diff_cmd(ctx: click.Context, old: str, new: str, as_json: bool, limit: int) -> None:
    """Entries added, removed and changed between OLD and NEW (version ids or list files)."""
    try:
        ws = open_workspace(ctx)
    except WorkspaceNotFound:
        if not (Path(old).is_file() and Path(new).is_file()):
            raise
        # two files need no workspace: read them into a throwaway one, create nothing at --db
        ws = Workspace(":memory:", create=True)
        ctx.call_on_close(ws.close)
    result = ws.diff_lists(old, new)
    if as_json:
        echo_json(result)
        return
    c = result["counts"]
    click.echo(f"{result['old']['list_name']} {result['old']['published'] or result['old']['id']} -> "
               f"{result['new']['list_name']} {result['new']['published'] or result['new']['id']}: "
               f"{c['added']} added, {c['removed']} removed, {c['changed']} changed, {c['unchanged']} unchanged")
    for section in ("added", "removed"):
        for ent_id in result[section][:limit]:
            click.echo(f"  {'+' if section == 'added' else '-'} {ent_id}  {result['names'][ent_id]}")
        if len(result[section]) > limit:
            click.echo(f"  ... {len(result[section]) - limit} more {section}")
    for change in result["changed"][:limit]:
        click.echo(f"  ~ {change['id']}  {change['name']}: {', '.join(change['fields'])}")
    if len(result["changed"]) > limit:
        click.echo(f"  ... {len(result['changed']) - limit} more changed")


@lists_group.command("update")
@click.argument("sources", nargs=-1, type=click.Choice(sorted(LIST_SOURCES)))
@click.option("--json", "as_json", is_flag=True, help="Print the loaded versions as JSON.")
@NO_RESCREEN
@click.pass_context
def update_cmd(ctx: click.Context, sources: tuple[str, ...], as_json: bool, no_rescreen: bool) -> None:
    """Download the official list files (default: UN, OFAC SDN, OFAC consolidated, EU, UK) and load them."""
    ws = open_workspace(ctx, create=True)
    summaries: list[dict[str, Any]] = []
    versions = ws.update_lists(list(sources) or None, rescreen=not no_rescreen, on_rescreen=summaries.append)
    states = _loaded(ws, versions, summaries, as_json)
    if as_json:
        return
    for v in versions:
        click.echo(f"{v.list_name}: {v.entity_count} entries, sha256 {v.sha256[:16]}..., version {v.id}: "
                   f"{states[v.id]}")


@lists_group.command("export")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def export_cmd(ctx: click.Context, out: Path) -> None:
    """Write every current list entry to OUT as FollowTheMoney JSON lines."""
    count = open_workspace(ctx).export_lists(out, user=cli_user(), channel="cli")
    click.echo(f"{count} entries written to {out}")


@click.command("entity")
@click.argument("entity_id")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def entity_cmd(ctx: click.Context, entity_id: str, as_json: bool) -> None:
    """One list entry (e.g. ofac:19716, un:KPe.001): all fields, and which versions contain it."""
    ws = open_workspace(ctx)
    entity, versions = ws.get_entity(entity_id)
    if as_json:
        echo_json({"entity": entity, "versions": versions})
        return
    table = Table(title=f"{entity.id}  {entity.name}", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value")
    table.add_row("schema", entity.schema)
    for alias in entity.aliases:
        table.add_row(f"alias ({alias.quality} {alias.kind})", alias.name)
    for label, values in (("programs", entity.programs), ("birth dates", entity.birth_dates),
                          ("birth places", entity.birth_places), ("nationalities", entity.nationalities),
                          ("countries", entity.countries), ("addresses", entity.addresses)):
        if values:
            table.add_row(label, "; ".join(values))
    for ident in entity.identifiers:
        table.add_row(f"id ({ident.type})", " ".join(x for x in (ident.value, ident.country and f"[{ident.country}]",
                                                                 ident.note) if x))
    for label, value in (("listed on", entity.listed_on), ("remarks", entity.remarks)):
        if value:
            table.add_row(label, value)
    for key, value in entity.extra.items():
        table.add_row(key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    table.add_row("in versions", "\n".join(f"{v.list_name} {v.published or '?'} ({v.id}){' current' if v.current else ''}"
                                           for v in versions))
    _console().print(table)


COMMANDS: list[click.Command] = [lists_group, entity_cmd]

"""Commands of the screening room: screen, compare, audit, judge."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from mistrust.cli.common import cli_user, echo_json, echo_jsonl, open_workspace, parallel_options, warn
from mistrust.errors import InputError
from mistrust.model import NameQuery

SCHEMAS = click.Choice(["Person", "Organization", "Vessel", "Aircraft", "Any"], case_sensitive=False)


def _schema(value: str) -> str:
    return {s.lower(): s for s in ("Person", "Organization", "Vessel", "Aircraft", "Any")}[value.lower()]


@click.command("screen")
@click.argument("name", required=False)
@click.option("--schema", type=SCHEMAS, default="Any", show_default=True, help="What the name is.")
@click.option("--birth-date", help="Birth date or year (ISO prefix: 1965, 1965-03-02).")
@click.option("--country", "countries", multiple=True, help="Country code linked to the name (repeatable).")
@click.option("--identifier", "identifiers", multiple=True, help="IMO, passport or other number (repeatable).")
@click.option("--threshold", type=float, help="Score at or above which a hit is a match.")
@click.option("--limit", type=int, help="Maximum hits per name.")
@click.option("--input", "input_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Batch input: names.csv, names.jsonl or names.txt.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Batch output (JSON Lines, one line per input row).")
@click.option("--no-resume", is_flag=True, help="Batch: start over instead of skipping rows already written.")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@parallel_options
@click.pass_context
def screen_cmd(ctx: click.Context, name: str | None, schema: str, birth_date: str | None,
               countries: tuple[str, ...], identifiers: tuple[str, ...], threshold: float | None,
               limit: int | None, input_path: Path | None, output_path: Path | None, no_resume: bool,
               as_json: bool, workers: int, ray_address: str | None, backend: str) -> None:
    """Screen NAME against the current lists, or a whole file with --input/--output."""
    ws = open_workspace(ctx)
    if input_path is not None:
        if output_path is None or name:
            raise InputError("batch screening takes --input and --output and no NAME")
        result = ws.screen_file(input_path, output_path, resume=not no_resume, threshold=threshold,
                                limit=limit, progress=ws.report(f"screening {input_path.name} (bytes)"), workers=workers,
                                ray_address=ray_address, backend=backend, warn=warn)
        if as_json:
            echo_json(result)
        else:
            for refused in result["refused"]:
                click.echo(f"skipped {refused['error']}", err=True)
            if result["errors"] > len(result["refused"]):
                click.echo(f"... {result['errors'] - len(result['refused'])} more skipped rows: see the error lines "
                           f"in {result['output']}", err=True)
            click.echo(f"{result['screened']} rows screened ({result['skipped_done']} already done, "
                       f"{result['errors']} skipped), {result['matches']} matches -> {result['output']}")
        return
    if not name:
        raise InputError("give a NAME to screen, or --input and --output for a batch")
    if workers > 1 or ray_address:
        raise InputError("--workers and --ray-address are for a batch (--input and --output)")
    query = NameQuery(name=name, schema=_schema(schema), birth_date=birth_date,
                      countries=[c.lower() for c in countries], identifiers=list(identifiers))
    hits = ws.screen(query, threshold=threshold, limit=limit)
    if as_json:
        echo_json([h.to_dict() for h in hits])
        return
    console = Console()
    if not hits:
        console.print(f"No hits for [bold]{name}[/bold].")
        return
    table = Table(title=f"Screening: {name}")
    for col in ("#", "score", "decision", "entity", "programs", "matched name"):
        table.add_column(col)
    for n, h in enumerate(hits, start=1):
        decision = "[bold red]MATCH[/]" if h.match else "near miss"
        if h.judgement:
            decision += f" ({h.judgement})"
        table.add_row(str(n), f"{h.score:.2f}", decision, f"{h.entity_id} {h.entity_name}", ", ".join(h.programs),
                      h.matched_name)
    console.print(table)
    console.print(f"algorithm {hits[0].algorithm}, threshold {hits[0].threshold:.2f}, "
                  f"list versions {', '.join(sorted({h.list_version for h in hits}))}")
    for n, h in enumerate(hits, start=1):
        console.print(f"\n[bold]#{n}[/bold] hit {h.id} ({h.entity_id}) - why:", highlight=False)
        for line in ws.explain(h):
            console.print(f"  - {line}", highlight=False, markup=False)


@click.command("compare")
@click.pass_context
def compare_cmd(ctx: click.Context) -> None:
    """Score name pairs: JSON lines on stdin ({"schema", "a", "b", ...}), one result line out per line in."""
    ws = open_workspace(ctx)
    for result in ws.compare_lines(sys.stdin.buffer):
        echo_jsonl(result)  # a line that cannot be compared gets its error line here, and the rest go on


@click.command("audit")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.option("--hit", "hit_id", help="One hit's review history instead (who, when, decision, note, list version,"
              " algorithm).")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="json", show_default=True,
              help="With --hit: the export format.")
@click.option("--exports", "show_exports", is_flag=True,
              help="The export log instead: who exported what (reports, graphs, lists, hit histories), when, how.")
@click.pass_context
def audit_cmd(ctx: click.Context, limit: int, as_json: bool, hit_id: str | None, fmt: str,
              show_exports: bool) -> None:
    """List recorded screening runs: query, list versions, algorithm, threshold, hits (--hit: one hit's history;
    --exports: the export log)."""
    if hit_id is not None:
        ws = open_workspace(ctx)
        if fmt == "csv":
            click.echo(ws.hit_history_csv(hit_id, user=cli_user(), channel="cli"), nl=False)
        else:
            echo_json(ws.hit_history(hit_id, user=cli_user(), channel="cli"))
        return
    if show_exports:
        _echo_exports(open_workspace(ctx).exports(limit), as_json)
        return
    runs = open_workspace(ctx).audit_runs(limit)
    if as_json:
        echo_json(runs)
        return
    table = Table(title="Screening runs")
    for col in ("at", "kind", "query", "lists", "algorithm", "threshold", "hits", "matches"):
        table.add_column(col)
    for r in runs:
        q = r["query"]
        label = q.get("name") or f"{q.get('input')} -> {q.get('output')}"
        table.add_row(r["at"], r["kind"], str(label), str(len(r["list_versions"])), r["algorithm"],
                      f"{r['threshold']:.2f}", str(r["hit_count"]), str(r["match_count"]))
    Console().print(table)


def _echo_exports(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        echo_json(rows)
        return
    table = Table(title="Exports")
    for col in ("at", "user", "channel", "kind", "parameters"):
        table.add_column(col)
    for r in rows:
        params = ", ".join(f"{k}={v}" for k, v in r["parameters"].items() if v is not None)
        table.add_row(r["at"], r["user"] or "-", r["channel"], r["kind"], params)
    Console().print(table)


@click.command("judge")
@click.argument("hit_id")
@click.argument("decision", type=click.Choice(["confirm", "dismiss"]))
@click.option("--note", help="Why (a dismissal needs one).")
@click.option("--user", envvar="USER", default=cli_user, show_default="$USER, else the OS account",
              help="Reviewer; once the workspace has users, an account.")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.pass_context
def judge_cmd(ctx: click.Context, hit_id: str, decision: str, note: str | None, user: str | None,
              as_json: bool) -> None:
    """Record a reviewer decision on a hit (its id is shown by `screen`, `review` and in a batch's output)."""
    result = open_workspace(ctx).judge(hit_id, decision, note=note, user=user)
    if as_json:
        echo_json(result)
    elif result.get("status") == "pending_approval":
        click.echo(f"dismissal of {hit_id} ({result['entity_id']}) waits for a second reviewer: "
                   f"mistrust approve {hit_id}")
    else:
        click.echo(f"{result['decision']} {hit_id} ({result['entity_id']}) at {result['at']}")


COMMANDS: list[click.Command] = [screen_cmd, compare_cmd, audit_cmd, judge_cmd]

"""Helpers shared by the command modules."""

from __future__ import annotations

import json
from typing import Any

import click

from mistrust.workspace import Workspace


def open_workspace(ctx: click.Context) -> Workspace:
    root = ctx.find_root()
    return Workspace(root.obj["db_path"])


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

"""Commands of the extraction room."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

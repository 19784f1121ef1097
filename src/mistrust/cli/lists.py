"""Commands of the lists room."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

"""Commands of the screen room."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

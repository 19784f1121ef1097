"""The README tells the truth: every command and every setting is documented there."""

from __future__ import annotations

from pathlib import Path

import click

from mistrust.cli import main
from mistrust.settings import Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def _command_paths(group: click.Group, prefix: str = "") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        paths.append(path)
        if isinstance(command, click.Group):
            paths.extend(_command_paths(command, prefix=f"{path} "))
    return paths


def test_every_command_is_in_the_readme() -> None:
    missing = [p for p in _command_paths(main) if f"`{p}" not in README and f" {p} " not in README]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_every_setting_is_in_the_readme() -> None:
    missing = [s["env"] for s in Settings.describe() if s["env"] not in README]
    assert not missing, f"settings not documented in README.md: {missing}"


def test_readme_starts_with_the_two_commands() -> None:
    head = README[:1500]
    assert "make demo" in head and "make test" in head

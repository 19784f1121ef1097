"""What every Workspace mixin can rely on: settings and an open database."""

from __future__ import annotations

from mistrust.settings import Settings
from mistrust.store import Database


class WorkspaceBase:
    settings: Settings
    db: Database

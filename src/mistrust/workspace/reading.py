"""Workspace methods for the reading room."""

from __future__ import annotations

from mistrust.workspace.base import WorkspaceBase


class ReadingMixin(WorkspaceBase):
    pass

"""Workspace methods for the screening room."""

from __future__ import annotations

from mistrust.workspace.base import WorkspaceBase


class ScreeningMixin(WorkspaceBase):
    pass

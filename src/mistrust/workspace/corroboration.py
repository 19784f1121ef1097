"""Workspace methods for the corroboration room."""

from __future__ import annotations

from mistrust.workspace.base import WorkspaceBase


class CorroborationMixin(WorkspaceBase):
    pass

"""Workspace methods for the lists room."""

from __future__ import annotations

from mistrust.workspace.base import WorkspaceBase


class ListsMixin(WorkspaceBase):
    pass

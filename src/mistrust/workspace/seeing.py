"""Workspace methods for the seeing room."""

from __future__ import annotations

from mistrust.workspace.base import WorkspaceBase


class SeeingMixin(WorkspaceBase):
    pass

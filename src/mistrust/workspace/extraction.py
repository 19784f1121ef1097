"""Workspace methods for the extraction room."""

from __future__ import annotations

from mistrust.workspace.base import WorkspaceBase


class ExtractionMixin(WorkspaceBase):
    pass

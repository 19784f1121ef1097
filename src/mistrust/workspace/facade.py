"""The ``Workspace`` class: the mixins of each room joined, with what opens and closes it.

It lives apart from the package's ``__init__`` so that a worker importing one stage module
(``workspace/stages.py``) does not import every room of the facade (see ``workspace/__init__``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mistrust.lists import FORMATS as LIST_FORMATS
from mistrust.lists.update import SOURCES as LIST_SOURCES
from mistrust.report import EXPORT_FORMATS
from mistrust.settings import Settings
from mistrust.store import is_url as is_database_url
from mistrust.store import open_database
from mistrust.store.copy import CopyResult, copy_database
from mistrust.workspace.accounts import AccountsMixin
from mistrust.workspace.corroboration import CorroborationMixin
from mistrust.workspace.extraction import ExtractionMixin
from mistrust.workspace.lists import ListsMixin
from mistrust.workspace.monitoring import WATCH_SCHEMAS, MonitoringMixin
from mistrust.workspace.pages import PagesMixin
from mistrust.workspace.parallel import BACKENDS
from mistrust.workspace.reading import ReadingMixin
from mistrust.workspace.review import ReviewMixin
from mistrust.workspace.screening import ScreeningMixin
from mistrust.workspace.seeing import SeeingMixin


class Workspace(ListsMixin, ScreeningMixin, ReadingMixin, ExtractionMixin, CorroborationMixin, SeeingMixin,
                MonitoringMixin, PagesMixin, AccountsMixin, ReviewMixin):
    def __init__(self, db_path: str | Path | None = None, settings: Settings | None = None, *,
                 create: bool = False, **overrides: Any):
        """Open the workspace at ``db_path`` (a SQLite file or a ``postgresql://`` URL).

        One that does not exist raises ``WorkspaceNotFound`` unless ``create=True``: a mistyped
        path must not become an empty workspace that answers "no hits".
        """
        base = settings or Settings.from_env()
        if db_path is not None:
            overrides["db_path"] = str(db_path)
        self.settings = Settings.from_env({}, **{**base.__dict__, **overrides})
        self.db = open_database(self.settings.db_path, busy_timeout=self.settings.busy_timeout, create=create)

    def close(self) -> int:
        """Close the store, first writing queued audit rows (waiting up to ``busy_timeout``).

        Returns how many could not be written because another process held the lock all that
        time: they stay in ``<db>.pending-writes.jsonl`` and are written by the next run.
        """
        return self.db.close()

    def write_audit_apart(self) -> None:
        """Have the audit rows of screenings written by a process of their own, where the store
        allows it (PostgreSQL): a server calls it, so the writes never share its event loop's GIL."""
        self.db.write_audit_apart()

    @property
    def location(self) -> str:
        """Where the workspace is, as a user finds it again: an absolute file path, or the URL without its password."""
        if self.db.backend != "sqlite" or self.db.in_memory:
            return self.db.path
        return str(Path(self.db.path).resolve())

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgres``."""
        return self.db.backend

    def migrations(self) -> tuple[list[str], list[str]]:
        """(the migrations opening this workspace applied, every migration it has)."""
        return self.db.applied_now, self.db.applied_migrations()

    def copy_to(self, target: str, replace: bool = False) -> CopyResult:
        """Copy every table into the workspace at ``target`` (another file or URL), in one transaction there."""
        dst = open_database(target, busy_timeout=self.settings.busy_timeout)
        try:
            self.settle_writes()
            return copy_database(self.db, dst, replace=replace)
        finally:
            dst.close()

    def pending_writes_file(self) -> str:
        """Where audit rows wait while another process holds the write lock."""
        return str(self.db.writer.spool or "")

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["BACKENDS", "EXPORT_FORMATS", "LIST_FORMATS", "LIST_SOURCES", "WATCH_SCHEMAS", "Workspace",
           "is_database_url"]

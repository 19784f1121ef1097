"""Workspace methods for the reading room: ingest sources, list and fetch documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import httpx

from mistrust.ingest import Ingestor
from mistrust.ingest.fetch import Resolver
from mistrust.model import Document, SkippedInput
from mistrust.store import documents as store
from mistrust.workspace.base import WorkspaceBase

# Called after each planned item: (items done, items planned, item just read).
Progress = Callable[[int, int, str], None]
BATCH = 200  # documents per write transaction


class ReadingMixin(WorkspaceBase):
    def ingest(
        self,
        sources: Iterable[str | Path],
        allow_private: bool = False,
        analyze: bool = False,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """Read, clean and store documents. Returns {"documents", "skipped", "new", "existing", "new_ids",
        "analyzed", "stories_changed"}.

        ``analyze``: the new documents are then analysed and corroborated (placed in stories).

        Documents already stored (same content hash) are left as they are; rejected inputs are
        returned and logged in ``skipped_inputs`` with their reason.
        """
        if isinstance(sources, str | Path):
            sources = [sources]  # one path or URL, not an iterable of characters
        docs: dict[str, Document] = {}
        skipped: list[SkippedInput] = []
        new_ids: list[str] = []
        pending: list[Document] = []
        with Ingestor(self.settings, allow_private=allow_private, transport=transport, resolver=resolver) as ingestor:
            items = ingestor.plan(sources)
            for n, item in enumerate(items, start=1):
                for result in ingestor.read(item):
                    if isinstance(result, SkippedInput):
                        skipped.append(result)
                    elif result.id not in docs:
                        docs[result.id] = result
                        pending.append(result)
                if len(pending) >= BATCH:
                    new_ids += store.insert_documents(self.db, pending)
                    pending = []
                if progress is not None:
                    progress(n, len(items), item)
        new_ids += store.insert_documents(self.db, pending)
        store.record_skipped(self.db, skipped)
        analyzed, stories = 0, 0
        if analyze and new_ids:
            # Only new documents: a stored one keeps the extraction it has (``mistrust analyze`` redoes it).
            analyzed = self.rooms().analyze(new_ids)
            # ... and placed in stories, so the workspace is complete: `stories` shows them at once
            stories = len(self.rooms().corroborate())
        return {
            "documents": list(docs.values()),
            "skipped": skipped,
            "new": len(new_ids),
            "existing": len(docs) - len(new_ids),
            "new_ids": new_ids,
            "analyzed": analyzed,
            "stories_changed": stories,
        }

    def documents(self, limit: int = 100, offset: int = 0, q: str | None = None) -> list[Document]:
        return store.list_documents(self.db, limit=limit, offset=offset, q=q)

    def get_document(self, doc_id: str) -> Document:
        return store.get_document(self.db, doc_id)

    def find_documents_by_record_id(self, record_id: str) -> list[Document]:
        """Documents whose input record (JSONL line, feed item) carried this ``id``."""
        return store.find_by_record_id(self.db, record_id)

    def get_documents(self, doc_ids: list[str]) -> list[Document]:
        """Several documents in the order given (unknown ids left out)."""
        return store.get_documents(self.db, doc_ids)

    def document_ids(self) -> list[str]:
        """Every stored document id, in ingest order."""
        return store.document_ids(self.db)

    def skipped_inputs(self, limit: int = 100) -> list[dict[str, Any]]:
        return store.list_skipped(self.db, limit=limit)

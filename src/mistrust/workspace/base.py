"""What every Workspace mixin can rely on: settings, an open database, and the other rooms.

Each mixin implements one room; the methods of the others live on the same ``Workspace`` object.
``Rooms`` names the cross-room methods a mixin may call, so they are type-checked without the
mixins inheriting each other (which would make the composition order matter).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, cast

from mistrust.model import Claim, ClaimGroup, Document, Extraction, Hit, LoadedList, NameQuery, Story
from mistrust.model.lists import ListVersion
from mistrust.settings import Settings
from mistrust.store import Database, shared_files
from mistrust.store import exports as export_log
from mistrust.store.screening import now


class Rooms(Protocol):
    def current_lists(self) -> list[LoadedList]: ...
    def lists_state(self) -> str: ...
    def screen(self, query: str | NameQuery, threshold: float | None = None, limit: int | None = None,
               record: bool = True) -> list[Hit]: ...
    def documents(self, limit: int = 100, offset: int = 0, q: str | None = None) -> list[Document]: ...
    def document_ids(self) -> list[str]: ...
    def get_document(self, doc_id: str) -> Document: ...
    def get_documents(self, doc_ids: list[str]) -> list[Document]: ...
    def analyze(self, doc_ids: list[str] | None = None, force: bool = False) -> int: ...
    def extraction_for(self, doc_id: str) -> Extraction: ...
    def entities(self, q: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]: ...
    def claims(self, doc_id: str | None = None, story_id: str | None = None) -> list[Claim]: ...
    def corroborate(self, refresh_claims: bool = False) -> list[Story]: ...
    def stories(self, limit: int = 1000, offset: int = 0, min_docs: int = 1, *, q: str | None = None,
                sort: str | None = None) -> list[Story]: ...
    def count_stories(self, min_docs: int = 1, q: str | None = None) -> int: ...
    def get_story(self, story_id: str) -> Story: ...
    def story_claim_groups(self, story_id: str) -> list[ClaimGroup]: ...
    def version_labels(self) -> dict[str, str]: ...
    # monitoring (workspace/monitoring.py)
    def rescreen(self, versions: Sequence[ListVersion]) -> dict[str, Any]: ...
    def raise_alerts(self, extractions: Sequence[Extraction]) -> int: ...


# How long a read of the audit trail waits for the rows of runs just screened (queued to the
# background writer): long enough for a normal write, short enough that a page does not hang
# while another process holds the lock (the rows then show up once it is released).
SETTLE_WRITES = 2.0

# How long a cheap answer about the workspace (are there users, judgements; which list versions are
# current) is reused without asking the store again. Writes through this Workspace are seen at
# once; another process's (a list load, `users add`) within this many seconds. It spares a served
# screening three queries of its own.
FRESH_SECONDS = 1.0


# Told how far a long step has got: (what the step is, done, total). Set by the edge that shows it
# (the CLI's progress bars); engines only ever see a ``(done, total)`` callback from ``report``.
Reporter = Callable[[str, int, int], None]
StepProgress = Callable[[int, int], None]


class WorkspaceBase:
    settings: Settings
    db: Database
    progress: Reporter | None = None

    def fresh(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, reused for FRESH_SECONDS unless this Workspace wrote something since."""
        known, value = self.known_fresh(key)
        if known:
            return value
        return self._ask(key, compute)

    def _ask(self, key: str, compute: Callable[[], Any]) -> Any:
        changes, at = self.db.changes, time.monotonic()  # taken before: a write meanwhile makes it stale
        value = compute()
        # one assignment (atomic for other threads): refresh_known may renew it from another thread
        self.__dict__.setdefault("_fresh", {})[key] = (changes, at, value, compute)
        return value

    def known_fresh(self, key: str) -> tuple[bool, Any]:
        """(True, the answer) when ``fresh(key, ...)`` would answer without the store; else (False, None)."""
        found = self.__dict__.get("_fresh", {}).get(key)
        if found is not None and found[0] == self.db.changes and time.monotonic() - found[1] < FRESH_SECONDS:
            return True, found[2]
        return False, None

    def known_aging(self) -> bool:
        """True when an answer ``fresh`` keeps is past half its life (or made stale by a write here):
        ``refresh_known`` would ask the store again before a caller has to wait for it."""
        return next(self._aging(), None) is not None

    def refresh_known(self) -> None:
        """Ask the store again for every answer ``fresh`` keeps that is aging (``known_aging``).

        For a server's background thread: its requests then find every answer still fresh, never
        one that has just expired. An expired answer sends the request that finds it to a thread
        to read the store, and with it every request behind it (``SharedWorkspace.screen_now``):
        a burst of thread hops once a second, the slowest of a busy server's answers. The answers
        are no older than before (FRESH_SECONDS at most), only renewed sooner.
        """
        for key, compute in list(self._aging()):
            self._ask(key, compute)

    def _aging(self) -> Iterator[tuple[str, Callable[[], Any]]]:
        """The kept answers past half their life or made stale by a write here: key and computation."""
        at, changes = time.monotonic(), self.db.changes
        for key, (c, t, _, compute) in list(self.__dict__.get("_fresh", {}).items()):
            if c != changes or at - t >= FRESH_SECONDS / 2:
                yield key, compute

    def report(self, what: str) -> StepProgress | None:
        """The ``(done, total)`` callback of one step, for an engine or a loop; None when nobody listens."""
        reporter = self.progress
        if reporter is None:
            return None
        return lambda done, total: reporter(what, done, total)

    def settle_writes(self) -> bool:
        """Wait (briefly) until queued audit rows are written; False if some still wait for the lock."""
        return self.db.writer.flush(min(SETTLE_WRITES, self.settings.busy_timeout))

    def side_folder(self, kind: str) -> Path | None:
        """Where this workspace keeps files of one kind (``<db>.index/``, or the cache folder for a URL)."""
        return shared_files.folder_for(self.settings.db_path, kind, self.settings.cache_dir)

    def record_export(self, kind: str, parameters: dict[str, Any], user: str | None, channel: str) -> None:
        """Log one export (who, when, through which door, what); every export method calls it.

        ``channel`` is the door (cli, api, web, python); ``user`` the verified user there (the OS
        user for the CLI, None from Python code that names nobody).
        """
        self.db.writer.submit(export_log.record_job(now(), user, channel, kind, parameters))

    def rooms(self) -> Rooms:
        """This workspace seen through the methods of every room."""
        return cast(Rooms, self)

"""One Workspace shared by the threads of a server.

The Workspace caches the screening index in memory, so a server shares one instance: no index
load per request. It is safe to share: the store gives each thread its own read connection and
serialises writes itself, and screening's audit rows go to a background writer. Screening
itself runs under a lock so that two requests never build the same index at once after the
lists change (one builds it, the others wait for it and then use it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from mistrust.model import Hit, NameQuery
from mistrust.workspace import Workspace


class SharedWorkspace:
    def __init__(self, factory: Callable[[], Workspace]) -> None:
        self._factory = factory
        self._ws: Workspace | None = None
        self._open_lock = threading.Lock()
        self._screen_lock = threading.Lock()

    @property
    def workspace(self) -> Workspace:
        ws = self._ws
        if ws is None:
            with self._open_lock:
                if self._ws is None:
                    self._ws = self._factory()
                ws = self._ws
        return ws

    @property
    def opened(self) -> Workspace | None:
        """The Workspace if it is open already (never opens it: safe on the event loop)."""
        return self._ws

    def screen(self, query: str | NameQuery, **options: Any) -> list[Hit]:
        ws = self.workspace
        with self._screen_lock:
            return ws.screen(query, **options)

    def screen_now(self, query: str | NameQuery, **options: Any) -> list[Hit] | None:
        """``screen``, when it can answer without waiting for anything: the Workspace open, its
        index current and no store read needed (``Workspace.screen_from_memory``, which checks and
        screens on one snapshot), and no other screening under way. None otherwise: the caller
        runs ``screen`` on a thread instead.

        Safe on an event loop (nothing here blocks: the lock is only tried, the audit rows only
        queue for the background writer), and cheaper there than a hop to a thread and back.
        """
        ws = self._ws
        if ws is None or not self._screen_lock.acquire(blocking=False):
            return None
        try:  # under the lock: a screening on a thread may be replacing the index
            return ws.screen_from_memory(query, **options)
        finally:
            self._screen_lock.release()

    def screen_batch(self, queries: list[str | NameQuery], **options: Any) -> list[list[Hit]]:
        ws = self.workspace
        with self._screen_lock:
            return ws.screen_batch(queries, **options)

    def screen_upload(self, filename: str, data: bytes, user: str | None = None) -> dict[str, Any]:
        ws = self.workspace
        with self._screen_lock:  # builds the index at most once, as ``screen`` does
            return ws.screen_upload(filename, data, user=user)

    def close(self) -> int:
        """Close the Workspace (writing queued audit rows); returns how many were left in the spool."""
        with self._open_lock:
            ws, self._ws = self._ws, None
        return ws.close() if ws is not None else 0


__all__ = ["SharedWorkspace"]

"""One Workspace shared by the threads of a server.

The Workspace caches the screening index in memory, so a server shares one instance: no index
load per request. It is safe to share: the store gives each thread its own read connection and
serialises writes itself, and screening's audit rows go to a background writer. Screening
itself runs under a lock so that two requests never build the same index at once after the
lists change (one builds it, the others wait for it and then use it). The Workspace's cached
answers about the store (the lists' state, whether anything is judged, whether there are users)
are renewed on a thread of their own before they expire (``refresh_ahead``), so the requests never
find one expired and queue for a store read.
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
        self._refresh_due = threading.Event()  # set: the refresh thread renews the cached answers
        self._refresher: threading.Thread | None = None

    @property
    def workspace(self) -> Workspace:
        ws = self._ws
        if ws is None:
            with self._open_lock:
                if self._ws is None:
                    ws = self._factory()
                    ws.write_audit_apart()  # a server's audit rows: not on its own GIL (PostgreSQL)
                    self._ws = ws
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
            self.refresh_ahead()

    def refresh_ahead(self) -> None:
        """Renew the Workspace's cached answers on a thread when they are past half their life
        (``Workspace.refresh_known``); returns at once: safe on the event loop.

        Without it the first request after an answer expires reads the store on a thread, holding
        the screening lock, and every screening that arrives meanwhile follows it to the thread
        pool (``screen_now`` finds the lock taken): on a busy server a burst of thread hops and
        GIL hand-overs once a second, its slowest answers (``benchmarks/api_scale.py``). One
        thread serves every renewal, so its store connection is opened once.
        """
        ws = self._ws
        if ws is None or not ws.known_aging():
            return
        with self._open_lock:
            if self._refresher is None and self._ws is not None:
                self._refresher = threading.Thread(target=self._refresh, name="mistrust-refresh", daemon=True)
                self._refresher.start()
        self._refresh_due.set()

    def _refresh(self) -> None:
        while True:
            self._refresh_due.wait()
            self._refresh_due.clear()  # before the renewal: a close() meanwhile wakes the thread again
            ws = self._ws
            if ws is None:
                return  # closed
            try:
                ws.refresh_known()
            except Exception:  # noqa: BLE001, S110 - a request that needs the answer asks the store itself and says why
                pass

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
            refresher, self._refresher = self._refresher, None
        if refresher is not None:
            self._refresh_due.set()  # wakes it to find the Workspace closed
            refresher.join()
        return ws.close() if ws is not None else 0


__all__ = ["SharedWorkspace"]

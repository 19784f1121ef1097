"""One Workspace shared by every request, behind a lock.

SQLite allows one writer, and the Workspace caches the screening index in memory: sharing
one instance keeps ``/api/v1/screen`` fast (no index load per request) and the lock keeps
the Workspace's lazily built caches and the single connection safe across threadpool workers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from mistrust.workspace import Workspace

T = TypeVar("T")


class Shared:
    def __init__(self, factory: Callable[[], Workspace]) -> None:
        self._factory = factory
        self._ws: Workspace | None = None
        self.lock = threading.RLock()

    @property
    def workspace(self) -> Workspace:
        with self.lock:
            if self._ws is None:
                self._ws = self._factory()
            return self._ws

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.lock:
            return fn(*args, **kwargs)

    async def call_fast(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """For short calls on the hot path (screening one name): run on the event loop when the
        Workspace is free, saving the hop to a worker thread (and the GIL handover that costs
        milliseconds on a busy machine); wait in a worker thread when someone else holds it, so
        the event loop never blocks behind a long call (a report page)."""
        if self._ws is not None and self.lock.acquire(blocking=False):
            try:
                return getattr(self._ws, method)(*args, **kwargs)
            finally:
                self.lock.release()
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(lambda: self.call(getattr(self.workspace, method), *args, **kwargs))

    def close(self) -> None:
        with self.lock:
            if self._ws is not None:
                self._ws.close()
                self._ws = None

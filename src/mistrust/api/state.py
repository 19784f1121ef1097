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

    def has(self, method: str) -> bool:
        return hasattr(self.workspace, method)

    def close(self) -> None:
        with self.lock:
            if self._ws is not None:
                self._ws.close()
                self._ws = None

"""What the server's hostile tests share: a small workspace, a real server, a lock held by
another process.

The lock is held the way a list load holds it: a separate Python process opens the same SQLite
file and runs ``BEGIN IMMEDIATE``, so the server meets SQLite's own file lock, not a Python one.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mistrust.settings import Settings
from mistrust.workspace import Workspace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared test samples live one folder up

import seeing_samples as S  # noqa: E402

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def small_workspace(folder: Path) -> Path:
    """A workspace file with the three-entry test list loaded (and its index built)."""
    db = folder / "hostile.db"
    with Workspace(db) as ws:
        ws.load_lists([S.write_small_sdn(folder / "sdn")])
        ws.screen("warm up", record=False)
    return db


class LockHolder:
    """Another process holding the workspace's write lock for ``seconds``."""

    def __init__(self, db: Path, seconds: float) -> None:
        self.db, self.seconds = db, seconds
        self.proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> LockHolder:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(self.db), str(self.seconds)],
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "locked"
        self.started = time.monotonic()
        return self

    def wait(self) -> None:
        assert self.proc is not None
        self.proc.wait(timeout=self.seconds + 30)

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """The real app under uvicorn on a loopback port, in a thread of this process."""

    def __init__(self, factory: Callable[[], Workspace], settings: Settings | None = None) -> None:
        import uvicorn

        from mistrust.api import create_app

        self.port = free_port()
        app = create_app(factory, settings=settings or Settings.from_env({}))
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)

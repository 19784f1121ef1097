"""A real server for tests, and what the server's hostile tests add to it.

* ``Server``: the app under uvicorn on a free loopback port, in a thread of this process.
* ``LockHolder``: another process holding the workspace's write lock, the way a list load holds
  it: a separate Python process opens the SQLite file and runs ``BEGIN IMMEDIATE``, so the
  server meets SQLite's own file lock, not a Python one.
* ``small_workspace``: a workspace file with the three-entry test list loaded.
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

from mistrust.api import create_app
from mistrust.api.serving import HTTP_PROTOCOL
from mistrust.settings import Settings
from mistrust.workspace import Workspace

# Holds the lock until told to let go (a line on stdin), or at most argv[2] seconds.
HOLD_LOCK = """
import select, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
select.select([sys.stdin], [], [], float(sys.argv[2]))
conn.execute("COMMIT")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """The real app under uvicorn on a loopback port, in a thread of this process."""

    def __init__(self, factory: Callable[[], Workspace], settings: Settings | None = None) -> None:
        import uvicorn

        self.port = free_port()
        app = create_app(factory, settings=settings or Settings.from_env({}))
        # served as `mistrust serve` serves it: one socket write per answer (api/serving.py)
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    http=HTTP_PROTOCOL))
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


def small_workspace(folder: Path) -> Path:
    """A workspace file with the three-entry test list loaded (and its index built)."""
    db = folder / "hostile.db"
    import seeing_samples

    with Workspace(db, create=True) as ws:
        ws.load_lists([seeing_samples.write_small_sdn(folder / "sdn")])
        ws.screen("warm up", record=False)
    return db


class LockHolder:
    """Another process holding the workspace's write lock until ``release()``, or at most
    ``seconds`` (so code that waits for the lock instead of answering ends up waiting that long)."""

    def __init__(self, db: Path, seconds: float) -> None:
        self.db, self.seconds = db, seconds
        self.proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> LockHolder:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(self.db), str(self.seconds)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "locked"
        return self

    def held(self) -> bool:
        """Still holding the lock (neither released nor past its ``seconds``)."""
        return self.proc is not None and self.proc.poll() is None

    def release(self) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        if self.proc.poll() is None:
            self.proc.stdin.write("go\n")
            self.proc.stdin.flush()
        self.proc.wait(timeout=30)

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

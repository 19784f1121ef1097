"""What the server's hostile tests share: a small workspace, a real server (``_live_server``),
a lock held by another process.

The lock is held the way a list load holds it: a separate Python process opens the same SQLite
file and runs ``BEGIN IMMEDIATE``, so the server meets SQLite's own file lock, not a Python one.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from mistrust.workspace import Workspace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the shared test samples live one folder up

import seeing_samples as S  # noqa: E402
from _live_server import Server, free_port  # noqa: E402

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


__all__ = ["LockHolder", "Server", "free_port", "small_workspace"]

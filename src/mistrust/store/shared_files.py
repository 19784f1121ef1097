"""Files built from a workspace's data once and shared by every process that opens it.

The screening index over the current lists takes seconds to build; twenty CLI processes started
after a list change each built it again. Here one builds it, under an exclusive ``flock`` on a lock
file in the folder, and the others wait for the lock and then read the file it wrote. Files are
written to a temporary name and renamed, so a reader never sees half a file, and one killed
mid-write leaves only a temporary file behind. The file name is the caller's key (for the
index: the current list versions, the index format and the algorithm), so a stale file is never
read; building a new one removes the files of older keys.

What is stored is opaque here (pickled by the caller's object); the store never imports engines.
Pickle is safe only because these files are written and read by this module, next to the user's
own database; a folder others can write to must not be used.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mistrust.gc_pause import collector_paused
from mistrust.store.db import is_url, redact

SUFFIX = ".pickle"
LOCK_NAME = "build.lock"


def folder_for(db_path: str | Path, kind: str, cache_dir: Path | None = None) -> Path | None:
    """``<db>.<kind>/`` beside a workspace file; None for an in-memory database.

    A PostgreSQL workspace has no file to sit beside: its folder is ``<cache>/<key>/<kind>``, the
    key a hash of the URL without its password, so every process on this machine that opens the
    same database shares one folder (and its lock). Processes on other machines build their own.
    """
    target = str(db_path)
    if target == ":memory:":
        return None
    if is_url(target):
        key = hashlib.sha256(redact(target).encode()).hexdigest()[:16]
        return Path(cache_dir or user_cache_dir()) / key / kind
    return Path(f"{target}.{kind}")


def user_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/mistrust``, else ``~/.cache/mistrust``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mistrust"


def read_or_build(folder: Path | None, key: str, build: Callable[[], Any],
                  valid: Callable[[Any], bool] = lambda _obj: True) -> Any:
    """The object stored under ``key`` in ``folder``, or ``build()`` stored there (by one process).

    ``valid`` rejects a file whose content is not what the caller expects (it is rebuilt). A
    folder that cannot be written costs only the sharing: the object is built and returned.
    """
    if folder is None:
        return build()
    path = folder / f"{key}{SUFFIX}"
    found = _read(path, valid)
    if found is not None:
        return found
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = (folder / LOCK_NAME).open("a")
    except OSError:
        return build()
    with lock:  # closing the file releases the lock, also when the process dies
        fcntl.flock(lock, fcntl.LOCK_EX)
        found = _read(path, valid)  # built by the process we waited for
        if found is not None:
            return found
        obj = build()
        _write(path, obj)
        remove_other_keys(folder, keep=key)
        return obj


def remove_other_keys(folder: Path, keep: str) -> list[Path]:
    """Delete the files of every key but ``keep`` (and temporary files left by killed writers)."""
    removed = []
    for path in folder.iterdir():
        stale = (path.suffix == SUFFIX and path.stem != keep) or path.name.startswith(".tmp-")
        if stale:
            with contextlib.suppress(OSError):  # a concurrent cleaner got there first
                path.unlink()
                removed.append(path)
    return removed


def load(path: Path) -> Any:
    """The object in a file of this module (raises OSError, or any unpickling error).

    The garbage collector is paused meanwhile: the screening index unpickles into a few hundred
    thousand objects, and the collections their creation triggers, each walking the objects made
    so far, cost three times the unpickling itself (0.5 s instead of 0.13 s in every worker and
    every process that opens the workspace). Nothing unpickled here can be garbage yet.
    """
    with collector_paused(), path.open("rb") as fh:
        return pickle.load(fh)  # noqa: S301 - our own file, see the module docstring


def _read(path: Path, valid: Callable[[Any], bool]) -> Any:
    try:
        obj = load(path)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged or foreign file is rebuilt, never trusted
        return None
    return obj if valid(obj) else None


def _write(path: Path, obj: Any) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # a full disk costs only the sharing

"""The garbage collector paused while a process builds objects that will all stay alive.

Unpickling the screening index, or loading a worker's spaCy pipeline and index, makes hundreds of
thousands of objects. Their creation triggers collections, each walking every object made so far,
and none of them can free anything: the objects are all still referenced. Pausing the collector
for the load saves that walk (see the callers for the figures). One helper, used by the store
(``shared_files.load``) and the worker runners (``workspace.parallel.load_state``): it imports
nothing of mistrust, so every room may use it without crossing the layering.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside the block, and back as it was after it, also on an error (a
    collector the caller had switched off stays off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def keep_loaded() -> None:
    """Move every object alive now out of the collector's reach (``gc.freeze``), for a process
    that keeps what it loaded for the rest of its life: a worker's state, a server's screening
    index. A full collection otherwise walks the whole index each time (about 280,000 objects:
    0.1 - 0.14 s on this machine), and a server under load runs one every few thousand requests, so
    a request that lands on it waits that long: p99 of 100 - 250 ms in ``api_scale.py`` where the
    median was 4 ms. Frozen objects are still freed by their reference counts when an index is
    replaced; only reference cycles among them would stay, and the index holds none."""
    gc.freeze()


def release_loaded() -> None:
    """Give what ``keep_loaded`` froze back to the collector and collect once: for a process about
    to replace state it froze (the Workspace's extractor when the lists change). A spaCy pipeline
    holds reference cycles (components keep their ``nlp``), which reference counts never free,
    and a frozen cycle is never collected: each replacement would keep the old pipeline for the
    life of the process. Whatever is still alive is frozen again by the next ``keep_loaded``."""
    gc.unfreeze()
    gc.collect()


__all__ = ["collector_paused", "keep_loaded", "release_loaded"]

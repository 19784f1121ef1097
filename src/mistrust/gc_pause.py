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


__all__ = ["collector_paused"]

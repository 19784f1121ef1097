"""The Python API: one Workspace wires the store to the engines.

    >>> from mistrust import Workspace
    >>> ws = Workspace("mistrust.db", create=True)   # without create=True: only an existing one
    >>> ws.load_lists(["sdn.csv"])            # doctest: +SKIP
    >>> ws.screen("Islamic Revolutionary Guard Corps")  # doctest: +SKIP

Each room adds its methods through a small mixin (``workspace/lists.py``, ...), so the
facade stays thin and every method is a few lines calling an engine and the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mistrust.workspace.facade import (
        BACKENDS,
        EXPORT_FORMATS,
        LIST_FORMATS,
        LIST_SOURCES,
        WATCH_SCHEMAS,
        Workspace,
        is_database_url,
    )

__all__ = ["BACKENDS", "EXPORT_FORMATS", "LIST_FORMATS", "LIST_SOURCES", "WATCH_SCHEMAS", "Workspace",
           "is_database_url"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: a pool or Ray worker imports ``mistrust.workspace.stages``, which runs
    # this file first, and the facade pulls in every room (lists, reports, corroboration, ...):
    # about 0.3 s of CPU at every worker start that screening or reading never uses.
    if name in __all__:
        from mistrust.workspace import facade

        return getattr(facade, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

"""mistrust: sanctions and non-proliferation monitoring from open-source reporting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mistrust.errors import MistrustError
from mistrust.settings import Settings

if TYPE_CHECKING:
    from mistrust.workspace.facade import Workspace

__version__ = "0.1.0"

__all__ = ["MistrustError", "Settings", "Workspace", "__version__"]


def __getattr__(name: str) -> Any:
    # The facade is imported on first use, so a worker that imports one engine or stage module
    # (every import runs this file first) does not load every room of the workspace.
    if name == "Workspace":
        from mistrust.workspace.facade import Workspace

        return Workspace
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

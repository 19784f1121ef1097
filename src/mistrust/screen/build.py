"""Which build of the screen runs: its hot modules compiled by mypyc, or the pure Python they are.

``scripts/compile_screen.py`` compiles ``COMPILED_MODULES`` in place (``make`` runs it when a C
compiler is there). Python then imports the extension ahead of the source; both return the same
hits, and ``compiled()`` tells which one a process loaded, so benchmarks can say what they measured.
``MISTRUST_SCREEN_PURE=1`` loads the sources even where the extensions are built: to debug the
screen with tracebacks and a debugger, to patch its internals in a test, or to compare the builds
in one checkout. It must be decided before the modules load, so it is read from the environment
when the package is imported rather than from ``Settings``. A build older than one of its sources
(a source edited or checked out since) is not loaded either: stale compiled code would return
what the source no longer says.
"""

from __future__ import annotations

import importlib
import os
import sys
from importlib.machinery import ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path

PACKAGE = "mistrust.screen"
# Where a search spends its time (normalisation, retrieval, quick ranking, features, scores).
COMPILED_MODULES = ("lexicon", "normalize", "features", "algorithm", "index")
PURE_ENV = "MISTRUST_SCREEN_PURE"


class _SourceFirst:
    """An import finder that gives the compiled modules their ``.py`` source, extension or not."""

    @staticmethod
    def find_spec(fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE or name not in COMPILED_MODULES:
            return None
        return spec_from_file_location(fullname, Path(__file__).with_name(f"{name}.py"))


def stale(folder: Path = Path(__file__).parent) -> bool:
    """Whether a compiled build is in ``folder`` (the package's) but older than one of its sources."""
    built = [path.stat().st_mtime for path in folder.glob("_native__mypyc*")]
    return bool(built) and max((folder / f"{name}.py").stat().st_mtime for name in COMPILED_MODULES) > min(built)


def load_source_if_asked() -> None:
    """Put the source finder first when ``MISTRUST_SCREEN_PURE=1`` or the build is stale (called
    by the package before it imports the modules)."""
    if (os.environ.get(PURE_ENV) == "1" or stale()) and _SourceFirst not in sys.meta_path:
        sys.meta_path.insert(0, _SourceFirst)  # type: ignore[arg-type]  # a finder class with a static find_spec


def compiled() -> bool:
    """Whether the screen's hot modules run compiled rather than as pure Python."""
    modules = [importlib.import_module(f"{PACKAGE}.{name}") for name in COMPILED_MODULES]
    return all(not str(getattr(module, "__file__", "")).endswith(".py") for module in modules)


def build_state() -> str:
    """Which build runs and, for pure Python, why (benchmarks print it in their header)."""
    if compiled():
        return "compiled (mypyc)"
    if os.environ.get(PURE_ENV) == "1":
        return f"pure Python ({PURE_ENV}=1)"
    if stale():
        return "pure Python (the compiled build is older than its sources: run scripts/compile_screen.py)"
    return "pure Python (not compiled: scripts/compile_screen.py builds it where a C compiler is)"


__all__ = ["COMPILED_MODULES", "PURE_ENV", "build_state", "compiled", "load_source_if_asked", "stale"]

"""Compile the screen's hot modules with mypyc, in place, when a C compiler is there.

    python scripts/compile_screen.py            # build src/mistrust/screen/*.so
    python scripts/compile_screen.py --clean    # remove them: back to pure Python

The modules stay plain Python: the same source runs interpreted when no extension is built (no C
compiler, mypyc missing, ``--clean``), and ``mistrust.screen.compiled()`` tells which build is
loaded. The extensions sit next to the sources (gitignored), so an editable install and
``PYTHONPATH=src`` both pick them up. A build older than one of its sources is not loaded (the
sources are, see ``mistrust.screen.build``): ``make`` builds again when a source changes. Exit
status 0 but for a failed build with a compiler present (and, under ``CI=true``, no compiler).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import sysconfig
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "mistrust" / "screen"
# One shared library for the five (calls between them stay native), named inside the package
# so that the package's own directory holds everything a build adds.
GROUP = "mistrust.screen._native"
BUILD = ROOT / "build" / "mypyc"  # generated C and objects (gitignored)


def built() -> list[Path]:
    """The extension files of a build in place (the shared library and one shim per module)."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    return [p for p in PACKAGE.glob(f"*{suffix}")]


def clean() -> None:
    for path in built():
        path.unlink()
    shutil.rmtree(BUILD, ignore_errors=True)


def compiler() -> str | None:
    """The C compiler setuptools would call, if it is installed."""
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(os.environ.get("CC", cc).split()[0])


def _module_file(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("_screen_build", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build() -> int:
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as exc:  # mypy comes with the dev extra; without it the package stays pure Python
        print(f"compile_screen: not compiled ({exc.name} missing): the screen runs as pure Python")
        return 0
    if compiler() is None:
        print("compile_screen: no C compiler found: the screen runs as pure Python (slower, same results)")
        return 1 if os.environ.get("CI") == "true" else 0
    clean()
    # The list of modules lives with the package (``mistrust.screen.build``), read here without
    # importing the package: its import would load the modules being rebuilt.
    modules = _module_file(PACKAGE / "build.py").COMPILED_MODULES

    started = time.perf_counter()
    cwd = Path.cwd()
    # mypyc names modules from their paths: built from src/, mistrust/screen/x.py is mistrust.screen.x.
    os.chdir(SRC)
    try:
        extensions = mypycify([f"--cache-dir={BUILD / 'mypy-cache'}", *(f"mistrust/screen/{m}.py" for m in modules)],
                              opt_level="3", group_name=GROUP, target_dir=str(BUILD / "c"))
        setup(name="mistrust-screen-native", ext_modules=extensions,
              script_args=["-q", "build_ext", "--inplace", "--build-temp", str(BUILD / "temp"),
                           "--build-lib", str(BUILD / "lib")])
    finally:
        os.chdir(cwd)
    for path in built():  # dated now, after its sources: ``mistrust.screen.build.stale`` compares the dates
        path.touch()
    print(f"compile_screen: compiled {', '.join(modules)} in {time.perf_counter() - started:.0f} s "
          f"({len(built())} extension files in {PACKAGE.relative_to(ROOT)})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clean", action="store_true", help="Remove the extensions: the screen runs as pure Python.")
    args = parser.parse_args()
    if args.clean:
        clean()
        print("compile_screen: extensions removed: the screen runs as pure Python")
        return 0
    return build()


if __name__ == "__main__":
    sys.exit(main())

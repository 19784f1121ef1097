"""Issue 19 item 11: every CLI process rebuilt the screening index after a list change.

The index is built once per set of current list versions, by one process under a file lock,
written atomically to ``<db>.index/<key>.pickle`` and read by the others; files of versions no
longer current are removed.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from hostile._make import un_xml
from mistrust import Workspace
from mistrust.screen import ScreenIndex
from mistrust.store import shared_files


def _screen_in_child(db: str, builds: str, barrier: multiprocessing.synchronize.Barrier) -> None:
    original = ScreenIndex.build

    def counted(*args: object, **kwargs: object) -> ScreenIndex:
        with open(builds, "a", encoding="utf-8") as fh:
            fh.write("built\n")
        time.sleep(0.3)  # a slow build, so the others arrive while it runs
        return original(*args, **kwargs)  # type: ignore[arg-type]

    ScreenIndex.build = counted  # type: ignore[method-assign]
    with Workspace(db, create=True) as ws:
        barrier.wait()
        assert ws.screen("Rho Navigation Company", record=False)[0].match


def test_concurrent_processes_build_the_index_once(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Workspace(db, create=True) as ws:
        ws.load_lists([un_xml(tmp_path / "un.xml", "2025-01-01", ["Rho Navigation Company", "Phi Metals"])])
    builds = tmp_path / "builds.txt"
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(3)
    children = [ctx.Process(target=_screen_in_child, args=(str(db), str(builds), barrier)) for _ in range(3)]
    for child in children:
        child.start()
    for child in children:
        child.join(60)
    assert [c.exitcode for c in children] == [0, 0, 0]
    assert builds.read_text(encoding="utf-8").count("built") == 1
    assert len(list((tmp_path / "w.db.index").glob("*.pickle"))) == 1


def test_a_list_change_builds_a_new_file_and_removes_the_old(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    folder = tmp_path / "w.db.index"
    with Workspace(db, create=True) as ws:
        ws.load_lists([un_xml(tmp_path / "a.xml", "2025-01-01", ["Chi Logistics"])])
        ws.screen_index()
        first = {p.name for p in folder.glob("*.pickle")}
        ws.load_lists([un_xml(tmp_path / "b.xml", "2025-06-01", ["Chi Logistics", "Psi Dynamics"])])
        assert ws.screen("Psi Dynamics", record=False)[0].match
        second = {p.name for p in folder.glob("*.pickle")}
    assert len(first) == len(second) == 1 and first != second
    # A new process reads the shared file instead of building.
    with Workspace(db, create=True) as ws:
        ws.current_lists = lambda: pytest.fail("the index must be read from the shared file")  # type: ignore[method-assign]
        assert ws.screen("Psi Dynamics", record=False)[0].match


def test_damaged_and_leftover_files_are_rebuilt_or_removed(tmp_path: Path) -> None:
    folder = tmp_path / "x.db.index"
    folder.mkdir()
    (folder / "k1.pickle").write_bytes(b"\x80\x05torn")  # a file cut short by a crash
    (folder / ".tmp-dead").write_bytes(b"half")  # a writer killed before its rename
    (folder / "old.pickle").write_bytes(b"")
    assert shared_files.read_or_build(folder, "k1", lambda: {"built": 1}) == {"built": 1}
    assert sorted(p.name for p in folder.iterdir()) == ["build.lock", "k1.pickle"]
    assert shared_files.read_or_build(folder, "k1", lambda: pytest.fail("must be read")) == {"built": 1}
    # Content the caller does not recognise is rebuilt, not trusted.
    assert shared_files.read_or_build(folder, "k1", lambda: {"built": 2}, valid=lambda o: o != {"built": 1}) == \
        {"built": 2}


def test_an_unwritable_folder_costs_only_the_sharing(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    assert shared_files.read_or_build(blocker / "index", "k", lambda: [1, 2]) == [1, 2]
    assert shared_files.read_or_build(None, "k", lambda: "mem") == "mem"

"""The one garbage-collector pause (``mistrust.gc_pause``): paused inside, restored after, and the
only place in mistrust that switches the collector off, so the store and the workers share it."""

from __future__ import annotations

import ast
import gc
from pathlib import Path

import pytest

from mistrust.gc_pause import collector_paused

SRC = Path(__file__).resolve().parent.parent / "src" / "mistrust"


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_an_error() -> None:
    with pytest.raises(KeyError), collector_paused():
        raise KeyError("no index")
    assert gc.isenabled()


def test_a_collector_the_caller_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_pause_imports_nothing_of_mistrust() -> None:
    """Neutral: the store and the workspace both import it without crossing the layering."""
    assert not {m for m in _imported_modules(SRC / "gc_pause.py") if m.split(".")[0] == "mistrust"}


def _disables_the_collector(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.Attribute) and node.attr == "disable" and isinstance(node.value, ast.Name)
               and node.value.id == "gc" for node in ast.walk(tree))


def test_no_second_copy_of_the_pause() -> None:
    copies = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if _disables_the_collector(p))
    assert copies == ["gc_pause.py"]


def test_what_is_kept_loaded_leaves_the_generations() -> None:
    from mistrust.gc_pause import keep_loaded

    gc.unfreeze()
    try:
        kept = [[i] for i in range(100)]
        assert any(obj is kept for obj in gc.get_objects())
        keep_loaded()
        assert gc.get_freeze_count() >= 101 and not any(obj is kept for obj in gc.get_objects())
        del kept  # still freed by its reference count
    finally:
        gc.unfreeze()


def test_a_loaded_index_searched_after_it_is_kept_loaded_leaves_nothing_of_its_own_to_collect() -> None:
    """An index read back from its pickle lays out its search rows as it loads, so freezing what was
    loaded (before the first search, as a server does) takes them too: a search makes none later."""
    import pickle
    import random

    from _screen_helpers import hand_made_index, random_entities
    from mistrust.gc_pause import keep_loaded
    from mistrust.model import NameQuery
    from mistrust.screen.index import QuickRow

    built = hand_made_index(random_entities(random.Random(11), 40))
    gc.unfreeze()
    try:
        with collector_paused():
            index = pickle.loads(pickle.dumps(built))
        keep_loaded()
        assert not [o for o in gc.get_objects() if type(o) is QuickRow]
        for k in (1, 7, 19):
            assert index.search(NameQuery(index.names[k].name))  # each finds its own entry at least
        assert not [o for o in gc.get_objects() if type(o) is QuickRow]
    finally:
        gc.unfreeze()

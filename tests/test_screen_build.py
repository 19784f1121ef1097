"""The screen compiled by mypyc returns what its pure-Python source returns, and their pickles mix.

``scripts/compile_screen.py`` compiles the screen's hot modules in place; the same sources run as
pure Python where no extension is built, or with ``MISTRUST_SCREEN_PURE=1``. These tests run the
sources in a second process and compare: every hit's entry, matched name, score and reasons and
the quick rankings, on a real list's aliases and on made-up names; an index pickled by either build
searched by the other. Without a compiled build they skip, saying why (under ``CI=true`` with a C
compiler present they fail). The made-up names are syllables written for these tests.
"""

from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from _lists_helpers import loaded
from _screen_helpers import (
    FAMILY,
    GIVEN,
    HAND_MADE,
    ORG,
    PLACE,
    hand_made_index,
    random_entities,
    require_compiled,
)
from mistrust.model import LoadedList, NameQuery
from mistrust.screen import ScreenIndex, compiled, normalize_name
from mistrust.screen.build import COMPILED_MODULES, PURE_ENV, stale
from mistrust.screen.index import PICKLED_FIELDS

TESTS = Path(__file__).parent


def _queries(index: ScreenIndex, rng: random.Random) -> list[NameQuery]:
    """Listed aliases as given and misspelt, word mixes with and without facts."""
    aliases = [(ie.entity, a.name) for ie in index.entities for a in ie.entity.aliases]
    picked = rng.sample(aliases, min(500, len(aliases)))
    out = [NameQuery(name, schema=e.schema) for e, name in picked]
    out += [NameQuery(name[:-2] + name[-1:]) for _e, name in picked[:200] if len(name) > 4]
    words = GIVEN + FAMILY + ORG + PLACE
    out += [NameQuery(" ".join(rng.sample(words, rng.randint(1, 4))), schema=rng.choice(["Any", "Person"]),
                      countries=rng.choice([[], ["ir"], ["kp"]]), birth_date=rng.choice([None, "1961"]))
            for _ in range(300)]
    return out


def screened(lists: list[LoadedList]) -> list[Any]:
    """Every hit with its features, and the quick ranking of every fourth query, as plain data."""
    index = ScreenIndex.build(lists)
    out: list[Any] = []
    for n, query in enumerate(_queries(index, random.Random(5))):
        hits = index.search(query, threshold=0.7, limit=5, min_score=0.3)
        out.append([[h.entity_id, h.matched_name, h.score, h.match,
                     [[f.name, f.score, f.weight, f.reason] for f in h.features]] for h in hits])
        if n % 4 == 0:
            norm = normalize_name(query.name)
            out.append(index.quick_scores(norm, index.candidates(norm)))
    return out


def _lists() -> list[LoadedList]:
    """A real list (UN) and made-up entries with facts."""
    return [loaded("un_consolidated_2026-02-27.xml"), _hand_made()]


def _hand_made() -> LoadedList:
    return LoadedList(version=HAND_MADE, entities=random_entities(random.Random(17), 300, facts=True))


def _as_pure_python(code: str) -> Any:
    """Run ``code`` (it prints one JSON value) in a process that loads the screen's sources."""
    env = {**os.environ, PURE_ENV: "1", "PYTHONPATH": os.pathsep.join([str(TESTS), *sys.path])}
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=TESTS, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.splitlines()[-1])


def test_compiled_and_pure_python_return_the_same_hits_and_rankings() -> None:
    require_compiled()
    mine = json.loads(json.dumps(screened(_lists())))  # tuples as lists, as the other process sends them
    theirs = _as_pure_python(
        "import json; from mistrust.screen import compiled; from test_screen_build import screened, _lists;"
        "assert not compiled(); print(json.dumps(screened(_lists())))")
    assert sum(1 for x in mine if x and isinstance(x[0], list) and x[0] and isinstance(x[0][0], str)) > 300
    assert len(mine) == len(theirs)
    differ = [n for n, (a, b) in enumerate(zip(mine, theirs, strict=True)) if a != b]
    assert not differ, f"{len(differ)} searches differ, first: {mine[differ[0]]} vs {theirs[differ[0]]}"


def test_an_index_pickled_by_either_build_loads_in_the_other(tmp_path: Path) -> None:
    require_compiled()
    index = ScreenIndex.build([_hand_made()])
    queries = [index.names[k].name for k in range(3, len(index.names), 60)] + ["Kish Shipping Bank"]
    expected = [[[h.entity_id, h.score, [f.reason for f in h.features]] for h in index.search(NameQuery(q), 0.5)]
                for q in queries]
    assert sum(map(len, expected)) >= 5
    (tmp_path / "compiled.pickle").write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    searched = _as_pure_python(
        "import json, pickle, sys; from pathlib import Path; from mistrust.model import NameQuery;"
        "from mistrust.screen import ScreenIndex; from test_screen_build import _hand_made;"
        f"folder = Path({str(tmp_path)!r}); index = pickle.loads((folder / 'compiled.pickle').read_bytes());"
        "(folder / 'pure.pickle').write_bytes(pickle.dumps(ScreenIndex.build([_hand_made()])));"
        f"print(json.dumps([[[h.entity_id, h.score, [f.reason for f in h.features]] "
        f"for h in index.search(NameQuery(q), 0.5)] for q in {queries!r}]))")
    assert searched == expected  # the compiled build's pickle, searched as pure Python
    from_pure = pickle.loads((tmp_path / "pure.pickle").read_bytes())
    assert [[[h.entity_id, h.score, [f.reason for f in h.features]] for h in from_pure.search(NameQuery(q), 0.5)]
            for q in queries] == expected


def test_a_pickle_keeps_every_field_but_the_derived_ones() -> None:
    # A compiled class lists its fields in ``__mypyc_attrs__``; an interpreted one has them in ``vars``.
    fields = getattr(ScreenIndex, "__mypyc_attrs__", None) or tuple(vars(ScreenIndex()))
    assert set(fields) - set(PICKLED_FIELDS) == {"_quick", "_recent"}
    assert set(PICKLED_FIELDS) <= set(fields)
    state = ScreenIndex().__getstate__()
    assert set(state) == set(PICKLED_FIELDS)


def test_a_pickle_of_an_older_index_without_a_field_loads_with_its_default() -> None:
    index = hand_made_index(random_entities(random.Random(4), 30))
    state = index.__getstate__()
    del state["sibling_sets"]
    revived = ScreenIndex.__new__(ScreenIndex)
    revived.__setstate__(state)
    assert revived.sibling_sets == {} and len(revived.names) == len(index.names)
    assert revived.search(NameQuery(index.names[5].name)) == index.search(NameQuery(index.names[5].name))


def test_a_build_older_than_a_source_is_stale(tmp_path: Path) -> None:
    sources = [tmp_path / f"{name}.py" for name in COMPILED_MODULES]
    for path in sources:
        path.write_text("")
        os.utime(path, (1_000, 1_000))
    assert not stale(tmp_path)  # no build at all
    library = tmp_path / "_native__mypyc.cpython-311-x86_64-linux-gnu.so"
    library.write_bytes(b"")
    os.utime(library, (2_000, 2_000))
    assert not stale(tmp_path)
    os.utime(sources[2], (3_000, 3_000))  # a source edited after the build
    assert stale(tmp_path)


def test_the_pure_python_switch_loads_the_sources() -> None:
    found = _as_pure_python("import json; import mistrust.screen.index as m; from mistrust.screen import compiled;"
                            "print(json.dumps([compiled(), m.__file__]))")
    assert found[0] is False and found[1].endswith("index.py")
    assert compiled() == (not str(sys.modules["mistrust.screen.index"].__file__).endswith(".py"))

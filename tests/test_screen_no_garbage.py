"""A search leaves nothing for the garbage collector, and the typed loops add what the builtins add.

Compiled by mypyc, a closure inside ``ScreenIndex.search`` and the frame object holding the
search's variables held each other: every search left that reference cycle (with its name pairs,
scores and alignments) for the collector, a cost pure Python never had. The search keeps no
closure now (``ScreenIndex._settle``); the first test fails if one comes back, in either build.
The names are synthetic (``_screen_helpers``).
"""

from __future__ import annotations

import gc
import random

from _screen_helpers import FAMILY, GIVEN, ORG, PLACE, hand_made_index, random_entities
from mistrust.model import NameQuery
from mistrust.screen.lexicon import Lexicon


def _queries(rng: random.Random, count: int) -> list[NameQuery]:
    out = []
    for k in range(count):
        if k % 2:
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        else:
            name = f"{rng.choice(PLACE)} {rng.choice(ORG)}"
        out.append(NameQuery(name, schema=rng.choice(["", "Person", "Organization"]),
                             countries=[rng.choice(["ir", "kp"])] if k % 3 == 0 else []))
    return out


def test_a_search_leaves_no_reference_cycle() -> None:
    rng = random.Random(31)
    index = hand_made_index(random_entities(rng, 150, facts=True))
    queries = _queries(rng, 120)
    for q in queries[:5]:  # caches and lazily built rows in place before counting
        index.search(q)
    gc.collect()
    gc.disable()
    try:
        hits = 0
        for n, q in enumerate(queries):
            # small limits and low report floors: the stopping rules and dead ends of the search
            hits += len(index.search(q, threshold=0.6, limit=1 + n % 3, min_score=0.3 if n % 2 else 0.5))
            hits += len(index.search(q, exclude={n}))
        left = gc.collect()
    finally:
        gc.enable()
    assert hits > 50  # the searches found something, so they ran the scoring
    assert left == 0, f"{left} objects left in reference cycles by {2 * len(queries)} searches"


def test_word_sums_add_as_the_builtins_do() -> None:
    # Weights with many decimals, so that a different order of additions would show.
    rng = random.Random(8)
    words = [f"{rng.choice('bdgkmrst')}{rng.choice('aeiou')}{rng.choice('lnrvz')}{k}" for k in range(40)]
    lex = Lexicon(weights={w: rng.uniform(0.5, 120.0) for w in words[:30]}, default_weight=97.31)
    for _ in range(300):
        picked = rng.sample(words, rng.randint(0, 6))  # some words unknown to the lexicon
        assert lex.weight_sum(picked) == sum(map(lex.weight, picked), 0.0)
        for share in (1.0, 0.5, 0.37):
            full = share * lex.default_weight
            expected = sum((min(1.0, lex.weight(w) / full) for w in picked), 0.0)
            assert lex.informative_sum(picked, share) == expected
        assert lex.informative_sum(picked) == sum(map(lex.informative, picked), 0.0)
    assert lex.informative_sum(words[30:]) == 10.0  # a word the lists lack identifies fully
    assert lex.weight_sum([]) == 0.0 and isinstance(lex.weight_sum([]), float)

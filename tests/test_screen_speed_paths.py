"""The quick paths of ``ScreenIndex`` change nothing but the time a search takes.

``candidates`` finds the touched names through the positive sums (not a mask of the ids): its
candidate sets must be identical to the former vectorised code, kept below as the reference.
``quick_scores`` picks which candidates get the full score: it must never drop a match the full
score of every candidate would return. Both on a synthetic list large enough for the bincount
path, with ties, one-word names, acronyms and very long names (low similarities).
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from _screen_helpers import full_score_matches
from mistrust.model import ListEntity, ListVersion, LoadedList, NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.index import CAND_FACTOR, MAX_POSTINGS_SHARE, RETRIEVE, query_keys
from mistrust.screen.normalize import NormName

SYLLABLES = ["ka", "ri", "mo", "han", "sung", "ali", "reza", "tav", "kol", "jong", "un", "bek", "naz",
             "far", "sa", "dong", "chol", "hos", "sei", "ni", "pet", "rov", "ig", "or"]
WORDS = ["trading", "bank", "shipping", "industry", "company", "of", "the", "korea", "iran", "group"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))).capitalize()


def _names(rng: random.Random, n: int) -> list[str]:
    out = []
    for i in range(n):
        kind = i % 6
        if kind == 0:
            out.append(_word(rng))  # one word
        elif kind == 1:
            out.append(" ".join(_word(rng) for _ in range(rng.randint(2, 4))))
        elif kind == 2:
            out.append(" ".join([_word(rng), *rng.sample(WORDS, 3)]))  # acronym-able
        elif kind == 3:
            out.append(" ".join(_word(rng) for _ in range(12)))  # very long: low similarities
        elif kind == 4:
            out.append(" ".join(rng.sample(WORDS, 2)))  # common words only: many ties
        else:
            out.append("".join(_word(rng) for _ in range(2)) + " " + _word(rng))
    return out


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    rng = random.Random(11)
    names = _names(rng, 2400)
    entities = [ListEntity(id=f"t:{i}", schema="LegalEntity", name=name, source="t")
                for i, name in enumerate(names)]
    version = ListVersion(id="t-v1", list_name="test", source="t", format="test", published=None,
                          sha256="0" * 64, source_file="synthetic", entity_count=len(entities))
    return ScreenIndex.build([LoadedList(version=version, entities=entities)])


@pytest.fixture(scope="module")
def queries(index: ScreenIndex) -> list[NormName]:
    rng = random.Random(5)
    raw = [n.name for n in rng.sample(index.names, 150)]
    raw += [n[:-2] + "xy" for n in raw[:60]]  # typos
    raw += [" ".join(reversed(n.split())) for n in raw[60:100]]  # other order
    raw += ["KTI", "Bo", "Bank", "Trading Group", "Alireza Tavkol", "Ka Ri Mo Han Sung Ali Reza"]
    # The initials of three words for those words (ROD Ship Management / Rahbaran Omid Darya ...).
    long = [n.name.split() for n in index.names if len(n.name.split()) >= 4 and n.name.split()[3].isalpha()]
    raw += ["".join(w[0] for w in words[:3]) + " " + " ".join(words[3:]) for words in long[:12]]
    return [normalize_name(q) for q in raw if normalize_name(q).compact]


def reference_candidates(index: ScreenIndex, norm: NormName, size: int = RETRIEVE) -> list[int]:
    """The former ``candidates``: touched names through a boolean mask of the posting ids; with
    mistrust-v8's room for distinct names when copies of one name crowd the best."""
    ranked = reference_ranking(index, norm)
    chosen = [pos for _neg, _gap, pos in ranked[:size]]
    if len(ranked) <= size or len({index.names[i].norm.sorted_compact for i in chosen}) > size - size // 4:
        return chosen
    # Copies of one name crowd the best: take names in ranking order until ``size`` distinct names
    # are in, with all their copies, at most 4 * size names.
    out: list[int] = []
    texts: set[str] = set()
    for _neg, _gap, pos in ranked[: 4 * size]:
        text = index.names[pos].norm.sorted_compact
        if text not in texts and len(texts) == size:
            break
        texts.add(text)
        out.append(pos)
    return out


def reference_ranking(index: ScreenIndex, norm: NormName) -> list[tuple[float, int, int]]:
    """(-key sum, length gap, position) of every touched name, best first."""
    cap = max(50, int(MAX_POSTINGS_SHARE * len(index.names)))
    posts, weights = [], []
    found = sorted((span for key in query_keys(norm) if (span := index.keys.get(key)) is not None),
                   key=lambda span: span[1] - span[0])
    for n, (start, end, idf) in enumerate(found):
        if end - start > cap and n >= 3:
            break
        posts.append(index.flat[start:end])
        weights.append(idf)
    if not posts:
        return []
    ids = np.concatenate(posts)
    w = np.repeat(np.asarray(weights, dtype=np.float32), [len(p) for p in posts])
    if len(ids) * CAND_FACTOR >= len(index.names):
        sums = np.bincount(ids, weights=w, minlength=len(index.names))
        touched = np.zeros(len(index.names), dtype=bool)
        touched[ids] = True
        uniq = np.flatnonzero(touched)
        sums = sums[uniq]
    else:
        uniq, inverse = np.unique(ids, return_inverse=True)
        sums = np.bincount(inverse, weights=w)
    # mistrust-v10: equal sums go to the names whose skeleton is closest in length to the query's,
    # then to the first in the index.
    gaps = [abs(len(index.names[i].norm.skeleton) - len(norm.skeleton)) for i in uniq.tolist()]
    return sorted(zip((-sums).tolist(), gaps, uniq.tolist(), strict=True))


def test_synthetic_index_takes_both_candidate_paths(index: ScreenIndex, queries: list[NormName]) -> None:
    sizes = []
    for norm in queries:
        found = [index.keys[k] for k in query_keys(norm) if k in index.keys]
        sizes.append(sum(e - s for s, e, _ in found))
    assert any(n * CAND_FACTOR >= len(index.names) for n in sizes), "bincount path not exercised"
    # The few-postings path groups by a stable sort (``np.add.reduceat``): compared to the
    # reference below as well.
    assert any(0 < n * CAND_FACTOR < len(index.names) for n in sizes), "grouping path not exercised"


def test_candidates_identical_to_reference(index: ScreenIndex, queries: list[NormName]) -> None:
    crowded = sum(len(index.candidates(norm)) > RETRIEVE for norm in queries)
    assert crowded, "no query whose best candidates are crowded by copies of one name"
    # Equal sums across the cut, settled by the length gap: the tie rule is exercised.
    ranked = [reference_ranking(index, norm) for norm in queries]
    assert any(len(r) > RETRIEVE and r[RETRIEVE - 1][0] == r[RETRIEVE][0] and r[RETRIEVE - 1][1] != r[RETRIEVE][1]
               for r in ranked), "no tie across the cut"
    for norm in queries:
        assert sorted(index.candidates(norm)) == sorted(reference_candidates(index, norm)), norm.original
        assert sorted(index.candidates(norm, 5)) == sorted(reference_candidates(index, norm, 5)), norm.original


@pytest.mark.parametrize("threshold", [0.5, 0.7])
def test_quick_ranking_never_drops_a_match_the_full_score_returns(index: ScreenIndex, queries: list[NormName],
                                                                   threshold: float) -> None:
    """The property the quick ranking must keep: it only saves work. Every entry that the full
    score of all retrieved candidates puts at or above the threshold is returned, same score."""
    matched = 0
    for norm in queries:
        query = NameQuery(norm.original)
        hits = {h.entity_id: h.score for h in index.search(query, threshold=threshold, limit=10,
                                                           min_score=0.5) if h.match}
        expected = full_score_matches(index, query, threshold, 10)
        assert hits == expected, norm.original
        matched += len(expected)
    assert matched > len(queries) / 2, "too few matches for the property to say anything"

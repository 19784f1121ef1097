"""The quick paths of ``ScreenIndex`` give exactly what the plain numpy versions gave.

``candidates`` finds the touched names through the positive sums (not a mask of the ids) and
``quick_scores`` computes per candidate in plain Python from float32 similarities. Both were
rewritten for speed only: candidate sets and quick scores must be bit-identical to the former
vectorised code, kept below as the reference, on a synthetic list large enough for the
bincount path, with ties, one-word names, acronyms and very long names (low similarities).
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from mistrust.model import ListEntity, ListVersion, LoadedList, NameQuery
from mistrust.screen import ScreenIndex, normalize_name
from mistrust.screen.algorithm import ACRONYM_SCORE
from mistrust.screen.index import CAND_FACTOR, MAX_POSTINGS_SHARE, RETRIEVE, _as_float32, initials, query_keys
from mistrust.screen.normalize import PARTICLES, NormName, skeleton

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


def reference_quick_scores(index: ScreenIndex, norm: NormName, positions: list[int]) -> list[tuple[float, int]]:
    """The former vectorised ``quick_scores``."""
    if not positions:
        return []
    names = [index.names[i].norm for i in positions]
    sim = Indel.normalized_similarity
    lit = np.maximum(cdist([norm.compact], [n.compact for n in names], scorer=sim)[0],
                     cdist([norm.sorted_compact], [n.sorted_compact for n in names], scorer=sim)[0])
    pho = np.maximum(cdist([norm.skeleton], [n.skeleton for n in names], scorer=sim)[0],
                     cdist([norm.sorted_skeleton], [n.sorted_skeleton for n in names], scorer=sim)[0])
    pos_arr = np.asarray(positions)
    conf = np.minimum(1.0, (np.minimum(len(norm.skeleton), index.skel_len[pos_arr]) + 1) / 5)
    sounds = conf * pho + (1 - conf) * lit
    qset = frozenset(norm.skeletons)
    nq = len(qset)
    parts = np.zeros(len(positions))
    if nq:
        theirs = [index.skel_sets[p] for p in positions]
        common = np.array([len(qset & t) for t in theirs], dtype=np.float64)
        nt = np.array([len(t) for t in theirs], dtype=np.float64)
        # mistrust-v9: a query word of 3-6 letters that spells the first letters of adjacent
        # words of the candidate is one shared part standing for those words.
        if len(norm.tokens) > 1:
            for k, pos in enumerate(positions):
                letters = "".join(t[0] for t in index.names[pos].norm.tokens if t not in PARTICLES and t.isalpha())
                for word in norm.tokens:
                    if (3 <= len(word) <= 6 and word.isalpha() and word not in PARTICLES and len(letters) >= 3
                            and word in letters and skeleton(word) not in theirs[k] and common[k] < nq
                            and nt[k] - len(word) + 1 > common[k]):
                        common[k] += 1
                        nt[k] -= len(word) - 1
        has = nt > 0
        share = np.where(has, 2 * common / np.maximum(nq + nt, 1), 0.0)
        both_extra = has & (common < nq) & (common < nt)
        penalty = 0.4 * np.minimum(1 - common / nq, 1 - common / np.maximum(nt, 1))
        # mistrust-v10: one name is the other plus some parts: those count half.
        one_sided = has & ~both_extra & (common > 0)
        extra_share = 2 * common / np.maximum(2 * common + 0.5 * (nq + nt - 2 * common), 1e-9)
        parts = np.where(both_extra, share - penalty, np.where(one_sided, extra_share, share))
    score = 0.25 * lit + 0.25 * sounds + 0.5 * np.maximum(parts, lit - 0.25)
    out = []
    q_one = len(norm.tokens) == 1
    for value, pos, n in zip(score.tolist(), positions, names, strict=True):
        if n.sorted_compact == norm.sorted_compact:
            out.append((1.0, pos))
        elif (q_one and norm.compact in n.acronyms) or (len(n.tokens) == 1 and n.compact in norm.acronyms):
            out.append((max(ACRONYM_SCORE, value), pos))
        else:
            out.append((value, pos))
    out.sort(reverse=True)
    return out


def test_synthetic_index_takes_both_candidate_paths(index: ScreenIndex, queries: list[NormName]) -> None:
    sizes = []
    for norm in queries:
        found = [index.keys[k] for k in query_keys(norm) if k in index.keys]
        sizes.append(sum(e - s for s, e, _ in found))
    assert any(n * CAND_FACTOR >= len(index.names) for n in sizes), "bincount path not exercised"


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


def test_quick_scores_bit_identical_to_reference(index: ScreenIndex, queries: list[NormName]) -> None:
    low = 0
    for norm in queries:
        positions = index.candidates(norm, 60)
        got = index.quick_scores(norm, positions)
        assert got == reference_quick_scores(index, norm, positions), norm.original
        low += sum(1 for i in positions if Indel.normalized_similarity(norm.compact, index.names[i].norm.compact) < 0.125)
    assert low, "no candidate with a letter similarity below 0.125 (the float32-rounded branch)"
    spelled = sum(1 for norm in queries if len(norm.tokens) > 1 for p in index.candidates(norm, 60)
                  if any(3 <= len(w) <= 6 and w in initials(index.names[p].norm.tokens) for w in norm.tokens))
    assert spelled, "no query word that spells a candidate's initials (the initials branch)"
    assert index.quick_scores(queries[0], []) == []


def test_float32_subtraction_exact_above_one_eighth() -> None:
    """Why ``quick_scores`` rounds ``lit - 0.25`` to float32 only below 0.125: above, it is exact."""
    rng = np.random.default_rng(3)
    lits = np.concatenate([rng.random(20000, dtype=np.float32) * np.float32(0.875) + np.float32(0.125),
                           np.array([0.125, 0.25, 0.5, 1.0], dtype=np.float32)])
    as_float32 = (lits - np.float32(0.25)).astype(np.float64)
    assert np.array_equal(as_float32, lits.astype(np.float64) - 0.25)
    small = rng.random(20000, dtype=np.float32) * np.float32(0.125)
    rounded = np.array([_as_float32(float(x) - 0.25) for x in small])
    assert np.array_equal(rounded, (small - np.float32(0.25)).astype(np.float64))
    assert _as_float32(0.1) == float(np.float32(0.1)) != 0.1


def test_search_unchanged_for_exact_and_typo_queries(index: ScreenIndex) -> None:
    name = index.names[7].name
    hits = index.search(NameQuery(name), threshold=0.7, limit=5)
    assert hits and hits[0].score == 1.0 and hits[0].matched_name == name
    typo = index.search(NameQuery(name[:-1] + "q"), threshold=0.7, limit=5)
    assert all(h.score <= 1.0 for h in typo)


def test_pickled_index_drops_and_rebuilds_quick_rows(index: ScreenIndex, queries: list[NormName]) -> None:
    import pickle

    norm = queries[3]
    positions = index.candidates(norm)
    before = index.quick_scores(norm, positions)
    assert index._quick is not None
    copy = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy._quick is None
    assert copy.quick_scores(norm, positions) == before
    del copy.__dict__["_quick"]  # an index pickled before the attribute existed
    assert copy.quick_scores(norm, positions) == before

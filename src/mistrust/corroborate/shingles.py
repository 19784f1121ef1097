"""Word 8-gram shingles, verbatim passages and MinHash/LSH for finding copied text.

Copied wire copy survives light editing (a changed headline, a dropped paragraph) but keeps
long runs of identical words, so we compare word n-grams rather than characters. Shingle hashes
are built from per-word CRC32 values combined through Python's tuple hash of ints, which, unlike
``hash(str)``, is not salted per process: the same text always gives the same shingles, cheaply.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHINGLE_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_MASK64 = (1 << 64) - 1
_P32 = 4294967311  # smallest prime above 2**32
_word_ids: dict[str, int] = {}


def words(text: str) -> list[str]:
    """Lower-cased word tokens; curly and straight apostrophes are the same character."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def _wid(word: str) -> int:
    wid = _word_ids.get(word)
    if wid is None:
        if len(_word_ids) > 2_000_000:  # bound the cache on very long runs
            _word_ids.clear()
        wid = _word_ids[word] = zlib.crc32(word.encode("utf-8"))
    return wid


def shingle_list(tokens: Sequence[str], n: int = SHINGLE_WORDS) -> list[int]:
    """Hash of every word n-gram, in text order (position i covers tokens[i:i+n])."""
    ids = [_wid(w) for w in tokens]
    return [hash(tuple(ids[i : i + n])) & _MASK64 for i in range(len(ids) - n + 1)]


def shingles(text: str, n: int = SHINGLE_WORDS) -> set[int]:
    return set(shingle_list(words(text), n))


@dataclass(frozen=True)
class Overlap:
    """What two texts share verbatim."""

    shared_shingles: int
    longest_run_words: int  # longest passage of identical words (0 when nothing shared)
    containment: float  # shared shingles / shingles of the smaller text
    passage: str  # the longest shared passage, as words of the first text

    def describe(self) -> str:
        return f"share a {self.longest_run_words}-word verbatim passage ({self.shared_shingles} shared 8-grams)"


def overlap(text_a: str, text_b: str, n: int = SHINGLE_WORDS) -> Overlap:
    """Shared n-grams and the longest verbatim run between two texts."""
    wa = words(text_a)
    la, lb = shingle_list(wa, n), shingle_list(words(text_b), n)
    sb = set(lb)
    shared = {s for s in la if s in sb}
    best_len, best_start, run, start = 0, 0, 0, 0
    for i, s in enumerate(la):
        if s in shared:
            if run == 0:
                start = i
            run += 1
            if run > best_len:
                best_len, best_start = run, start
        else:
            run = 0
    run_words = best_len + n - 1 if best_len else 0
    smaller = min(len(set(la)), len(sb)) or 1
    return Overlap(
        shared_shingles=len(shared),
        longest_run_words=run_words,
        containment=len(shared) / smaller,
        passage=" ".join(wa[best_start : best_start + run_words]) if run_words else "",
    )


class MinHashLSH:
    """MinHash signatures with LSH banding: candidate near-duplicate pairs without all-pairs work.

    A pair becomes a candidate when all rows of one band agree; with 16 bands of 4 rows a pair with
    Jaccard 0.3 is found with probability ~12%, 0.5 with ~65%, 0.7 with ~99%. Use it for whole-text
    reprints; for partial copying (one paragraph quoted) use :class:`ShingleIndex`.
    """

    def __init__(self, num_perm: int = 64, bands: int = 16, seed: int = 1) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.num_perm, self.bands, self.rows = num_perm, bands, num_perm // bands
        import random

        rng = random.Random(seed)
        import numpy as np

        self._a = np.array([rng.randrange(1, _P32) & 0xFFFFFFFF for _ in range(num_perm)], dtype=np.uint64)
        self._b = np.array([rng.randrange(0, _P32) & 0xFFFFFFFF for _ in range(num_perm)], dtype=np.uint64)
        self._buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)

    def signature(self, shingle_set: Iterable[int]) -> list[int]:
        import numpy as np

        xs = np.fromiter((s & 0xFFFFFFFF for s in shingle_set), dtype=np.uint64)
        if xs.size == 0:
            return [_P32] * self.num_perm
        # Universal hashing (a*x + b) mod p with 32-bit a, b, x and p just above 2**32: every
        # product fits in uint64, so numpy does all permutations at once without overflow.
        vals = (self._a[:, None] * xs[None, :] + self._b[:, None]) % np.uint64(_P32)
        return [int(v) for v in vals.min(axis=1)]

    def add(self, key: str, signature: Sequence[int]) -> list[str]:
        """Index a signature; return keys already indexed that share a band (candidates)."""
        found: list[str] = []
        seen: set[str] = set()
        for band in range(self.bands):
            bucket = self._buckets[(band, tuple(signature[band * self.rows : (band + 1) * self.rows]))]
            for other in bucket:
                if other not in seen:
                    seen.add(other)
                    found.append(other)
            bucket.append(key)
        return found


class ShingleIndex:
    """Inverted index shingle -> texts: finds every pair sharing at least ``min_shared`` 8-grams.

    Shingles seen in more than ``max_postings`` texts are boilerplate or stock phrases
    ("the content of this article", a standard disclaimer) and are ignored, which bounds the work
    per text whatever the corpus size.
    """

    def __init__(self, min_shared: int = 3, max_postings: int = 50) -> None:
        self.min_shared, self.max_postings = min_shared, max_postings
        self._postings: dict[int, list[str]] = defaultdict(list)

    def add(self, key: str, shingle_set: Iterable[int]) -> dict[str, int]:
        """Index a text; return {earlier key: number of shared shingles} for pairs over the minimum."""
        counts: dict[str, int] = defaultdict(int)
        for s in shingle_set:
            posting = self._postings[s]
            if len(posting) < self.max_postings:
                for other in posting:
                    counts[other] += 1
                posting.append(key)
        return {k: c for k, c in counts.items() if c >= self.min_shared and k != key}

"""Word 8-gram shingles and verbatim passages, for finding copied text.

Copied wire copy survives light editing (a changed headline, a dropped paragraph) but keeps
long runs of identical words, so we compare word n-grams rather than characters. Shingle hashes
are built from per-word CRC32 values combined through Python's tuple hash of ints, which, unlike
``hash(str)``, is not salted per process: the same text always gives the same shingles, cheaply.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

SHINGLE_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_MASK64 = (1 << 64) - 1
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

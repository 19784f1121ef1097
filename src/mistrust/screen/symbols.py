"""Which words of organisation names rigour's data says mean the same: Foundation / Stichting.

rigour tags the generic words of organisation names with symbols from its curated data
(``SYMBOL`` and ``DOMAIN``): a word's translations and derived forms share one
(Foundation / Stichting / Fundacion, Finance / Financial, Machine / Machinery,
Company / Kompaniya, Hezbollah / Hizballah). No spelling rule of ours can link Stichting to
Foundation, so two words that share such a symbol are a partial match.

Not used, on purpose:

* legal forms (``ORG_CLASS``): the normaliser already folds and strips them;
* given-name symbols (``NAME``, Wikidata name items: Hossein / Husain): loading that table
  takes about 6 s and 370 MB on the first query, for one more variant found in 1,709 in
  ``benchmarks/screening_quality.py``; our spelling rules cover most of what it links, and its
  links between Chinese and Korean syllables (Shen/Sung, Wan/Yin) would be false hits.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rigour.names import NameTypeTag, SymbolCategory, analyze_names

_WORD_CATEGORIES = frozenset({SymbolCategory.SYMBOL, SymbolCategory.DOMAIN})
_NONE: frozenset[str] = frozenset()


# A word's classes never vary (rigour's data is fixed): the cache saves time, never changes a score.
@lru_cache(maxsize=65536)
def word_classes(word: str) -> frozenset[str]:
    """rigour's word-class symbols of one normalised name part ("stichting" -> {"[SYMBOL:FDN]"})."""
    classes: set[str] = set()
    # Only the symbol tagging is needed: phonetic keys, numbers and name merging off make a
    # word's analysis about 400 times cheaper.
    for name in analyze_names(NameTypeTag.ORG, [word], phonetics=False, consolidate=False, rewrite=False,
                              numerics=False):
        classes.update(str(s) for s in name.symbols if s.category in _WORD_CATEGORIES)
    return frozenset(classes) if classes else _NONE


def vocabulary_classes(words: Iterable[str]) -> dict[str, frozenset[str]]:
    """The classes of many words (an index's vocabulary), to keep in its ``Lexicon``."""
    return {word: word_classes(word) for word in words}


SAME_MEANING = "same meaning"
# A link read off the lists' own names (``links``), not from rigour's curated data.
LISTED_TOGETHER = "one for the other in a listed entry's names"

__all__ = ["LISTED_TOGETHER", "SAME_MEANING", "vocabulary_classes", "word_classes"]

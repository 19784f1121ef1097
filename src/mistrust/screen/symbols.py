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

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from types import MappingProxyType

from rigour.names import NameTypeTag, SymbolCategory, analyze_names

_WORD_CATEGORIES = frozenset({SymbolCategory.SYMBOL, SymbolCategory.DOMAIN})
_NONE: frozenset[str] = frozenset()
# Words already looked up for an index (see ``remember``): the listed words recur in every
# search, and an index brings their classes with it instead of looking them up again.
_KNOWN: dict[str, frozenset[str]] = {}


@lru_cache(maxsize=65536)
def _look_up(word: str) -> frozenset[str]:
    classes: set[str] = set()
    # Only the symbol tagging is needed: phonetic keys, numbers and name merging off make a
    # word's analysis about 400 times cheaper.
    for name in analyze_names(NameTypeTag.ORG, [word], phonetics=False, consolidate=False, rewrite=False,
                              numerics=False):
        classes.update(str(s) for s in name.symbols if s.category in _WORD_CATEGORIES)
    return frozenset(classes) if classes else _NONE


def word_classes(word: str) -> frozenset[str]:
    """rigour's word-class symbols of one normalised name part ("stichting" -> {"[SYMBOL:FDN]"})."""
    known = _KNOWN.get(word)
    return known if known is not None else _look_up(word)


def vocabulary_classes(words: Iterable[str]) -> dict[str, frozenset[str]]:
    """The classes of many words (an index's vocabulary), to keep with it and ``remember``."""
    return {word: _look_up(word) for word in words}


def remember(table: dict[str, frozenset[str]]) -> None:
    """Take an index's looked-up words into the shared cache (the classes of a word never vary)."""
    _KNOWN.update(table)


SAME_MEANING = "same meaning"
# A link read off the lists' own names (``links``), not from rigour's curated data.
LISTED_TOGETHER = "one for the other in a listed entry's names"

# The links of the index searching now (``links``): a context variable, so that concurrent
# searches (threads, tasks) on different indexes never mix them. Links are an index's own
# knowledge, so they stay out of ``_KNOWN``, which holds facts about words that are the same for
# every index.
_LINKS: ContextVar[Mapping[str, frozenset[str]]] = ContextVar("mistrust_links", default=MappingProxyType({}))


def classes_with_links(word: str) -> frozenset[str]:
    """``word_classes`` plus the word's links in the index searching now."""
    classes = word_classes(word)
    links = _LINKS.get().get(word)
    return classes | links if links else classes


@contextmanager
def linking(links: Mapping[str, frozenset[str]]) -> Iterator[None]:
    """Make an index's ``links`` (word -> link classes) count while the block runs."""
    token = _LINKS.set(links)
    try:
        yield
    finally:
        _LINKS.reset(token)


__all__ = ["LISTED_TOGETHER", "SAME_MEANING", "classes_with_links", "linking", "remember", "vocabulary_classes",
           "word_classes"]
